import { allElements, closest, contains, isElement, lowestCommonAncestor, tagOf, textOf } from './dom';
import { isSetAsideSized, piecesText, type SetAsidePiece } from './body';
import { setAsideKindOf } from './furniture-cues';

/** Tags that can hold a paragraph of article text. */
const TEXT_HOLDERS = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'td', 'pre', 'dd', 'section', 'article', 'span', 'font']);
const ANCHOR_SNIPPET_CHARS = 60;
const MAX_RECOVERED_PIECES = 40;

/**
 * Readability drops some furniture outright (comment sections, "related" boxes, social bars) and strips the markup
 * of some it keeps (a <div class="author-bio"> holding one paragraph becomes a bare <p>). This finds the article's
 * container in the original page and lists the widgets marked as furniture or captions inside it, so that
 * `furniture` says what was set aside and body paragraphs that came from a widget can be moved out.
 * The page is only read, never changed.
 */
export function findSetAsideAroundArticle(doc: Document, paragraphs: string[]): SetAsidePiece[] {
  const anchors = anchorElements(doc, paragraphs);
  if (anchors.length === 0) return [];
  const core = lowestCommonAncestor(anchors);
  if (!core || !isElement(core)) return [];
  const region = articleRegion(core);
  const bodyLength = paragraphs.join('').replace(/\s+/g, '').length;
  const pieces: SetAsidePiece[] = [];
  const visit = (element: Element) => {
    if (pieces.length >= MAX_RECOVERED_PIECES) return;
    if (contains(element, core)) {
      for (const child of Array.from(element.children)) visit(child);
      return;
    }
    const kind = setAsideKindOf(element);
    if (kind && kind !== 'byline' && !isSiteChrome(element, core) && isSetAsideSized(kind, element, bodyLength)) {
      const text = piecesText(element);
      if (text) pieces.push({ kind, text });
      return;
    }
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(region);
  return pieces;
}

/** Elements holding the first and last substantial paragraphs of the extracted text. */
function anchorElements(doc: Document, paragraphs: string[]): Element[] {
  const substantial = paragraphs.filter((p) => p.length >= 40);
  const wanted = [substantial[0], substantial[substantial.length - 1]].filter((p): p is string => !!p);
  if (wanted.length === 0) return [];
  const snippets = wanted.map((p) => p.replace(/\s+/g, ' ').slice(0, ANCHOR_SNIPPET_CHARS));
  const found: (Element | undefined)[] = snippets.map(() => undefined);
  const foundLength = snippets.map(() => Infinity);
  const body = doc.body ?? doc.documentElement;
  if (!body) return [];
  for (const element of allElements(body)) {
    if (!TEXT_HOLDERS.has(tagOf(element))) continue;
    const text = textOf(element);
    snippets.forEach((snippet, i) => {
      // The smallest element holding the snippet is the paragraph itself.
      if (text.length < foundLength[i] && text.includes(snippet)) {
        found[i] = element;
        foundLength[i] = text.length;
      }
    });
  }
  return found.filter((e): e is Element => !!e);
}

/** The article's surroundings: the enclosing <main> (comments sit beside the <article> there), else <article>, else the parent. */
function articleRegion(core: Element): Element {
  const main = closest(core, (e) => tagOf(e) === 'main' || e.getAttribute('role') === 'main');
  if (main) return main;
  const article = closest(core, (e) => tagOf(e) === 'article');
  if (article) return article.parentElement && tagOf(article.parentElement) !== 'body' ? article.parentElement : article;
  return core.parentElement && tagOf(core.parentElement) !== 'body' ? core.parentElement : core;
}

/** Site menus and search boxes are page chrome, not furniture set aside from this article. */
function isSiteChrome(element: Element, core: Element): boolean {
  const tag = tagOf(element);
  const role = element.getAttribute('role');
  const isMenu = tag === 'nav' || role === 'navigation' || role === 'search' || role === 'banner' || role === 'contentinfo';
  return isMenu && !contains(core, element);
}
