/**
 * The engine: given an article, find its stored versions, decide how each relates
 * to it, name the original and explain how the text drifted from it.
 * Stored texts are compared on their article body only: page furniture
 * (newsletter prompts, bios, related links) is never a difference.
 */
import type { Comparison, CorpusRecord, DriftItem, Match, PageArticle, Passage, Relation, Report, SentencePair, WordOp } from './types';
import { findCounterparts } from './align/counterparts';
import { diffOps } from './align/diff';
import { alignPassages, type AlignOptions, type AlignResult, type ScoredPassage } from './align/passages';
import { alignSentencesDetailed } from './align/sentences';
import { languageOf } from './align/model';
import { detectDrift } from './drift/detect';
import { classifyRelation, type RelationResult } from './relation/classify';
import { coverage } from './relation/features';
import { splitFurniture } from './text/furniture';
import { normalize } from './text/normalize';
import { retrieveCandidates } from './index/retrieve';
import type { CorpusStore } from './store/types';
import { sentences } from './text/segment';

/** What the engine needs from a corpus store. */
export interface RecordSource {
  getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined | null)[]>;
}

export type Retrieve<S> = (text: string, store: S, opts: { limit: number; lang?: string }) => Promise<{ id: string; score: number }[]>;

export interface CheckOptions<S = RecordSource> {
  /** Candidates taken from retrieval (default 20). */
  limit?: number;
  /** Candidate retrieval; defaults to lib/index. */
  retrieve?: Retrieve<S>;
  /** Records that are the page itself (e.g. when checking a stored record). */
  excludeIds?: string[];
  /** Optional on-device translator; the offline path works without it. */
  translate?: (text: string, from: string, to: string) => Promise<string>;
  align?: AlignOptions;
}

const DEFAULT_LIMIT = 20;
const MOSTLY_COVERED = 0.8;
// Copies whose direction is refined by drift (garbled names, added captions).
const DRIFT_CHECKED_COPIES = 2;
const COPY_RELATIONS: Relation[] = ['verbatim-copy', 'edited-copy', 'rewrite', 'translation'];

export function isCopyRelation(relation: Relation): boolean {
  return COPY_RELATIONS.includes(relation);
}

// ---------------------------------------------------------------- article bodies

/** A record's article body, with a map from body offsets back to the record's text. */
export interface Body {
  text: string;
  toOriginal(offset: number): number;
}

export function recordBody(record: CorpusRecord): Body {
  const split = splitFurniture(record.text);
  if (!split.body.trim() || split.bodySpans.length === 0) return identityBody(record.text);
  const starts: number[] = [];
  let at = 0;
  for (const [s, e] of split.bodySpans) {
    starts.push(at);
    at += e - s + 2;
  }
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [s, e] = split.bodySpans[lo];
    return Math.min(e, s + Math.max(0, offset - starts[lo]));
  };
  return { text: split.body, toOriginal };
}

const BODY_CACHE_SIZE = 512;
const bodies = new Map<string, { text: string; body: Body }>();

/** A record's body, cached per record, as the same records come up for page after page. */
export function bodyOf(record: CorpusRecord): Body {
  const hit = bodies.get(record.id);
  if (hit && hit.text === record.text) return hit.body;
  const body = recordBody(record);
  bodies.delete(record.id);
  bodies.set(record.id, { text: record.text, body });
  if (bodies.size > BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value!);
  return body;
}

// Below this share of the text kept as body, the furniture split may be wrong rather than the text mostly
// boilerplate (newsletter-style prose): reused text must not become unmatchable by being cut away.
const MIN_BODY_SHARE = 0.5;

/** Passages against the body; against the whole text when most of it was cut away as furniture and the body holds none. */
function alignRecord(pageText: string, record: CorpusRecord, opts: AlignOptions): { body: Body; align: AlignResult } {
  const body = bodyOf(record);
  const align = alignPassages(pageText, body.text, { sourceLang: record.lang, ...opts });
  if (align.passages.length > 0 || body.text.length >= MIN_BODY_SHARE * record.text.length) return { body, align };
  const whole = alignPassages(pageText, record.text, { sourceLang: record.lang, ...opts });
  return whole.passages.length > 0 ? { body: identityBody(record.text), align: whole } : { body, align };
}

