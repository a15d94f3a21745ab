/**
 * The bulk importer's streaming reader: the article's paragraphs and metadata without a DOM, furniture inside the
 * article left out, furniture-like names on site-wide wrappers ignored, and pages without an article refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFast, readArticleFromBytes } from '../../../lib/extract/bulk-reader.ts';
import { htmlDecoder } from '../../../lib/import/charset.ts';
import { extractFromHtml } from '../../../lib/extract/html.ts';
import { newsPage } from '../../../scripts/bench/news-pages.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

const prose = (topic: string) =>
  `${topic} was confirmed on Monday by officials, who said the decision followed weeks of talks with residents, business owners and the port authority, which had asked for more time.`;

describe('readArticleFast', () => {
  it('reads the generated news pages of the benchmark exactly, with their metadata', () => {
    for (const index of [0, 1, 17]) {
      const page = newsPage(index);
      const article = readArticleFast(page.html, page.url)!;
      expect(article.text).toBe(page.paragraphs.join('\n\n'));
      expect(article.title).toBe(page.title);
      expect(article.url).toBe(page.url);
      expect(article.lang).toBe('en');
      expect(article.publishedTime).toMatch(/^20\d\d-\d\d-\d\dT/);
      expect(article.siteName).toBeTruthy();
    }
  });

  it('leaves out widgets inside the article but not a wrapper with a widget-like class, and closes an unclosed head', () => {
    const html = `<html lang="de"><head><title>Hafen | Kurier</title><meta property="og:site_name" content="Kurier">
      <body class="page bbccom_adsense"><div id="wrap" class="share-enabled"><main><article>
      <h1>Hafen</h1><p>${prose('The harbour plan')}</p><div class="newsletter-signup"><p>${prose('Sign up for our newsletter')}</p></div>
      <p>${prose('The second phase')}</p><p>${prose('The third phase')}</p></article></main></div>
      <footer><p>${prose('The footer')}</p></footer></body></html>`;
    const article = readArticleFast(html, 'https://kurier.example/hafen')!;
    expect(article.text.split('\n\n')).toEqual([prose('The harbour plan'), prose('The second phase'), prose('The third phase')]);
    expect(article).toMatchObject({ title: 'Hafen', siteName: 'Kurier', lang: 'de', url: 'https://kurier.example/hafen' });
  });

  it('finds no article on a page of links', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/s/${i}">Story number ${i} about the harbour and the council</a></li>`).join('');
    expect(readArticleFast(`<html><body><ul>${links}</ul></body></html>`)).toBeNull();
  });

  it('agrees with the full extractor on a realistic fixture page', () => {
    const html = readFileSync(path.join(fixtures, 'seed-000', 'page.html'), 'utf8');
    const full = extractFromHtml(html, 'https://example.org/seed-000')!;
    const fast = readArticleFast(html, 'https://example.org/seed-000')!;
    const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu));
    const fullWords = words(full.text);
    const shared = [...words(fast.text)].filter((word) => fullWords.has(word)).length;
    expect(shared / fullWords.size).toBeGreaterThan(0.9);
    expect(fast.title).toBe(full.title);
  });
});

describe('readArticleFromBytes', () => {
  it('reads the same article from the bytes, decoded in pieces, as from the decoded page', () => {
    for (const index of [0, 1, 17]) {
      const page = newsPage(index);
      const bytes = new TextEncoder().encode(page.html);
      expect(readArticleFromBytes(bytes, htmlDecoder(bytes, 'text/html; charset=utf-8'), page.url)).toEqual(readArticleFast(page.html, page.url));
    }
  });

  it('decodes characters cut at a piece boundary, in another encoding too, and leaves the shared decoder ready', () => {
    // Long enough to cross several 8 KB pieces; the multi-byte characters fall on every offset.
    const paragraphs = Array.from({ length: 60 }, (_, i) => `${'é'.repeat(i % 7)}Zürich — “${prose(`Proposal ${i}`)}” ${'ü'.repeat(i % 5)}`);
    const html = `<html lang="de"><head><title>Zürich</title></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const utf8 = new TextEncoder().encode(html);
    const decoder = htmlDecoder(utf8, 'text/html; charset=utf-8');
    const fromBytes = readArticleFromBytes(utf8, decoder, 'https://example.com/a')!;
    expect(fromBytes).toEqual(readArticleFast(html, 'https://example.com/a'));
    expect(fromBytes.text).toBe(paragraphs.map((p) => p.trim()).join('\n\n'));
    // A page cut in the middle of a character, then a whole one: the cut is replaced, the next page is unharmed.
    const cut = utf8.subarray(0, utf8.indexOf(0xc3, 9000) + 1);
    readArticleFromBytes(cut, decoder, 'https://example.com/cut');
    expect(decoder.decode(new TextEncoder().encode('ok'))).toBe('ok');
    expect(readArticleFromBytes(utf8, decoder, 'https://example.com/a')).toEqual(fromBytes);
    const latin1Html = html.replace(/[—“”]/g, '-');
    const latin1 = Uint8Array.from(latin1Html, (char) => char.charCodeAt(0));
    expect(readArticleFromBytes(latin1, htmlDecoder(latin1, 'text/html; charset=iso-8859-1'), 'https://example.com/a')).toEqual(readArticleFast(latin1Html, 'https://example.com/a'));
  });
});
