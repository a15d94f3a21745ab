/**
 * Passage alignment by seed and extend, after the PAN text-alignment systems
 * (Sanchez-Perez et al. 2014): sentence pairs whose tf·isf cosine and Dice are
 * both high are seeds; seeds close to each other in both texts are clustered into
 * passages; a passage is kept when its two sides are similar as a whole.
 * Text reworded word by word (look-alike substitutions, insertions, deletions, local
 * shuffles) keeps few similar sentences but many pairs of nearby words: dense clusters
 * of shared word pairs are passages too.
 * Every stage has a cost limit; hitting one returns what was found with truncated: true.
 */
import type { Passage } from '../types';
import { buildModel, Vocabulary, type TextModel } from './model';
import { cosine, inverseUnitFrequency, sumVectors, termCounts, unitVectors, vectorFromCounts, type SparseVector } from './vectors';
import { bridgeModel, isCrossLanguage } from './crosslang';
import { alignUnitSequences, CROSS_LANGUAGE_THRESHOLD, type Step } from './dp';

export interface AlignOptions {
  pageLang?: string;
  sourceLang?: string;
  /** Characters of each text considered. */
  maxChars?: number;
  /** Sentence units of each text considered. */
  maxUnits?: number;
  /** Budget of term-posting visits while scoring sentence pairs. */
  maxPairChecks?: number;
  /** Seeds kept (best first) before extension. */
  maxSeeds?: number;
  /** Shortest passage kept, in characters of the page text. */
  minPassageChars?: number;
  seedCosine?: number;
  seedDice?: number;
  /**
   * A sentence merged with its neighbours on one side (lost punctuation, line breaks) still
   * lies inside the other side's sentence: a pair is also a seed when the smaller sentence's
   * term weight is mostly shared, with at least `seedContainedTerms` terms in common.
   */
  seedContainment?: number;
  seedContainedTerms?: number;
  /**
   * Weaker sentence pairs (heavily reworded text) count as seeds only in a chain: with at
   * least `chainNeighbours` other seeds within maxGap units in both texts.
   */
  weakSeedCosine?: number;
  weakSeedDice?: number;
  chainNeighbours?: number;
  /** Cosine that a whole passage needs between its page and source sides. */
  validation?: number;
  /** Largest gap, in sentence units, bridged when extending seeds. */
  maxGap?: number;
  /** Largest gap used when the page condenses the source (summaries). */
  summaryMaxGap?: number;
  /** A seed is kept when its similarity is at least this share of the best seed of its sentences. */
  nearBest?: number;
  /** Summaries: largest gap between page sentences, fewest page sentences, and whole-passage cosine needed. */
  summaryPageGap?: number;
  summaryMinSentences?: number;
  summaryValidation?: number;
  /** Similarity a passage made of a single sentence pair needs. */
  singleSeedSimilarity?: number;
  /** Word pairs: largest gap in words between shared pairs of one cluster, in either text. */
  anchorGap?: number;
  /** Word pairs: fewest distinct shared pairs a cluster needs to be a passage. */
  anchorMinPairs?: number;
  /**
   * Word pairs: a cluster also needs its shared pairs packed densely (per page word) or most of
   * its page content words present in its source span: topical neighbours share scattered pairs.
   */
  anchorDensity?: number;
  anchorContainment?: number;
  /** Word pairs: a cluster with this many distinct shared pairs is a passage however spread out. */
  anchorManyPairs?: number;
  /** Word pairs: shared pairs considered (cost limit). */
  maxAnchors?: number;
  /**
   * Also cluster shared word pairs into passages (`withWordPairs`). Off by default: only a caller
   * falling back on weaker evidence needs them. Asking again for the same texts with this on
   * reuses the sentence alignment of the first call.
   */
  wordPairs?: boolean;
}

export interface ScoredPassage extends Passage {
  /** Cosine of the two sides as wholes. */
  similarity: number;
  /** Seeds (sentence pairs) inside the passage. */
  seeds: number;
}

export interface AlignResult {
  passages: ScoredPassage[];
  /**
   * The passages with clusters of shared word pairs added, when there are any: text reworded
   * word by word keeps too few similar sentences to be recognised by its passages alone. Weaker
   * evidence than sentences (it also finds short phrases two related texts share), for a caller to
   * fall back on when the passages are not enough. Only computed when asked (`wordPairs`).
   */
  withWordPairs?: ScoredPassage[];
  truncated: boolean;
  crossLanguage: boolean;
  pageLang: string;
  sourceLang: string;
}

