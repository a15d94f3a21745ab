/**
 * Finds a passage of the extracted article text in the live page DOM.
 *
 * The extracted text and the DOM text differ in whitespace (paragraph breaks, indentation), in typography
 * (curly vs straight quotes, dash kinds) and sometimes in case, so both sides are folded the same way and
 * compared without any whitespace at all; every folded character remembers the text node and offset it came
 * from, which turns a hit back into a DOM Range.
 */
import { foldTypographyChar } from '../../lib/text/typography.ts';

const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);

/** Search pieces used when the whole passage is not in the page verbatim (e.g. a caption moved in between). */
const ANCHOR_LENGTH = 48;
/** A passage whose ends are further apart than this in the page is not the same passage. */
const MAX_STRETCH = 4;

interface FoldedText {
  chars: string;
  nodes: Text[];
  /** For each folded character: index into `nodes`. */
  nodeOf: number[];
  /** For each folded character: offset within its text node. */
  offsetOf: number[];
}

/** Folds one character to its comparison form: "" for whitespace, quotes/dashes unified, lower case. */
export function foldChar(char: string): string {
  if (/\s/u.test(char)) return '';
  return foldTypographyChar(char).toLowerCase();
}

export function foldString(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

function isSkipped(node: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (SKIPPED_ELEMENTS.has(element.tagName)) return true;
  }
  return false;
}

function foldDocumentText(root: Node): FoldedText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (isSkipped(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const folded: FoldedText = { chars: '', nodes: [], nodeOf: [], offsetOf: [] };
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const nodeIndex = folded.nodes.push(text) - 1;
    const value = text.data;
    let offset = 0;
    for (const char of value) {
      const piece = foldChar(char);
      for (let i = 0; i < piece.length; i++) {
        folded.nodeOf.push(nodeIndex);
        folded.offsetOf.push(offset);
      }
      pieces.push(piece);
      offset += char.length;
    }
  }
  folded.chars = pieces.join('');
  return folded;
}

function isRendered(node: Text): boolean {
  const element = node.parentElement;
  if (!element) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** All start positions of `needle` in `haystack`, first to last. */
function positionsOf(haystack: string, needle: string): number[] {
  const positions: number[] = [];
  if (!needle) return positions;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) positions.push(at);
  return positions;
}

/** [start, end) in folded characters of the passage, or null. Prefers an exact hit, then matching ends. */
function locateFolded(folded: FoldedText, needle: string): [number, number] | null {
  const visibleFirst = (spans: [number, number][]): [number, number] | null =>
    spans.find(([start]) => isRendered(folded.nodes[folded.nodeOf[start]])) ?? spans[0] ?? null;

  const exact = positionsOf(folded.chars, needle).map((start): [number, number] => [start, start + needle.length]);
  if (exact.length > 0) return visibleFirst(exact);
  if (needle.length <= ANCHOR_LENGTH * 2) return null;

  const head = needle.slice(0, ANCHOR_LENGTH);
  const tail = needle.slice(-ANCHOR_LENGTH);
  const spans: [number, number][] = [];
  for (const start of positionsOf(folded.chars, head)) {
    const tailAt = folded.chars.indexOf(tail, start + head.length);
    if (tailAt !== -1 && tailAt + tail.length - start <= needle.length * MAX_STRETCH) {
      spans.push([start, tailAt + tail.length]);
    }
  }
  if (spans.length > 0) return visibleFirst(spans);
  // Only one end survives in the page (the other was reworded by the site): mark from that end.
  const headOnly = positionsOf(folded.chars, head).map((start): [number, number] => [start, start + head.length]);
  if (headOnly.length > 0) return visibleFirst(headOnly);
  const tailOnly = positionsOf(folded.chars, tail).map((start): [number, number] => [start, start + tail.length]);
  return visibleFirst(tailOnly);
}

/**
 * A DOM Range covering `passage` in the page, or null when the page does not contain it. With `before`, the words
 * the passage follows in the article, the occurrence they precede is taken ("40" after "less than", not the first
 * "40" of the page), falling back to the first occurrence when the page has them otherwise.
 */
export function findPassageRange(root: Node, passage: string, before = ''): Range | null {
  const needle = foldString(passage);
  if (!needle) return null;
  const folded = foldDocumentText(root);
  const prefix = foldString(before);
  const inContext = prefix ? positionsOf(folded.chars, prefix + needle)[0] : undefined;
  const span: [number, number] | null = inContext !== undefined ? [inContext + prefix.length, inContext + prefix.length + needle.length] : locateFolded(folded, needle);
  if (!span) return null;
  const [start, end] = span;
  const startNode = folded.nodes[folded.nodeOf[start]];
  const endNode = folded.nodes[folded.nodeOf[end - 1]];
  const endOffset = folded.offsetOf[end - 1];
  const range = (root.ownerDocument ?? (root as Document)).createRange();
  range.setStart(startNode, folded.offsetOf[start]);
  // The last folded character may stand for a surrogate pair: end after the whole code point.
  range.setEnd(endNode, endOffset + (endNode.data.codePointAt(endOffset)! > 0xffff ? 2 : 1));
  return range;
}
