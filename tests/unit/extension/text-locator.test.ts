// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findPassageRange, foldString } from '../../../extension/content/text-locator.ts';
import { clearHighlight, highlightPassage, HIGHLIGHT_ATTRIBUTE } from '../../../extension/content/highlight.ts';

function page(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}

// jsdom does no layout; the page under test only needs the call to exist.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

describe('findPassageRange', () => {
  it('finds a passage across elements, whitespace and typographic quotes', () => {
    page('<article><p>He said: “They have broken the</p>\n  <p><em>chains</em> of slavery in Afghanistan,” on Monday.</p></article>');
    const range = findPassageRange(document.body, '"They have broken the chains of slavery in Afghanistan,"');
    expect(range?.toString().replace(/\s+/g, ' ')).toBe('“They have broken the chains of slavery in Afghanistan,”');
  });

  it('ignores script text and returns null for absent passages', () => {
    page('<script>var s = "hidden words here";</script><p>visible words here</p>');
    expect(findPassageRange(document.body, 'hidden words')).toBeNull();
    expect(findPassageRange(document.body, 'visible words')?.toString()).toBe('visible words');
  });

  it('falls back to the passage’s ends when the middle differs', () => {
    const head = 'The Russian ambassador is due to meet with Taliban leaders on Tuesday in the capital';
    const tail = 'whether or not to recognize the Taliban-led government on the basis of its conduct today';
    page(`<p>${head} and Kabulov said Moscow had decided ${tail}.</p>`);
    const range = findPassageRange(document.body, `${head} and Kabulov said Moscow will decide ${tail}`);
    expect(range?.toString()).toBe(`${head} and Kabulov said Moscow had decided ${tail}`);
  });

  it('folds case, quotes and dashes, and drops whitespace', () => {
    expect(foldString('“A” — b\n c')).toBe('"a"-bc');
  });
});

describe('highlightPassage', () => {
  it('wraps the passage in marks and removes them again', () => {
    page('<p>one two</p><p>three four</p>');
    expect(highlightPassage('two three')).toBe(true);
    const marks = [...document.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`)];
    expect(marks.map((mark) => mark.textContent)).toEqual(['two', 'three']);
    expect(clearHighlight()).toBe(true);
    expect(document.body.textContent).toBe('one twothree four');
    expect(document.querySelectorAll('mark').length).toBe(0);
  });
});
