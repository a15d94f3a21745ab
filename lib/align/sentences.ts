/**
 * Sentence alignment for the side-by-side view: dynamic programming over the
 * sentences of the aligned region (Gale–Church style, with lexical similarity
 * instead of length as the match score), allowing 1–1, 1–2, 2–1, 1–0 and 0–1.
 * Each aligned pair carries the word diff from source to page.
 */
import type { Passage, SentencePair } from '../types';
import { buildModel, firstModel, Vocabulary, type TextModel, type Unit } from './model';
import { bridgeModel, isCrossLanguage } from './crosslang';
import { cosine, inverseUnitFrequency, unitVectors, type SparseVector } from './vectors';
import { alignUnitSequences, CROSS_LANGUAGE_THRESHOLD, MATCH_THRESHOLD, type Step } from './dp';
import { uniqueAnchors } from './unique-anchors';
import { diffOps } from '../text/word-ops';
import type { TextAnalysis } from '../text/analysis';

export interface SentenceAlignOptions {
  pageLang?: string;
  sourceLang?: string;
  /** Restrict alignment to the hull of these passages (plus `margin` sentences each side). */
  passages?: Passage[];
  /** Sentences beyond the passages included on both sides (default 2), or per side. */
  margin?: number;
  pageMargin?: number;
  sourceMargin?: number;
  /** Budget of DP cells (page sentences × source sentences); beyond it the region is cut. */
  maxCells?: number;
  maxChars?: number;
  /** Decided by the caller (e.g. from passage alignment) instead of from the two languages. */
  crossLanguage?: boolean;
  /** jsdiff edit budget per sentence pair. */
  maxEditLength?: number;
}

export interface SentenceAlignment {
  pairs: SentencePair[];
  /** Pair similarity (0 for added or dropped sentences), parallel to pairs. */
  similarity: number[];
  truncated: boolean;
  crossLanguage: boolean;
  pageLang: string;
  sourceLang: string;
}

const DEFAULT_MAX_CELLS = 250_000;

export function alignSentences(pageText: string, sourceText: string, opts: SentenceAlignOptions = {}): SentencePair[] {
  return alignSentencesDetailed(pageText, sourceText, opts).pairs;
}

/** The sentence pairs of two texts, each given as its text or as its analysis (lib/text/analysis.ts). */
export function alignSentencesDetailed(pageInput: string | TextAnalysis, sourceInput: string | TextAnalysis, opts: SentenceAlignOptions = {}): SentenceAlignment {
  const limits = { maxChars: opts.maxChars, minUnitTerms: 1 };
  const first = firstModel(pageInput, opts.pageLang, limits);
  const vocab = first.vocab;
  let page = first.model;
  let source = buildModel(sourceInput, vocab, opts.sourceLang, limits);
  const [pageText, sourceText] = [page.text, source.text];
  let vocabSize = vocab.size;
  const crossLanguage = opts.crossLanguage ?? isCrossLanguage(page.lang, source.lang);
  if (crossLanguage) {
    const bridge = new Vocabulary();
    page = bridgeModel(page, bridge);
    source = bridgeModel(source, bridge);
    vocabSize = bridge.size;
  }
  let truncated = page.truncated || source.truncated;
  const [p0, p1] = unitRange(page.units, opts.passages?.map((p) => p.page), opts.pageMargin ?? opts.margin ?? 2);
  const [s0, s1] = unitRange(source.units, opts.passages?.map((p) => p.source), opts.sourceMargin ?? opts.margin ?? 2);
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;
  const isf = inverseUnitFrequency([page, source], vocabSize, true);
  const pageVectors = unitVectors(page, isf);
  const sourceVectors = unitVectors(source, isf);
  const threshold = crossLanguage ? CROSS_LANGUAGE_THRESHOLD : MATCH_THRESHOLD;
  // Translations share no sentence word for word: their stretch is one.
  const anchors = crossLanguage ? [] : uniqueAnchors(unitKeys(page, p0, p1), unitKeys(source, s0, s1));
  const steps: Step[] = [];
  let [i, j] = [0, 0];
  for (const [ai, aj] of [...anchors, [p1 - p0, s1 - s0]]) {
    const [pv, sv] = [pageVectors.slice(p0 + i, p0 + ai), sourceVectors.slice(s0 + j, s0 + aj)];
    const inPlace = anchors.length > 0 && replacedInPlace(page, page.units.slice(p0 + i, p0 + ai), source, source.units.slice(s0 + j, s0 + aj));
    const stretch = inPlace ? inPlaceSteps(pv, sv) : alignStretch(pv, sv, threshold, maxCells);
    truncated ||= stretch.truncated;
    for (const step of stretch.steps) steps.push({ ...step, i: step.i + i, j: step.j + j });
    if (ai < p1 - p0) steps.push({ i: ai, di: 1, j: aj, dj: 1, sim: 1 });
    [i, j] = [ai + 1, aj + 1];
  }
  const pairs: SentencePair[] = [];
  const similarity: number[] = [];
  for (const step of steps) {
    const pSpan = spanOf(page, p0 + step.i, step.di);
    const sSpan = spanOf(source, s0 + step.j, step.dj);
    // A word diff between two languages says nothing: the pair is shown as replaced.
    const ops = crossLanguage && pSpan && sSpan
      ? [{ op: 'del' as const, text: sourceText.slice(sSpan[0], sSpan[1]) }, { op: 'ins' as const, text: pageText.slice(pSpan[0], pSpan[1]) }]
      : opsFor(pageText, sourceText, pSpan, sSpan, opts.maxEditLength);
    pairs.push({ page: pSpan, source: sSpan, ops });
    similarity.push(step.sim);
  }
  return { pairs, similarity, truncated, crossLanguage, pageLang: page.lang, sourceLang: source.lang };
}

