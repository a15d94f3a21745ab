/**
 * Candidate sources of a page: the stored records sharing the most selective keys
 * with it, most of all within one passage of the page, read from the inverted index
 * only (texts stay on disk). The alignment stage decides which candidates really are
 * versions of the page.
 */
import type { CorpusStore, Posting } from '../store/types';
import type { TextAnalysis } from '../text/analysis';
import { boundKeys, DEFAULT_FEATURE_OPTIONS, keepRank, queryKeyOffsets, type FeatureOptions } from './features';

export interface Candidate {
  id: string;
  /** Length-normalised weight of the shared keys, with their densest passage counted again; only for ranking. */
  score: number;
  /** Number of index keys shared with the page. */
  shared: number;
  /** The record's document number: records are numbered in the order they were stored. */
  doc: number;
  /** Index keys of the record; a record over maxDocFeatures keeps only its keys of rank up to some threshold. */
  features: number;
  capped: boolean;
  /** The largest keep rank (keepRank) among the shared keys: where a capped record's threshold lies at least. */
  maxRank: number;
  /** The page keys the record holds (not stopped ones). */
  keys?: Uint32Array;
}

export interface RetrieveOptions {
  /** Most candidates returned (default 50). */
  limit?: number;
  excludeIds?: Iterable<string>;
  /** Language of the page, for stemming and stopwords. */
  lang?: string;
  /** A record needs at least this many shared keys to be listed (default 2): one key is chance. */
  minShared?: number;
  /** Candidates ranked by raw weight before normalisation needs their stats (default max(16 × limit, 800)). */
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
// Length normalisation divides by keys^0.4 rather than the square root: with local evidence in the score,
// on PAN 2013 (candidate recall@50, random obfuscation) 0.4 kept 0.988 where 0.5 kept 0.987 and 0.3 0.988.
const NORMALISATION_POWER = 0.4;
// Local evidence: the weight of a document's keys within the densest stretch of this many characters of
// the page, counted again on top of all its shared keys (see localWeight). On PAN 2013 it raised candidate
// recall@50 from 0.978 to 0.988 on random obfuscation, 0.994 to 0.997 verbatim, 0.987 to 0.991 on
// translation chains; windows of 350-700 characters and factors 1.5-3 measured within 0.001 of these.
const LOCAL_WINDOW = 500;
const LOCAL_FACTOR = 2;
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

const idf = (docs: number, total: number) => Math.log(1 + total / docs);

/**
 * What the postings say of each document holding a page key: the summed weight of its shared keys, how many it shares
 * and the largest keep rank among them. One slot per document in typed arrays: at 1,000,000 articles a long page's
 * postings name 100,000 documents, and three maps keyed by document cost more than the rest of retrieval.
 */
interface DocTally {
  size: number;
  docs: Uint32Array;
  weight: Float64Array;
  shared: Uint32Array;
  maxRank: Float64Array;
}

function tallyDocs(postings: Map<number, Posting>, total: number): DocTally {
  const slotOf = new Map<number, number>();
  let capacity = 1024;
  const tally: DocTally = { size: 0, docs: new Uint32Array(capacity), weight: new Float64Array(capacity), shared: new Uint32Array(capacity), maxRank: new Float64Array(capacity) };
  const grow = () => {
    capacity *= 2;
    const docs = new Uint32Array(capacity);
    const weight = new Float64Array(capacity);
    const shared = new Uint32Array(capacity);
    const maxRank = new Float64Array(capacity);
    docs.set(tally.docs);
    weight.set(tally.weight);
    shared.set(tally.shared);
    maxRank.set(tally.maxRank);
    Object.assign(tally, { docs, weight, shared, maxRank });
  };
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    // Inverse document frequency: a key in few records is strong evidence, one in many is weak.
    const w = idf(docs.length, total);
    const rank = keepRank(key);
    for (const doc of docs) {
      let slot = slotOf.get(doc);
      if (slot === undefined) {
        if (tally.size === capacity) grow();
        slot = tally.size++;
        slotOf.set(doc, slot);
        tally.docs[slot] = doc;
      }
      tally.weight[slot] += w;
      tally.shared[slot]++;
      if (rank > tally.maxRank[slot]) tally.maxRank[slot] = rank;
    }
  }
  return tally;
}

