import { describe, expect, it } from 'vitest';
import { piecesText, walkArticle } from '../../../lib/extract/body';
import { docFrom } from './dom-helpers';

const LONG = 'Russia’s ambassador is scheduled to meet with Taliban leaders on Tuesday, and Moscow will decide on recognition later.';

function walk(html: string) {
  return walkArticle(docFrom(`<div id="root">${html}</div>`).getElementById('root') as Element);
}

describe('walkArticle', () => {
  it('makes one block per paragraph, headings and list items included, whitespace collapsed', () => {
    const { blocks } = walk(`<h2>Key  Facts</h2><p>First
      paragraph with <em>inline</em> markup.</p><ul><li>One</li><li>Two</li></ul>`);
    expect(blocks.map((b) => [b.tag, b.text])).toEqual([
      ['h2', 'Key Facts'],
      ['p', 'First paragraph with inline markup.'],
      ['li', 'One'],
      ['li', 'Two'],
    ]);
  });

  it('keeps a <br> as a line break inside the paragraph, never a blank line', () => {
    const { blocks } = walk('<p>Line one<br><br><br>Line two</p>');
    expect(blocks.map((b) => b.text)).toEqual(['Line one\nLine two']);
  });

  it('keeps preformatted lines and separates table cells', () => {
    const { blocks } = walk('<pre>a  =  1\n\n\nb = 2</pre><table><tr><td>Kabul</td><td>100</td></tr></table>');
    expect(blocks.map((b) => b.text)).toEqual(['a = 1\nb = 2', 'Kabul 100']);
  });

  it('measures how much of a block sits in links', () => {
    const { blocks } = walk('<p><a href="/a">All of it a link</a></p><p>No link here at all</p>');
    expect(blocks.map((b) => b.linkDensity)).toEqual([1, 0]);
  });

  it('sets aside furniture, captions and the byline by their markup', () => {
    const { blocks, setAside } = walk(`
      <p class="byline">By Peter Weber</p>
      <p>${LONG}</p>
      <figure><img src="x.jpg"><figcaption>Afghans applaud atop captured Soviet tank <span class="credit">Peter Jouvenal / Getty Images</span></figcaption></figure>
      <div class="newsletter-signup"><p>Sign up for The Week's Free Newsletters</p><p>From our morning news briefing…</p></div>
      <p>${LONG}</p>`);
    expect(blocks.map((b) => b.text)).toEqual([LONG, LONG]);
    expect(setAside).toEqual([
      { kind: 'byline', text: 'By Peter Weber' },
      { kind: 'caption', text: 'Afghans applaud atop captured Soviet tank Peter Jouvenal / Getty Images' },
      { kind: 'furniture', text: "Sign up for The Week's Free Newsletters\nFrom our morning news briefing…" },
    ]);
  });

  it('sets aside the "By" label with the name it introduces', () => {
    const { blocks, setAside } = walk(`<p>${LONG}</p><p><span>Por <span class="last-byline">Josh Max</span></span></p>`);
    expect(blocks.map((b) => b.text)).toEqual([LONG]);
    expect(setAside).toEqual([{ kind: 'byline', text: 'Por Josh Max' }]);
  });

  it('marks the blocks that stand in a list item or a cell of a data table, not of a layout table', () => {
    const { blocks } = walk(`
      <table><tr><th>Application</th></tr><tr><td><div><p><a href="/app">Farm Heroes Super Saga</a></p></div></td></tr></table>
      <table><tr><td><p><a href="/sister">Sister site</a></p></td></tr></table>
      <ul><li><a href="/a">A source</a></li></ul><p>Own line</p>`);
    expect(blocks.filter((b) => b.tag !== 'tr').map((b) => [b.text, !!b.inListOrTable])).toEqual([
      ['Farm Heroes Super Saga', true],
      ['Sister site', false],
      ['A source', true],
      ['Own line', false],
    ]);
  });

  it('does not take a furniture cue on a wrapper holding most of the text', () => {
    const { blocks, setAside } = walk(`<div class="share-container"><p>${LONG}</p><p>${LONG}</p></div><p>Short.</p>`);
    expect(blocks).toHaveLength(3);
    expect(setAside).toEqual([]);
  });

  it('does not take a furniture cue on a block of several long paragraphs, unless it holds comments', () => {
    const long = `<p>${LONG} ${LONG}</p>`;
    const section = (cls: string) => `<p>${LONG}</p><p>${LONG}</p>${long}${long}${long}<div class="${cls}">${long}${long}${long}</div>${long}${long}${long}`;
    expect(walk(section('related-section')).setAside).toEqual([]);
    expect(walk(section('comments')).setAside).toHaveLength(1);
  });

  it('skips scripts, styles and other non-reading text', () => {
    const { blocks } = walk('<p>Text<script>var x = 1;</script><style>p{}</style><noscript>Enable JS</noscript></p>');
    expect(blocks.map((b) => b.text)).toEqual(['Text']);
  });
});

describe('piecesText', () => {
  it('gives a widget’s blocks one per line', () => {
    const doc = docFrom('<div id="w"><p>Friedrich Schmidt</p><p>Political correspondent.</p><button>• Follow</button> <button>I follow</button></div>');
    expect(piecesText(doc.getElementById('w') as Element)).toBe('Friedrich Schmidt\nPolitical correspondent.\n• Follow I follow');
  });
});
