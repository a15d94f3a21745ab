import { describe, expect, it } from 'vitest';
import { hintWords, setAsideKindOf } from '../../../lib/extract/furniture-cues';
import { docFrom } from './dom-helpers';

function kindOf(html: string) {
  const doc = docFrom(html);
  return setAsideKindOf(doc.body.firstElementChild as Element);
}

describe('setAsideKindOf', () => {
  it.each([
    ['<div class="newsletter-signup"></div>', 'furniture'],
    ['<div data-component="newsletterSignup"></div>', 'furniture'],
    ['<div class="kiosq-promo subscribe-promo"></div>', 'furniture'],
    ['<div id="jp-relatedposts" class="jp-relatedposts"></div>', 'furniture'],
    ['<div class="sharedaddy sd-sharing-enabled"></div>', 'furniture'],
    ['<section aria-label="Share this article"></section>', 'furniture'],
    ['<div class="btn-Follow"></div>', 'furniture'],
    ['<div class="author-bio"></div>', 'furniture'],
    ['<div class="atc-AuthorBox"></div>', 'furniture'],
    ['<div class="trending-inline"></div>', 'furniture'],
    ['<div id="comments" class="comments-area"></div>', 'furniture'],
    ['<span class="screen-reader-text"></span>', 'furniture'],
    ['<aside></aside>', 'furniture'],
    ['<form></form>', 'furniture'],
    ['<figcaption></figcaption>', 'caption'],
    ['<p class="wp-caption-text"></p>', 'caption'],
    ['<span class="photo-credit"></span>', 'caption'],
    ['<div class="byline"></div>', 'byline'],
    ['<div class="entry-meta"></div>', 'byline'],
  ])('%s is %s', (html, kind) => {
    expect(kindOf(html)).toBe(kind);
  });

  it.each([
    '<div class="article-body"></div>',
    '<div id="article-body" class="text-copy bodyCopy auto"></div>',
    '<p class="commentary-lead"></p>',
    '<section id="sharing-with-a-single-developer"></section>',
    '<div class="header-image"></div>',
  ])('%s is article', (html) => {
    expect(kindOf(html)).toBeUndefined();
  });
});

describe('hintWords', () => {
  it('splits class, id, role and data hints into lower-case words, camelCase included', () => {
    const el = docFrom('<div class="js-NewsletterSignup share_bar" id="promo" role="complementary"></div>').body.firstElementChild as Element;
    expect(hintWords(el)).toEqual(['js', 'newsletter', 'signup', 'share', 'bar', 'promo', 'complementary']);
  });
});