const DEFAULTS = {
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

export interface Seed {
  i: number;
  j: number;
  sim: number;
  dice: number;
  /** Below the seed thresholds: kept only inside a chain of seeds. */
  weak?: boolean;
}

interface Context {
  page: TextModel;
  source: TextModel;
  pageVectors: SparseVector[];
  sourceVectors: SparseVector[];
  isf: Float64Array;
}

export function alignPassages(pageText: string, sourceText: string, opts: AlignOptions = {}): AlignResult {
  const { wordPairs, ...sentenceOpts } = opts;
  const alignment = sentenceAlignment(pageText, sourceText, sentenceOpts);
  const result: AlignResult = { ...alignment.result, passages: alignment.result.passages.map((p) => ({ ...p })) };
  if (!wordPairs || !alignment.stage) return result;
  const anchors = anchorPassages(alignment.stage.ctx, alignment.options);
  if (anchors.passages.length) result.withWordPairs = finishPassages(alignment.stage.ctx, withAnchors(alignment.stage.found, anchors.passages));
  result.truncated ||= anchors.truncated;
  return result;
}

/** What adding word pairs needs from a sentence alignment: the models compared and the passages before their edges were refined. */
interface SentenceStage {
  ctx: Context;
  found: ScoredPassage[];
}

/** Sentence passages; `stage` is absent where word pairs are not looked for (the cross-language sentence sequence). */
interface Aligned {
  passages: ScoredPassage[];
  truncated: boolean;
  stage?: SentenceStage;
}

interface SentenceAlignment {
  result: AlignResult;
  stage?: SentenceStage;
  options: typeof DEFAULTS;
}

// A caller falls back on word pairs right after the sentence passages of the same texts: the last few are kept.
const KEPT_ALIGNMENTS = 4;
const keptAlignments: { pageText: string; sourceText: string; options: string; alignment: SentenceAlignment }[] = [];

function sentenceAlignment(pageText: string, sourceText: string, opts: AlignOptions): SentenceAlignment {
  const options = JSON.stringify(Object.entries(definedOnly(opts)).sort(([a], [b]) => (a < b ? -1 : 1)));
  const at = keptAlignments.findIndex((k) => k.options === options && k.pageText === pageText && k.sourceText === sourceText);
  if (at >= 0) {
    const [kept] = keptAlignments.splice(at, 1);
    keptAlignments.push(kept);
    return kept.alignment;
  }
  const alignment = alignSentencePassages(pageText, sourceText, opts);
  keptAlignments.push({ pageText, sourceText, options, alignment });
  if (keptAlignments.length > KEPT_ALIGNMENTS) keptAlignments.shift();
  return alignment;
}

function alignSentencePassages(pageText: string, sourceText: string, opts: AlignOptions): SentenceAlignment {
  const o = { ...DEFAULTS, ...definedOnly(opts) };
  const vocab = new Vocabulary();
  const limits = { maxChars: opts.maxChars, maxUnits: opts.maxUnits };
  const page = buildModel(pageText, vocab, opts.pageLang, limits);
  const source = buildModel(sourceText, vocab, opts.sourceLang, limits);
  const crossLanguage = isCrossLanguage(page.lang, source.lang);
  if (crossLanguage) {
    // A guessed language can be wrong (short or garbled text): shared words then still decide.
    if (!opts.pageLang || !opts.sourceLang) {
      const same = alignModels(page, source, vocab.size, o);
      if (same.passages.length) return finish(same, o, page, source, false);
    }
    const bridgeVocab = new Vocabulary();
    const pageBridge = bridgeModel(page, bridgeVocab);
    const sourceBridge = bridgeModel(source, bridgeVocab);
    const across = { ...o, ...crossLanguageThresholds(opts) };
    return finish(alignAcrossLanguages(pageBridge, sourceBridge, bridgeVocab.size, across), across, page, source, true);
  }
  return finish(alignModels(page, source, vocab.size, o), o, page, source, false);
}

function finish(r: Aligned, options: typeof DEFAULTS, page: TextModel, source: TextModel, crossLanguage: boolean): SentenceAlignment {
  return {
    result: {
      passages: r.passages,
      truncated: r.truncated || page.truncated || source.truncated,
      crossLanguage,
      pageLang: page.lang,
      sourceLang: source.lang,
    },
    stage: r.stage,
    options,
  };
}

// Across languages only names, numbers and cognates are shared, so single sentences match more weakly.
function crossLanguageThresholds(opts: AlignOptions): Partial<typeof DEFAULTS> {
  return {
    seedCosine: opts.seedCosine ?? 0.15,
    seedDice: opts.seedDice ?? 0.2,
    validation: opts.validation ?? 0.2,
  };
}

// DP cells (page × source sentences) for aligning across languages; larger texts fall back to seeds.
const CROSS_LANGUAGE_MAX_CELLS = 250_000;
// A sentence pair across languages counts when its bridge cosine reaches this…
const CROSS_LANGUAGE_PAIR = 0.06;
// …and stands out this many times above what sentences that are not translations of each other share: the 90th
// percentile of all pairs' similarity, as two texts on one story share names and numbers all through.
const CROSS_LANGUAGE_CONTRAST = 1.6;
const BACKGROUND_PERCENTILE = 0.9;
// A run of pairs needs this mean contrast over the background: a translation's pairs stand out together (on the
// WMT sets 2 kept one more Icelandic translation than 2.2 and called no other article a translation).
const CROSS_LANGUAGE_RUN_CONTRAST = 2;
// And the passage as a whole (its sentences summed) shares this much: scattered pairs of common words do not.
const CROSS_LANGUAGE_VALIDATION = 0.07;

/**
 * Across languages single sentence pairs are weak evidence, but a translation keeps
 * the order of its sentences: a monotone alignment (DP) of all sentences finds the
 * runs of pairs that share names, numbers, cognates and lexicon words clearly more
 * than the texts' other sentence pairs do, and each run is a passage.
 */
export function alignAcrossLanguages(page: TextModel, source: TextModel, vocabSize: number, o: typeof DEFAULTS): Aligned {
  if (page.units.length * source.units.length > CROSS_LANGUAGE_MAX_CELLS) return alignModels(page, source, vocabSize, o);
  const isf = inverseUnitFrequency([page, source], vocabSize, true);
  const ctx: Context = { page, source, pageVectors: unitVectors(page, isf), sourceVectors: unitVectors(source, isf), isf };
  const path = alignUnitSequences(ctx.pageVectors, ctx.sourceVectors, CROSS_LANGUAGE_THRESHOLD).filter((s) => s.di > 0 && s.dj > 0);
  const background = backgroundSimilarity(ctx.pageVectors, ctx.sourceVectors, path);
  const bar = Math.max(CROSS_LANGUAGE_PAIR, CROSS_LANGUAGE_CONTRAST * background);
  const steps = path.filter((s) => s.sim >= bar);
  const runs: Step[][] = [];
  for (const step of steps) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && joins(last, step, o.maxGap)) run.push(step);
    else runs.push([step]);
  }
  const runBar = Math.max(CROSS_LANGUAGE_PAIR, CROSS_LANGUAGE_RUN_CONTRAST * background);
  const passages: ScoredPassage[] = [];
  for (const run of runs) {
    const seeds: Seed[] = run.flatMap((s) => [
      { i: s.i, j: s.j, sim: s.sim, dice: 0 },
      { i: s.i + s.di - 1, j: s.j + s.dj - 1, sim: s.sim, dice: 0 },
    ]);
    if (!isDense(run, path) || !isProportionate(run, page, source)) continue;
    const mean = run.reduce((n, s) => n + s.sim, 0) / run.length;
    const passage = { ...toPassage(ctx, seeds), seeds: run.length };
    if (mean >= runBar && passage.similarity >= CROSS_LANGUAGE_VALIDATION && (run.length > 1 || passage.similarity >= o.singleSeedSimilarity)) passages.push(passage);
  }
  return { passages: passages.filter((p) => p.page[1] - p.page[0] >= o.minPassageChars && p.source[1] - p.source[0] >= o.minPassageChars), truncated: false };
}

