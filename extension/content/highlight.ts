/**
 * Marks a passage in the page and scrolls it into view.
 *
 * <mark> elements are used rather than the CSS Custom Highlight API: they work in every supported browser,
 * show up for assistive technology, and survive page styles. Styles are set through the CSSOM, which pages'
 * Content-Security-Policy does not block (inline style attributes would be).
 */
import { sameOriginFrameDocuments } from './frames.ts';
import { findPassageRange } from './text-locator.ts';

export const HIGHLIGHT_ATTRIBUTE = 'data-palimpsest-highlight';

function textNodesIn(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [root as Text];
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node) && (node as Text).data.length > 0) nodes.push(node as Text);
  }
  return nodes;
}

function styleMark(mark: HTMLElement): void {
  mark.style.setProperty('background-color', '#ffe066', 'important');
  mark.style.setProperty('color', '#1a1a1a', 'important');
  mark.style.setProperty('box-shadow', '0 0 0 2px #ffe066', 'important');
  mark.style.setProperty('border-radius', '2px', 'important');
}

interface Part {
  node: Text;
  start: number;
  end: number;
}

/** The slice of each text node the range covers, read before any node is split. */
function partsOf(range: Range): Part[] {
  return textNodesIn(range).map((node) => ({
    node,
    start: node === range.startContainer ? range.startOffset : 0,
    end: node === range.endContainer ? range.endOffset : node.data.length,
  }));
}

/** Wraps one part in a <mark>, splitting its text node as needed. */
function wrapPart({ node, start, end }: Part): HTMLElement | null {
  let target = node;
  if (end <= start) return null;
  if (end < target.data.length) target.splitText(end);
  if (start > 0) target = target.splitText(start);
  if (!target.data.trim()) return null;
  // Made by the text's own document: the passage may sit in a frame.
  const mark = (node.ownerDocument ?? document).createElement('mark');
  mark.setAttribute(HIGHLIGHT_ATTRIBUTE, '');
  styleMark(mark);
  target.parentNode!.insertBefore(mark, target);
  mark.appendChild(target);
  return mark;
}

/** The page and the frames the reader could read the article from. */
function readableDocuments(): Document[] {
  return [document, ...sameOriginFrameDocuments(document)];
}

export function clearHighlight(): boolean {
  const marks = readableDocuments().flatMap((doc) => [...doc.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`)]);
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
  return marks.length > 0;
}

/** Marks the first rendered occurrence of `passage`; returns false when the page does not contain it. */
export function highlightPassage(passage: string): boolean {
  clearHighlight();
  let range: Range | null = null;
  for (const doc of readableDocuments()) {
    range = doc.body ? findPassageRange(doc.body, passage) : null;
    if (range) break;
  }
  if (!range) return false;
  const marks = partsOf(range)
    .map(wrapPart)
    .filter((mark): mark is HTMLElement => mark !== null);
  if (marks.length === 0) return false;
  marks[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  return true;
}
