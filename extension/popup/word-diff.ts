/**
 * Changed words, marked with <del> (the source's wording) and <ins> (the page's wording).
 */
import { diffArrays } from 'diff';
import type { WordOp } from '../../lib/types.ts';
import { foldTypography } from '../shared/typography.ts';
import { el } from '../shared/dom.ts';

/** A word operation for display; an equal run may be spelled differently on the source side (other quotes). */
export type DisplayOp = WordOp & { sourceText?: string };

const sourceSide = (op: DisplayOp): string => op.sourceText ?? op.text;

/**
 * Joins changed words into phrases for reading: a space between two changes belongs to the change, so
 * "Zamir Kabulov" shows as one marked phrase rather than two marked words.
 */
export function phraseOps(ops: DisplayOp[]): DisplayOp[] {
  const runs: DisplayOp[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) runs.push({ op: 'del', text: del });
    if (ins) runs.push({ op: 'ins', text: ins });
    del = '';
    ins = '';
  };
  ops.forEach((current, index) => {
    if (current.op === 'del') del += current.text;
    else if (current.op === 'ins') ins += current.text;
    else {
      const between = (del || ins) && /^\s+$/.test(current.text) && ops[index + 1] && ops[index + 1].op !== 'equal';
      if (between) {
        del += sourceSide(current);
        ins += current.text;
        return;
      }
      flush();
      const last = runs[runs.length - 1];
      if (last?.op === 'equal') {
        last.sourceText = sourceSide(last) + sourceSide(current);
        last.text += current.text;
      } else runs.push({ op: 'equal', text: current.text, sourceText: sourceSide(current) });
    }
  });
  flush();
  return runs;
}

/** The changed words go in the mark; spaces around them stay outside, so marks hug the words. */
function appendMarked(fragment: DocumentFragment, tag: 'del' | 'ins', text: string): void {
  const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (before) fragment.appendChild(document.createTextNode(before));
  if (core) fragment.appendChild(el(tag, {}, core));
  if (after) fragment.appendChild(document.createTextNode(after));
}

/** Renders one side of a word diff: the source side keeps equal+del, the page side equal+ins. */
export function renderSide(ops: DisplayOp[], side: 'source' | 'page'): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of phraseOps(ops)) {
    const { op, text } = run;
    if (op === 'equal') fragment.appendChild(document.createTextNode(side === 'source' ? sourceSide(run) : text));
    else if (op === 'del' && side === 'source') appendMarked(fragment, 'del', text);
    else if (op === 'ins' && side === 'page') appendMarked(fragment, 'ins', text);
  }
  return fragment;
}

/** Words (with inner apostrophes), runs of whitespace, and single punctuation marks. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Edits (in tokens, spaces included) a word diff may find before it gives up and shows the two wordings whole.
 * Two long passages with little in common (a whole-page selection against a translation) would otherwise cost
 * time quadratic in their length and freeze the popup; past this many edits a word-level diff says nothing anyway.
 */
export const MAX_DISPLAY_EDITS = 600;

/**
 * Word operations from `source` to `page` wording, for drift items that carry only the two texts. Typographic
 * variants (curly vs straight quotes, dash kinds) count as the same word: they change nothing a reader cares about.
 */
export function wordOps(source: string, page: string): DisplayOp[] {
  const sourceTokens = tokens(source);
  const comparator = (left: string, right: string): boolean => foldTypography(left) === foldTypography(right);
  let sourceAt = 0;
  const changes = diffArrays(sourceTokens, tokens(page), { comparator, maxEditLength: MAX_DISPLAY_EDITS });
  if (!changes) return [...(source ? [{ op: 'del' as const, text: source }] : []), ...(page ? [{ op: 'ins' as const, text: page }] : [])];
  return changes.map((change): DisplayOp => {
    const text = change.value.join('');
    if (change.added) return { op: 'ins', text };
    if (change.removed) {
      sourceAt += change.count;
      return { op: 'del', text };
    }
    // Equal runs come back in the page's spelling; keep the source's own for its side.
    const sourceText = sourceTokens.slice(sourceAt, sourceAt + change.count).join('');
    sourceAt += change.count;
    return { op: 'equal', text, sourceText };
  });
}
