/**
 * Drift between a page and a stored version of it: what changed in meaning, not
 * just in wording. Works on aligned sentence pairs (alignSentences) and reports
 * altered quotes, changed names and attributions, numbers, dates, negation,
 * tense or modality, dropped and added sentences, and plain rewording — most
 * serious first.
 */
import { wordDice } from '../text/overlap';
import type { CorpusRecord, DriftItem, DriftKind, SentencePair } from '../types';
import { displayOps, wordDiff, type DiffPiece } from '../text/word-ops';
import { analysed, TextAnalysis, type TextView } from '../text/analysis';
import { alignmentStopwords } from '../text/stopwords';
import { alignmentTerm, alignmentTermBag } from '../text/terms';
import { dateKeys, type DateKey } from '../text/dates';
import { nameCandidates, type NameCandidate } from '../text/names';
import { numberKeys, type NumberKey } from '../text/numbers';
import { topLevelQuotes, type QuoteSpan } from '../text/quotes';
import { foldWord } from '../text/normalize';
import { words, type Token } from '../text/segment';
import { changeRegions, changedText, wordCount, type Region } from './regions';
import { carriesMissingFact, garbledNames, negates } from './across';
import { auxiliaryClass, isAuxiliary, isNegation, isReportingVerb, verbForm, WILL_TYPOS, type TenseClass } from './lexicon';
import { descriptionOf, type Description } from '../wording/catalogue';
import { inEnglish } from '../wording/render';

export interface DriftOptions {
  pageLang?: string;
  sourceLang?: string;
  /**
   * Page and source are in different languages: numbers, dates, garbled names, negation and unmatched sentences are
   * compared (lib/drift/across.ts), not the wording.
   */
  crossLanguage?: boolean;
  /** Spans of either text that are not article body (furniture, a title line): never reported as added or dropped. */
  ignorePage?: [number, number][];
  ignoreSource?: [number, number][];
  /** At most this many items are returned. */
  maxItems?: number;
  /** The analysis of the source's text, when the caller keeps one: its names, quotes and figures are found once. */
  sourceAnalysis?: TextAnalysis;
}

type Span = [number, number];

/** A drift item before its word operations are worked out (only for the items returned). */
type Finding = Omit<DriftItem, 'ops'>;

interface Context {
  pageText: string;
  sourceText: string;
  page: TextAnalysis;
  source: TextAnalysis;
  sourceId: string;
  stop: Set<string>;
  pageNames: NameCandidate[];
  sourceNames: NameCandidate[];
  pageQuotes: QuoteSpan[];
  sourceQuotes: QuoteSpan[];
  opts: DriftOptions;
  items: Finding[];
  /**
   * Most aligned sentences are worded differently (a translation, a back-translation, a rewrite): a quotation or a
   * reporting clause in other words is then the rewording's, not a changed meaning, unless a negation, a tense, a
   * figure or a name changed with it.
   */
  rewordedThroughout: boolean;
}

const REWORDED_SHARE = 0.5;
const REWORDED_MIN_PAIRS = 4;

function rewordedThroughout(pairs: SentencePair[]): boolean {
  const matched = pairs.filter((p) => p.page && p.source);
  if (matched.length < REWORDED_MIN_PAIRS) return false;
  const changed = matched.filter((p) => p.ops.some((op) => op.op !== 'equal' && /[\p{L}\p{N}]/u.test(op.text)));
  return changed.length > REWORDED_SHARE * matched.length;
}

const DEFAULT_MAX_ITEMS = 200;
// A page is compared with several versions: its names and quotes are found once, kept with its analysis.
const NAMES: TextView<NameCandidate[]> = { compute: (text, lang, analysis) => nameCandidates(text, lang, analysis.segmentation(lang)) };
const QUOTES: TextView<QuoteSpan[]> = { compute: (text) => topLevelQuotes(text) };
// Ties in severity are ordered by how much the kind says about meaning.
const KIND_ORDER: DriftKind[] = ['negation', 'number', 'date', 'attribution', 'quote', 'name', 'tense', 'dropped', 'added', 'reworded'];

/** Drift of the page (its text, or its analysis) against `source`; `opts.sourceAnalysis` is the analysis of source.text. */
export function detectDrift(pageInput: string | TextAnalysis, source: CorpusRecord, pairs: SentencePair[], opts: DriftOptions = {}): DriftItem[] {
  const page = analysed(pageInput);
  const sourceAnalysis = opts.sourceAnalysis ?? new TextAnalysis(source.text);
  const ctx: Context = {
    pageText: page.text,
    sourceText: source.text,
    page,
    source: sourceAnalysis,
    sourceId: source.id,
    stop: alignmentStopwords(opts.pageLang),
    pageNames: opts.crossLanguage ? [] : page.view(NAMES, opts.pageLang),
    sourceNames: opts.crossLanguage ? [] : sourceAnalysis.view(NAMES, opts.sourceLang),
    pageQuotes: opts.crossLanguage ? [] : page.view(QUOTES),
    sourceQuotes: opts.crossLanguage ? [] : sourceAnalysis.view(QUOTES),
    opts,
    items: [],
    rewordedThroughout: rewordedThroughout(pairs),
  };
  // Where the page stands when a source sentence is missing from it: a dropped sentence is marked there.
  let pageAt = 0;
  for (const pair of pairs) {
    if (pair.page && pair.source) comparePair(ctx, pair.page, pair.source);
    else if (pair.page) unmatchedSentence(ctx, 'added', pair.page);
    else if (pair.source) unmatchedSentence(ctx, 'dropped', pair.source, pageAt);
    if (pair.page) pageAt = pair.page[1];
  }
  if (!opts.crossLanguage) compareQuotes(ctx, pairs);
  return rank(ctx.items).slice(0, opts.maxItems ?? DEFAULT_MAX_ITEMS).map(withWordOps);
}

/** The item with the word operations from its source wording to its page wording, for a reader to see both. */
function withWordOps(item: Finding): DriftItem {
  return { ...item, ops: displayOps(item.source.text, item.page.text) };
}


function rank(items: Finding[]): Finding[] {
  return [...items].sort(
    (a, b) => b.severity - a.severity || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.page.start - b.page.start || a.source.start - b.source.start,
  );
}