/** The alignment alignRecord chose, with clusters of shared word pairs; its sentence alignment is reused, not redone. */
function alignWordPairs(pageText: string, record: CorpusRecord, body: Body, opts: AlignOptions): AlignResult {
  return alignPassages(pageText, body.text, { sourceLang: record.lang, ...opts, wordPairs: true });
}

function identityBody(text: string): Body {
  return { text, toOriginal: (o) => o };
}

interface PreparedPage {
  article: PageArticle;
  lang: string;
  /** Page spans that are furniture (not captions): never reported as added. */
  ignore: [number, number][];
  /** Page characters outside furniture. */
  bodyLength: number;
}

function preparePage(page: PageArticle): PreparedPage {
  const split = splitFurniture(page.text);
  const ignore: [number, number][] = split.furniture.map((f) => [f.start, f.end]);
  if (split.titleSpan) ignore.push(split.titleSpan);
  const furnitureChars = ignore.reduce((n, [s, e]) => n + (e - s), 0);
  return {
    article: page,
    lang: languageOf(page.text, page.lang),
    ignore,
    bodyLength: Math.max(1, page.text.length - furnitureChars),
  };
}

function mapPassage(body: Body, p: Passage): Passage {
  return { page: p.page, source: [body.toOriginal(p.source[0]), body.toOriginal(p.source[1])] };
}

function mapSpan(body: Body, s: [number, number] | null): [number, number] | null {
  return s && [body.toOriginal(s[0]), body.toOriginal(s[1])];
}

// ---------------------------------------------------------------- one record

interface Assessment {
  record: CorpusRecord;
  body: Body;
  align: AlignResult;
  result: RelationResult;
  comparison?: Comparison;
  /** Passages were found on the page translated by the on-device translator. */
  translated?: boolean;
}

function isSelf(page: PageArticle, record: CorpusRecord, excludeIds: string[]): boolean {
  if (excludeIds.includes(record.id)) return true;
  if (!page.url || !record.url || canonicalUrl(page.url) !== canonicalUrl(record.url)) return false;
  const pageText = normalize(page.text);
  return normalize(record.text) === pageText || normalize(recordBody(record).text) === pageText;
}

function canonicalUrl(url: string): string {
  return url.trim().replace(/^https?:\/\/(www\.)?/i, '').replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}

/** What relation and direction need: passages and cheap features; drift comes later, for few records. */
function assess(page: PreparedPage, record: CorpusRecord, alignOpts: AlignOptions = {}): Assessment {
  const opts: AlignOptions = { pageLang: page.article.lang, ...alignOpts };
  const { body, align } = alignRecord(page.article.text, record, opts);
  const result = classify(page, record, body, align.passages, align.crossLanguage);
  // Shared word pairs are weaker evidence than sentences, asked only when the sentences find the texts
  // unrelated: reports of one story share quotes word for word, and stay the same story.
  if (result.relation !== 'unrelated') return { record, body, align, result };
  const withPairs = alignWordPairs(page.article.text, record, body, opts);
  if (withPairs.withWordPairs) {
    const withWordPairs = classify(page, record, body, withPairs.withWordPairs, withPairs.crossLanguage);
    if (isCopyRelation(withWordPairs.relation)) return { record, body, align: { ...withPairs, passages: withPairs.withWordPairs }, result: withWordPairs };
  }
  return { record, body, align, result };
}

/** Garbled names and added captions also tell which version came first: drift refines a copy's direction. */
function refineByDrift(page: PreparedPage, a: Assessment): void {
  a.comparison ??= compareBodies(page, a.record, a.body, a.align);
  a.result = classify(page, a.record, a.body, a.align.passages, a.align.crossLanguage, a.comparison);
  if (a.translated) a.result.evidence.push(TRANSLATOR_EVIDENCE);
}

function classify(page: PreparedPage, record: CorpusRecord, body: Body, passages: ScoredPassage[], crossLanguage: boolean, comparison?: Comparison): RelationResult {
  const hasCaption = !!comparison?.drift.some((d) => d.kind === 'added' && d.summary.startsWith('Photo caption'));
  return classifyRelation({
    page: { text: page.article.text, lang: page.lang, published: page.article.publishedTime, hasCaption, bodyLength: page.bodyLength },
    source: { text: body.text, lang: record.lang, published: record.published, firstSeen: record.firstSeen },
    passages,
    crossLanguage,
    drift: comparison?.drift,
  });
}