/**
 * A translation pairs nearly every sentence of the stretch it covers; two reports of one story pair a sentence here
 * and there (the same quote, the same figure), the rest told differently. On the WMT development sets, 0.6 kept 0.98
 * of the Japanese translations' text and called no other Ukrainian article a translation (0.4 called six).
 */
const CROSS_LANGUAGE_DENSITY = 0.6;

/**
 * Sentences skipped between two pairs, on each side. A translation renders sentence after sentence: where as many
 * are skipped on both sides, they are most likely each other's translations that shared no name, number or
 * lexicon word (a language without a lexicon bridges only those); reports of one story skip unevenly.
 */
function skipped(before: Step, after: Step): { page: number; source: number } {
  return { page: after.i - (before.i + before.di), source: after.j - (before.j + before.dj) };
}

/** Both sides skip the same number of sentences. */
function skipsInStep(before: Step, after: Step): boolean {
  const gap = skipped(before, after);
  return gap.page === gap.source;
}

// Sentences skipped in step between two pairs still join them into one run up to this many.
const MAX_IN_STEP_GAP = 12;

// Skips in step are read as pairs only between at least this many aligned pairs (an independent report of eight
// sentences fell in step with its six-sentence source on three pairs).
const MIN_PAIRS_IN_STEP = 4;

// A translated stretch has about as many sentences as the stretch it translates: one in five more or less.
const SENTENCE_SPAN_TOLERANCE = 0.2;

/** Stretches of `a` and `b` sentences, about as long as each other as a translation and its original. */
function spansAlike(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, SENTENCE_SPAN_TOLERANCE * Math.min(a, b));
}

/** Two strong pairs belong to one run when close on both sides, or when both sides skip alike between them. */
function joins(before: Step, after: Step, maxGap: number): boolean {
  const gap = skipped(before, after);
  if (gap.page <= maxGap && gap.source <= maxGap) return true;
  return skipsInStep(before, after) && Math.max(gap.page, gap.source) <= MAX_IN_STEP_GAP;
}

/**
 * Pairs on the aligned path count towards density, however weak: a translation's sentences all share something. So
 * do sentences skipped in step between two pairs (see skipped), where the run spans alike on both sides and has at
 * least MIN_PAIRS_IN_STEP pairs. On the WMT development sets this took Icelandic from 0.929 to 0.976 and called no
 * other article a translation; counting skips that differ by one called other Ukrainian articles translations.
 */
