import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { extractFromHtml } from '../../../lib/extract/html';
import { jsdomDocument } from './dom-helpers';
import { readFixture } from './expect-extraction';

const seed001 = readFixture('seed-001');
const linkedomDoc = (html: string) => parseHTML(html).document as unknown as Document;

describe('extractArticle', () => {
  it('reads a clone: the page document is left as it was', () => {
    const doc = linkedomDoc(seed001.html);
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc, { url: seed001.expected.pageUrl })).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives the same article from a jsdom document as from a linkedom one', () => {
    const fromLinkedom = extractArticle(linkedomDoc(seed001.html), { url: seed001.expected.pageUrl });
    const fromJsdom = extractArticle(jsdomDocument(seed001.html), { url: seed001.expected.pageUrl });
    expect(fromJsdom).toEqual(fromLinkedom);
  });

  it('takes the page URL from the document when it has one, and as a plain second argument', () => {
    const jsdomDoc = jsdomDocument(readFixture('canonical-page-url').html, 'https://www.riversidecourier.example/story');
    expect(extractArticle(jsdomDoc)?.url).toBe('https://www.riversidecourier.example/story');
    expect(extractArticle(linkedomDoc(readFixture('canonical-page-url').html), 'https://example.com/x')?.url).toBe('https://example.com/x');
  });

  it('uses the injected language detector on the article text', () => {
    const { html, expected } = readFixture('lang-detected');
    const detect = vi.fn(() => 'pt');
    const article = extractArticle(linkedomDoc(html), { url: expected.pageUrl, detectLanguage: detect });
    expect(article?.lang).toBe('pt');
    expect(detect).toHaveBeenCalledWith(article?.text);
  });

  it('gives the text as paragraphs joined by blank lines, with their spans', () => {
    const article = extractFromHtml(seed001.html, seed001.expected.pageUrl);
    const spans = article?.paragraphs ?? [];
    expect(spans).toHaveLength(5);
    expect(spans.map(([s, e]) => article!.text.slice(s, e)).join('\n\n')).toBe(article?.text);
    expect(article?.text).not.toMatch(/\n\n\n|^\s|\s$/);
  });

  it('returns null for a page over the element limit', () => {
    expect(extractArticle(linkedomDoc(seed001.html), { maxElements: 50 })).toBeNull();
  });

  it('returns null for an empty page', () => {
    expect(extractFromHtml('')).toBeNull();
    expect(extractFromHtml('<html><body></body></html>')).toBeNull();
  });
});
