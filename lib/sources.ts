/**
 * The first answer to "where does this article come from": stored records that share so much of the page's
 * index keys that they are versions of it, found from the index and a few records, without aligning texts.
 * It takes milliseconds where the full check (lib/engine.ts) takes longer, so the popup can show it at once
 * and let the full check confirm it, label the relation and explain the drift.
 */
import { featuresOf } from './index/features';
import { retrieveCandidates } from './index/retrieve';
import type { CorpusStore } from './store/types';
import type { CorpusRecord } from './types';

export interface LikelySource {
  id: string;
  title?: string;
  site?: string;
  url?: string;
  published?: string;
  firstSeen?: string;
  /** Share of the smaller text's index keys found in the other: 1 for a verbatim copy. */
  containment: number;
}

export interface LikelySourceOptions {
  lang?: string;
  /** Candidates read from the corpus to be measured (default 5). */
  candidates?: number;
  /** Records that are the page itself. */
  excludeIds?: readonly string[];
  /** Least containment for a record to count as a version of the page (default LIKELY_SOURCE_CONTAINMENT). */
  minContainment?: number;
}

/**
 * Copies, edited copies and machine-translated rewrites of the seed story share 0.5 or more of their keys;
 * independent coverage of the same event shares 0.08–0.17 (names, numbers, a quoted phrase). The gap is wide,
 * and anything in it is left to the full check.
 */
export const LIKELY_SOURCE_CONTAINMENT = 0.3;

export function keyContainment(pageKeys: ReadonlySet<number>, sourceKeys: ArrayLike<number>): number {
  if (pageKeys.size === 0 || sourceKeys.length === 0) return 0;
  let shared = 0;
  for (let i = 0; i < sourceKeys.length; i++) if (pageKeys.has(sourceKeys[i])) shared++;
  return shared / Math.min(pageKeys.size, sourceKeys.length);
}

/** Stored versions of a text, most contained first; empty when nothing stored is close enough. */
export async function likelySources(text: string, store: CorpusStore, options: LikelySourceOptions = {}): Promise<LikelySource[]> {
  const minContainment = options.minContainment ?? LIKELY_SOURCE_CONTAINMENT;
  const candidates = await retrieveCandidates(text, store, { limit: options.candidates ?? 5, lang: options.lang, excludeIds: options.excludeIds });
  if (candidates.length === 0) return [];
  const pageKeys = new Set(featuresOf(text, options.lang));
  const records = await store.getRecords(candidates.map((candidate) => candidate.id));
  return records
    .filter((record): record is CorpusRecord => record !== undefined)
    .map((record) => describe(record, keyContainment(pageKeys, featuresOf(record.text, record.lang))))
    .filter((source) => source.containment >= minContainment)
    .sort((a, b) => b.containment - a.containment || a.id.localeCompare(b.id));
}

function describe(record: CorpusRecord, containment: number): LikelySource {
  const { id, title, site, url, published, firstSeen } = record;
  return { id, title, site, url, published, firstSeen, containment };
}