function isDense(run: Step[], path: Step[]): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  const pageEnd = last.i + last.di;
  const sourceEnd = last.j + last.dj;
  const within = path.filter((s) => s.i >= first.i && s.i + s.di <= pageEnd && s.j >= first.j && s.j + s.dj <= sourceEnd);
  const inStep = { page: 0, source: 0 };
  // Only a stretch rendered sentence by sentence, as long on both sides, has its skips read as pairs (in two texts
  // of different lengths an even skip is chance), and only between enough pairs: two or three pairs of a short
  // text fall in step by chance.
  const rendered = within.length >= MIN_PAIRS_IN_STEP && spansAlike(pageEnd - first.i, sourceEnd - first.j);
  for (let k = 1; rendered && k < within.length; k++) {
    if (!skipsInStep(within[k - 1], within[k])) continue;
    const gap = skipped(within[k - 1], within[k]);
    inStep.page += gap.page;
    inStep.source += gap.source;
  }
  const paired = (side: 'di' | 'dj') => within.reduce((n, s) => n + s[side], 0);
  return paired('di') + inStep.page >= CROSS_LANGUAGE_DENSITY * (pageEnd - first.i) && paired('dj') + inStep.source >= CROSS_LANGUAGE_DENSITY * (sourceEnd - first.j);
}

/**
 * A translated passage has about as many words as the passage it translates (Japanese and Chinese words as the
 * segmenter cuts them). A few pairs scattered over a long stretch of one text and a short stretch of the other are not
 * a translation.
 */
const MAX_WORDS_RATIO = 2.2;

function isProportionate(run: Step[], page: TextModel, source: TextModel): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  const pageWords = page.units[last.i + last.di - 1].to - page.units[first.i].from;
  const sourceWords = source.units[last.j + last.dj - 1].to - source.units[first.j].from;
  return pageWords <= MAX_WORDS_RATIO * sourceWords && sourceWords <= MAX_WORDS_RATIO * pageWords;
}

/**
 * The similarity most sentence pairs of the two texts stay under (BACKGROUND_PERCENTILE of the pairs off the aligned
 * path: in short texts, the path's own pairs would be a good share of all).
 */
function backgroundSimilarity(pageVectors: SparseVector[], sourceVectors: SparseVector[], path: Step[]): number {
  const onPath = new Set<number>();
  for (const s of path) for (let i = s.i; i < s.i + s.di; i++) for (let j = s.j; j < s.j + s.dj; j++) onPath.add(i * sourceVectors.length + j);
  const sims: number[] = [];
  pageVectors.forEach((p, i) => sourceVectors.forEach((q, j) => onPath.has(i * sourceVectors.length + j) || sims.push(cosine(p, q))));
  if (sims.length === 0) return 0;
  sims.sort((a, b) => a - b);
  return sims[Math.min(sims.length - 1, Math.floor(BACKGROUND_PERCENTILE * sims.length))];
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function alignModels(page: TextModel, source: TextModel, vocabSize: number, o: typeof DEFAULTS): Aligned {
  const isf = inverseUnitFrequency([page, source], vocabSize);
  const ctx: Context = { page, source, pageVectors: unitVectors(page, isf), sourceVectors: unitVectors(source, isf), isf };
  const found = findSeeds(ctx, o);
  const truncated = found.truncated;
  const strong = found.seeds.filter((s) => !s.weak);
  let passages: ScoredPassage[] = [];
  if (strong.length > 0) {
    const seeds = keepNearBest(strong, o.nearBest);
    passages = extend(ctx, seeds, o.maxGap, o.validation);
    if (condenses(passages)) {
      const wide = extend(ctx, seeds, o.summaryMaxGap, o.validation);
      if (coveredSource(wide) > coveredSource(passages)) passages = wide;
    }
    // Only where nothing else aligned: elsewhere the loose grouping mostly adds noise.
    if (passages.length === 0) passages = summaryPassages(ctx, strong, o);
    passages = removeOverlaps(passages).filter((p) => isLongEnough(p, o));
  }
  // Chains of weaker pairs add passages only where the strong seeds found none: they would blur those.
  if (found.seeds.length > strong.length) {
    const chains = extend(ctx, keepNearBest(chained(found.seeds, o.maxGap, o.chainNeighbours), o.nearBest), o.maxGap, o.validation);
    const disjoint = removeOverlaps(chains).filter((c) => isLongEnough(c, o) && !passages.some((p) => spansOverlap(p.page, c.page)));
    if (disjoint.length) passages = [...passages, ...disjoint].sort((a, b) => a.page[0] - b.page[0]);
  }
  return { passages: finishPassages(ctx, passages), truncated, stage: { ctx, found: passages } };
}

function finishPassages(ctx: Context, passages: ScoredPassage[]): ScoredPassage[] {
  return mergeCondensed(passages.map((p) => refineEdges(ctx, p)));
}

function isLongEnough(p: ScoredPassage, o: typeof DEFAULTS): boolean {
  if (p.page[1] - p.page[0] < o.minPassageChars || p.source[1] - p.source[0] < o.minPassageChars) return false;
  // One sentence pair alone is weak evidence: topical neighbours share that much.
  return p.seeds > 1 || p.similarity >= o.singleSeedSimilarity;
}

/** Sentence pairs similar enough to start a passage, found through an inverted index. */
export function findSeeds(
  ctx: Context,
  o: Pick<typeof DEFAULTS, 'maxPairChecks' | 'maxSeeds' | 'seedCosine' | 'seedDice' | 'seedContainment' | 'seedContainedTerms' | 'weakSeedCosine' | 'weakSeedDice'>,
): { seeds: Seed[]; truncated: boolean } {
  const postings = new Map<number, { unit: number; weight: number }[]>();
  ctx.pageVectors.forEach((v, i) => {
    v.ids.forEach((id, k) => {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ unit: i, weight: v.weights[k] });
    });
  });
  const seeds: Seed[] = [];
  let checks = 0;
  let truncated = false;
  const dots = new Float64Array(ctx.pageVectors.length);
  // Squared weight of the shared terms on the page side and on the source side.
  const pageShared = new Float64Array(ctx.pageVectors.length);
  const sourceShared = new Float64Array(ctx.pageVectors.length);
  const shared = new Int32Array(ctx.pageVectors.length);
  const touched: number[] = [];
  for (let j = 0; j < ctx.sourceVectors.length && !truncated; j++) {
    const sv = ctx.sourceVectors[j];
    if (sv.norm === 0) continue;
    for (let k = 0; k < sv.ids.length; k++) {
      const list = postings.get(sv.ids[k]);
      if (!list) continue;
      checks += list.length;
      if (checks > o.maxPairChecks) {
        truncated = true;
        break;
      }
      const sw = sv.weights[k];
      for (const { unit, weight } of list) {
        if (shared[unit] === 0) touched.push(unit);
        shared[unit]++;
        dots[unit] += weight * sw;
        pageShared[unit] += weight * weight;
        sourceShared[unit] += sw * sw;
      }
    }
    for (const i of touched) {
      const pv = ctx.pageVectors[i];
      const cos = dots[i] / (pv.norm * sv.norm || 1);
      const dc = (2 * shared[i]) / (pv.ids.length + sv.ids.length);
      if ((cos >= o.seedCosine && dc >= o.seedDice) || (shared[i] >= o.seedContainedTerms && contained(pv, sv, pageShared[i], sourceShared[i]) >= o.seedContainment)) {
        seeds.push({ i, j, sim: cos, dice: dc });
      } else if (cos >= o.weakSeedCosine && dc >= o.weakSeedDice) {
        seeds.push({ i, j, sim: cos, dice: dc, weak: true });
      }
      dots[i] = 0;
      shared[i] = 0;
      pageShared[i] = 0;
      sourceShared[i] = 0;
    }
    touched.length = 0;
  }
  if (seeds.length > o.maxSeeds) {
    seeds.sort((a, b) => b.sim - a.sim);
    seeds.length = o.maxSeeds;
    truncated = true;
  }
  return { seeds, truncated };
}

