/**
 * Quoted passages: straight and curly quotes, „German“ and »German« quotes,
 * «guillemets», 「CJK」 brackets, and single quotes nested inside. Real text is
 * messy — translation moves and flips quote marks — so the scan never fails: a
 * quote left open ends at the end of its paragraph (closed: false), a stray closing
 * mark is ignored. One pass, constant work per character.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset after the closing mark, or after the quoted text when the quote is not closed. */
  end: number;
  /** [start, end) of the quoted text, without the marks and surrounding whitespace. */
  inner: [number, number];
  kind: 'double' | 'single';
  /** False when no closing mark was found before the end of the paragraph. */
  closed: boolean;
  /** 0 for a top-level quote, 1 for a quote inside a quote, … */
  depth: number;
}

interface Open {
  mark: string;
  start: number;
  kind: 'double' | 'single';
}

const MAX_DEPTH = 4;
const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', '「', '」', '〝', '〞', '＂']);
const SINGLE_MARKS = new Set(["'", '‘', '’', '‚', '‹', '›', '『', '』']);
const ALNUM = /[\p{L}\p{N}]/u;
const QUOTE_ENDING_PUNCTUATION = /[,.;:!?…]/;

/** Quoted passages in `text`, ordered by start. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Open[] = [];

  const emit = (open: Open, end: number, closed: boolean, depth: number) => {
    const innerStart = skipSpaceForward(text, open.start + 1, end);
    const innerEnd = closed ? skipSpaceBackward(text, end - 1, innerStart) : skipSpaceBackward(text, end, innerStart);
    const spanEnd = closed ? end : innerEnd;
    if (innerEnd > innerStart) out.push({ start: open.start, end: spanEnd, inner: [innerStart, innerEnd], kind: open.kind, closed, depth });
  };
  /** Closes stack[index] at `end`; quotes opened inside it and still open are dropped. */
  const closeAt = (index: number, end: number, closed: boolean) => {
    const open = stack[index];
    stack.length = index;
    emit(open, end, closed, index);
  };
  /** Ends every open quote at a paragraph break: doubles stay as unclosed quotes, singles are dropped. */
  const endParagraph = (at: number) => {
    while (stack.length) {
      const open = stack.pop()!;
      if (open.kind === 'double') emit(open, at, false, stack.length);
    }
  };
  const topIndexOf = (kind: 'double' | 'single') => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].kind === kind) return i;
    return -1;
  };
  const open = (mark: string, at: number, kind: 'double' | 'single') => {
    if (stack.length < MAX_DEPTH) stack.push({ mark, start: at, kind });
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r' || c === '\u2029') {
      if (stack.length) endParagraph(i);
      continue;
    }
    const isDouble = DOUBLE_MARKS.has(c);
    if (!isDouble && !SINGLE_MARKS.has(c)) continue;
    const prev = i > 0 ? text[i - 1] : '';
    const next = i + 1 < text.length ? text[i + 1] : '';
    const prevSolid = previousNonSpace(text, i);
    const afterSpace = prev === '' || /\s/.test(prev);
    const beforeWord = next !== '' && ALNUM.test(next);
    const kind = isDouble ? 'double' : 'single';
    const openIndex = topIndexOf(kind);
    const top = openIndex >= 0 ? stack[openIndex] : null;

    if (isDouble) {
      switch (c) {
        case '„':
        case '「':
        case '〝':
          open(c, i, kind);
          break;
        case '」':
        case '〞':
          if (top) closeAt(openIndex, i + 1, true);
          break;
        case '«':
          if (top?.mark === '»') closeAt(openIndex, i + 1, true);
          else open(c, i, kind);
          break;
        case '»':
          if (top) closeAt(openIndex, i + 1, true);
          else if (beforeWord) open(c, i, kind);
          break;
        case '”':
          if (top) closeAt(openIndex, i + 1, true);
          else if (afterSpace && beforeWord) open(c, i, kind);
          break;
        default: {
          // “ ‟ " ＂: open or close depending on what is open and on the neighbours.
          if (top?.mark === '„') {
            closeAt(openIndex, i + 1, true);
          } else if (top) {
            const looksLikeClosing = QUOTE_ENDING_PUNCTUATION.test(prevSolid) || !beforeWord || !afterSpace;
            if (looksLikeClosing) closeAt(openIndex, i + 1, true);
            else {
              // A second opening mark: the first quote was never closed.
              closeAt(openIndex, skipSpaceBackward(text, i, top.start + 1), false);
              open(c, i, kind);
            }
          } else if (afterSpace || beforeWord || /[(\[{—–-]/.test(prev)) {
            open(c, i, kind);
          }
        }
      }
      continue;
    }

    // Single quotes double as apostrophes: "Russia’s", "it's", "the '90s".
    const apostrophe = prev !== '' && ALNUM.test(prev) && beforeWord;
    if (apostrophe) continue;
    switch (c) {
      case '‘':
        if (top?.mark === '‚') closeAt(openIndex, i + 1, true);
        else if (!ALNUM.test(prev)) open(c, i, kind);
        break;
      case '‚':
      case '『':
        if (!ALNUM.test(prev)) open(c, i, kind);
        break;
      case '‹':
        if (top?.mark === '›') closeAt(openIndex, i + 1, true);
        else open(c, i, kind);
        break;
      case '›':
        if (top) closeAt(openIndex, i + 1, true);
        else if (beforeWord) open(c, i, kind);
        break;
      default:
        // ’ ' 』
        if (top && !afterSpace) closeAt(openIndex, i + 1, true);
        else if (c === "'" && !top && !ALNUM.test(prev) && beforeWord) open(c, i, kind);
    }
  }
  endParagraph(text.length);
  return out.sort((a, b) => a.start - b.start || a.depth - b.depth);
}

function previousNonSpace(text: string, i: number): string {
  // Bounded look-back keeps the scan linear on long runs of spaces.
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) if (!/\s/.test(text[j])) return text[j];
  return '';
}

function skipSpaceForward(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /\s/.test(text[i])) i++;
  return i;
}

function skipSpaceBackward(text: string, end: number, limit: number): number {
  let e = end;
  while (e > limit && /\s/.test(text[e - 1])) e--;
  return e;
}

/** Top-level quotes only (depth 0), the usual unit for comparing what someone said. */
export function topLevelQuotes(text: string): QuoteSpan[] {
  return quoteSpans(text).filter((q) => q.depth === 0);
}
