/**
 * What changed between two stored versions of one article, for the edit history: the engine's sentence
 * alignment pairs the sentences, and each pair that differs carries its word diff (older -> newer wording).
 * Sentences only in the newer version are "added", only in the older one "removed".
 */
import { alignSentencesDetailed } from '../align/index';
import type { CorpusRecord, WordOp } from '../types';

export interface ChangedSentence {
  kind: 'changed' | 'added' | 'removed';
  /** Word operations from the older to the newer wording ("del" older, "ins" newer). */
  ops: WordOp[];
}

export interface VersionChange {
  fromId: string;
  toId: string;
  sentences: ChangedSentence[];
  /** A cost limit stopped the alignment: the list may be incomplete. */
  truncated: boolean;
}

export function versionChange(older: CorpusRecord, newer: CorpusRecord): VersionChange {
  const alignment = alignSentencesDetailed(newer.text, older.text, { pageLang: newer.lang, sourceLang: older.lang });
  const sentences: ChangedSentence[] = [];
  for (const pair of alignment.pairs) {
    if (pair.page && pair.source) {
      if (pair.ops.some((op) => op.op !== 'equal')) sentences.push({ kind: 'changed', ops: pair.ops });
    } else if (pair.page) {
      sentences.push({ kind: 'added', ops: [{ op: 'ins', text: newer.text.slice(pair.page[0], pair.page[1]) }] });
    } else if (pair.source) {
      sentences.push({ kind: 'removed', ops: [{ op: 'del', text: older.text.slice(pair.source[0], pair.source[1]) }] });
    }
  }
  return { fromId: older.id, toId: newer.id, sentences, truncated: alignment.truncated };
}
