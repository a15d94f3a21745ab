/**
 * Candidate sources of a page: the stored records sharing the most selective keys
 * with it, most of all within one passage of the page, read from the inverted index
 * only (texts stay on disk). The alignment stage decides which candidates really are
 * versions of the page.
 */
import type { CorpusStore, Posting } from '../store/types';
import type { TextAnalysis } from '../text/analysis';
import type { CorpusRecord } from '../types';
import { boundKeys, DEFAULT_FEATURE_OPTIONS, keepRank, queryKeyOffsets, type FeatureOptions } from './features';
import { valueAtRank } from './select';
import { tallyPostings, type PostingTally } from './tally';

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
  /** The stored record, when the retrieval read it to name the candidate (RetrieveOptions.withRecords). */
  record?: CorpusRecord;
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
  /**
   * Name the candidates by reading their records by document number (CorpusStore.getRecordsOfDocs) instead of their
   * directory entries, for a caller that reads the records next: one round of requests instead of two, and none of
   * the directory's rows, a thousand ids each, which a worker just started has yet to read.
   */
  withRecords?: boolean;
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

/** Where on the page each key the document at `place` in the tally holds occurs: its localWeight's hits, in key order. */
function hitsOf(tally: PostingTally, place: number, offsets: ReadonlyMap<number, readonly number[]>): KeyHit[] {
  const hits: KeyHit[] = [];
  for (let h = tally.heldFrom[place]; h < tally.heldFrom[place + 1]; h++) {
    const k = tally.heldKeys[h];
    const key = tally.keys[k];
    const at = offsets.get(key) ?? [];
    for (let o = 0; o < at.length; o++) hits.push({ at: at[o], key, weight: tally.keyWeights[k] });
  }
  return hits;
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

/**
 * Candidates ranked, without the keys each holds or the spread of the page's keys: the first answer reads no corpus
 * evidence, and each of those is one more pass over every posting the page looked up.
 */
export async function retrieveCandidates(page: string | TextAnalysis, store: CorpusStore, options: RetrieveOptions = {}): Promise<Candidate[]> {
  return (await ranked(page, store, options)).candidates;
}

/**
 * Candidates, with what the postings read for them say about each page key (see KeySpread). An analysed page gives the
 * keys its analysis found (lib/index/features.ts queryKeyOffsets).
 */
export async function retrieve(page: string | TextAnalysis, store: CorpusStore, options: RetrieveOptions = {}): Promise<Retrieval> {
  const { candidates, postings, nearCopies, total, offsets } = await ranked(page, store, options, { nearCopies: true });
  return { candidates: withSharedKeys(candidates, postings), keys: { total, offsets, spread: keySpread(postings, new Set(nearCopies)) } };
}

/** The best candidates and the postings they were ranked from. */
interface Ranking {
  candidates: Candidate[];
  postings: Map<number, Posting>;
  /** Documents sharing NEAR_COPY_SHARE of the keys looked up, when asked for (empty otherwise). */
  nearCopies: number[];
  total: number;
  offsets: ReadonlyMap<number, readonly number[]>;
}

/** What the ranking keeps of a shortlisted document's tally once the tally is cleared. */
interface Shortlisted {
  doc: number;
  weight: number;
  shared: number;
  maxRank: number;
  boost: number;
  local: number;
}

/**
 * The near copies are found only for a caller that reads them (the key spread): a first answer's tally names ten
 * thousand documents at a million articles, and on a fresh worker every pass over them shows in its time.
 */
async function ranked(page: string | TextAnalysis, store: CorpusStore, options: RetrieveOptions, { nearCopies: findNearCopies = false } = {}): Promise<Ranking> {
  const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT;
  const offsets = queryKeyOffsets(page, options.lang, options.features);
  const keys = boundKeys(offsets.keys(), options.maxKeys ?? Infinity);
  if (keys.length === 0 || limit <= 0) return { candidates: [], postings: new Map(), nearCopies: [], total: 0, offsets };
  const [postings, total] = await Promise.all([store.lookup(keys), store.count()]);
  // Inverse document frequency: a key in few records is strong evidence, one in many is weak.
  const tally = tallyPostings(postings, (holders) => idf(holders, total), keepRank);
  const shortlisted = shortlistOf(tally, offsets, limit, options);
  const nearCopies = findNearCopies ? nearCopiesOf(tally, NEAR_COPY_SHARE * keys.length) : [];
  const best = await bestCandidates(shortlisted, store, limit, new Set(options.excludeIds ?? []), options);
  return { candidates: best, postings, nearCopies, total, offsets };
}

/** The documents of the tally holding at least `bar` of its keys. */
function nearCopiesOf(tally: PostingTally, bar: number): number[] {
  const near: number[] = [];
  for (let place = 0; place < tally.docs.length; place++) if (tally.shared[place] >= bar) near.push(tally.docs[place]);
  return near;
}

/** A shortlisted document with its score, before its id is read. */
interface Scored {
  entry: Shortlisted;
  features: number;
  capped: boolean;
  score: number;
  /** Known when the store gave the directory entry with the count. */
  id?: string;
  record?: CorpusRecord;
}

/** What names a scored document: its id, with its record where that was read to find the id. */
type Naming = { id: string; record?: CorpusRecord } | undefined;

/**
 * The `limit` best shortlisted documents that are stored and not excluded. Scores need every document's key count;
 * ids are read only for the best, in order, until `limit` are kept: where the store keeps the counts apart
 * (docKeyCounts) that is a handful of directory entries instead of the whole shortlist's.
 */
async function bestCandidates(shortlisted: readonly Shortlisted[], store: CorpusStore, limit: number, excluded: ReadonlySet<string>, options: RetrieveOptions): Promise<Candidate[]> {
  const maxDocFeatures = options.features?.maxDocFeatures ?? DEFAULT_FEATURE_OPTIONS.maxDocFeatures;
  const docs = shortlisted.map((entry) => entry.doc);
  const stats = store.docKeyCounts ? null : await store.docStats(docs);
  const counts = stats ? stats.map((stat) => stat?.features ?? 0) : await store.docKeyCounts!(docs);
  const scored: Scored[] = [];
  shortlisted.forEach((entry, i) => {
    const features = counts[i];
    if (stats ? !stats[i] : features === 0) return;
    const norm = Math.max(features, NORMALISATION_FLOOR) ** NORMALISATION_POWER;
    const capped = features >= maxDocFeatures;
    const evidence = entry.weight + LOCAL_FACTOR * entry.local;
    scored.push({ entry, features, capped, score: (evidence * (capped ? entry.boost : 1)) / norm, id: stats?.[i]?.id });
  });
  // A stable sort: ties keep the shortlist's order, whichever documents are later left out.
  scored.sort((a, b) => b.score - a.score || b.entry.shared - a.entry.shared);
  const name = namer(store, options);
  const candidates: Candidate[] = [];
  for (let next = 0; next < scored.length && candidates.length < limit; ) {
    const batch = scored.slice(next, next + limit - candidates.length + excluded.size);
    next += batch.length;
    const unread = batch.filter((item) => item.id === undefined);
    const read = unread.length > 0 ? await name(unread.map((item) => item.entry.doc)) : [];
    unread.forEach((item, i) => Object.assign(item, read[i]));
    for (const { entry, features, capped, score, id, record } of batch) {
      if (id === undefined || excluded.has(id) || candidates.length >= limit) continue;
      candidates.push({ id, score, shared: entry.shared, doc: entry.doc, features, capped, maxRank: entry.maxRank, ...(record ? { record } : {}) });
    }
  }
  return candidates;
}

/** How the best documents are named: by their records where the caller wants them and the store reads them by number. */
function namer(store: CorpusStore, options: RetrieveOptions): (docs: readonly number[]) => Promise<Naming[]> {
  const byNumber = store.getRecordsOfDocs?.bind(store);
  if (options.withRecords && byNumber) return async (docs) => (await byNumber(docs)).map((record) => record && { id: record.id, record });
  return async (docs) => (await store.docStats(docs)).map((stat) => stat && { id: stat.id });
}

/** The documents worth their directory entries, best by raw weight first, with what their ranking needs of the tally. */
function shortlistOf(tally: PostingTally, offsets: ReadonlyMap<number, readonly number[]>, limit: number, options: RetrieveOptions): Shortlisted[] {
  const { docs, weight, shared, maxRank } = tally;
  const minShared = options.minShared ?? 2;
  // The square root of the sparsity: enough to lift copies from long documents, measured on PAN 2013
  // (verbatim recall@50 0.988 -> 0.996), where the full factor let topical long documents crowd out rewrites.
  const boost = (place: number) => Math.sqrt(sparsity(shared[place], maxRank[place]));

  // Which documents are capped is known only after docStats: the shortlist assumes any may be.
  // 800 at limit 50: on PAN 2013 pages quoting 20 sources, a shorter list cuts off rewrites before their
  // normalisation and local evidence can lift them (random recall@50 0.987 at 400, 0.988 at 800 and beyond).
  const shortlistSize = options.shortlist ?? Math.max(16 * limit, 800);
  const eligible: number[] = [];
  for (let place = 0; place < docs.length; place++) if (shared[place] >= minShared) eligible.push(place);
  // Places in the tally are in document order, so ties fall to the earlier document.
  const shortlist = bestDocs(eligible, shortlistSize, (place) => weight[place] * boost(place));
  return shortlist.map((place) => ({
    doc: docs[place],
    weight: weight[place],
    shared: shared[place],
    maxRank: maxRank[place],
    boost: boost(place),
    local: localWeight(hitsOf(tally, place, offsets)),
  }));
}

/**
 * The `count` documents with the highest `value`, best first (ties by document number). The count-th best value is
 * found first (by selection, not a sort of them all), so that only the documents at or above it are sorted by the full order: at 1,000,000
 * articles a long page's postings name 100,000 documents, and the shortlist keeps 800.
 */
function bestDocs(docs: readonly number[], count: number, value: (doc: number) => number): number[] {
  const values = docs.map(value);
  const threshold = docs.length > count ? valueAtRank(Float64Array.from(values), docs.length - count) : -Infinity;
  const kept: number[] = [];
  for (let i = 0; i < docs.length; i++) if (values[i] >= threshold) kept.push(i);
  return kept
    .sort((a, b) => values[b] - values[a] || docs[a] - docs[b])
    .slice(0, count)
    .map((i) => docs[i]);
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
