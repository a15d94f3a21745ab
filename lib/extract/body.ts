import { isElement, isText, tagOf } from './dom';
import { isCommentSection, setAsideKindOf, type SetAsideKind } from './furniture-cues';

/** One block of text as it appears in the article container. */
export interface Block {
  text: string;
  /** Share of the text that sits inside links (0..1). */
  linkDensity: number;
  /** Tag of the block element the text came from ("p", "li", "h2"…). */
  tag: string;
  /** The block stands inside a list item or a cell of a data table (a table of contents, a table of products). */
  inListOrTable?: boolean;
}

export interface SetAsidePiece {
  kind: SetAsideKind;
  /** The piece's blocks joined by "\n". */
  text: string;
}

export interface WalkResult {
  blocks: Block[];
  setAside: SetAsidePiece[];
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Elements whose text is not reading text (code, fallbacks, graphics labels). */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'img', 'picture', 'source', 'head', 'title', 'meta', 'link']);
const CELL_TAGS = new Set(['td', 'th']);
const ITEM_TAGS = new Set(['li', 'dd', 'dt']);
/** What may stand before an author's name in its line: "By", "Por", "Von"… */
const BYLINE_LABEL = /^(by|por|von|par|di|door|de|av|af)\s*:?$/i;

/** A furniture cue on a container holding at least this share of the text is taken as a mislabelled wrapper. */
const MAX_FURNITURE_SHARE = 0.5;
/** An author or date line is short. */
const MAX_BYLINE_CHARS = 300;
/** Neither is a container with this many long paragraphs, unless it is a comment section. */
const MAX_FURNITURE_LONG_PARAGRAPHS = 2;
const LONG_PARAGRAPH_CHARS = 200;

interface Segment {
  text: string;
  preformatted: boolean;
  inLink: boolean;
  /** Starts an inline element right after another element: "<span>…reports</span><span>The man…</span>". */
  afterElement?: boolean;
}

/**
 * Two sentences in sibling inline elements, with no space between them, are paragraphs the site's styles set apart
 * ("CBS DFW reports" + "The man…"): a word ending in lower case (or a sentence mark) before one starting in upper
 * case gets a space. Words within one text node ("iPhone") are never touched. Only the characters at the boundary
 * are looked at: a paragraph of many inline elements stays linear.
 */
