// @vitest-environment jsdom
/**
 * The page reader's own limits, in a DOM: a page whose text is past the reading limit is refused with a clear
 * message before the extractor runs; a page that is only a frame around the article is read from the frame;
 * and a passage inside such a frame is marked there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

vi.mock('wxt/browser', () => ({
  browser: { i18n: { detectLanguage: async () => ({ isReliable: false, languages: [] }) } },
}));

const { extractCurrentPage } = await import('../../../extension/content/extract-page.ts');
const { clearHighlight, highlightPassage, HIGHLIGHT_ATTRIBUTE } = await import('../../../extension/content/highlight.ts');
const { MAX_PAGE_TEXT_CHARS } = await import('../../../extension/shared/limits.ts');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seed000 = readFileSync(path.join(repoRoot, 'tests/fixtures/seed-000/page.html'), 'utf8');

// jsdom does no layout; the highlighter only needs the call to exist.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

/** Replaces a document's content with parsed HTML (no markup strings assigned to the live DOM). */
function fill(doc: Document, html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.documentElement.replaceChildren(...[...parsed.documentElement.childNodes].map((node) => doc.importNode(node, true)));
}

function frameHolding(html: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  // A frame is its own realm, with its own Element.
  const frameElement = (frame.contentWindow as unknown as { Element: typeof Element }).Element;
  frameElement.prototype.scrollIntoView ??= function scrollIntoView() {};
  fill(frame.contentDocument!, html);
  return frame;
}

afterEach(() => {
  clearHighlight();
  document.body.replaceChildren();
});

describe('page reader limits and frames', BOUNDED_HEAVY_WORK, () => {
  it('refuses a page whose text is past the reading limit, naming its size', async () => {
    document.body.replaceChildren(document.createTextNode('word '.repeat(MAX_PAGE_TEXT_CHARS / 5 + 1)));
    await expect(extractCurrentPage()).rejects.toThrow(/^This page is too large to check: its text runs to 20 million characters/);
  });

  it('reads the article of a same-origin frame when the page itself has none', async () => {
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Archive viewer' }));
    frameHolding(seed000);
    const { article } = await extractCurrentPage();
    expect(article?.title).toBe('Russia is already tentatively approaching the Taliban after the Afghan sweep');
    expect(article?.text).toContain('chains of slavery');
  });

  it('prefers the page’s own article to any frame', async () => {
    fill(document, seed000);
    frameHolding('<html><body><article><h1>Another story</h1><p>' + 'Other words here. '.repeat(80) + '</p></article></body></html>');
    const { article } = await extractCurrentPage();
    expect(article?.text).toContain('chains of slavery');
  });

  it('marks a passage inside the frame, and clears it there', () => {
    const frame = frameHolding(seed000);
    expect(highlightPassage('They have broken the chains of slavery in Afghanistan')).toBe(true);
    const marks = frame.contentDocument!.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`);
    expect([...marks].map((mark) => mark.textContent).join('')).toBe('They have broken the chains of slavery in Afghanistan');
    expect(clearHighlight()).toBe(true);
    expect(frame.contentDocument!.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`)).toHaveLength(0);
  });
});
