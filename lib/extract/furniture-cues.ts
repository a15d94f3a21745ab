import { attr, tagOf } from './dom';

/**
 * What an element is when it is not article text:
 * "furniture" – page widgets (newsletter prompts, share and follow buttons, bios, related lists, comments…);
 * "caption" – photo captions and credits;
 * "byline" – the author line, reported as `byline`, not as furniture.
 */
export type SetAsideKind = 'furniture' | 'caption' | 'byline';

/** Attributes whose values name what a block is for. */
/** The attributes whose words name a widget; setAsideKindOf reads these, the tag and itemprop only. */
export const HINT_ATTRIBUTES = ['class', 'id', 'role', 'aria-label', 'aria-roledescription', 'data-component', 'data-module', 'data-testid', 'data-type'];

/** One word of a hint is enough. */
const FURNITURE_WORDS = new Set([
  'optin', 'cta', 'follow', 'followbutton', 'readmore', 'readnext', 'mostread',
  'ad', 'ads', 'adsense', 'bio', 'biography', 'comment', 'comments', 'respond', 'reply', 'replies',
  'tags', 'taglist', 'nav', 'navigation', 'pagination', 'complementary', 'banner', 'contentinfo', 'search', 'dialog',
  'sronly', 'screenreader', 'visuallyhidden',
]);

/** Word stems that mark furniture inside compound class names too ("jp-relatedposts", "newsletterForm"). */
const FURNITURE_STEMS = [
  'newsletter', 'subscri', 'signup', 'paywall', 'share', 'sharing', 'social', 'related', 'recommend', 'trending',
  'popular', 'promo', 'advert', 'sponsor', 'outbrain', 'taboola', 'disqus', 'breadcrumb',
];

/** Two adjacent words that together mark furniture ("sign-up", "read more", "most popular"). */
const FURNITURE_PAIRS = new Set([
  'sign up', 'read more', 'read next', 'more from', 'most read', 'most popular', 'see also', 'also read', 'you may',
  'author box', 'author info', 'author card', 'author profile', 'author details', 'author description', 'about author',
  'sr only', 'screen reader', 'visually hidden', 'post navigation',
]);

const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption', 'credit', 'credits', 'photocredit', 'imagecredit']);
/** Author and date lines ("entry-meta", "article-timestamp"): `byline` and the dates report them. */
const BYLINE_WORDS = new Set(['byline', 'bylines', 'dateline', 'meta', 'timestamp', 'date', 'pubdate', 'published']);

/** Tags that are never article text wherever they stand. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'dialog']);

export function setAsideKindOf(element: Element): SetAsideKind | undefined {
  const tag = tagOf(element);
  if (tag === 'figcaption') return 'caption';
  if (FURNITURE_TAGS.has(tag)) return 'furniture';
  if (attr(element, 'itemprop') === 'caption') return 'caption';
  const words = hintWords(element);
  if (words.length === 0) return undefined;
  if (words.some((w) => CAPTION_WORDS.has(w))) return 'caption';
  if (words.some((w) => FURNITURE_WORDS.has(w) || FURNITURE_STEMS.some((stem) => w.includes(stem)))) return 'furniture';
  for (let i = 0; i + 1 < words.length; i++) {
    if (FURNITURE_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return 'furniture';
  }
  if (words.some((w) => BYLINE_WORDS.has(w))) return 'byline';
  return undefined;
}

/** Ids this long are slugs of headings ("sharing-with-a-single-developer"), not names of widgets. */
const MAX_ID_WORDS = 3;

/** "js-NewsletterSignup share_bar" → ["js", "newsletter", "signup", "share", "bar"]. */
export function hintWords(element: Element): string[] {
  const words: string[] = [];
  for (const name of HINT_ATTRIBUTES) {
    const value = attr(element, name);
    if (!value) continue;
    const split = value
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (name === 'id' && split.length > MAX_ID_WORDS) continue;
    words.push(...split);
  }
  return words;
}

/** Furniture that can run to several long paragraphs: reader comments. */
const LONG_FURNITURE_WORDS = new Set(['comment', 'comments', 'respond', 'reply', 'replies', 'disqus']);

export function isCommentSection(element: Element): boolean {
  return hintWords(element).some((w) => LONG_FURNITURE_WORDS.has(w));
}