function toMatch(a: Assessment): Match {
  const { record, result } = a;
  return {
    id: record.id,
    relation: result.relation,
    score: result.score,
    direction: result.direction,
    confidence: result.confidence,
    evidence: result.evidence,
    passages: a.align.passages.map((p) => mapPassage(a.body, p)),
    title: record.title,
    site: record.site,
    url: record.url,
    published: record.published,
    lang: record.lang,
  };
}

/** Sentence pairs and drift in body coordinates, then mapped to the record's own text. */
function compareBodies(page: PreparedPage, record: CorpusRecord, body: Body, align: AlignResult): Comparison {
  // Sentences just outside the aligned text are added or dropped only when one text
  // covers nearly all of the other; an excerpt does not "drop" the rest of its source.
  const margin = (covered: number) => (covered >= MOSTLY_COVERED ? 2 : 0);
  const sentences = alignSentencesDetailed(page.article.text, body.text, {
    pageLang: page.lang,
    sourceLang: record.lang,
    passages: align.passages.length ? align.passages : undefined,
    crossLanguage: align.crossLanguage,
    pageMargin: margin(coverage(align.passages.map((p) => p.page), page.bodyLength)),
    sourceMargin: margin(coverage(align.passages.map((p) => p.source), body.text.length)),
  });
  const bodyRecord: CorpusRecord = { ...record, text: body.text };
  const drift = detectDrift(page.article.text, bodyRecord, sentences.pairs, {
    pageLang: page.lang,
    sourceLang: align.sourceLang,
    crossLanguage: align.crossLanguage,
    ignorePage: page.ignore,
  });
  const pairs: SentencePair[] = sentences.pairs.map((p) => ({ ...p, source: mapSpan(body, p.source) }));
  return {
    sourceId: record.id,
    passages: align.passages.map((p) => mapPassage(body, p)),
    pairs,
    drift: drift.map((d) => mapDrift(record, body, d)),
    truncated: align.truncated || sentences.truncated,
  };
}

function mapDrift(record: CorpusRecord, body: Body, d: DriftItem): DriftItem {
  const start = body.toOriginal(d.source.start);
  const end = body.toOriginal(d.source.end);
  return { ...d, source: { id: record.id, start, end, text: record.text.slice(start, end) } };
}

// ---------------------------------------------------------------- public API

/** Drift of the page against a chosen stored version. */
export function compareWith(page: PageArticle, record: CorpusRecord, alignOpts: AlignOptions = {}): Comparison {
  const prepared = preparePage(page);
  const { body, align } = alignRecord(page.text, record, { pageLang: page.lang, ...alignOpts });
  return compareBodies(prepared, record, body, align);
}

/** lib/index retrieval; a store without an index (a test double) cannot be searched this way. */
async function defaultRetrieve<S>(text: string, store: S, opts: { limit: number; lang?: string }): Promise<{ id: string; score: number }[]> {
  return retrieveCandidates(text, store as unknown as CorpusStore, opts);
}

async function loadCandidates<S extends RecordSource>(text: string, store: S, opts: CheckOptions<S>, lang?: string): Promise<CorpusRecord[]> {
  const retrieve = opts.retrieve ?? defaultRetrieve;
  // No pruning by retrieval score: on PAN, real sources rank as low as a tenth of the best score.
  const candidates = await retrieve(text, store, { limit: opts.limit ?? DEFAULT_LIMIT, lang });
  const records = await store.getRecords(candidates.map((c) => c.id));
  return records.filter((r): r is CorpusRecord => !!r);
}

const GROUP: Record<Relation, number> = { 'verbatim-copy': 0, 'edited-copy': 0, rewrite: 0, translation: 0, 'same-story': 1, unrelated: 2 };

function dateOf(record: CorpusRecord): string {
  return record.published ?? record.firstSeen ?? '\uffff';
}

