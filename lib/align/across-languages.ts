/**
 * Sentence passages across languages: single sentence pairs share only names, numbers, cognates and lexicon words
 * (bridge terms, lib/align/bridge.ts), but a translation keeps the order of its sentences.
 */
import { alignUnitSequences, CROSS_LANGUAGE_THRESHOLD, type Step } from './dp';
import type { TextModel } from './model';
import { alignModels, toPassage } from './seeds';
import type { AlignContext as Context, AlignDefaults, Aligned, ScoredPassage, Seed } from './stage';
import { cosine, inverseUnitFrequency, unitVectors, type SparseVector } from './vectors';

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
export function alignAcrossLanguages(page: TextModel, source: TextModel, vocabSize: number, o: AlignDefaults): Aligned {
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

/**
 * Skips in step are an inference from the pairs around them, so a stretch has them read as pairs only where pairs
 * found are at least as many as the sentences inferred: on the WMT development sets every translation's stretch paired
 * half its sentences or more (0.50–1.00), while stretches of other articles that reached a translation's density
 * through skips in step paired 0.29–0.44 of theirs (two DW digests of one day, an Icelandic and a Bulgarian report).
 */
const MIN_PAIRED_SHARE = 0.5;

function pairsMost(paired: number, span: number): boolean {
  return paired >= MIN_PAIRED_SHARE * span;
}

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
  const paired = (side: 'di' | 'dj') => within.reduce((n, s) => n + s[side], 0);
  const rendered = within.length >= MIN_PAIRS_IN_STEP && spansAlike(pageEnd - first.i, sourceEnd - first.j) && pairsMost(paired('di'), pageEnd - first.i) && pairsMost(paired('dj'), sourceEnd - first.j);
  for (let k = 1; rendered && k < within.length; k++) {
    if (!skipsInStep(within[k - 1], within[k])) continue;
    const gap = skipped(within[k - 1], within[k]);
    inStep.page += gap.page;
    inStep.source += gap.source;
  }
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
