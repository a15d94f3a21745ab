/**
 * Drift between a page and a stored version of it: what changed in meaning, not
 * just in wording. Works on aligned sentence pairs (alignSentences) and reports
 * altered quotes, changed names and attributions, numbers, dates, negation,
 * tense or modality, dropped and added sentences, and plain rewording — most
 * serious first.
 */
import type { CorpusRecord, DriftItem, DriftKind, SentencePair } from '../types';
import { wordDiff, type DiffPiece } from '../align/diff';
import { contentTerm } from '../align/model';
import { memoByText } from '../align/memo';
import { stopwordsFor } from '../align/stopwords';
import { dateKeys } from '../text/dates';
import { nameCandidates, type NameCandidate } from '../text/names';
import { numberKeys, type NumberKey } from '../text/numbers';
import { topLevelQuotes, type QuoteSpan } from '../text/quotes';
import { words, type Token } from '../text/segment';
import { changeRegions, changedText, wordCount, type Region } from './regions';
import { carriesMissingFact, garbledNames, negates } from './across';
import { auxiliaryClass, isAuxiliary, isNegation, isReportingVerb, verbForm, WILL_TYPOS, type TenseClass } from './lexicon';

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
}

type Span = [number, number];

interface Context {
  pageText: string;
  sourceText: string;
  sourceId: string;
  stop: Set<string>;
  pageNames: NameCandidate[];
  sourceNames: NameCandidate[];
  pageQuotes: QuoteSpan[];
  sourceQuotes: QuoteSpan[];
  opts: DriftOptions;
  items: DriftItem[];
}

const DEFAULT_MAX_ITEMS = 200;
// A page is compared with several versions: its names and quotes are found once.
const namesOf = memoByText((text: string, lang: string | undefined) => nameCandidates(text, lang));
const quotesOf = memoByText((text: string) => topLevelQuotes(text));
const SUMMARY_QUOTE_CHARS = 60;
// Ties in severity are ordered by how much the kind says about meaning.
const KIND_ORDER: DriftKind[] = ['negation', 'number', 'date', 'attribution', 'quote', 'name', 'tense', 'dropped', 'added', 'reworded'];

export function detectDrift(pageText: string, source: CorpusRecord, pairs: SentencePair[], opts: DriftOptions = {}): DriftItem[] {
  const ctx: Context = {
    pageText,
    sourceText: source.text,
    sourceId: source.id,
    stop: stopwordsFor(opts.pageLang),
    pageNames: opts.crossLanguage ? [] : namesOf(pageText, opts.pageLang),
    sourceNames: opts.crossLanguage ? [] : namesOf(source.text, opts.sourceLang),
    pageQuotes: opts.crossLanguage ? [] : quotesOf(pageText),
    sourceQuotes: opts.crossLanguage ? [] : quotesOf(source.text),
    opts,
    items: [],
  };
  for (const pair of pairs) {
    if (pair.page && pair.source) comparePair(ctx, pair.page, pair.source);
    else if (pair.page) unmatchedSentence(ctx, 'added', pair.page);
    else if (pair.source) unmatchedSentence(ctx, 'dropped', pair.source);
  }
  if (!opts.crossLanguage) compareQuotes(ctx, pairs);
  return rank(ctx.items).slice(0, opts.maxItems ?? DEFAULT_MAX_ITEMS);
}

/** Figures of a text, years included, as drift across languages compares them. */
const factNumbers = memoByText((text: string, lang: string | undefined) => numberKeys(text, lang));

function rank(items: DriftItem[]): DriftItem[] {
  return [...items].sort(
    (a, b) => b.severity - a.severity || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.page.start - b.page.start || a.source.start - b.source.start,
  );
}