/** Strong seeds, and weak ones with enough seeds near them in both texts. */
export function chained(seeds: Seed[], maxGap: number, neighbours: number): Seed[] {
  if (!seeds.some((s) => s.weak)) return seeds;
  const byPage = [...seeds].sort((a, b) => a.i - b.i);
  const kept: Seed[] = [];
  let lo = 0;
  for (const seed of byPage) {
    if (!seed.weak) {
      kept.push(seed);
      continue;
    }
    while (byPage[lo].i < seed.i - maxGap - 1) lo++;
    const near = new Set<number>();
    for (let k = lo; k < byPage.length && byPage[k].i <= seed.i + maxGap + 1; k++) {
      const other = byPage[k];
      // Neighbours in other sentences: one sentence paired with several others is no chain.
      if (other.i !== seed.i && other.j !== seed.j && Math.abs(other.j - seed.j) <= maxGap + 1) near.add(other.i);
    }
    if (near.size >= neighbours) kept.push(seed);
  }
  return kept;
}

/** Share of the smaller vector's squared weight that lies on shared terms. */
function contained(pv: SparseVector, sv: SparseVector, pageShared: number, sourceShared: number): number {
  return pv.ids.length <= sv.ids.length ? pageShared / (pv.norm * pv.norm || 1) : sourceShared / (sv.norm * sv.norm || 1);
}

/**
 * A sentence copied verbatim also resembles other sentences on the same topic; those
 * weaker pairings stretch passages. A seed is kept when it is nearly as good as
 * the best seed of its page sentence and of its source sentence.
 */
export function keepNearBest(seeds: Seed[], ratio: number): Seed[] {
  if (ratio <= 0) return seeds;
  const bestI = new Map<number, number>();
  const bestJ = new Map<number, number>();
  for (const s of seeds) {
    bestI.set(s.i, Math.max(bestI.get(s.i) ?? 0, s.sim));
    bestJ.set(s.j, Math.max(bestJ.get(s.j) ?? 0, s.sim));
  }
  return seeds.filter((s) => s.sim >= ratio * bestI.get(s.i)! && s.sim >= ratio * bestJ.get(s.j)!);
}

/** Clusters seeds that lie within maxGap units of each other in both texts, then validates each cluster. */
export function extend(ctx: Context, seeds: Seed[], maxGap: number, validation: number): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const group of clusterSeeds(seeds, maxGap)) {
    const passage = toPassage(ctx, group);
    if (passage.similarity >= validation) out.push(passage);
    else if (maxGap > 0 && group.length > 1) out.push(...extend(ctx, group, maxGap - 1, validation));
  }
  return out;
}

