/**
 * The first answer to "where does this article come from": stored records that share so much of the page's
 * wording that they are versions of it, found from the index and a few records, without aligning texts.
 * It takes milliseconds where the full check (lib/engine.ts) takes longer, so the popup can show it at once
 * and let the full check confirm it, label the relation and explain the drift.
 */
import { contentTerms } from './index/features';
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
  /** Share of the smaller text's word pairs found in the other: 1 for a verbatim copy. */
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
 * The machine-translated rewrite of the seed story shares 0.59 of its word pairs with the original; independent
 * coverage of the same event shares 0.02–0.06, and unrelated wire stories on one topic little more. Anything
 * between is left to the full check.
 */
export const LIKELY_SOURCE_CONTAINMENT = 0.2;

/**
 * Unordered pairs of stemmed content words within three words of each other: every pair, where the index keeps a
 * hashed sample. They survive reordering and word swaps better than n-grams, and names or numbers alone, which
 * same-topic stories share, make few of them.
 */
export function wordPairs(text: string, lang?: string): Set<string> {
  const terms = contentTerms(text, lang);
  const pairs = new Set<string>();
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j <= i + 2 && j < terms.length; j++) pairs.add(terms[i] < terms[j] ? `${terms[i]} ${terms[j]}` : `${terms[j]} ${terms[i]}`);
  }
  return pairs;
}

/** Share of the smaller set found in the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

/** Stored versions of a text, best retrieved first; empty when nothing stored is close enough. */
export async function likelySources(text: string, store: CorpusStore, options: LikelySourceOptions = {}): Promise<LikelySource[]> {
  const minContainment = options.minContainment ?? LIKELY_SOURCE_CONTAINMENT;
  const candidates = await retrieveCandidates(text, store, { limit: options.candidates ?? 5, lang: options.lang, excludeIds: options.excludeIds });
  if (candidates.length === 0) return [];
  const pagePairs = wordPairs(text, options.lang);
  const records = await store.getRecords(candidates.map((candidate) => candidate.id));
  return records
    .filter((record): record is CorpusRecord => record !== undefined)
    .map((record) => describe(record, containment(pagePairs, wordPairs(record.text, record.lang))))
    .filter((source) => source.containment >= minContainment);
}

/**
 * Containment decides whether a record is a version; retrieval's order ranks the versions. Its IDF weighting tells
 * an original from its stored copies and a story from its refiling better than word-pair overlap does: on 10,000
 * Reuters stories with 120 planted copies it put the original first 120 times, Jaccard similarity 119.
 */
function describe(record: CorpusRecord, containment: number): LikelySource {
  const { id, title, site, url, published, firstSeen } = record;
  return { id, title, site, url, published, firstSeen, containment };
}