export async function checkArticle<S extends RecordSource>(page: PageArticle, store: S, opts: CheckOptions<S> = {}): Promise<Report> {
  const prepared = preparePage(page);
  const records = (await loadCandidates(page.text, store, opts, page.lang)).filter((r) => !isSelf(page, r, opts.excludeIds ?? []));
  const assessments: Assessment[] = [];
  for (const record of records) {
    const a = assess(prepared, record, opts.align);
    if (opts.translate && a.align.crossLanguage && !isCopyRelation(a.result.relation)) await refineByTranslation(prepared, a, opts.translate);
    assessments.push(a);
  }
  // Drift (sentence alignment, names, quotes) is costly: only the strongest copies get it for their direction.
  assessments
    .filter((a) => isCopyRelation(a.result.relation))
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, DRIFT_CHECKED_COPIES)
    .forEach((a) => refineByDrift(prepared, a));
  const listed = assessments
    .filter((a) => a.result.relation !== 'unrelated')
    .sort((a, b) => GROUP[a.result.relation] - GROUP[b.result.relation] || b.result.score - a.result.score);
  const copies = listed.filter((a) => isCopyRelation(a.result.relation));
  const originals = copies
    .filter((a) => a.result.direction === 'original')
    .sort((a, b) => dateOf(a.record).localeCompare(dateOf(b.record)) || b.result.score - a.result.score);
  const original = originals[0] ?? null;
  const reference = original ?? copies.find((a) => a.result.direction !== 'derivative') ?? copies[0] ?? null;
  const comparison = reference ? (reference.comparison ?? compareBodies(prepared, reference.record, reference.body, reference.align)) : null;
  return {
    article: page,
    matches: listed.map(toMatch),
    drift: comparison?.drift ?? [],
    original: original ? original.record.id : null,
    comparison,
  };
}

/**
 * With a translator at hand, a cross-language candidate that the offline path could
 * not align is aligned again on the page translated into the record's language.
 * Page offsets of the translated passages are mapped back proportionally.
 */
const TRANSLATOR_EVIDENCE = 'Aligned through the on-device translator';

async function refineByTranslation(page: PreparedPage, a: Assessment, translate: NonNullable<CheckOptions['translate']>): Promise<void> {
  let translated: string;
  try {
    translated = await translate(page.article.text, page.lang, a.align.sourceLang);
  } catch {
    return;
  }
  if (!translated) return;
  const align = alignPassages(translated, a.body.text, { pageLang: a.align.sourceLang, sourceLang: a.align.sourceLang });
  if (align.passages.length === 0) return;
  const scale = page.article.text.length / translated.length;
  const passages = align.passages.map((p) => ({ ...p, page: [Math.floor(p.page[0] * scale), Math.ceil(p.page[1] * scale)] as [number, number] }));
  a.align = { ...a.align, passages, crossLanguage: true };
  a.result = classify(page, a.record, a.body, passages, true);
  a.translated = true;
  a.result.evidence.push(TRANSLATOR_EVIDENCE);
}

// ---------------------------------------------------------------- selected passage

export interface PassageOccurrence {
  id: string;
  title?: string;
  site?: string;
  url?: string;
  published?: string;
  lang?: string;
  /** [start, end) of the passage in the record's text, and that text. */
  start: number;
  end: number;
  text: string;
  /** 0..1 similarity of the occurrence to the selection. */
  similarity: number;
  /** How the occurrence drifted from the earliest one (empty for the earliest itself). */
  drift: DriftItem[];
  /**
   * "copy": the record holds the passage itself (copied, edited, translated). "counterpart": the record
   * does not, but a sentence of it reports the same fact (same names and numbers, other words).
   * Absent means "copy".
   */
  kind?: 'copy' | 'counterpart';
  /** Word-level differences from the occurrence to the selection (counterparts). */
  ops?: WordOp[];
}

export interface PassageReport {
  selection: string;
  /** The earliest stored occurrence, or null when the passage is nowhere in the corpus. */
  earliest: PassageOccurrence | null;
  /** Every occurrence: copies earliest first, then same-story counterparts earliest first. */
  occurrences: PassageOccurrence[];
  /** Drift of the selection against the earliest occurrence. */
  drift: DriftItem[];
  truncated: boolean;
}

const SELECTION_MIN_CHARS = 40;

type Found = { record: CorpusRecord; body: Body; span: [number, number]; similarity: number; kind: 'copy' | 'counterpart' };

/**
 * Where a selected passage occurs in the corpus, its earliest occurrence, and how the others drifted from it.
 * Records that do not hold the passage but report the same fact in their own words are listed after the
 * copies as counterparts; when no record holds the passage, the earliest counterpart is the earliest occurrence.
 */