/** Alternately splits by page and source position wherever two neighbouring seeds are more than maxGap apart. */
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

function splitByGap(group: Seed[], key: (s: Seed) => number, maxGap: number): Seed[][] {
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

function toPassage(ctx: Context, group: Seed[]): ScoredPassage {
  let i0 = Infinity;
  let i1 = -1;
  let j0 = Infinity;
  let j1 = -1;
  for (const s of group) {
    i0 = Math.min(i0, s.i);
    i1 = Math.max(i1, s.i);
    j0 = Math.min(j0, s.j);
    j1 = Math.max(j1, s.j);
  }
  const similarity = cosine(sumVectors(ctx.pageVectors.slice(i0, i1 + 1)), sumVectors(ctx.sourceVectors.slice(j0, j1 + 1)));
  return {
    page: [ctx.page.units[i0].start, ctx.page.units[i1].end],
    source: [ctx.source.units[j0].start, ctx.source.units[j1].end],
    similarity,
    seeds: group.length,
  };
}

// A page that condenses its source (a summary) spreads its seeds far apart in the source.
function condenses(passages: ScoredPassage[]): boolean {
  if (passages.length === 0) return true;
  const pageCovered = passages.reduce((n, p) => n + p.page[1] - p.page[0], 0);
  return pageCovered < 0.5 * coveredSource(passages);
}

function coveredSource(passages: ScoredPassage[]): number {
  return passages.reduce((n, p) => n + p.source[1] - p.source[0], 0);
}

/**
 * Summaries: consecutive page sentences that each resemble some sentence of the
 * source, wherever it is, form a passage when the page condenses a much longer
 * stretch of the source and the two stretches are similar as wholes.
 */
export function summaryPassages(ctx: Context, seeds: Seed[], o: { summaryPageGap: number; summaryMinSentences: number; summaryValidation: number }): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const group of splitByGap(seeds, (s) => s.i, o.summaryPageGap)) {
    const pageUnits = new Set(group.map((s) => s.i));
    if (pageUnits.size < o.summaryMinSentences) continue;
    const passage = toPassage(ctx, group);
    const pageLength = passage.page[1] - passage.page[0];
    if (pageLength * 2 > passage.source[1] - passage.source[0]) continue;
    if (passage.similarity >= o.summaryValidation) out.push(passage);
  }
  return out;
}

// Page characters between two passages that a summary may have left unaligned.
const SUMMARY_PAGE_GAP = 250;

/**
 * A summary packs sentences from all over its source into one short stretch: page
 * passages that follow each other closely while their sources lie far apart (and
 * span much more text) are one condensed passage.
 */