/**
 * Each unit's text with its spaces collapsed, to tell sentences written identically. Short lines anchor too (a table's
 * unchanged cells, "Gmail", "17.8 MB"): written once on each side, in the order of the others, they are the same line,
 * and they leave the changed cells between them to be paired in place.
 */
function unitKeys(model: TextModel, from: number, to: number): string[] {
  return model.units.slice(from, to).map((u) => lineOf(model, u));
}

function lineOf(model: TextModel, u: Unit): string {
  return model.text.slice(u.start, u.end).replace(/\s+/g, ' ').trim();
}

/** A unit of this many words or fewer is a table cell or a caption line: a figure or a name may be all it holds. */
const SHORT_UNIT_WORDS = 3;

/**
 * As many lines on each side between two sentences both texts write alike, each a few words (table cells, a line
 * holding only a figure: "102" → "84"), stand in each other's places: each is the other's line changed, however little
 * their words score. Not when a line of one side is written the same on the other: lines moved or dropped, for the
 * words to pair. Longer sentences are paired by their words as anywhere else: one that shares too little with the other
 * was dropped, and the other added.
 */
function replacedInPlace(page: TextModel, pageUnits: Unit[], source: TextModel, sourceUnits: Unit[]): boolean {
  const short = (u: Unit) => u.to - u.from <= SHORT_UNIT_WORDS;
  if (pageUnits.length === 0 || pageUnits.length !== sourceUnits.length || !pageUnits.every(short) || !sourceUnits.every(short)) return false;
  const sourceLines = new Set(sourceUnits.map((u) => lineOf(source, u)));
  return !pageUnits.some((u) => sourceLines.has(lineOf(page, u)));
}

/** Each line of a stretch paired with the one in its place on the other side. */
function inPlaceSteps(pv: SparseVector[], sv: SparseVector[]): { steps: Step[]; truncated: boolean } {
  return { steps: pv.map((vector, k) => ({ i: k, di: 1, j: k, dj: 1, sim: cosine(vector, sv[k]) })), truncated: false };
}

/**
 * The steps of one stretch between anchors. Beyond the cell budget its longer side is cut, and the units cut off are
 * left out of the alignment (the caller reports it truncated).
 */
function alignStretch(pv: SparseVector[], sv: SparseVector[], threshold: number, maxCells: number): { steps: Step[]; truncated: boolean } {
  let [p, s] = [pv.length, sv.length];
  const truncated = p * s > maxCells;
  while (p * s > maxCells) {
    if (p > s) p = Math.max(1, Math.floor(maxCells / Math.max(1, s)));
    else s = Math.max(1, Math.floor(maxCells / Math.max(1, p)));
  }
  return { steps: alignUnitSequences(pv.slice(0, p), sv.slice(0, s), threshold), truncated };
}

function unitRange(units: Unit[], spans: [number, number][] | undefined, margin: number): [number, number] {
  if (!spans || spans.length === 0) return [0, units.length];
  const lo = Math.min(...spans.map((s) => s[0]));
  const hi = Math.max(...spans.map((s) => s[1]));
  let first = units.findIndex((u) => u.end > lo);
  if (first < 0) first = units.length;
  let last = units.length;
  for (let k = units.length - 1; k >= 0; k--) {
    if (units[k].start < hi) {
      last = k + 1;
      break;
    }
  }
  return [Math.max(0, first - margin), Math.min(units.length, Math.max(first, last) + margin)];
}

function spanOf(model: TextModel, first: number, count: number): [number, number] | null {
  if (count === 0) return null;
  return [model.units[first].start, model.units[first + count - 1].end];
}

function opsFor(pageText: string, sourceText: string, p: [number, number] | null, s: [number, number] | null, maxEditLength?: number) {
  if (p && s) return diffOps(sourceText.slice(s[0], s[1]), pageText.slice(p[0], p[1]), { maxEditLength });
  if (p) return [{ op: 'ins' as const, text: pageText.slice(p[0], p[1]) }];
  if (s) return [{ op: 'del' as const, text: sourceText.slice(s[0], s[1]) }];
  return [];
}
