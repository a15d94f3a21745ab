/**
 * Corpus evidence that a page and a stored record are one text: the index keys they share (word pairs, names,
 * numbers), each weighed by how many stored records hold it. Stock phrases — an outlet's attribution formula, the
 * wording of a template notice, boilerplate — are held by many records, so sharing them is no evidence; what the
 * two texts share and few other records hold is. Learned from the corpus itself, so it works for any outlet and
 * any language without word lists, and it follows the corpus as it grows.
 */
import type { TextAnalysis } from '../text/analysis';
import { keepRank, nameKeysOf, queryKeyOffsets } from '../index/features';
import type { KeySpread } from '../index/retrieve';

/**
 * A key more records than this hold (near-copies of the page not counted) is stock. On 17,900 Reuters stories, keys
 * of an edited copy of a story are held by a median of 1–3 other records, an outlet's formulas and template wording
 * by hundreds; at 10, 95% of stories on the same subject share no more than 8% of a page's other keys with it.
 */
export const STOCK_SPREAD = 10;
/**
 * In a larger corpus the bar grows with it: a key is stock when more than this share of the stored records hold it
 * (10 of the 17,900 stories the bar was measured on). Otherwise every key becomes stock as a corpus grows: at 100,000
 * articles in the benchmark (each story stored in five or six versions, as a wire story is printed by many outlets)
 * the keys of a short story, its company's name and its wording, are each held by a dozen records, and an edited copy
 * the first answer finds shares no distinctive key with its original.
 */
export const STOCK_SHARE = STOCK_SPREAD / 17_900;

/** How many records may hold a key before it is stock, in a corpus of `total` records. */
export function stockSpread(total: number): number {
  return Math.max(STOCK_SPREAD, STOCK_SHARE * total);
}

/** The record's side of the evidence, as retrieval found it. */
export interface RecordKeys {
  /** Page keys the record holds. */
  keys: ArrayLike<number>;
  /** Index keys of the record. */
  features: number;
  /** A record over the index's key limit keeps only its keys of keep rank up to about `maxRank`. */
  capped: boolean;
  maxRank: number;
}

export interface CorpusEvidence {
  /** Shared keys few records hold, and shared stock keys. */
  distinctive: number;
  stock: number;
  /** Share of the page's distinctive keys (those the record could hold) that the record holds. */
  pageShare: number;
  /** Share of the record's keys, stock ones left out, that the page holds. */
  recordShare: number;
  /** Shared distinctive keys that are names: people, places, organisations few other stored articles mention. */
  distinctiveNames: number;
  /** The shared distinctive keys themselves: which of a page's versions hold what another shares with it. */
  distinctiveKeys: number[];
  /** Page offsets of shared keys, distinctive and stock, in text order. */
  distinctiveAt: number[];
  stockAt: number[];
}

function isStock(spread: number | 'stopped' | undefined, bar: number): boolean {
  return spread === 'stopped' || (spread ?? 0) > bar;
}

/** The evidence for one record from the keys retrieval looked up for the page. */
export function corpusEvidence(page: KeySpread, record: RecordKeys, pageNames: ReadonlySet<number> = new Set()): CorpusEvidence {
  const held = new Set(Array.from(record.keys));
  const distinctiveKeys: number[] = [];
  const distinctiveAt: number[] = [];
  const stockAt: number[] = [];
  let stock = 0;
  let pageDistinctive = 0;
  const bar = stockSpread(page.total);
  for (const [key, offsets] of page.offsets) {
    const stocked = isStock(page.spread.get(key), bar);
    if (held.has(key)) {
      if (stocked) stock++;
      else distinctiveKeys.push(key);
      (stocked ? stockAt : distinctiveAt).push(...offsets);
    } else if (!stocked && (!record.capped || keepRank(key) <= record.maxRank)) {
      // A capped record could only hold keys of low enough rank: the others say nothing about it.
      pageDistinctive++;
    }
  }
  const distinctive = distinctiveKeys.length;
  const distinctiveNames = distinctiveKeys.filter((key) => pageNames.has(key)).length;
  pageDistinctive += distinctive;
  return {
    distinctive,
    distinctiveNames,
    distinctiveKeys,
    stock,
    pageShare: pageDistinctive ? distinctive / pageDistinctive : 0,
    recordShare: distinctive / Math.max(1, record.features - stock),
    distinctiveAt: distinctiveAt.sort((a, b) => a - b),
    stockAt: stockAt.sort((a, b) => a - b),
  };
}

/**
 * Without an index (a store that only serves records), every key counts as distinctive: the page's keys and the
 * record's are computed from the texts.
 */
export function textEvidence(page: string | TextAnalysis, pageLang: string | undefined, record: string | TextAnalysis, recordLang: string | undefined): CorpusEvidence {
  const offsets = queryKeyOffsets(page, pageLang);
  const recordKeys = queryKeyOffsets(record, recordLang);
  const keys = [...offsets.keys()].filter((key) => recordKeys.has(key));
  return corpusEvidence({ total: 0, offsets, spread: new Map() }, { keys, features: recordKeys.size, capped: false, maxRank: 0 }, nameKeysOf(page, pageLang));
}

/** Occurrences on the page of shared keys within a page span, distinctive and stock. */
export function keysWithin(evidence: CorpusEvidence, [start, end]: readonly [number, number]): { distinctive: number; stock: number } {
  return { distinctive: countWithin(evidence.distinctiveAt, start, end), stock: countWithin(evidence.stockAt, start, end) };
}

function countWithin(sorted: readonly number[], start: number, end: number): number {
  return lowerBound(sorted, end, Number) - lowerBound(sorted, start, Number);
}

/** Index of the first item whose `at` is at least `value`, in items sorted by it. */
export function lowerBound<T>(sorted: readonly T[], value: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
