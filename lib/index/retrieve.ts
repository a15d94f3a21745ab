/**
 * Candidate sources of a page: the stored records sharing the most selective keys
 * with it, read from the inverted index only (texts stay on disk). The alignment
 * stage decides which candidates really are versions of the page.
 */
import type { CorpusStore } from '../store/types';
import { boundKeys, DEFAULT_FEATURE_OPTIONS, keepRank, queryFeaturesOf, type FeatureOptions } from './features';

export interface Candidate {
  id: string;
  /** Length-normalised weight of the shared keys; only for ranking. */
  score: number;
  /** Number of index keys shared with the page. */
  shared: number;
}

export interface RetrieveOptions {
  /** Most candidates returned (default 50). */
  limit?: number;
  excludeIds?: Iterable<string>;
  /** Language of the page, for stemming and stopwords. */
  lang?: string;
  /** A record needs at least this many shared keys to be listed (default 2): one key is chance. */
  minShared?: number;
  /** Candidates ranked by raw weight before normalisation needs their stats (default max(8 × limit, 400)). */
  shortlist?: number;
  /** Must equal the store's feature options (only for experiments). */
  features?: Partial<FeatureOptions>;
  /**
   * Most keys looked up (default all): each is one read per index tier, so a quick first answer bounds them. The
   * keys kept are those a capped stored document keeps first.
   */
  maxKeys?: number;
}

export const DEFAULT_CANDIDATE_LIMIT = 50;

// Short documents have few keys; below this many, length normalisation would over-reward them.
const NORMALISATION_FLOOR = 50;
const RANK_SPACE = 2 ** 32;
// A handful of shared keys estimates a document's keep threshold loosely: the correction is bounded.
const MAX_SPARSITY = 16;

/**
 * How many times sparser than a page a document is indexed, estimated from the keys they share.
 * A document over maxDocFeatures keeps only its keys of rank below a threshold (see keepRank), so
 * a passage copied from a long document shares fewer keys than the same passage from a short one;
 * the shared keys' ranks lie below that threshold, and n of them put it near maxRank × (n + 1) / n.
 */
function sparsity(shared: number, maxRank: number): number {
  const threshold = (maxRank * (shared + 1)) / shared;
  return Math.min(MAX_SPARSITY, Math.max(1, RANK_SPACE / Math.max(threshold, 1)));
}

export async function retrieveCandidates(pageText: string, store: CorpusStore, options: RetrieveOptions = {}): Promise<Candidate[]> {
  const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const minShared = options.minShared ?? 2;
  const keys = boundKeys(queryFeaturesOf(pageText, options.lang, options.features), options.maxKeys ?? Infinity);
  if (keys.length === 0 || limit <= 0) return [];
  const [postings, total] = await Promise.all([store.lookup(keys), store.count()]);

  const weight = new Map<number, number>();
  const shared = new Map<number, number>();
  const maxRank = new Map<number, number>();
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    // Inverse document frequency: a key in few records is strong evidence, one in many is weak.
    const w = Math.log(1 + total / docs.length);
    const rank = keepRank(key);
    for (const doc of docs) {
      weight.set(doc, (weight.get(doc) ?? 0) + w);
      shared.set(doc, (shared.get(doc) ?? 0) + 1);
      if (rank > (maxRank.get(doc) ?? 0)) maxRank.set(doc, rank);
    }
  }
  // The square root of the sparsity: enough to lift copies from long documents, measured on PAN 2013
  // (verbatim recall@50 0.988 -> 0.996), where the full factor let topical long documents crowd out rewrites.
  const boost = (doc: number) => Math.sqrt(sparsity(shared.get(doc)!, maxRank.get(doc)!));

  // Which documents are capped is known only after docStats: the shortlist assumes any may be.
  // 400 rather than 250 at limit 50: on PAN 2013 pages quoting 20 sources, 250 cut off rewrites of
  // long documents before their normalisation could lift them (random recall@50 0.975 -> 0.978).
  const shortlistSize = options.shortlist ?? Math.max(8 * limit, 400);
  const shortlist = [...weight.keys()]
    .filter((doc) => shared.get(doc)! >= minShared)
    .map((doc) => ({ doc, optimistic: weight.get(doc)! * boost(doc) }))
    .sort((a, b) => b.optimistic - a.optimistic || a.doc - b.doc)
    .slice(0, shortlistSize)
    .map((entry) => entry.doc);
  const stats = await store.docStats(shortlist);
  const excluded = new Set(options.excludeIds ?? []);
  const maxDocFeatures = options.features?.maxDocFeatures ?? DEFAULT_FEATURE_OPTIONS.maxDocFeatures;

  const candidates: Candidate[] = [];
  shortlist.forEach((doc, i) => {
    const stat = stats[i];
    if (!stat || excluded.has(stat.id)) return;
    const norm = Math.sqrt(Math.max(stat.features, NORMALISATION_FLOOR));
    const capped = stat.features >= maxDocFeatures;
    candidates.push({ id: stat.id, score: (weight.get(doc)! * (capped ? boost(doc) : 1)) / norm, shared: shared.get(doc)! });
  });
  return candidates.sort((a, b) => b.score - a.score || b.shared - a.shared).slice(0, limit);
}
