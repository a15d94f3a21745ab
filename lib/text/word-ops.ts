/**
 * Word operations: the word diff between a source sentence and its page counterpart, on jsdiff.
 * Typographic variants (curly vs straight quotes, dashes, case) are not changes,
 * so both strings are folded first with a length-preserving mapping (foldForDiff); the
 * offsets of the folded strings are then the offsets of the originals.
 */
import { diffArrays } from 'diff';
import { foldForDiff } from './typography';

/** One run of a word diff from source to page: "del" is source wording, "ins" is page wording. */
export interface WordOp {
  op: 'equal' | 'del' | 'ins';
  /** The page's text for "equal" and "ins", the source's for "del". */
  text: string;
  /** "equal" only, in displayOps: the source's own spelling of the run where it differs (other quotes, case, spaces). */
  sourceText?: string;
}

export interface DiffPiece extends WordOp {
  /** [start, end) in the source string; empty range at the position for "ins". */
  source: [number, number];
  /** [start, end) in the page string; empty range at the position for "del". */
  page: [number, number];
}

export interface WordDiff {
  pieces: DiffPiece[];
  /** True when the strings differ too much for the edit budget: one del and one ins. */
  truncated: boolean;
}

export interface WordDiffOptions {
  /** Edit budget passed to jsdiff (in tokens); beyond it the diff is given up. */
  maxEditLength?: number;
}

const DEFAULT_MAX_EDIT_LENGTH = 400;

interface DiffToken {
  text: string;
  key: string;
  start: number;
  end: number;
}

// Words (with inner apostrophes and hyphens) or single punctuation marks; whitespace separates and is not a token.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’\-.][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

export function diffTokens(s: string): DiffToken[] {
  const folded = foldForDiff(s);
  const out: DiffToken[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    out.push({ text: s.slice(m.index, m.index + m[0].length), key: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function wordDiff(source: string, page: string, opts: WordDiffOptions = {}): WordDiff {
  const maxEditLength = opts.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH;
  const a = diffTokens(source);
  const b = diffTokens(page);
  const changes = diffArrays(a, b, { comparator: (x, y) => x.key === y.key, maxEditLength });
  if (!changes) return { pieces: wholesale(source, page), truncated: true };
  const runs: { op: WordOp['op']; from: number; to: number; pFrom: number; pTo: number }[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (n === 0) continue;
    if (change.added) {
      runs.push({ op: 'ins', from: i, to: i, pFrom: j, pTo: j + n });
      j += n;
    } else if (change.removed) {
      runs.push({ op: 'del', from: i, to: i + n, pFrom: j, pTo: j });
      i += n;
    } else {
      runs.push({ op: 'equal', from: i, to: i + n, pFrom: j, pTo: j + n });
      i += n;
      j += n;
    }
  }
  // Whitespace between tokens belongs to the unchanged text around a change, so that
  // "the <del>shackles</del><ins>chains</ins> of" reads naturally.
  const sourceAt = (k: number) => (k < a.length ? a[k].start : source.length);
  const pageAt = (k: number) => (k < b.length ? b[k].start : page.length);
  const sourceEnd = (k: number) => (k > 0 ? a[k - 1].end : 0);
  const pageEnd = (k: number) => (k > 0 ? b[k - 1].end : 0);
  const pieces: DiffPiece[] = runs.map((r, k) => {
    if (r.op === 'equal') {
      const first = k === 0;
      const last = k === runs.length - 1;
      const s0 = first ? 0 : sourceEnd(r.from);
      const p0 = first ? 0 : pageEnd(r.pFrom);
      const s1 = last ? source.length : sourceAt(r.to);
      const p1 = last ? page.length : pageAt(r.pTo);
      return { op: 'equal', text: page.slice(p0, p1), source: [s0, s1], page: [p0, p1] };
    }
    if (r.op === 'del') {
      const s0 = a[r.from].start;
      const s1 = a[r.to - 1].end;
      const at = r.pFrom > 0 ? pageEnd(r.pFrom) : 0;
      return { op: 'del', text: source.slice(s0, s1), source: [s0, s1], page: [at, at] };
    }
    const p0 = b[r.pFrom].start;
    const p1 = b[r.pTo - 1].end;
    const at = r.from > 0 ? sourceEnd(r.from) : 0;
    return { op: 'ins', text: page.slice(p0, p1), source: [at, at], page: [p0, p1] };
  });
  keepSpaceBeforeDeletions(pieces, source);
  return { pieces, truncated: false };
}

/** "Gazeta<del>weekly</del>." would lose the space the source had before the deleted words. */
function keepSpaceBeforeDeletions(pieces: DiffPiece[], source: string): void {
  pieces.forEach((piece, k) => {
    const previous = pieces[k - 1];
    if (piece.op !== 'del' || !previous || /\s$/.test(previous.text)) return;
    let s0 = piece.source[0];
    while (s0 > 0 && /\s/.test(source[s0 - 1])) s0--;
    if (s0 === piece.source[0] || (previous.op === 'equal' && s0 < previous.source[0])) return;
    piece.source = [s0, piece.source[1]];
    piece.text = source.slice(s0, piece.source[1]);
    if (previous.op === 'equal') previous.source = [previous.source[0], Math.min(previous.source[1], s0)];
  });
}

function wholesale(source: string, page: string): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  if (source) pieces.push({ op: 'del', text: source, source: [0, source.length], page: [0, 0] });
  if (page) pieces.push({ op: 'ins', text: page, source: [source.length, source.length], page: [0, page.length] });
  return pieces;
}

/** Word operations from source to page ("del" is source wording, "ins" is page wording). */
export function diffOps(source: string, page: string, opts: WordDiffOptions = {}): WordOp[] {
  return wordDiff(source, page, opts).pieces.map(({ op, text }) => ({ op, text }));
}

/**
 * The same, for showing both sides: each side's runs are cut from its own text without overlap, so equal runs
 * plus deletions give back the source and equal runs plus insertions the page; an equal run also carries the
 * source's spelling where it differs (other quotes, case, spaces).
 */
export function displayOps(source: string, page: string, opts: WordDiffOptions = {}): WordOp[] {
  let sourceAt = 0;
  let pageAt = 0;
  const ops: WordOp[] = [];
  for (const piece of wordDiff(source, page, opts).pieces) {
    const sourceText = source.slice(Math.max(sourceAt, piece.source[0]), piece.source[1]);
    const pageText = page.slice(Math.max(pageAt, piece.page[0]), piece.page[1]);
    sourceAt = Math.max(sourceAt, piece.source[1]);
    pageAt = Math.max(pageAt, piece.page[1]);
    if (piece.op === 'del') ops.push({ op: 'del', text: sourceText });
    else if (piece.op === 'ins') ops.push({ op: 'ins', text: pageText });
    else if (sourceText || pageText) ops.push(sourceText === pageText ? { op: 'equal', text: pageText } : { op: 'equal', text: pageText, sourceText });
  }
  return ops;
}

/** "the <del>shackles</del><ins>chains</ins> of slavery": a readable form of word operations. */
export function renderOps(ops: WordOp[]): string {
  return ops.map((o) => (o.op === 'equal' ? o.text : o.op === 'del' ? `<del>${o.text}</del>` : `<ins>${o.text}</ins>`)).join('');
}
