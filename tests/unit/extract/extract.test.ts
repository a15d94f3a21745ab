import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { extractFromHtml } from '../../../lib/extract/html';
import { jsdomDocument } from './dom-helpers';
import { readFixture } from './expect-extraction';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

const seed001 = readFixture('seed-001');
const linkedomDoc = (html: string) => parseHTML(html).document as unknown as Document;

describe('extractArticle', BOUNDED_HEAVY_WORK, () => {
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

  it('takes a language detected beforehand (the browser\'s i18n.detectLanguage) instead of running a detector', () => {
    const { html, expected } = readFixture('lang-detected');
    const detect = vi.fn(() => 'es');
    const article = extractArticle(linkedomDoc(html), { url: expected.pageUrl, languageHint: 'pt-BR', detectLanguage: detect });
    expect(article?.lang).toBe('pt-BR');
    expect(detect).not.toHaveBeenCalled();
  });

  it('weighs the language hint against the declared language like a detection', () => {
    const doc = () => linkedomDoc(seed001.html);
    // seed-001 declares en: a hint in the same language keeps the declared tag, none leaves it standing.
    expect(extractArticle(doc(), { url: seed001.expected.pageUrl, languageHint: 'en-GB' })?.lang).toBe(seed001.expected.lang);
    expect(extractArticle(doc(), { url: seed001.expected.pageUrl, languageHint: undefined })?.lang).toBe(seed001.expected.lang);
    expect(extractArticle(doc(), { url: seed001.expected.pageUrl, languageHint: 'not a tag' })?.lang).toBe(seed001.expected.lang);
  });

  it('gives the text as paragraphs joined by blank lines, with their spans', () => {
    const article = extractFromHtml(seed001.html, seed001.expected.pageUrl);
    const spans = article?.paragraphs ?? [];
    expect(spans).toHaveLength(5);
    expect(spans.map(([s, e]) => article!.text.slice(s, e)).join('\n\n')).toBe(article?.text);
    expect(article?.text).not.toMatch(/\n\n\n|^\s|\s$/);
  });

  it('keeps a table of links as text, a linked picture credit as a caption, and lists the author line with the furniture', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n}: the Riverside library reopened on Monday after two years of repairs, with a new children’s room and a larger reading hall.</p>`;
    const html = `<html lang="en"><head><title>Riverside library reopens after flood repairs</title>
      <meta name="author" content="Ana Ruiz"></head><body><article>
      <h1>Riverside library reopens after flood repairs</h1><p>By Ana Ruiz</p>
      ${paragraph(1)}${paragraph(2)}
      <p><img src="hall.jpg"></p><p>(<a href="https://artist.example/lee">Artist: Lee Chan</a>)</p>
      ${paragraph(3)}
      <table><tr><th>Room</th><th>Hours</th></tr>${['Children’s room', 'Reading hall', 'Local archive']
        .map((room) => `<tr><td><p><a href="https://example.com/rooms">${room}</a></p></td><td><p>Open Monday to Saturday, from nine in the morning to six in the evening, with staff on hand.</p></td></tr>`)
        .join('')}</table>
      ${paragraph(4)}</article></body></html>`;
    const article = extractFromHtml(html, 'https://www.riversidecourier.example/news/library');
    expect(article?.text).toContain('Reading hall');
    expect(article?.captions).toContain('(Artist: Lee Chan)');
    expect(article?.furniture).toContain('By Ana Ruiz');
    expect(article?.text).not.toMatch(/Artist|By Ana Ruiz/);
  });

  it('returns null for a page over the element limit', () => {
    expect(extractArticle(linkedomDoc(seed001.html), { maxElements: 50 })).toBeNull();
  });

  it('returns null for an empty page', () => {
    expect(extractFromHtml('')).toBeNull();
    expect(extractFromHtml('<html><body></body></html>')).toBeNull();
  });
});