export async function findPassage<S extends RecordSource>(selection: string, store: S, opts: CheckOptions<S> = {}): Promise<PassageReport> {
  const records = (await loadCandidates(selection, store, opts)).filter((r) => !(opts.excludeIds ?? []).includes(r.id));
  const copies: Found[] = [];
  const others: { record: CorpusRecord; body: Body }[] = [];
  let truncated = false;
  const minPassageChars = Math.min(120, Math.max(SELECTION_MIN_CHARS, Math.floor(selection.length * 0.5)));
  for (const record of records) {
    const { body, align } = alignRecord(selection, record, { minPassageChars, ...opts.align });
    truncated ||= align.truncated;
    const best = [...align.passages].sort((x, y) => y.page[1] - y.page[0] - (x.page[1] - x.page[0]) || y.similarity - x.similarity)[0];
    if (best) copies.push({ record, body, span: expandToSentences(body.text, best.source), similarity: best.similarity, kind: 'copy' });
    else others.push({ record, body });
  }
  const earliestFirst = (a: Found, b: Found) => dateOf(a.record).localeCompare(dateOf(b.record)) || b.similarity - a.similarity;
  copies.sort(earliestFirst);
  const counterparts = findCounterparts(selection, others.map((o) => ({ text: o.body.text, lang: o.record.lang })), { lang: opts.align?.pageLang })
    .flatMap((c, k): Found[] => (c ? [{ ...others[k], span: [c.start, c.end], similarity: c.score, kind: 'counterpart' }] : []))
    .sort(earliestFirst);
  const found = [...copies, ...counterparts];
  if (found.length === 0) return { selection, earliest: null, occurrences: [], drift: [], truncated };
  const first = found[0];
  const [f0, f1] = first.span;
  const firstRecord: CorpusRecord = { ...first.record, text: first.body.text.slice(f0, f1) };
  // Drift source offsets are relative to the earliest passage: move them into that record's text.
  const toFirstRecord = (d: DriftItem): DriftItem => {
    const start = first.body.toOriginal(f0 + d.source.start);
    const end = first.body.toOriginal(f0 + d.source.end);
    return { ...d, source: { id: first.record.id, start, end, text: first.record.text.slice(start, end) } };
  };
  const occurrences = found.map((f, k): PassageOccurrence => {
    const [b0, b1] = f.span;
    const start = f.body.toOriginal(b0);
    const end = f.body.toOriginal(b1);
    const passageText = f.body.text.slice(b0, b1);
    const drift =
      k === 0
        ? []
        : passageDrift(passageText, firstRecord, f.record.lang, first.record.lang).map((d) => {
            const ps = f.body.toOriginal(b0 + d.page.start);
            const pe = f.body.toOriginal(b0 + d.page.end);
            return toFirstRecord({ ...d, page: { text: f.record.text.slice(ps, pe), start: ps, end: pe } });
          });
    const r = f.record;
    const text = r.text.slice(start, end);
    const occurrence: PassageOccurrence = { id: r.id, title: r.title, site: r.site, url: r.url, published: r.published, lang: r.lang, start, end, text, similarity: f.similarity, drift, kind: f.kind };
    if (f.kind === 'counterpart') occurrence.ops = diffOps(text, selection);
    return occurrence;
  });
  const drift = passageDrift(selection, firstRecord, opts.align?.pageLang, first.record.lang).map(toFirstRecord);
  return { selection, earliest: occurrences[0], occurrences, drift, truncated };
}

/** The span grown to whole sentences, so quotes and names are compared complete. */
function expandToSentences(text: string, [start, end]: [number, number]): [number, number] {
  let s = start;
  let e = end;
  for (const [a, b] of sentences(text)) {
    if (b > start && a <= start) s = a;
    if (a < end && b >= end) e = b;
  }
  return [s, e];
}

/** Drift of a short text against a passage (offsets: the text; source offsets are in the passage). */
function passageDrift(text: string, passage: CorpusRecord, lang?: string, sourceLang?: string): DriftItem[] {
  const sentences = alignSentencesDetailed(text, passage.text, { pageLang: lang, sourceLang });
  return detectDrift(text, passage, sentences.pairs, { pageLang: sentences.pageLang, sourceLang: sentences.sourceLang, crossLanguage: sentences.crossLanguage });
}
