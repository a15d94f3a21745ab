/**
 * Candidate sources of a page: the stored records sharing the most selective keys
 * with it, read from the inverted index only (texts stay on disk). The alignment
 * stage decides which candidates really are versions of the page.
 */
import type { CorpusStore } from '../store/types';
import { queryFeaturesOf, type FeatureOptions } from './features';

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
  /** Candidates ranked by raw weight before normalisation needs their stats (default max(5 × limit, 200)). */
  shortlist?: number;
  /** Must equal the store's feature options (only for experiments). */
  features?: Partial<FeatureOptions>;
}

export const DEFAULT_CANDIDATE_LIMIT = 50;

// Short documents have few keys; below this many, length normalisation would over-reward them.
const NORMALISATION_FLOOR = 50;

export async function retrieveCandidates(pageText: string, store: CorpusStore, options: RetrieveOptions = {}): Promise<Candidate[]> {
  const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const minShared = options.minShared ?? 2;
  const keys = queryFeaturesOf(pageText, options.lang, options.features);
  if (keys.length === 0 || limit <= 0) return [];
  const [postings, total] = await Promise.all([store.lookup(keys), store.count()]);

  const weight = new Map<number, number>();
  const shared = new Map<number, number>();
  for (const docs of postings.values()) {
    if (docs === 'stopped') continue;
    // Inverse document frequency: a key in few records is strong evidence, one in many is weak.
    const w = Math.log(1 + total / docs.length);
    for (const doc of docs) {
      weight.set(doc, (weight.get(doc) ?? 0) + w);
      shared.set(doc, (shared.get(doc) ?? 0) + 1);
    }
  }

  const shortlistSize = options.shortlist ?? Math.max(5 * limit, 200);
  const shortlist = [...weight.keys()]
    .filter((doc) => shared.get(doc)! >= minShared)
    .sort((a, b) => weight.get(b)! - weight.get(a)! || a - b)
    .slice(0, shortlistSize);
  const stats = await store.docStats(shortlist);
  const excluded = new Set(options.excludeIds ?? []);

  const candidates: Candidate[] = [];
  shortlist.forEach((doc, i) => {
    const stat = stats[i];
    if (!stat || excluded.has(stat.id)) return;
    const norm = Math.sqrt(Math.max(stat.features, NORMALISATION_FLOOR));
    candidates.push({ id: stat.id, score: weight.get(doc)! / norm, shared: shared.get(doc)! });
  });
  return candidates.sort((a, b) => b.score - a.score || b.shared - a.shared).slice(0, limit);
}