export function mergeCondensed(passages: ScoredPassage[]): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const p of [...passages].sort((a, b) => a.page[0] - b.page[0])) {
    const last = out[out.length - 1];
    if (last && p.page[0] - last.page[1] <= SUMMARY_PAGE_GAP) {
      const page: [number, number] = [last.page[0], Math.max(last.page[1], p.page[1])];
      const source: [number, number] = [Math.min(last.source[0], p.source[0]), Math.max(last.source[1], p.source[1])];
      if (page[1] - page[0] < 0.5 * (source[1] - source[0])) {
        const weight = (x: ScoredPassage) => x.page[1] - x.page[0];
        const similarity = (last.similarity * weight(last) + p.similarity * weight(p)) / (weight(last) + weight(p));
        out[out.length - 1] = { page, source, similarity, seeds: last.seeds + p.seeds };
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

function spansOverlap([start, end]: readonly [number, number], [otherStart, otherEnd]: readonly [number, number]): boolean {
  return start < otherEnd && otherStart < end;
}

/** Where two passages overlap in the page, the stronger one wins. */
export function removeOverlaps(passages: ScoredPassage[]): ScoredPassage[] {
  const strength = (p: ScoredPassage) => p.similarity * Math.sqrt(p.page[1] - p.page[0]);
  const kept: ScoredPassage[] = [];
  for (const p of [...passages].sort((a, b) => strength(b) - strength(a))) {
    if (!kept.some((k) => spansOverlap(k.page, p.page))) kept.push(p);
  }
  return kept.sort((a, b) => a.page[0] - b.page[0]);
}

// How far into a passage an edge may move, in tokens.
const EDGE_SCAN = 200;
// Content words in the look-ahead window, and how many of them must occur on the other side.
const EDGE_WINDOW = 4;
const EDGE_HITS = 3;
// A cut-off edge must be foreign to the other side: at most this share of its content words occur there.
const FOREIGN_SHARE = 0.25;

/**
 * Passages are built from whole sentences, but reuse often starts or ends inside
 * one. An edge moves inwards past words that the other side does not have, up to
 * where a run of shared content words begins.
 */
export function refineEdges(ctx: Context, p: ScoredPassage): ScoredPassage {
  const page = tokenRange(ctx.page, p.page);
  const source = tokenRange(ctx.source, p.source);
  if (page[1] - page[0] < 3 || source[1] - source[0] < 3) return p;
  const pageTerms = termSet(ctx.page, page);
  const sourceTerms = termSet(ctx.source, source);
  const pageCut = [trimEdge(ctx.page, page, sourceTerms, 1), trimEdge(ctx.page, page, sourceTerms, -1)];
  const sourceCut = [trimEdge(ctx.source, source, pageTerms, 1), trimEdge(ctx.source, source, pageTerms, -1)];
  if (pageCut[1] <= pageCut[0] || sourceCut[1] <= sourceCut[0]) return p;
  return {
    ...p,
    page: [ctx.page.tokens[pageCut[0]].start, ctx.page.tokens[pageCut[1] - 1].end],
    source: [ctx.source.tokens[sourceCut[0]].start, ctx.source.tokens[sourceCut[1] - 1].end],
  };
}

function tokenRange(model: TextModel, [start, end]: [number, number]): [number, number] {
  const tokens = model.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.length && tokens[last].start < end) last++;
  return [lo, last];
}

function termSet(model: TextModel, [from, to]: [number, number]): Set<number> {
  const set = new Set<number>();
  for (let t = from; t < to; t++) if (model.terms[t] >= 0) set.add(model.terms[t]);
  return set;
}

/**
 * New edge (start index for step 1, end index for step -1) of the token range:
 * the first content word, walking inwards, that opens a window of mostly shared
 * content words, provided what is skipped is mostly foreign.
 */
function trimEdge(model: TextModel, [from, to]: [number, number], other: Set<number>, step: 1 | -1): number {
  const content: number[] = [];
  const first = step === 1 ? from : to - 1;
  for (let t = first, n = 0; t >= from && t < to && n < EDGE_SCAN; t += step, n++) if (model.terms[t] >= 0) content.push(t);
  let skippedHits = 0;
  for (let k = 0; k + EDGE_WINDOW <= content.length; k++) {
    let hits = 0;
    for (let w = k; w < k + EDGE_WINDOW; w++) if (other.has(model.terms[content[w]])) hits++;
    if (hits >= EDGE_HITS && other.has(model.terms[content[k]])) {
      if (k < 3 || skippedHits > FOREIGN_SHARE * k) return step === 1 ? from : to;
      return step === 1 ? content[k] : content[k] + 1;
    }
    if (other.has(model.terms[content[k]])) skippedHits++;
  }
  return step === 1 ? from : to;
}

// ---------------------------------------------------------------- word-pair anchors

// Words this far apart form a pair: a word inserted or deleted between two others keeps them a pair.
const PAIR_REACH = 2;
// A pair repeated more often than this (occurrences on the page times in the source) is boilerplate, not evidence.
const MAX_PAIR_REPEATS = 4;

interface Anchor extends Seed {
  key: string;
  /** Token index of the pair's second word, on the page and in the source. */
  iEnd: number;
  jEnd: number;
}

// Which words are content words differs between stemmed and bridge terms, so each has its own pairs.
const pairIndexes = new WeakMap<object, Map<string, number[]>>();
const bridgedPairIndexes = new WeakMap<object, Map<string, number[]>>();

/**
 * Every pair of words at most PAIR_REACH apart, at least one of them a content word, as an
 * order-free key (a local shuffle keeps it), with the token indices where it starts.
 */
export function wordPairs(model: TextModel): Map<string, number[]> {
  const indexes = model.bridged ? bridgedPairIndexes : pairIndexes;
  const cached = indexes.get(model.tokens);
  if (cached) return cached;
  const pairs = pairStarts(model);
  // Tokens come from a memoised analysis, so the same page text reuses its pairs across candidates.
  indexes.set(model.tokens, pairs);
  return pairs;
}

/** Where each of the model's pairs starts, as wordPairs lists them; with `within`, only the pairs it holds. */
function pairStarts(model: TextModel, within?: Map<string, number[]>): Map<string, number[]> {
  const { tokens, terms } = model;
  const pairs = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    for (let d = 1; d <= PAIR_REACH && i + d < tokens.length; d++) {
      if (terms[i] < 0 && terms[i + d] < 0) continue;
      const key = pairKey(tokens[i].norm, tokens[i + d].norm);
      if (within && !within.has(key)) continue;
      let list = pairs.get(key);
      if (!list) pairs.set(key, (list = []));
      list.push(i);
    }
  }
  return pairs;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** Where the key's pair ends, from where it starts. */
function pairEnd(model: TextModel, start: number, key: string): number {
  for (let d = 1; d <= PAIR_REACH && start + d < model.tokens.length; d++) {
    if (pairKey(model.tokens[start].norm, model.tokens[start + d].norm) === key) return start + d;
  }
  return start + 1;
}

/** Passages made of dense clusters of word pairs that the page and the source share. */
export function anchorPassages(
  ctx: Context,
  o: Pick<typeof DEFAULTS, 'anchorGap' | 'anchorMinPairs' | 'anchorDensity' | 'anchorContainment' | 'anchorManyPairs' | 'maxAnchors'>,
): { passages: ScoredPassage[]; truncated: boolean } {
  const { anchors, truncated } = sharedAnchors(ctx, o.maxAnchors);
  const passages: ScoredPassage[] = [];
  if (anchors.length < o.anchorMinPairs) return { passages, truncated };
  for (const group of clusterSeeds(anchors, o.anchorGap) as Anchor[][]) {
    const pairs = new Set(group.map((a) => a.key)).size;
    if (pairs < o.anchorMinPairs) continue;
    const page: [number, number] = [Math.min(...group.map((a) => a.i)), Math.max(...group.map((a) => a.iEnd)) + 1];
    const source: [number, number] = [Math.min(...group.map((a) => a.j)), Math.max(...group.map((a) => a.jEnd)) + 1];
    const dense = pairs >= o.anchorManyPairs || pairs / (page[1] - page[0]) >= o.anchorDensity;
    if (!dense && termContainment(ctx.page, page, ctx.source, source) < o.anchorContainment) continue;
    passages.push({
      page: [ctx.page.tokens[page[0]].start, ctx.page.tokens[page[1] - 1].end],
      source: [ctx.source.tokens[source[0]].start, ctx.source.tokens[source[1] - 1].end],
      similarity: tokenRangeCosine(ctx, page, source),
      seeds: pairs,
    });
  }
  return { passages, truncated };
}

/**
 * Every occurrence in the page of a pair shared with the source, with every occurrence in the source.
 * The page's pairs are indexed once for all candidates; a source's pairs are only looked up there, as
 * most candidates share few. Past the cost limit, what is kept depends on the order the pairs are met
 * in, which the two full indexes decide.
 */
function sharedAnchors(ctx: Context, maxAnchors: number): { anchors: Anchor[]; truncated: boolean } {
  const pagePairs = wordPairs(ctx.page);
  const sourceStarts = pairStarts(ctx.source, pagePairs);
  let count = 0;
  for (const [key, starts] of sourceStarts) {
    const n = pagePairs.get(key)!.length * starts.length;
    if (n <= MAX_PAIR_REPEATS) count += n;
  }
  if (count > maxAnchors) return anchorsUpTo(ctx, pagePairs, wordPairs(ctx.source), maxAnchors);
  const anchors: Anchor[] = [];
  for (const [key, starts] of sourceStarts) addAnchors(anchors, ctx, key, pagePairs.get(key)!, starts);
  return { anchors, truncated: false };
}

function anchorsUpTo(ctx: Context, pagePairs: Map<string, number[]>, sourcePairs: Map<string, number[]>, maxAnchors: number): { anchors: Anchor[]; truncated: boolean } {
  const [fewer, more] = pagePairs.size <= sourcePairs.size ? [pagePairs, sourcePairs] : [sourcePairs, pagePairs];
  const anchors: Anchor[] = [];
  for (const [key, list] of fewer) {
    const other = more.get(key);
    if (!other) continue;
    const [pageStarts, sourceStarts] = fewer === pagePairs ? [list, other] : [other, list];
    addAnchors(anchors, ctx, key, pageStarts, sourceStarts);
    if (anchors.length > maxAnchors) return { anchors, truncated: true };
  }
  return { anchors, truncated: false };
}

/** Anchors for every pairing of the key's page and source occurrences, unless it repeats like boilerplate. */
function addAnchors(anchors: Anchor[], ctx: Context, key: string, pageStarts: number[], sourceStarts: number[]): void {
  if (pageStarts.length * sourceStarts.length > MAX_PAIR_REPEATS) return;
  for (const i of pageStarts) {
    for (const j of sourceStarts) {
      anchors.push({ i, j, sim: 1, dice: 1, key, iEnd: pairEnd(ctx.page, i, key), jEnd: pairEnd(ctx.source, j, key) });
    }
  }
}

/** Share of the distinct content terms of the page tokens that occur in the source tokens. */
function termContainment(page: TextModel, [i0, i1]: [number, number], source: TextModel, [j0, j1]: [number, number]): number {
  const pageTerms = termSet(page, [i0, i1]);
  if (pageTerms.size === 0) return 0;
  const sourceTerms = termSet(source, [j0, j1]);
  let shared = 0;
  for (const t of pageTerms) if (sourceTerms.has(t)) shared++;
  return shared / pageTerms.size;
}

/** Cosine of two token ranges, terms weighted as in the sentence units. */
function tokenRangeCosine(ctx: Context, page: [number, number], source: [number, number]): number {
  const vector = (model: TextModel, [from, to]: [number, number]) => vectorFromCounts(termCounts(model, { from, to }), ctx.isf);
  return cosine(vector(ctx.page, page), vector(ctx.source, source));
}

/**
 * Word-pair passages where the sentence passages have none on the page. One that lies on sentence
 * passages in both texts adds its pairs to their evidence but not its extent: sentence passages
 * end where the sentences end, word-pair clusters reach past that into neighbouring text.
 */
export function withAnchors(passages: ScoredPassage[], anchors: ScoredPassage[]): ScoredPassage[] {
  const out = passages.map((p) => ({ ...p }));
  const added: ScoredPassage[] = [];
  for (const a of anchors) {
    const onPage = out.filter((p) => spansOverlap(p.page, a.page));
    if (onPage.length === 0) added.push(a);
    else for (const p of onPage) if (spansOverlap(p.source, a.source)) p.seeds += a.seeds;
  }
  return [...out, ...added].sort((x, y) => x.page[0] - y.page[0]);
}
