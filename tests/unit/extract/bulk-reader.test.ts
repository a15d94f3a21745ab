/**
 * The bulk importer's streaming reader: the article's paragraphs and metadata without a DOM, furniture inside the
 * article left out, furniture-like names on site-wide wrappers ignored, and pages without an article refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFast } from '../../../lib/extract/bulk-reader.ts';
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