const GLUED_END = /[\p{Ll}\p{N}.!?:;,"'\u201d\u2019)\]]$/u;
const GLUED_START = /^\p{Lu}/u;

/**
 * Splits an article container into text blocks, setting aside the elements whose markup says they are
 * furniture, captions or the byline. `root` itself is never set aside.
 */
export function walkArticle(root: Element, options: { applyCues?: boolean } = {}): WalkResult {
  const applyCues = options.applyCues ?? true;
  const totalLength = (root.textContent ?? '').replace(/\s+/g, '').length;
  const blocks: Block[] = [];
  const setAside: SetAsidePiece[] = [];
  let segments: Segment[] = [];
  let blockTag = tagOf(root);
  let itemDepth = 0;

  const flush = () => {
    const block = blockFromSegments(segments, blockTag);
    if (block) blocks.push(itemDepth > 0 ? { ...block, inListOrTable: true } : block);
    segments = [];
  };

  const visit = (node: Node, preformatted: boolean, inLink: boolean) => {
    if (isText(node)) {
      segments.push({ text: node.data, preformatted, inLink });
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'br') {
      segments.push({ text: '\n', preformatted: true, inLink });
      return;
    }
    if (applyCues && node !== root) {
      const kind = setAsideKindOf(node);
      if (kind && isSetAsideSized(kind, node, totalLength)) {
        // "Por <span class=byline>Josh Max</span>": the label goes with the name it introduces.
        const label = kind === 'byline' ? segments.map((s) => s.text).join('').trim() : '';
        if (label && BYLINE_LABEL.test(label)) segments = [];
        flush();
        const text = piecesText(node);
        if (text) setAside.push({ kind, text: label && BYLINE_LABEL.test(label) ? `${label} ${text}` : text });
        return;
      }
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (!isBlock && isElement(node.previousSibling) && tagOf(node.previousSibling) !== 'br') segments.push({ text: '', preformatted, inLink, afterElement: true });
    const isItem = ITEM_TAGS.has(tag) || (CELL_TAGS.has(tag) && isDataTable(node.closest('table')));
    if (isItem) itemDepth++;
    if (isBlock) {
      flush();
      blockTag = tag;
    } else if (CELL_TAGS.has(tag)) {
      segments.push({ text: ' ', preformatted: false, inLink });
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      visit(child, preformatted || tag === 'pre', inLink || tag === 'a');
    }
    if (isBlock) {
      flush();
      blockTag = tagOf(node.parentElement ?? root);
    } else if (CELL_TAGS.has(tag)) {
      segments.push({ text: ' ', preformatted: false, inLink });
    }
    if (isItem) itemDepth--;
  };

  for (let child = root.firstChild; child; child = child.nextSibling) visit(child, tagOf(root) === 'pre', false);
  flush();
  return { blocks, setAside };
}

/**
 * A table of data rather than of layout. Readability marks each table it keeps (`_readabilityDataTable`, set on the
 * elements it hands back); without the mark, header cells or a caption tell.
 */
function isDataTable(table: Element | null): boolean {
  if (!table) return false;
  const mark = (table as unknown as { _readabilityDataTable?: unknown })._readabilityDataTable;
  if (typeof mark === 'boolean') return mark;
  if (table.getAttribute('role') === 'presentation') return false;
  return table.querySelector('th, thead, caption') !== null;
}

/** The text of a set-aside element, one line per block. */
export function piecesText(element: Element): string {
  return walkArticle(element, { applyCues: false })
    .blocks.map((b) => b.text)
    .join('\n');
}

/** Whether an element marked as `kind` is the size of one: a cue on a big container is a mislabelled wrapper. */
export function isSetAsideSized(kind: SetAsideKind, element: Element, totalLength: number): boolean {
  if (kind === 'caption') return true;
  if (kind === 'byline') return (element.textContent ?? '').trim().length <= MAX_BYLINE_CHARS;
  return isFurnitureSized(element, totalLength);
}

function isFurnitureSized(element: Element, totalLength: number): boolean {
  const length = (element.textContent ?? '').replace(/\s+/g, '').length;
  if (totalLength > 0 && length > totalLength * MAX_FURNITURE_SHARE) return false;
  if (isCommentSection(element)) return true;
  const longParagraphs = Array.from(element.getElementsByTagName('p')).filter((p) => (p.textContent ?? '').trim().length >= LONG_PARAGRAPH_CHARS);
  return longParagraphs.length <= MAX_FURNITURE_LONG_PARAGRAPHS;
}

function blockFromSegments(segments: Segment[], tag: string): Block | undefined {
  let text = '';
  let linkChars = 0;
  let afterElement = false;
  for (const segment of segments) {
    if (segment.afterElement) {
      afterElement = true;
      continue;
    }
    if (afterElement && segment.text && GLUED_END.test(text.slice(-2)) && GLUED_START.test(segment.text.slice(0, 2))) text += ' ';
    if (segment.text) afterElement = false;
    const piece = segment.preformatted
      ? segment.text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ')
      : segment.text.replace(/\s+/g, ' ');
    text += piece;
    if (segment.inLink) linkChars += piece.replace(/\s+/g, '').length;
  }
  // A paragraph never holds a blank line: "\n\n" is reserved for paragraph boundaries.
  text = text
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  if (!text) return undefined;
  const chars = text.replace(/\s+/g, '').length;
  return { text, linkDensity: chars ? Math.min(1, linkChars / chars) : 0, tag };
}
