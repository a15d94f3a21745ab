/**
 * The first answer to "where does this article come from": stored records that share so much of the page's
 * wording that they are versions of it, found from the index and a few records, without aligning texts.
 * It takes milliseconds where the full check (lib/engine.ts) takes longer, so the popup can show it at once
 * and let the full check confirm it, label the relation and explain the drift.
 */
import { analysed, TextAnalysis } from './text/analysis';
import { retrievalTerms } from './text/terms';
import { sharedWordingPairsOf } from './text/word-pairs';
import { retrieveCandidates } from './index/retrieve';
import type { CorpusStore } from './store/types';
import type { CorpusRecord } from './types';

/** What the popup names a version by: the record without its text. */
export interface LikelySource extends Pick<CorpusRecord, 'id' | 'title' | 'site' | 'url' | 'published' | 'firstSeen'> {
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
  /** Most index keys looked up (default FIRST_LOOK_KEYS). */
  maxKeys?: number;
}

/**
 * Index keys the first answer looks up. A long page has hundreds, each one read per index tier; 64 found the same
 * versions as all of them for 300 queries on 100,000 Reuters stories, and keep the slowest lookups short.
 */
export const FIRST_LOOK_KEYS = 64;

/**
 * Documents whose directory entries are read to rank the five candidates. A version shares so many keys that it
 * is among the first by raw weight; on 100,000 Reuters stories (300 queries) 200 gave the same recall@1 as 800,
 * with a quarter of the directory reads.
 */
export const FIRST_LOOK_SHORTLIST = 200;

/**
 * The machine-translated rewrite of the seed story shares 0.59 of its word pairs with the original; independent
 * coverage of the same event shares 0.02–0.06, and unrelated wire stories on one topic little more. Anything
 * between is left to the full check.
 */
export const LIKELY_SOURCE_CONTAINMENT = 0.2;

/**
 * Heavy word-by-word rewrites break most word pairs but keep the vocabulary: at 100,000 Reuters stories, 4 of 100
 * rewritten copies kept under 0.2 of their original's pairs yet over 0.25 of its words, while only 1 of 100 stories
 * with no stored source reached 0.25 with a record that shares too few pairs.
 */
export const LIKELY_SOURCE_WORD_OVERLAP = 0.25;

/**
 * An earlier version is named before the closest one when it is about as close to the page (this share of the
 * closest one's pair overlap) and holds most of what the closest one shares with the page (this share of those
 * pairs, and of the figures): it is then the text the closest one came from. A text's perturbed copies resemble a rewrite of it almost
 * as much as it does, and what tells them apart is that they came later: published later or, where neither says
 * when it was published, stored later. The second condition keeps an earlier notice printed from the same template
 * (earnings, rates), whose words match but whose figures do not, from passing for the original.
 * 100,000 Reuters stories, 100 queries of each kind: rewritten copies led to their original 98 times (93 in
 * retrieval order), edited copies 100 times.
 */
export const EQUALLY_CLOSE = 0.8;
export const EXPLAINS_THE_CLOSEST = 0.85;

interface TextProfile {
  pairs: Set<string>;
  words: Set<string>;
  /** Figures as written: notices printed from one template differ in little else. */
  numbers: Set<string>;
}

const FIGURE = /\d+(?:[.,]\d+)*/g;

/** Share of the smaller set found in the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b;
  return small.size === 0 ? 0 : sharedCount(a, b) / small.size;
}

/** Shared items over all distinct items. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = sharedCount(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}

function profileOf(text: string | TextAnalysis, lang?: string): TextProfile {
  const analysis = analysed(text);
  const terms = retrievalTerms(analysis, lang);
  return { pairs: sharedWordingPairsOf(terms), words: new Set(terms), numbers: new Set(analysis.text.match(FIGURE)) };
}

interface Measured {
  source: LikelySource;
  /** Document number: the order in which records were stored. */
  stored: number;
  profile: TextProfile;
  pairOverlap: number;
}

/** Stored versions of a text, the likely original first; empty when nothing stored is close enough. */
export async function likelySources(text: string, store: CorpusStore, options: LikelySourceOptions = {}): Promise<LikelySource[]> {
  const minContainment = options.minContainment ?? LIKELY_SOURCE_CONTAINMENT;
  // One analysis of the page: its lookup keys and its profile start from the same words.
  const analysis = new TextAnalysis(text);
  const candidates = await retrieveCandidates(analysis, store, {
    limit: options.candidates ?? 5,
    lang: options.lang,
    excludeIds: options.excludeIds,
    maxKeys: options.maxKeys ?? FIRST_LOOK_KEYS,
    shortlist: FIRST_LOOK_SHORTLIST,
    withRecords: true,
  });
  if (candidates.length === 0) return [];
  const page = profileOf(analysis, options.lang);
  const records = candidates.every((candidate) => candidate.record) ? candidates.map((candidate) => candidate.record) : await store.getRecords(candidates.map((candidate) => candidate.id));
  const versions: Measured[] = [];
  for (const [i, record] of records.entries()) {
    if (!record) continue;
    // The store's analyses (when it keeps them) are the ones the full check then reads: the text is analysed once.
    const profile = profileOf(store.analyses ? store.analyses.of(record).whole : record.text, record.lang);
    const shared = containment(page.pairs, profile.pairs);
    if (shared < minContainment && jaccard(page.words, profile.words) < LIKELY_SOURCE_WORD_OVERLAP) continue;
    versions.push({ source: describe(record, shared), stored: candidates[i].doc, profile, pairOverlap: jaccard(page.pairs, profile.pairs) });
  }
  versions.sort((a, b) => b.pairOverlap - a.pairOverlap);
  return earliestOfTheClosestFirst(versions, page).map((version) => version.source);
}

/** Moves to the front the earliest version that the closest one may have come from (see EQUALLY_CLOSE). */
function earliestOfTheClosestFirst(versions: Measured[], page: TextProfile): Measured[] {
  const [closest] = versions;
  if (!closest) return versions;
  const sharedPairs = [...closest.profile.pairs].filter((pair) => page.pairs.has(pair));
  const sharedFigures = [...closest.profile.numbers].filter((figure) => page.numbers.has(figure));
  const holds = (shared: readonly string[], found: ReadonlySet<string>) => shared.filter((item) => found.has(item)).length >= EXPLAINS_THE_CLOSEST * shared.length;
  const explainsClosest = (version: Measured) => holds(sharedPairs, version.profile.pairs) && holds(sharedFigures, version.profile.numbers);
  let earliest = closest;
  for (const version of versions) {
    if (!cameBefore(version, earliest)) continue;
    if (version.pairOverlap >= EQUALLY_CLOSE * closest.pairOverlap && explainsClosest(version)) earliest = version;
  }
  return [earliest, ...versions.filter((version) => version !== earliest)];
}

/** Published earlier; or, when neither is dated, stored earlier. A dated and an undated version are not compared. */
function cameBefore(a: Measured, b: Measured): boolean {
  const [publishedA, publishedB] = [a, b].map((version) => (version.source.published ? Date.parse(version.source.published) : Number.NaN));
  if (Number.isNaN(publishedA) && Number.isNaN(publishedB)) return a.stored < b.stored;
  return publishedA < publishedB;
}

function describe(record: CorpusRecord, containment: number): LikelySource {
  const { id, title, site, url, published, firstSeen } = record;
  return { id, title, site, url, published, firstSeen, containment };
}