/**
 * Slots of the `count` documents sharing at least `minShared` keys with the highest `value`, best first (ties by
 * document number). The count-th best value is found with a numeric sort first, so that only the documents at or
 * above it are sorted by the full order: a page's postings name far more documents than the shortlist keeps.
 */
function topSlots(tally: DocTally, minShared: number, count: number, value: (slot: number) => number): number[] {
  const slots: number[] = [];
  const values: number[] = [];
  for (let slot = 0; slot < tally.size; slot++) {
    if (tally.shared[slot] < minShared) continue;
    slots.push(slot);
    values.push(value(slot));
  }
  let threshold = -Infinity;
  if (slots.length > count) threshold = Float64Array.from(values).sort()[slots.length - count];
  const kept: number[] = [];
  for (let i = 0; i < slots.length; i++) if (values[i] >= threshold) kept.push(i);
  return kept
    .sort((a, b) => values[b] - values[a] || tally.docs[slots[a]] - tally.docs[slots[b]])
    .slice(0, count)
    .map((i) => slots[i]);
}

/** localWeight of each shortlisted document, from the postings already read. */
function localWeights(shortlist: number[], postings: Map<number, Posting>, offsets: ReadonlyMap<number, readonly number[]>, total: number): Map<number, number> {
  const hitsOf = new Map<number, KeyHit[]>(shortlist.map((doc) => [doc, []]));
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    const weight = idf(docs.length, total);
    const at = offsets.get(key) ?? [];
    for (const doc of docs) {
      const hits = hitsOf.get(doc);
      if (hits) for (const offset of at) hits.push({ at: offset, key, weight });
    }
  }
  return new Map([...hitsOf].map(([doc, hits]) => [doc, localWeight(hits)]));
}

/** One occurrence on the page of a key a document shares: where, which key, and the key's weight. */
interface KeyHit {
  at: number;
  key: number;
  weight: number;
}

/**
 * The largest weight of distinct shared keys occurring within LOCAL_WINDOW characters of each other. A page
 * quoting many sources gives each of them a passage: a source rewritten word by word keeps few keys, but
 * keeps them together, where a document on the same subject collects as many keys scattered over the page.
 */
function localWeight(hits: KeyHit[]): number {
  hits.sort((a, b) => a.at - b.at);
  const inWindow = new Map<number, number>();
  let sum = 0;
  let best = 0;
  let from = 0;
  for (const hit of hits) {
    const count = inWindow.get(hit.key) ?? 0;
    inWindow.set(hit.key, count + 1);
    if (count === 0) sum += hit.weight;
    for (; hits[from].at < hit.at - LOCAL_WINDOW; from++) {
      const left = hits[from];
      const remaining = inWindow.get(left.key)! - 1;
      inWindow.set(left.key, remaining);
      if (remaining === 0) sum -= left.weight;
    }
    if (sum > best) best = sum;
  }
  return best;
}

/**
 * What the postings a page looked up tell about each of its keys beyond ranking: how many stored records hold it.
 * A key held by many records that are not near-copies of the page is a stock phrase of the corpus (an outlet's
 * attribution formula, a template notice's wording): sharing it is no evidence that two texts are one text.
 */
export interface KeySpread {
  /** Records in the corpus when the page was looked up. */
  total: number;
  /** Page key → the offsets where it occurs on the page (in text order). */
  offsets: ReadonlyMap<number, readonly number[]>;
  /**
   * Page key → how many stored records hold it, not counting near-copies of the page (a story stored thirty times is
   * not its own stock phrase); "stopped" for keys in too many records to be indexed. Keys no record holds are absent.
   */
  spread: Map<number, number | 'stopped'>;
}

export interface Retrieval {
  candidates: Candidate[];
  keys: KeySpread;
}

/**
 * A record sharing this share of the page's looked-up keys is a near-copy of it: its keys do not count towards how
 * common a key is. Edited copies of a page share about 0.6 of its keys, rewrites 0.3, unrelated stories under 0.1.
 */
const NEAR_COPY_SHARE = 0.6;

export async function retrieveCandidates(page: string | TextAnalysis, store: CorpusStore, options: RetrieveOptions = {}): Promise<Candidate[]> {
  return (await retrieve(page, store, options)).candidates;
}

