/**
 * Changed words, marked with <del> (the source's wording) and <ins> (the page's wording). The word operations are
 * the engine's (lib/text/word-ops.ts): the popup shows what the engine compared, and diffs nothing itself.
 */
import type { WordOp } from '../../lib/types.ts';
import { el } from '../shared/dom.ts';

/**
 * Both wordings whole, nothing marked: for a drift item or passage that came without its word operations (a team
 * server of an earlier version sends drift items without them).
 */
export function unmarked(source: string, page: string): WordOp[] {
  return [{ op: 'equal', text: page, sourceText: source }];
}

const sourceSide = (op: WordOp): string => op.sourceText ?? op.text;

/**
 * Joins changed words into phrases for reading: a space between two changes belongs to the change, so
 * "Zamir Kabulov" shows as one marked phrase rather than two marked words.
 */
export function phraseOps(ops: WordOp[]): WordOp[] {
  const runs: WordOp[] = [];
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
export function renderSide(ops: WordOp[], side: 'source' | 'page'): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of phraseOps(ops)) {
    const { op, text } = run;
    if (op === 'equal') fragment.appendChild(document.createTextNode(side === 'source' ? sourceSide(run) : text));
    else if (op === 'del' && side === 'source') appendMarked(fragment, 'del', text);
    else if (op === 'ins' && side === 'page') appendMarked(fragment, 'ins', text);
  }
  return fragment;
}