function push(ctx: Context, kind: DriftKind, severity: number, description: Description, pageSpan: Span, sourceSpan: Span): void {
  const page = trimWhitespace(ctx.pageText, pageSpan);
  const source = trimWhitespace(ctx.sourceText, sourceSpan);
  ctx.items.push({
    kind,
    severity,
    description,
    summary: inEnglish(description),
    page: { text: ctx.pageText.slice(page[0], page[1]), start: page[0], end: page[1] },
    source: { id: ctx.sourceId, text: ctx.sourceText.slice(source[0], source[1]), start: source[0], end: source[1] },
  });
}

function trimWhitespace(text: string, [start, end]: Span): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

// ---------------------------------------------------------------- added / dropped

const CAPTION = /(?:getty images|reuters|\bap photo|afp|photo:|\/\s*[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)*$|epa|shutterstock|picture alliance)/iu;

/** @param pageAt for a dropped sentence, where in the page it would have stood. */
function unmatchedSentence(ctx: Context, kind: 'added' | 'dropped', span: Span, pageAt = 0): void {
  const text = kind === 'added' ? ctx.pageText : ctx.sourceText;
  const ignore = kind === 'added' ? ctx.opts.ignorePage : ctx.opts.ignoreSource;
  if (ignore?.some(([s, e]) => s <= span[0] && span[1] <= e)) return;
  const sentence = text.slice(span[0], span[1]);
  if (wordCount(sentence) < 3) return;
  if (ctx.opts.crossLanguage) {
    const [lang, other, otherLang] = kind === 'added' ? [ctx.opts.pageLang, ctx.source, ctx.opts.sourceLang] : [ctx.opts.sourceLang, ctx.page, ctx.opts.pageLang];
    // The other text's figures are found once, with its analysis; the sentence's here.
    const factNumbers = (text: string, textLang?: string) => (text === other.text ? other.numbers(textLang) : numberKeys(text, textLang));
    if (!carriesMissingFact(sentence, lang, other.text, otherLang, factNumbers)) return;
  }
  const weighty = /["“”«»„]/.test(sentence) || numberKeys(sentence).length > 0;
  const caption = kind === 'added' && CAPTION.test(sentence) && !/[.!?]["”]?$/.test(sentence.trim());
  const description = descriptionOf(caption ? 'drift_captionAdded' : kind === 'added' ? 'drift_sentenceAdded' : 'drift_sentenceDropped', { sentence });
  const severity = weighty ? 3 : 2;
  const empty = (at: number): Span => [at, at];
  if (kind === 'added') push(ctx, 'added', severity, description, span, empty(0));
  else push(ctx, 'dropped', severity, description, empty(pageAt), span);
}

// ---------------------------------------------------------------- sentence pairs

interface Pair {
  page: Span;
  source: Span;
  pageSentence: string;
  sourceSentence: string;
  pieces: DiffPiece[];
}

function comparePair(ctx: Context, page: Span, source: Span): void {
  const pair: Pair = {
    page,
    source,
    pageSentence: ctx.pageText.slice(page[0], page[1]),
    sourceSentence: ctx.sourceText.slice(source[0], source[1]),
    pieces: [],
  };
  // Numbers leave out the digits of dates: each sentence's dates are read once for both.
  const dates = { source: dateKeys(pair.sourceSentence, ctx.opts.sourceLang), page: dateKeys(pair.pageSentence, ctx.opts.pageLang) };
  const covered = [...compareNumbers(ctx, pair, dates), ...compareDates(ctx, pair, dates), ...compareClockTimes(ctx, pair), ...compareCodes(ctx, pair)];
  if (ctx.opts.crossLanguage) {
    compareAcrossLanguages(ctx, pair);
    return;
  }
  const diff = wordDiff(pair.sourceSentence, pair.pageSentence);
  if (!diff.pieces.some((p) => p.op !== 'equal' && /[\p{L}\p{N}]/u.test(p.text))) return;
  pair.pieces = diff.pieces;
  covered.push(...compareNegation(ctx, pair));
  const inQuote = (piece: DiffPiece) =>
    piece.op === 'del'
      ? insideAny(ctx.sourceQuotes, source[0] + piece.source[0], source[0] + piece.source[1])
      : insideAny(ctx.pageQuotes, page[0] + piece.page[0], page[0] + piece.page[1]);
  const reworded: Region[] = [];
  for (const region of changeRegions(diff.pieces, inQuote)) {
    // A change already reported as a number, date or negation is not reported again.
    if (covered.some(([s, e]) => s < region.page[1] && region.page[0] < e) || (region.page[0] === region.page[1] && covered.some(([s, e]) => s <= region.page[0] && region.page[0] <= e))) continue;
    if (wholeSentenceChange(ctx, pair, region)) continue;
    if (auxiliaryChange(ctx, pair, region) || tenseChange(ctx, pair, region)) continue;
    if (nameOrAttributionChange(ctx, pair, region)) continue;
    if (contentChanged(ctx, region)) reworded.push(region);
  }
  if (reworded.length) reportRewording(ctx, pair, reworded);
}

/** A sentence and its translation: names garbled on the way, negation one side has and the other lacks. */
function compareAcrossLanguages(ctx: Context, pair: Pair): void {
  for (const { source, page } of garbledNames(pair.sourceSentence, ctx.opts.sourceLang, pair.pageSentence, ctx.opts.pageLang)) {
    push(ctx, 'name', 4, descriptionOf('drift_nameChangedInTranslation', { before: source.text, after: page.text }), [pair.page[0] + page.start, pair.page[0] + page.end], [pair.source[0] + source.start, pair.source[0] + source.end]);
  }
  const sourceNegates = negates(pair.sourceSentence, ctx.opts.sourceLang);
  const pageNegates = negates(pair.pageSentence, ctx.opts.pageLang);
  if (sourceNegates === null || pageNegates === null || sourceNegates === pageNegates) return;
  const code = sourceNegates ? 'drift_negationLostInTranslation' : 'drift_negationAddedInTranslation';
  push(ctx, 'negation', 5, descriptionOf(code, { before: pair.sourceSentence, after: pair.pageSentence }), pair.page, pair.source);
}

const WHOLE_SENTENCE_WORDS = 5;
const LONG_CLAUSE_WORDS = 8;
const SENTENCE_END = /[.!?]["”’)]?$/;

/**
 * A run of words only on one side that is a sentence of its own (the sentence aligner paired it with a neighbour):
 * a dropped or added sentence, not a changed name or attribution inside one.
 */
function wholeSentenceChange(ctx: Context, pair: Pair, region: Region): boolean {
  const lettered = (op: 'del' | 'ins') => region.pieces.some((p) => p.op === op && /[\p{L}\p{N}]/u.test(p.text));
  const dropped = lettered('del');
  if (dropped === lettered('ins')) return false;
  const [start, end] = dropped ? region.source : region.page;
  const sentence = dropped ? pair.sourceSentence : pair.pageSentence;
  const changed = sentence.slice(start, end).trim();
  if (wordCount(changed) < WHOLE_SENTENCE_WORDS) return false;
  const startsSentence = start === 0 || SENTENCE_END.test(sentence.slice(0, start).trim());
  const endsSentence = SENTENCE_END.test(changed) || sentence.slice(end).trim() === '';
  if (!(startsSentence && endsSentence) && wordCount(changed) < LONG_CLAUSE_WORDS) return false;
  const base = dropped ? pair.source[0] : pair.page[0];
  unmatchedSentence(ctx, dropped ? 'dropped' : 'added', [base + start, base + end], pair.page[0] + region.page[0]);
  return true;
}

function insideAny(quotes: QuoteSpan[], start: number, end: number): boolean {
  return quotes.some((q) => q.inner[0] <= start && end <= q.inner[1]);
}

function abs(pair: Pair, region: Region): { page: Span; source: Span } {
  return {
    page: [pair.page[0] + region.page[0], pair.page[0] + region.page[1]],
    source: [pair.source[0] + region.source[0], pair.source[0] + region.source[1]],
  };
}

function contentChanged(ctx: Context, region: Region): boolean {
  return alignmentTermBag(changedText(region, 'del'), ctx.stop).join(' ') !== alignmentTermBag(changedText(region, 'ins'), ctx.stop).join(' ');
}

/** Each reworded stretch of a sentence is its own item, so it is marked (and selected) where it is, not the whole sentence. */
function reportRewording(ctx: Context, pair: Pair, regions: Region[]): void {
  for (const region of regions) {
    const a = abs(pair, region);
    push(ctx, 'reworded', 1, descriptionOf('drift_reworded', { change: change(ctx.sourceText.slice(a.source[0], a.source[1]), ctx.pageText.slice(a.page[0], a.page[1])) }), a.page, a.source);
  }
}

function change(before: string, after: string): Description {
  if (!before.trim()) return descriptionOf('change_added', { after });
  if (!after.trim()) return descriptionOf('change_removed', { before });
  return descriptionOf('change_became', { before, after });
}

// ---------------------------------------------------------------- numbers and dates

function sameNumber(a: NumberKey, b: NumberKey): boolean {
  return a.value === b.value || a.alt === b.value || a.value === b.alt;
}

/** The dates of a pair's sentences. */
interface PairDates {
  source: DateKey[];
  page: DateKey[];
}

function compareNumbers(ctx: Context, pair: Pair, dates: PairDates): Span[] {
  const src = numberKeys(pair.sourceSentence, ctx.opts.sourceLang, dates.source).filter((n) => !n.year);
  const pg = numberKeys(pair.pageSentence, ctx.opts.pageLang, dates.page).filter((n) => !n.year);
  const [lostSource, newPage] = unmatched(src, pg, sameNumber);
  const covered: Span[] = [];
  lostSource.forEach((s, k) => {
    const p = newPage[k];
    if (!p) return;
    const pageFigure = withCurrency(pair.pageSentence, [p.start, p.end]);
    const sourceFigure = withCurrency(pair.sourceSentence, [s.start, s.end]);
    covered.push(pageFigure);
    const before = inContext(pair.sourceSentence, sourceFigure);
    const after = inContext(pair.pageSentence, pageFigure);
    push(ctx, 'number', 5, descriptionOf('drift_numberChanged', { before, after }), [pair.page[0] + pageFigure[0], pair.page[0] + pageFigure[1]], [pair.source[0] + sourceFigure[0], pair.source[0] + sourceFigure[1]]);
  });
  return covered;
}

const CURRENCY_BEFORE = /(?:[$€£¥₽₹]|\b(?:US|A|C|HK|NZ|S)\$)\s?$/u;
const CONTEXT_WORDS = 2;

/** The figure with the currency sign written before it: "$8.8 billion", not "8.8 billion". */
function withCurrency(sentence: string, [start, end]: Span): Span {
  const sign = CURRENCY_BEFORE.exec(sentence.slice(Math.max(0, start - 4), start));
  return sign ? [start - sign[0].length, end] : [start, end];
}

/**
 * The figure with the words around it, within its clause, so a reader sees what it counts: "less than 10 minutes",
 * "$8.8 billion in aid".
 */
function inContext(sentence: string, [start, end]: Span): string {
  const tokens = words(sentence);
  const before = tokens.filter((t) => t.end <= start).slice(-CONTEXT_WORDS);
  const after = tokens.filter((t) => t.start >= end).slice(0, CONTEXT_WORDS);
  let from = start;
  for (const t of before.reverse()) {
    if (/[,;:.!?()"“”]/.test(sentence.slice(t.end, from))) break;
    from = t.start;
  }
  let to = end;
  for (const t of after) {
    if (/[,;:.!?()"“”]/.test(sentence.slice(to, t.start))) break;
    to = t.end;
  }
  return sentence.slice(from, to);
}

function compareDates(ctx: Context, pair: Pair, dates: PairDates): Span[] {
  const key = (d: { iso: string; weekday?: number }) => `${d.iso}|${d.weekday ?? ''}`;
  const src = dates.source;
  const pg = dates.page;
  const [lostSource, newPage] = unmatched(src, pg, (a, b) => key(a) === key(b));
  const covered: Span[] = [];
  lostSource.forEach((s, k) => {
    const p = newPage[k];
    if (!p) return;
    covered.push([p.start, p.end]);
    push(ctx, 'date', 5, descriptionOf('drift_dateChanged', { before: s.raw, after: p.raw }), [pair.page[0] + p.start, pair.page[0] + p.end], [pair.source[0] + s.start, pair.source[0] + s.end]);
  });
  return covered;
}

/**
 * A clock time ("10:30 p.m.", "07:17"): neither a figure nor a date to the readers of numbers and dates, yet when an
 * event happened. On saved news pages a changed time was reported only as a rewording.
 */
const CLOCK_TIME = /(?<![\d.:,])([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|[.,]\d)(?:\s?([ap])\.?\s?m\b\.?)?/giu;
const TIME_SEVERITY = 4;

interface ClockTime {
  /** 0–23 when written with "a.m."/"p.m." or past 12; else as written. */
  hour: number;
  minute: number;
  /** Whether the writing says which half of the day: "10:30 p.m." and "22:30" do, "10:30" does not. */
  halfOfDay: boolean;
  start: number;
  end: number;
}

function clockTimes(sentence: string): ClockTime[] {
  return [...sentence.matchAll(CLOCK_TIME)].map((m) => {
    const written = Number(m[1]);
    const hour = m[3] ? (written % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0) : written;
    return { hour, minute: Number(m[2]), halfOfDay: !!m[3] || written > 12, start: m.index, end: m.index + m[0].trimEnd().length };
  });
}

/** One time, however written: "10:30 p.m." is "22:30", and "10:30" may be either "10:30 a.m." or "10:30 p.m.". */
function sameTime(a: ClockTime, b: ClockTime): boolean {
  return a.minute === b.minute && (a.halfOfDay && b.halfOfDay ? a.hour === b.hour : a.hour % 12 === b.hour % 12);
}

function compareClockTimes(ctx: Context, pair: Pair): Span[] {
  const [lostSource, newPage] = unmatched(clockTimes(pair.sourceSentence), clockTimes(pair.pageSentence), sameTime);
  const covered: Span[] = [];
  lostSource.forEach((s, k) => {
    const p = newPage[k];
    if (!p) return;
    covered.push([p.start, p.end]);
    const before = pair.sourceSentence.slice(s.start, s.end);
    const after = pair.pageSentence.slice(p.start, p.end);
    push(ctx, 'date', TIME_SEVERITY, descriptionOf('drift_timeChanged', { before, after }), [pair.page[0] + p.start, pair.page[0] + p.end], [pair.source[0] + s.start, pair.source[0] + s.end]);
  });
  return covered;
}

/**
 * A name with a number in it ("F-16", "LGP-30", "Progress MS-04", "G7"): the numbers reader leaves such codes out (they
 * count nothing), yet "F-16" → "F-18" is another aircraft. A code whose letters stay and whose number changed is a
 * name changed; on saved news pages it was "Reworded".
 */
const CODE = /(?<![\p{L}\d-])(\p{Lu}\p{L}{0,5})-?(\d+)(?![\p{L}\d]|[.,]\d)/gu;
const CODE_SEVERITY = 4;

interface Code {
  letters: string;
  /** The letters and the number's value: "F-16" and "F16", "MS-04" and "MS-4" are one code. */
  key: string;
  text: string;
  start: number;
  end: number;
}

function codes(sentence: string): Code[] {
  return [...sentence.matchAll(CODE)].map((m) => ({ letters: m[1], key: `${m[1]}${Number(m[2])}`, text: m[0], start: m.index, end: m.index + m[0].length }));
}

function compareCodes(ctx: Context, pair: Pair): Span[] {
  const [lostSource, newPage] = unmatched(codes(pair.sourceSentence), codes(pair.pageSentence), (a, b) => a.key === b.key);
  const covered: Span[] = [];
  for (const s of lostSource) {
    const k = newPage.findIndex((p) => p.letters === s.letters);
    if (k < 0) continue;
    const [p] = newPage.splice(k, 1);
    covered.push([p.start, p.end]);
    push(ctx, 'name', CODE_SEVERITY, descriptionOf('drift_nameChanged', { change: change(s.text, p.text) }), [pair.page[0] + p.start, pair.page[0] + p.end], [pair.source[0] + s.start, pair.source[0] + s.end]);
  }
  return covered;
}

/**
 * Items of `a` with no partner in `b`, and items of `b` with no partner in `a` (one-to-one). Among equal partners the
 * one nearest in the sentence is taken, so "6.5 … 6.5" against "5.5 … 6.5" pairs the second ones.
 */
function unmatched<T extends { start: number }>(a: T[], b: T[], same: (x: T, y: T) => boolean): [T[], T[]] {
  const used = new Set<number>();
  const lost: T[] = [];
  const span = (items: T[]) => Math.max(1, ...items.map((t) => t.start));
  const [spanA, spanB] = [span(a), span(b)];
  for (const x of a) {
    let best = -1;
    b.forEach((y, i) => {
      if (used.has(i) || !same(x, y)) return;
      const distance = Math.abs(x.start / spanA - y.start / spanB);
      if (best < 0 || distance < Math.abs(x.start / spanA - b[best].start / spanB)) best = i;
    });
    if (best >= 0) used.add(best);
    else lost.push(x);
  }
  return [lost, b.filter((_, i) => !used.has(i))];
}

// ---------------------------------------------------------------- negation

function negations(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    if (!isNegation(t.norm)) return false;
    // "whether or not" and "not only" do not negate anything.
    if (t.norm === 'not' && tokens[i - 1]?.norm === 'or' && tokens[i - 2]?.norm === 'whether') return false;
    if (t.norm === 'not' && tokens[i + 1]?.norm === 'only') return false;
    return true;
  });
}

function compareNegation(ctx: Context, pair: Pair): Span[] {
  const src = negations(words(pair.sourceSentence, ctx.opts.sourceLang));
  const pg = negations(words(pair.pageSentence, ctx.opts.pageLang));
  if (src.length % 2 === pg.length % 2) return [];
  const regions = changeRegions(pair.pieces);
  const region = regions.find((r) => r.pieces.some((p) => p.op !== 'equal' && negations(words(p.text)).length > 0)) ?? regions[0];
  if (!region) return [];
  const r = abs(pair, region);
  // A "not" added or removed alone tells nothing: the words on either side show what it negates.
  const alone = !/[\p{L}\p{N}]/u.test(changedText(region, 'del')) || !/[\p{L}\p{N}]/u.test(changedText(region, 'ins'));
  const page = alone ? widenToWords(ctx.pageText, r.page, pair.page) : r.page;
  const source = alone ? widenToWords(ctx.sourceText, r.source, pair.source) : r.source;
  const code = pg.length > src.length ? 'drift_negationAdded' : 'drift_negationRemoved';
  push(ctx, 'negation', 5, descriptionOf(code, { change: change(ctx.sourceText.slice(source[0], source[1]), ctx.pageText.slice(page[0], page[1])) }), page, source);
  return [region.page];
}

/** The span grown by one word on each side, within the sentence. */
function widenToWords(text: string, [start, end]: Span, sentence: Span): Span {
  const tokens = words(text.slice(sentence[0], sentence[1])).map((t) => [sentence[0] + t.start, sentence[0] + t.end] as Span);
  const before = tokens.filter(([, e]) => e <= start).pop();
  const after = tokens.find(([s]) => s >= end);
  return [before ? before[0] : start, after ? after[1] : end];
}

// ---------------------------------------------------------------- tense and modality

interface VerbUse {
  /** Span of auxiliary (if any) to verb, relative to the sentence. */
  span: Span;
  tense: TenseClass;
  text: string;
  typo?: string;
}

const TENSE_WINDOW_BEFORE = 1;
const VERB_FILLERS = new Set(['not', 'be', 'been', 'being', 'have', 'also', 'still', 'never', 'already', 'now', 'just', 'then']);
const TENSE_WINDOW_AFTER = 2;

function windowTokens(tokens: Token[], [start, end]: Span): Token[] {
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return tokens.slice(-TENSE_WINDOW_BEFORE);
  let last = first;
  while (last < tokens.length && tokens[last].start < end) last++;
  return tokens.slice(Math.max(0, first - TENSE_WINDOW_BEFORE), Math.min(tokens.length, last + TENSE_WINDOW_AFTER));
}

/** Tense and modality classes that say different things happened or will: anything but past against present perfect. */
function tenseSeverity(a: TenseClass, b: TenseClass): number {
  if (a === 'future' || b === 'future' || a === 'modal' || b === 'modal') return 4;
  return 3;
}

/**
 * One auxiliary for another of a different class ("will" → "may", "has" → "had", "is" → "was"): a change of tense or
 * modality whatever verb follows.
 */
function auxiliaryChange(ctx: Context, pair: Pair, region: Region): boolean {
  const lone = (op: 'del' | 'ins', sentence: string, at: Span) => {
    const tokens = words(changedText(region, op)).filter((t) => !isNegation(t.norm) || isAuxiliary(t.norm));
    if (tokens.length !== 1 || !isAuxiliary(tokens[0].norm)) return null;
    const sentenceTokens = words(sentence);
    const k = sentenceTokens.findIndex((t) => t.start >= at[0] && t.norm === tokens[0].norm);
    if (k < 0) return null;
    const verb = sentenceTokens[k + 1];
    return { cls: auxiliaryClass(tokens[0].norm)!, span: [sentenceTokens[k].start, verb ? verb.end : sentenceTokens[k].end] as Span };
  };
  const before = lone('del', pair.sourceSentence, region.source);
  const after = lone('ins', pair.pageSentence, region.page);
  if (!before || !after || before.cls === after.cls) return false;
  const sourceWords = pair.sourceSentence.slice(before.span[0], before.span[1]);
  const pageWords = pair.pageSentence.slice(after.span[0], after.span[1]);
  push(
    ctx,
    'tense',
    tenseSeverity(before.cls, after.cls),
    descriptionOf('drift_tenseChanged', { before: sourceWords, after: pageWords }),
    [pair.page[0] + after.span[0], pair.page[0] + after.span[1]],
    [pair.source[0] + before.span[0], pair.source[0] + before.span[1]],
  );
  return true;
}

function tenseChange(ctx: Context, pair: Pair, region: Region): boolean {
  const srcTokens = windowTokens(words(pair.sourceSentence), region.source);
  const pageTokens = windowTokens(words(pair.pageSentence), region.page);
  const stems = (tokens: Token[]) => new Map(tokens.filter((t) => !isAuxiliary(t.norm) && alignmentTerm(t.norm, ctx.stop)).map((t) => [alignmentTerm(t.norm, ctx.stop)!, t]));
  const srcStems = stems(srcTokens);
  const pageStems = stems(pageTokens);
  for (const [stem, srcVerb] of srcStems) {
    const pageVerb = pageStems.get(stem);
    if (!pageVerb) continue;
    const a = verbUse(pair.sourceSentence, srcTokens, srcVerb);
    const b = verbUse(pair.pageSentence, pageTokens, pageVerb);
    if (!a || !b || a.tense === b.tense) continue;
    if (!a.span || !b.span) continue;
    push(
      ctx,
      'tense',
      tenseSeverity(a.tense, b.tense),
      a.typo ? descriptionOf('drift_tenseChangedTypo', { before: a.text, intended: a.typo, after: b.text }) : descriptionOf('drift_tenseChanged', { before: a.text, after: b.text }),
      [pair.page[0] + b.span[0], pair.page[0] + b.span[1]],
      [pair.source[0] + a.span[0], pair.source[0] + a.span[1]],
    );
    return true;
  }
  return false;
}

/** How a verb is used: its auxiliary (up to two words before it) or its own form. */
function verbUse(sentence: string, tokens: Token[], verb: Token): VerbUse | null {
  const k = tokens.indexOf(verb);
  for (let back = 1; back <= 3 && k - back >= 0; back++) {
    const aux = tokens[k - back];
    const cls = auxiliaryClass(aux.norm);
    if (cls) return { span: [aux.start, verb.end], tense: cls, text: sentence.slice(aux.start, verb.end) };
    // "would not be affected", "has also been": the auxiliary is further back.
    if (back > 1 && !VERB_FILLERS.has(aux.norm)) break;
    if (back === 1 && WILL_TYPOS.has(aux.norm) && verbForm(verb.norm) === 'base') {
      return { span: [aux.start, verb.end], tense: 'future', text: sentence.slice(aux.start, verb.end), typo: `will ${verb.text}` };
    }
  }
  const form = verbForm(verb.norm);
  if (form === 'ed') return { span: [verb.start, verb.end], tense: 'past', text: verb.text };
  return null;
}

// ---------------------------------------------------------------- names and attribution

function overlapping(names: NameCandidate[], base: number, [start, end]: Span): NameCandidate[] {
  const s = base + start;
  const e = base + end;
  return names.filter((n) => (s === e ? n.start <= s && s <= n.end : n.start < e && s < n.end));
}

function within(names: NameCandidate[], [start, end]: Span): NameCandidate[] {
  return names.filter((n) => start <= n.start && n.end <= end);
}

function initials(name: NameCandidate): string {
  return words(name.text)
    .filter((t) => /^\p{Lu}/u.test(t.text))
    .map((t) => t.text[0].toLowerCase())
    .join('');
}

function isAcronym(name: NameCandidate): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(name.text.replace(/\s/g, ''));
}

function keyCovered(keys: string[], others: string[]): boolean {
  return keys.every((k) => others.some((o) => o.startsWith(k) || k.startsWith(o)));
}

/** Same name, tolerating transliteration, a demonym ("Russia"/"Russian") and acronyms ("U.S."/"United States"). */
export function sameName(a: NameCandidate, b: NameCandidate): boolean {
  if (a.key === b.key || isDemonym(a.text, b.text)) return true;
  if (isAcronym(a) && initials(b) === a.text.replace(/[.\s]/g, '').toLowerCase()) return true;
  if (isAcronym(b) && initials(a) === b.text.replace(/[.\s]/g, '').toLowerCase()) return true;
  const ka = a.key.split(' ');
  const kb = b.key.split(' ');
  return keyCovered(ka, kb) && keyCovered(kb, ka);
}

function nameOrAttributionChange(ctx: Context, pair: Pair, region: Region): boolean {
  const pageNamesInSentence = within(ctx.pageNames, pair.page);
  const sourceNamesInSentence = within(ctx.sourceNames, pair.source);
  const lostNames = overlapping(sourceNamesInSentence, pair.source[0], region.source).filter((n) => !pageNamesInSentence.some((m) => sameName(n, m)));
  const newNames = overlapping(pageNamesInSentence, pair.page[0], region.page).filter((n) => !sourceNamesInSentence.some((m) => sameName(n, m)));
  const pageTokens = words(pair.pageSentence);
  const sourceTokens = words(pair.sourceSentence);
  const reportingNear =
    reportingVerbNear(sourceTokens, region.source, lostNames.map((n) => [n.start - pair.source[0], n.end - pair.source[0]] as Span)) ||
    reportingVerbNear(pageTokens, region.page, newNames.map((n) => [n.start - pair.page[0], n.end - pair.page[0]] as Span));
  const r = abs(pair, region);
  const respelled = respelledNames(overlapping(sourceNamesInSentence, pair.source[0], region.source), overlapping(pageNamesInSentence, pair.page[0], region.page));
  // A lost name with a capitalised word in its place is a name changed, whatever the other word is.
  const replacedBy = lostNames.length && !newNames.length ? capitalisedWords(pair.pageSentence, region.page, pair.page[0]) : [];
  if (lostNames.length || newNames.length || respelled) {
    const named = newNames.length ? newNames : respelled ? [respelled.page] : [];
    const lost = lostNames.length ? lostNames : respelled ? [respelled.source] : [];
    const pageChanged = replacedBy.length ? replacedBy : changedSpans(region, 'ins', pair.page[0]);
    const page = trimSpan(ctx.pageText, nameSpan(ctx.pageText, named, pageChanged), ctx.stop);
    const source = trimSpan(ctx.sourceText, nameSpan(ctx.sourceText, lost, changedSpans(region, 'del', pair.source[0])), ctx.stop);
    const before = ctx.sourceText.slice(source[0], source[1]);
    const after = ctx.pageText.slice(page[0], page[1]);
    const replaced = (lostNames.length > 0 && (newNames.length > 0 || replacedBy.length > 0)) || !!respelled;
    // A name respelled or partly changed ("Tim Clark" → "Tom Clark") is a name change even beside "said"; another
    // speaker or source altogether ("Reuters" → "AFP"), or one added or dropped, is an attribution change.
    const samePerson = !!respelled || sharesWord(before, after) || letterEdits(before, after) <= 2;
    const kind: DriftKind = reportingNear && !(replaced && samePerson) ? 'attribution' : 'name';
    const oneLetter = replaced && letterEdits(before, after) === 1;
    const code = kind === 'attribution' ? 'drift_attributionChanged' : oneLetter ? 'drift_nameSpellingChanged' : replaced ? 'drift_nameChanged' : lostNames.length ? 'drift_nameDropped' : 'drift_nameAdded';
    const severity = oneLetter ? 3 : replaced ? 4 : 3;
    push(ctx, kind, severity, descriptionOf(code, { change: change(before, after) }), page, source);
    return true;
  }
  // No name changed, but the words right at a reporting verb did ("exactly, NPR News reports" → "NPR News reports accurately").
  if (reportingVerbIn(sourceTokens, region.source) || reportingVerbIn(pageTokens, region.page)) {
    if (!contentChangedBeyondVerbs(ctx, region)) return false;
    const page = trimSpan(ctx.pageText, r.page, ctx.stop);
    const source = trimSpan(ctx.sourceText, r.source, ctx.stop);
    push(ctx, 'attribution', ctx.rewordedThroughout ? 3 : 4, descriptionOf('drift_attributionChanged', { change: change(ctx.sourceText.slice(source[0], source[1]), ctx.pageText.slice(page[0], page[1])) }), page, source);
    return true;
  }
  return false;
}

const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;

/**
 * A name the transliteration key calls the same but that is spelled differently in the same script ("Brennan" →
 * "Brenan", "Wilfried Martens" → "Wilfred Martins"): a changed spelling, not a transliteration. Across scripts
 * (Кабулов, Kabulov) the key's tolerance stands.
 */
function respelledNames(source: NameCandidate[], page: NameCandidate[]): { source: NameCandidate; page: NameCandidate } | null {
  for (const s of source) {
    for (const p of page) {
      if (!sameName(s, p) || !LATIN.test(s.text) || !LATIN.test(p.text)) continue;
      if (foldWord(s.text.replace(/[.\s]/g, '')) !== foldWord(p.text.replace(/[.\s]/g, '')) && !isAcronym(s) && !isAcronym(p) && !isDemonym(s.text, p.text)) return { source: s, page: p };
    }
  }
  return null;
}

// Endings of a place and of its people or adjective: Belgium/Belgian, Russia/Russian, China/Chinese, Germany/German.
const PLACE_ENDINGS = new Set(['', 'a', 'um', 'ium', 'ia', 'ain', 'e', 'y', 'o']);
const DEMONYM_ENDINGS = new Set(['', 'n', 'an', 'ian', 'ese', 'ish', 'i', 'ic', 'ean', 'ern', 'ch']);
const DEMONYM_STEM = 4;

/** "Belgian" and "Belgium": one place, two forms; not a name change. "France" and "Franca" are two names. */
export function isDemonym(a: string, b: string): boolean {
  const x = foldWord(a.trim());
  const y = foldWord(b.trim());
  if (/\s/.test(x) || /\s/.test(y) || x === y) return false;
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  if (k < DEMONYM_STEM) return false;
  const [ex, ey] = [x.slice(k), y.slice(k)];
  return (PLACE_ENDINGS.has(ex) && DEMONYM_ENDINGS.has(ey)) || (PLACE_ENDINGS.has(ey) && DEMONYM_ENDINGS.has(ex));
}

/** Letters to change, add or remove to turn one name into the other (case and spacing aside). */
export function letterEdits(a: string, b: string): number {
  const x = foldWord(a.replace(/\s+/g, ' ').trim());
  const y = foldWord(b.replace(/\s+/g, ' ').trim());
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[y.length];
}

/** Two names with a word in common: "Stephanie Grisham" and "Stephanie Graham". */
function sharesWord(a: string, b: string): boolean {
  const of = (s: string) => new Set(words(s).filter((t) => /^\p{Lu}/u.test(t.text) && t.norm.length > 1).map((t) => t.norm));
  const x = of(a);
  return [...of(b)].some((w) => x.has(w));
}

/** Capitalised words inside the changed part of the page sentence that do not open it. */
function capitalisedWords(sentence: string, [start, end]: Span, base: number): Span[] {
  return words(sentence)
    .filter((t) => t.start > 0 && t.start >= start && t.end <= end && /^\p{Lu}\p{Ll}/u.test(t.text))
    .map((t) => [base + t.start, base + t.end] as Span);
}

function changedSpans(region: Region, op: 'del' | 'ins', base: number): Span[] {
  return region.pieces.filter((p) => p.op === op && /[\p{L}\p{N}]/u.test(p.text)).map((p) => (op === 'del' ? [base + p.source[0], base + p.source[1]] : [base + p.page[0], base + p.page[1]]) as Span);
}

/**
 * The changed names together with the changed words touching them
 * ("Echo of Moscow" + "radio"); without names, the changed words.
 */
function nameSpan(text: string, names: NameCandidate[], changed: Span[]): Span {
  if (names.length === 0) return changed.length ? hull(changed) : [0, 0];
  let span = hull(names.map((n) => [n.start, n.end] as Span));
  let grown = true;
  while (grown) {
    grown = false;
    for (const c of changed) {
      const touches = c[0] <= span[1] + 1 && span[0] <= c[1] + 1 && !/[,;:.]/.test(text.slice(Math.min(c[1], span[1]), Math.max(c[0], span[0])));
      if (touches && (c[0] < span[0] || c[1] > span[1])) {
        span = [Math.min(span[0], c[0]), Math.max(span[1], c[1])];
        grown = true;
      }
    }
  }
  // "The Wall Street Journal": a capitalised article belongs to the name.
  const article = /\bThe\s+$/.exec(text.slice(Math.max(0, span[0] - 4), span[0]));
  if (article) span = [span[0] - article[0].length, span[1]];
  return span;
}

function hull(spans: Span[]): Span {
  return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
}

/** Drops leading and trailing function words and punctuation, keeping a capitalised "The" that opens a name. */
function trimSpan(text: string, [start, end]: Span, stop: Set<string>): Span {
  const tokens = words(text.slice(start, end));
  let first = 0;
  let last = tokens.length - 1;
  while (first <= last && stop.has(tokens[first].norm) && !/^\p{Lu}/u.test(tokens[first].text)) first++;
  while (last >= first && stop.has(tokens[last].norm) && !isReportingVerb(tokens[last].norm)) last--;
  if (first > last) return [start, end];
  return [start + tokens[first].start, start + tokens[last].end];
}

/** A lowercase reporting verb: a capitalised "States" or "Reports" is part of a name. */
function isReporting(token: Token): boolean {
  return isReportingVerb(token.norm) && !/^\p{Lu}/u.test(token.text);
}

function reportingVerbIn(tokens: Token[], [start, end]: Span): boolean {
  return tokens.some((t) => t.start < end && start < t.end && isReporting(t));
}

/** A reporting verb inside the region or the names, or at most two words away ("according to Reuters"). */
function reportingVerbNear(tokens: Token[], region: Span, names: Span[]): boolean {
  for (const [start, end] of [region, ...names]) {
    const first = tokens.findIndex((t) => t.end > start);
    if (first < 0) continue;
    let last = first;
    while (last < tokens.length && tokens[last].start < end) last++;
    for (let k = Math.max(0, first - 2); k < Math.min(tokens.length, last + 2); k++) if (isReporting(tokens[k])) return true;
  }
  return false;
}

function contentChangedBeyondVerbs(ctx: Context, region: Region): boolean {
  const terms = (text: string) =>
    words(text)
      .filter((t) => !isReportingVerb(t.norm))
      .map((t) => alignmentTerm(t.norm, ctx.stop))
      .filter((t): t is string => t !== null)
      .sort()
      .join(' ');
  return terms(changedText(region, 'del')) !== terms(changedText(region, 'ins'));
}

// ---------------------------------------------------------------- quotes

function compareQuotes(ctx: Context, pairs: SentencePair[]): void {
  const candidates: { page: QuoteSpan; source: QuoteSpan; score: number }[] = [];
  for (const pq of ctx.pageQuotes) {
    const sourceSpans = pairs.filter((p) => p.page && p.source && p.page[0] < pq.inner[1] && pq.inner[0] < p.page[1]).map((p) => p.source!);
    if (!sourceSpans.length) continue;
    const [lo, hi] = hull(sourceSpans);
    const pageTerms = new Set(alignmentTermBag(ctx.pageText.slice(pq.inner[0], pq.inner[1]), ctx.stop));
    for (const sq of ctx.sourceQuotes) {
      if (!(sq.inner[0] < hi && lo < sq.inner[1])) continue;
      const sourceTerms = new Set(alignmentTermBag(ctx.sourceText.slice(sq.inner[0], sq.inner[1]), ctx.stop));
      const shared = [...pageTerms].filter((t) => sourceTerms.has(t)).length;
      const score = (2 * shared) / (pageTerms.size + sourceTerms.size || 1);
      if (score >= 0.25 || (pageTerms.size === 0 && sourceTerms.size === 0) || inPlace(ctx, pq, sq)) candidates.push({ page: pq, source: sq, score });
    }
  }
  const usedPage = new Set<QuoteSpan>();
  const usedSource = new Set<QuoteSpan>();
  for (const c of candidates.sort((a, b) => b.score - a.score)) {
    if (usedPage.has(c.page) || usedSource.has(c.source)) continue;
    usedPage.add(c.page);
    usedSource.add(c.source);
    quoteDrift(ctx, c.page, c.source);
  }
  compareMovedQuotes(ctx, usedPage, usedSource);
}

/** Words read on each side of a quotation to tell whether it stands where the other did. */
const PLACE_WORDS = 2;
const PLACE_CHARS = 80;

/**
 * A quotation whose words all changed shares none with the one it replaced, yet stands between the same words: a scare
 * quote ("of “misappropriating” trade secrets" → "of “stared” trade secrets") or a short phrase (“substantially all”).
 * Read on saved news pages, such changes left no drift item at all.
 */
function inPlace(ctx: Context, pq: QuoteSpan, sq: QuoteSpan): boolean {
  const around = (text: string, q: QuoteSpan) => {
    const before = words(text.slice(Math.max(0, q.start - PLACE_CHARS), q.start)).slice(-PLACE_WORDS);
    const after = words(text.slice(q.end, q.end + PLACE_CHARS)).slice(0, PLACE_WORDS);
    return { before: before.map((t) => t.norm).join(' '), after: after.map((t) => t.norm).join(' '), words: before.length + after.length };
  };
  const page = around(ctx.pageText, pq);
  const source = around(ctx.sourceText, sq);
  return page.words >= PLACE_WORDS && page.before === source.before && page.after === source.after;
}

const MOVED_QUOTE_SIMILARITY = 0.5;
const MOVED_QUOTE_MIN_WORDS = 3;
/** A sentence this much of which is its quotation is the quotation: reported as the quote, not as added and dropped. */
const MOSTLY_QUOTE = 0.6;

/**
 * Quotations whose sentences were not paired (the sentence moved, or changed too much to align: "We got her!" →
 * "We lost her!"): each left-over quotation of the page is compared with the left-over ones of the source by all
 * their words, function words included, wherever they stand.
 */
function compareMovedQuotes(ctx: Context, usedPage: Set<QuoteSpan>, usedSource: Set<QuoteSpan>): void {
  const bag = (text: string) => words(text).map((t) => t.norm);
  const sourceLeft = ctx.sourceQuotes.filter((q) => !usedSource.has(q)).map((q) => ({ q, words: bag(ctx.sourceText.slice(q.inner[0], q.inner[1])) }));
  for (const pq of ctx.pageQuotes.filter((q) => !usedPage.has(q))) {
    const pageWords = bag(ctx.pageText.slice(pq.inner[0], pq.inner[1]));
    if (pageWords.length < MOVED_QUOTE_MIN_WORDS) continue;
    let best: { q: QuoteSpan; score: number } | null = null;
    for (const sq of sourceLeft) {
      if (usedSource.has(sq.q) || sq.words.length < MOVED_QUOTE_MIN_WORDS) continue;
      const score = wordDice(pageWords, sq.words);
      if (score >= MOVED_QUOTE_SIMILARITY && (!best || score > best.score)) best = { q: sq.q, score };
    }
    if (!best) continue;
    usedSource.add(best.q);
    const before = ctx.items.length;
    quoteDrift(ctx, pq, best.q);
    if (ctx.items.length > before) dropSentenceItemsOfQuote(ctx, pq, best.q);
  }
}

function dropSentenceItemsOfQuote(ctx: Context, pq: QuoteSpan, sq: QuoteSpan): void {
  const mostly = (text: string, [s, e]: Span, q: QuoteSpan) => s <= q.inner[0] && q.inner[1] <= e && wordCount(text.slice(q.inner[0], q.inner[1])) >= MOSTLY_QUOTE * wordCount(text.slice(s, e));
  ctx.items = ctx.items.filter(
    (d) =>
      !(d.kind === 'added' && mostly(ctx.pageText, [d.page.start, d.page.end], pq)) && !(d.kind === 'dropped' && mostly(ctx.sourceText, [d.source.start, d.source.end], sq)),
  );
}

/** Negations, auxiliaries and figures are stopwords, yet changing one inside a quotation changes what was said. */
function changesMeaningWords(region: Region, withAuxiliaries: boolean): boolean {
  const negated = (op: 'del' | 'ins') => negations(words(changedText(region, op))).length % 2;
  if (negated('del') !== negated('ins')) return true;
  const telling = (op: 'del' | 'ins') =>
    words(changedText(region, op))
      .filter((t) => /\d/.test(t.norm) || (withAuxiliaries && isAuxiliary(t.norm) && !isNegation(t.norm)))
      .map((t) => auxiliaryClass(t.norm) ?? t.norm)
      .sort()
      .join(' ');
  return telling('del') !== telling('ins');
}

function quoteDrift(ctx: Context, pq: QuoteSpan, sq: QuoteSpan): void {
  const pageInner = ctx.pageText.slice(pq.inner[0], pq.inner[1]);
  const sourceInner = ctx.sourceText.slice(sq.inner[0], sq.inner[1]);
  const diff = wordDiff(sourceInner, pageInner);
  const hunks = changeRegions(diff.pieces, undefined, 0).filter((r) => /[\p{L}\p{N}]/u.test(changedText(r, 'del') + changedText(r, 'ins')));
  if (hunks.length === 0) return;
  // Translation shuffles auxiliaries ("it's" → "it has", "govern" → "would rule"); a negation or a figure it keeps.
  const telling = hunks.some((r) => changesMeaningWords(r, !ctx.rewordedThroughout));
  const reworded = hunks.some((r) => contentChanged(ctx, r));
  const severity = telling || (reworded && !ctx.rewordedThroughout) ? 4 : reworded ? 3 : 2;
  const [first, second] = hunks.slice(0, 2).map((r) => change(changedText(r, 'del'), changedText(r, 'ins')));
  const description = !second
    ? descriptionOf('drift_quoteAltered', { first })
    : hunks.length > 2
      ? descriptionOf('drift_quoteAlteredMore', { first, second, more: hunks.length - 2 })
      : descriptionOf('drift_quoteAlteredTwice', { first, second });
  push(ctx, 'quote', severity, description, pq.inner, sq.inner);
}