/**
 * Candidates, with what the postings read for them say about each page key (see KeySpread). An analysed page gives the
 * keys its analysis found (lib/index/features.ts queryKeyOffsets).
 */
export async function retrieve(page: string | TextAnalysis, store: CorpusStore, options: RetrieveOptions = {}): Promise<Retrieval> {
  const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const minShared = options.minShared ?? 2;
  const offsets = queryKeyOffsets(page, options.lang, options.features);
  const keys = boundKeys(offsets.keys(), options.maxKeys ?? Infinity);
  if (keys.length === 0 || limit <= 0) return { candidates: [], keys: { total: 0, offsets, spread: new Map() } };
  const [postings, total] = await Promise.all([store.lookup(keys), store.count()]);

  const tally = tallyDocs(postings, total);
  // The square root of the sparsity: enough to lift copies from long documents, measured on PAN 2013
  // (verbatim recall@50 0.988 -> 0.996), where the full factor let topical long documents crowd out rewrites.
  const boost = (slot: number) => Math.sqrt(sparsity(tally.shared[slot], tally.maxRank[slot]));

  // Which documents are capped is known only after docStats: the shortlist assumes any may be.
  // 800 at limit 50: on PAN 2013 pages quoting 20 sources, a shorter list cuts off rewrites before their
  // normalisation and local evidence can lift them (random recall@50 0.987 at 400, 0.988 at 800 and beyond).
  const shortlistSize = options.shortlist ?? Math.max(16 * limit, 800);
  const shortlistSlots = topSlots(tally, minShared, shortlistSize, (slot) => tally.weight[slot] * boost(slot));
  const shortlist = shortlistSlots.map((slot) => tally.docs[slot]);
  const stats = await store.docStats(shortlist);
  const local = localWeights(shortlist, postings, offsets, total);
  const excluded = new Set(options.excludeIds ?? []);
  const maxDocFeatures = options.features?.maxDocFeatures ?? DEFAULT_FEATURE_OPTIONS.maxDocFeatures;

  const candidates: Candidate[] = [];
  shortlist.forEach((doc, i) => {
    const stat = stats[i];
    if (!stat || excluded.has(stat.id)) return;
    const slot = shortlistSlots[i];
    const norm = Math.max(stat.features, NORMALISATION_FLOOR) ** NORMALISATION_POWER;
    const capped = stat.features >= maxDocFeatures;
    const evidence = tally.weight[slot] + LOCAL_FACTOR * (local.get(doc) ?? 0);
    candidates.push({ id: stat.id, score: (evidence * (capped ? boost(slot) : 1)) / norm, shared: tally.shared[slot], doc, features: stat.features, capped, maxRank: tally.maxRank[slot] });
  });
  const best = candidates.sort((a, b) => b.score - a.score || b.shared - a.shared).slice(0, limit);
  const nearCopies = new Set<number>();
  for (let slot = 0; slot < tally.size; slot++) if (tally.shared[slot] >= NEAR_COPY_SHARE * keys.length) nearCopies.add(tally.docs[slot]);
  return { candidates: withSharedKeys(best, postings), keys: { total, offsets, spread: keySpread(postings, nearCopies) } };
}

/** Each candidate with the page keys it holds, read from the postings already in hand. */
function withSharedKeys(candidates: Candidate[], postings: Map<number, Posting>): Candidate[] {
  const keysOf = new Map<number, number[]>(candidates.map((c) => [c.doc, []]));
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    for (const doc of docs) keysOf.get(doc)?.push(key);
  }
  return candidates.map((c) => ({ ...c, keys: Uint32Array.from(keysOf.get(c.doc)!) }));
}

/** Per key, the records holding it that are not near-copies of the page. */
function keySpread(postings: Map<number, Posting>, nearCopies: ReadonlySet<number>): Map<number, number | 'stopped'> {
  const spread = new Map<number, number | 'stopped'>();
  for (const [key, docs] of postings) {
    if (docs === 'stopped') {
      spread.set(key, 'stopped');
      continue;
    }
    let near = 0;
    if (nearCopies.size) for (const doc of docs) if (nearCopies.has(doc)) near++;
    spread.set(key, docs.length - near);
  }
  return spread;
}
