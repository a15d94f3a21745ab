/**
 * What the stages of passage alignment share: the two modelled texts with their sentence vectors, the seeds
 * (similar sentence pairs) and the passages they grow into, the default thresholds, and small helpers on them.
 */
import type { Passage } from '../types';
import type { TextModel } from './model';
import type { SparseVector } from './vectors';

export interface ScoredPassage extends Passage {
  /** Cosine of the two sides as wholes. */
  similarity: number;
  /** Seeds (sentence pairs) inside the passage. */
  seeds: number;
}

/** Thresholds and cost limits of passage alignment (AlignOptions overrides them). */
export const ALIGN_DEFAULTS = {
  maxPairChecks: 3_000_000,
  maxSeeds: 20_000,
  minPassageChars: 120,
  seedCosine: 0.28,
  seedDice: 0.28,
  seedContainment: 0.6,
  seedContainedTerms: 4,
  weakSeedCosine: 0.2,
  weakSeedDice: 0.2,
  chainNeighbours: 2,
  validation: 0.34,
  maxGap: 4,
  summaryMaxGap: 24,
  singleSeedSimilarity: 0.42,
  nearBest: 0.7,
  summaryPageGap: 1,
  summaryMinSentences: 3,
  summaryValidation: 0.4,
  anchorGap: 20,
  anchorMinPairs: 9,
  anchorDensity: 0.4,
  anchorContainment: 0.75,
  anchorManyPairs: 16,
  maxAnchors: 50_000,
};

export type AlignDefaults = typeof ALIGN_DEFAULTS;

export interface Seed {
  i: number;
  j: number;
  sim: number;
  dice: number;
  /** Below the seed thresholds: kept only inside a chain of seeds. */
  weak?: boolean;
}

/** The two texts being aligned: their models, sentence vectors and the inverse sentence frequency weighting both. */
export interface AlignContext {
  page: TextModel;
  source: TextModel;
  pageVectors: SparseVector[];
  sourceVectors: SparseVector[];
  isf: Float64Array;
}

/** Seeds split wherever they lie more than maxGap apart, alternately in the page and in the source, until nothing splits. */
export function clusterSeeds(seeds: Seed[], maxGap: number): Seed[][] {
  let groups = [seeds];
  let stablePasses = 0;
  let byPage = true;
  while (stablePasses < 2) {
    const next: Seed[][] = [];
    let split = false;
    for (const group of groups) {
      const parts = splitByGap(group, byPage ? (s) => s.i : (s) => s.j, maxGap);
      if (parts.length > 1) split = true;
      next.push(...parts);
    }
    groups = next;
    stablePasses = split ? 0 : stablePasses + 1;
    byPage = !byPage;
  }
  return groups;
}

/** The seeds in order of `key`, cut wherever two neighbours lie more than maxGap apart. */
export function splitByGap(group: Seed[], key: (s: Seed) => number, maxGap: number): Seed[][] {
  const sorted = [...group].sort((a, b) => key(a) - key(b));
  const parts: Seed[][] = [];
  let current: Seed[] = [];
  for (const seed of sorted) {
    if (current.length > 0 && key(seed) - key(current[current.length - 1]) > maxGap + 1) {
      parts.push(current);
      current = [];
    }
    current.push(seed);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

export function spansOverlap([start, end]: readonly [number, number], [otherStart, otherEnd]: readonly [number, number]): boolean {
  return start < otherEnd && otherStart < end;
}

/** Where two passages overlap in the page, the stronger one wins. */
/** The distinct content terms of a token range. */
export function termSet(model: TextModel, [from, to]: [number, number]): Set<number> {
  const set = new Set<number>();
  for (let t = from; t < to; t++) if (model.terms[t] >= 0) set.add(model.terms[t]);
  return set;
}

/** What adding word pairs needs from a sentence alignment: the models compared and the passages before their edges were refined. */
export interface SentenceStage {
  ctx: AlignContext;
  found: ScoredPassage[];
}

/** Sentence passages; `stage` is absent where word pairs are not looked for (the cross-language sentence sequence). */
export interface Aligned {
  passages: ScoredPassage[];
  truncated: boolean;
  stage?: SentenceStage;
}