function push(ctx: Context, kind: DriftKind, severity: number, summary: string, pageSpan: Span, sourceSpan: Span): void {
  const page = trimWhitespace(ctx.pageText, pageSpan);
  const source = trimWhitespace(ctx.sourceText, sourceSpan);
  ctx.items.push({
    kind,
    severity,
    summary,
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

function quoted(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > SUMMARY_QUOTE_CHARS ? `${t.slice(0, SUMMARY_QUOTE_CHARS - 1)}…` : t}”`;
}

// ---------------------------------------------------------------- added / dropped

const CAPTION = /(?:getty images|reuters|\bap photo|afp|photo:|\/\s*[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)*$|epa|shutterstock|picture alliance)/iu;

function unmatchedSentence(ctx: Context, kind: 'added' | 'dropped', span: Span): void {
  const text = kind === 'added' ? ctx.pageText : ctx.sourceText;
  const ignore = kind === 'added' ? ctx.opts.ignorePage : ctx.opts.ignoreSource;
  if (ignore?.some(([s, e]) => s <= span[0] && span[1] <= e)) return;
  const sentence = text.slice(span[0], span[1]);
  if (wordCount(sentence) < 3) return;
  if (ctx.opts.crossLanguage) {
    const [lang, other, otherLang] = kind === 'added' ? [ctx.opts.pageLang, ctx.sourceText, ctx.opts.sourceLang] : [ctx.opts.sourceLang, ctx.pageText, ctx.opts.pageLang];
    if (!carriesMissingFact(sentence, lang, other, otherLang, factNumbers)) return;
  }
  const weighty = /["“”«»„]/.test(sentence) || numberKeys(sentence).length > 0;
  const caption = kind === 'added' && CAPTION.test(sentence) && !/[.!?]["”]?$/.test(sentence.trim());
  const summary = caption
    ? `Photo caption added: ${quoted(sentence)}`
    : kind === 'added'
      ? `Sentence added: ${quoted(sentence)}`
      : `Sentence dropped: ${quoted(sentence)}`;
  const severity = weighty ? 3 : 2;
  const empty = (at: number): Span => [at, at];
  if (kind === 'added') push(ctx, 'added', severity, summary, span, empty(0));
  else push(ctx, 'dropped', severity, summary, empty(0), span);
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
  const covered = [...compareNumbers(ctx, pair), ...compareDates(ctx, pair)];
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
    if (tenseChange(ctx, pair, region)) continue;
    if (nameOrAttributionChange(ctx, pair, region)) continue;
    if (contentChanged(ctx, region)) reworded.push(region);
  }
  if (reworded.length) reportRewording(ctx, pair, reworded);
}

/** A sentence and its translation: names garbled on the way, negation one side has and the other lacks. */
function compareAcrossLanguages(ctx: Context, pair: Pair): void {
  for (const { source, page } of garbledNames(pair.sourceSentence, ctx.opts.sourceLang, pair.pageSentence, ctx.opts.pageLang)) {
    push(ctx, 'name', 4, `Name changed in translation: ${quoted(source.text)} became ${quoted(page.text)}`, [pair.page[0] + page.start, pair.page[0] + page.end], [pair.source[0] + source.start, pair.source[0] + source.end]);
  }
  const sourceNegates = negates(pair.sourceSentence, ctx.opts.sourceLang);
  const pageNegates = negates(pair.pageSentence, ctx.opts.pageLang);
  if (sourceNegates === null || pageNegates === null || sourceNegates === pageNegates) return;
  const summary = sourceNegates ? 'Negation lost in translation' : 'Negation added in translation';
  push(ctx, 'negation', 5, `${summary}: ${quoted(pair.sourceSentence)} became ${quoted(pair.pageSentence)}`, pair.page, pair.source);
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

function contentTerms(ctx: Context, text: string): string[] {
  return words(text)
    .map((t) => contentTerm(t.norm, ctx.stop))
    .filter((t): t is string => t !== null)
    .sort();
}

function contentChanged(ctx: Context, region: Region): boolean {
  return contentTerms(ctx, changedText(region, 'del')).join(' ') !== contentTerms(ctx, changedText(region, 'ins')).join(' ');
}

function reportRewording(ctx: Context, pair: Pair, regions: Region[]): void {
  const first = abs(pair, regions[0]);
  const last = abs(pair, regions[regions.length - 1]);
  const examples = regions.slice(0, 2).map((r) => {
    const a = abs(pair, r);
    return change(ctx.sourceText.slice(a.source[0], a.source[1]), ctx.pageText.slice(a.page[0], a.page[1]));
  });
  push(ctx, 'reworded', 1, `Reworded: ${examples.join('; ')}`, [first.page[0], last.page[1]], [first.source[0], last.source[1]]);
}

function change(before: string, after: string): string {
  if (!before.trim()) return `${quoted(after)} added`;
  if (!after.trim()) return `${quoted(before)} removed`;
  return `${quoted(before)} became ${quoted(after)}`;
}

// ---------------------------------------------------------------- numbers and dates

function sameNumber(a: NumberKey, b: NumberKey): boolean {
  return a.value === b.value || a.alt === b.value || a.value === b.alt;
}

function compareNumbers(ctx: Context, pair: Pair): Span[] {
  const src = numberKeys(pair.sourceSentence, ctx.opts.sourceLang).filter((n) => !n.year);
  const pg = numberKeys(pair.pageSentence, ctx.opts.pageLang).filter((n) => !n.year);
  const [lostSource, newPage] = unmatched(src, pg, sameNumber);
  const covered: Span[] = [];
  lostSource.forEach((s, k) => {
    const p = newPage[k];
    if (!p) return;
    covered.push([p.start, p.end]);
    push(ctx, 'number', 5, `Number changed: ${quoted(s.raw)} became ${quoted(p.raw)}`, [pair.page[0] + p.start, pair.page[0] + p.end], [pair.source[0] + s.start, pair.source[0] + s.end]);
  });
  return covered;
}

function compareDates(ctx: Context, pair: Pair): Span[] {
  const key = (d: { iso: string; weekday?: number }) => `${d.iso}|${d.weekday ?? ''}`;
  const src = dateKeys(pair.sourceSentence, ctx.opts.sourceLang);
  const pg = dateKeys(pair.pageSentence, ctx.opts.pageLang);
  const [lostSource, newPage] = unmatched(src, pg, (a, b) => key(a) === key(b));
  const covered: Span[] = [];
  lostSource.forEach((s, k) => {
    const p = newPage[k];
    if (!p) return;
    covered.push([p.start, p.end]);
    push(ctx, 'date', 5, `Date changed: ${quoted(s.raw)} became ${quoted(p.raw)}`, [pair.page[0] + p.start, pair.page[0] + p.end], [pair.source[0] + s.start, pair.source[0] + s.end]);
  });
  return covered;
}

/** Items of `a` with no partner in `b`, and items of `b` with no partner in `a` (one-to-one). */
function unmatched<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): [T[], T[]] {
  const used = new Set<number>();
  const lost: T[] = [];
  for (const x of a) {
    const k = b.findIndex((y, i) => !used.has(i) && same(x, y));
    if (k >= 0) used.add(k);
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
  const label = pg.length > src.length ? 'Negation added' : 'Negation removed';
  push(ctx, 'negation', 5, `${label}: ${change(ctx.sourceText.slice(r.source[0], r.source[1]), ctx.pageText.slice(r.page[0], r.page[1]))}`, r.page, r.source);
  return [region.page];
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
const TENSE_WINDOW_AFTER = 2;

function windowTokens(tokens: Token[], [start, end]: Span): Token[] {
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return tokens.slice(-TENSE_WINDOW_BEFORE);
  let last = first;
  while (last < tokens.length && tokens[last].start < end) last++;
  return tokens.slice(Math.max(0, first - TENSE_WINDOW_BEFORE), Math.min(tokens.length, last + TENSE_WINDOW_AFTER));
}

function tenseChange(ctx: Context, pair: Pair, region: Region): boolean {
  const srcTokens = windowTokens(words(pair.sourceSentence), region.source);
  const pageTokens = windowTokens(words(pair.pageSentence), region.page);
  const stems = (tokens: Token[]) => new Map(tokens.filter((t) => !isAuxiliary(t.norm) && contentTerm(t.norm, ctx.stop)).map((t) => [contentTerm(t.norm, ctx.stop)!, t]));
  const srcStems = stems(srcTokens);
  const pageStems = stems(pageTokens);
  for (const [stem, srcVerb] of srcStems) {
    const pageVerb = pageStems.get(stem);
    if (!pageVerb) continue;
    const a = verbUse(pair.sourceSentence, srcTokens, srcVerb);
    const b = verbUse(pair.pageSentence, pageTokens, pageVerb);
    if (!a || !b || a.tense === b.tense) continue;
    if (!a.span || !b.span) continue;
    const strong = a.tense === 'future' || b.tense === 'future' || a.tense === 'modal' || b.tense === 'modal';
    const before = a.typo ? `${quoted(a.text)} (read as ${quoted(a.typo)})` : quoted(a.text);
    push(
      ctx,
      'tense',
      strong ? 4 : 2,
      `Tense or modality changed: ${before} became ${quoted(b.text)}`,
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
  for (let back = 1; back <= 2 && k - back >= 0; back++) {
    const aux = tokens[k - back];
    const cls = auxiliaryClass(aux.norm);
    if (cls) return { span: [aux.start, verb.end], tense: cls, text: sentence.slice(aux.start, verb.end) };
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
  if (a.key === b.key) return true;
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
  if (lostNames.length || newNames.length) {
    const page = trimSpan(ctx.pageText, nameSpan(ctx.pageText, newNames, changedSpans(region, 'ins', pair.page[0])), ctx.stop);
    const source = trimSpan(ctx.sourceText, nameSpan(ctx.sourceText, lostNames, changedSpans(region, 'del', pair.source[0])), ctx.stop);
    const before = ctx.sourceText.slice(source[0], source[1]);
    const after = ctx.pageText.slice(page[0], page[1]);
    const kind: DriftKind = reportingNear ? 'attribution' : 'name';
    const label = kind === 'attribution' ? 'Attribution changed' : lostNames.length && newNames.length ? 'Name changed' : lostNames.length ? 'Name dropped' : 'Name added';
    const severity = lostNames.length && newNames.length ? 4 : 3;
    push(ctx, kind, severity, `${label}: ${change(before, after)}`, page, source);
    return true;
  }
  // No name changed, but the words right at a reporting verb did ("exactly, NPR News reports" → "NPR News reports accurately").
  if (reportingVerbIn(sourceTokens, region.source) || reportingVerbIn(pageTokens, region.page)) {
    if (!contentChangedBeyondVerbs(ctx, region)) return false;
    const page = trimSpan(ctx.pageText, r.page, ctx.stop);
    const source = trimSpan(ctx.sourceText, r.source, ctx.stop);
    push(ctx, 'attribution', 4, `Attribution changed: ${change(ctx.sourceText.slice(source[0], source[1]), ctx.pageText.slice(page[0], page[1]))}`, page, source);
    return true;
  }
  return false;
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
      .map((t) => contentTerm(t.norm, ctx.stop))
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
    const pageTerms = new Set(contentTerms(ctx, ctx.pageText.slice(pq.inner[0], pq.inner[1])));
    for (const sq of ctx.sourceQuotes) {
      if (!(sq.inner[0] < hi && lo < sq.inner[1])) continue;
      const sourceTerms = new Set(contentTerms(ctx, ctx.sourceText.slice(sq.inner[0], sq.inner[1])));
      const shared = [...pageTerms].filter((t) => sourceTerms.has(t)).length;
      const score = (2 * shared) / (pageTerms.size + sourceTerms.size || 1);
      if (score >= 0.25 || (pageTerms.size === 0 && sourceTerms.size === 0)) candidates.push({ page: pq, source: sq, score });
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
}

function quoteDrift(ctx: Context, pq: QuoteSpan, sq: QuoteSpan): void {
  const pageInner = ctx.pageText.slice(pq.inner[0], pq.inner[1]);
  const sourceInner = ctx.sourceText.slice(sq.inner[0], sq.inner[1]);
  const diff = wordDiff(sourceInner, pageInner);
  const hunks = changeRegions(diff.pieces, undefined, 0).filter((r) => /[\p{L}\p{N}]/u.test(changedText(r, 'del') + changedText(r, 'ins')));
  if (hunks.length === 0) return;
  const severity = hunks.some((r) => contentChanged(ctx, r)) ? 4 : 2;
  const shown = hunks.slice(0, 2).map((r) => change(changedText(r, 'del'), changedText(r, 'ins')));
  const more = hunks.length > 2 ? ` (+${hunks.length - 2} more)` : '';
  push(ctx, 'quote', severity, `Quote altered: ${shown.join('; ')}${more}`, pq.inner, sq.inner);
}
