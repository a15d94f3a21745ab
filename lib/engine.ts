/**
 * The engine: given an article, find its stored versions, decide how each relates
 * to it, name the original and explain how the text drifted from it.
 * Stored texts are compared on their article body only: page furniture
 * (newsletter prompts, bios, related links) is never a difference.
 */
import { PAGE_NODE_ID, type Comparison, type CorpusRecord, type CorrectedRecord, type Correction, type DriftItem, type Lineage, type Match, type MatchMeasures, type PageArticle, type Passage, type Relation, type Report, type SentencePair, type WordOp } from './types';
import { buildLineage, pairKey, type LineageCosts, type LineageInput, type PairRelation } from './lineage/build';
import { originalThroughCopy, relationThroughCopy, type ThroughCopy } from './lineage/through-copy';
import { quotesAcrossVersions, type QuoteTrail } from './quotes/across';
import { correctionsFor, type PageCorrections } from './corpus/corrections';
import { findCounterparts } from './align/counterparts';
import { displayOps } from './text/word-ops';
import { alignPassages, alignSentencePassages, sentencePassagesOf, withWordPairPassages, type AlignOptions, type AlignResult, type ScoredPassage, type SentenceAlignment } from './align/passages';
import { alignSentencesDetailed } from './align/sentences';
import { glossText, lexiconOf, loadLexicons } from './text/lexicon';
import { languageOf } from './text/language-guess';
import { detectDrift } from './drift/detect';
import { addReason, classifyRelation, type RelationResult } from './relation/classify';
import { descriptionOf } from './wording/catalogue';
import { inEnglish } from './wording/render';
import { coverage, coveredLength, sharedFigures } from './relation/features';
import { normalize } from './text/normalize';
import { retrieve, type KeySpread } from './index/retrieve';
import { corpusEvidence, textEvidence, type CorpusEvidence, type RecordKeys } from './relation/evidence';
import { distinctiveWording, type DistinctiveWording } from './relation/neighbourhood';
import type { CorpusStore } from './store/types';
import { containment } from './sources';
import { nameKeysOf } from './index/features';
import { retrievalTerms, WORD_FORMS } from './text/terms';
import { sharedWordingPairsOf } from './text/word-pairs';
import { analysed, TextAnalysis } from './text/analysis';
import { identityBody, RecordAnalyses, type Body, type RecordAnalysis } from './record-analysis';
import { sequenceSpread, sharedSequence, type SequenceSpread, type SharedSequence } from './align/sequence';

/** What the engine needs from a corpus store. */
export interface RecordSource {
  getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined | null)[]>;
  /** Analyses of the records read, kept across checks (bounded); without it each check analyses the records it reads. */
  readonly analyses?: RecordAnalyses;
}

export type Retrieve<S> = (text: string, store: S, opts: { limit: number; lang?: string }) => Promise<{ id: string; score: number }[]>;

export interface CheckOptions<S = RecordSource> {
  /**
   * Candidates aligned first (default 20). More are aligned, CANDIDATE_BATCH at a time up to maxCandidates, while the
   * last ones aligned still share text with the page: a page quoting many sources has them far down the list.
   */
  limit?: number;
  /** The cost limit on candidates aligned (default MAX_CANDIDATES). */
  maxCandidates?: number;
  /** Records the full check must assess whatever retrieval ranks them (the first answer's versions). */
  include?: readonly string[];
  /** Candidate retrieval; defaults to lib/index. */
  retrieve?: Retrieve<S>;
  /** Records that are the page itself (e.g. when checking a stored record). */
  excludeIds?: string[];
  /**
   * The reader's corrections (lib/corpus/corrections.ts). A record one of them pairs with the page is not assessed:
   * never listed, never the original; the report lists it apart (Report.corrected) so it can be undone.
   */
  corrections?: readonly Correction[];
  /** Optional on-device translator; the offline path works without it. */
  translate?: (text: string, from: string, to: string) => Promise<string>;
  align?: AlignOptions;
  /** Relate the page's copies to each other (Report.lineage); on unless false. */
  lineage?: boolean;
  /** Runs the lineage and the quotes across versions, the part of the check beyond the rest (npm run bench times it). */
  aroundLineage?: (relateVersions: () => void) => void;
}

const DEFAULT_LIMIT = 20;
/**
 * At most this many candidates are aligned. PAN 2013 pages mix passages of up to 24 sources, and as many unlisted
 * ones: with 20 candidates a held-out sample lost a fifth of the random-obfuscation sources that 50 find.
 */
export const MAX_CANDIDATES = 100;
const CANDIDATE_BATCH = 20;
/** Another batch is aligned when one of the last this many candidates aligned shares text with the page… */
const STILL_ALIGNING = 10;
/** …or when this many of the last batch do. */
const MANY_SOURCES = 5;
const MOSTLY_COVERED = 0.8;
// Copies whose direction is refined by drift (garbled names, added captions).
const DRIFT_CHECKED_COPIES = 2;
const COPY_RELATIONS: Relation[] = ['verbatim-copy', 'edited-copy', 'rewrite', 'translation'];
/**
 * A version is the original before the closest one when it holds this share of the distinctive keys the closest one
 * shares with the page: the closest one then came from it. An older story that lent the original a paragraph holds
 * that paragraph's keys only.
 */
const EXPLAINS_THE_CLOSEST = 0.85;
/**
 * And it covers nearly as much of the page as the closest one: a story that lent the original a paragraph can hold
 * most of the keys of a short page made mostly of that paragraph (a syndicated edit cut down to its first two
 * paragraphs held 0.73 of the page's distinctive keys in the lender, 0.8 in its original) but covers only the
 * borrowed part of the page (0.8 of it against 1.0; 0.56 against 1.0 in another). Asked where the closest one kept its
 * wording: of heavy rewrites at 100,000 articles, three originals covered 0.62–0.8 of the page where a sibling rewrite
 * covered 0.88–1.0.
 */
const COVERS_AS_THE_CLOSEST = 0.1;
/** A copy whose shared text is this much of the page and of itself is a whole version of the text, not a borrowing. */
const WHOLE_TEXT_PAGE = 0.8;
const WHOLE_TEXT_VERSION = 0.5;

export function isCopyRelation(relation: Relation): boolean {
  return COPY_RELATIONS.includes(relation);
}

// ---------------------------------------------------------------- article bodies

// Below this share of the text kept as body, the furniture split may be wrong rather than the text mostly
// boilerplate (newsletter-style prose): reused text must not become unmatchable by being cut away.
const MIN_BODY_SHARE = 0.5;

/**
 * Passages against the body; against the whole text when most of it was cut away as furniture and the body holds none.
 * `sentences` is the sentence alignment chosen, for adding word pairs to it later (withWordPairPassages).
 */
function alignRecord(page: TextAnalysis, record: RecordAnalysis, opts: AlignOptions): AlignedRecord {
  const { body, bodyText } = record;
  const sentences = alignSentencePassages(page, bodyText, { sourceLang: record.lang, ...opts });
  const align = sentencePassagesOf(sentences);
  if (align.passages.length > 0 || body.text.length >= MIN_BODY_SHARE * record.text.length) return { body, bodyText, align, sentences };
  const whole = alignSentencePassages(page, record.whole, { sourceLang: record.lang, ...opts });
  const wholeAlign = sentencePassagesOf(whole);
  return wholeAlign.passages.length > 0 ? { body: identityBody(record.text), bodyText: record.whole, align: wholeAlign, sentences: whole } : { body, bodyText, align, sentences };
}

/** A record aligned with a page: the text compared (its body, or its whole text) with that text's analysis. */
interface AlignedRecord {
  body: Body;
  bodyText: TextAnalysis;
  align: AlignResult;
  sentences: SentenceAlignment;
}

interface PreparedPage {
  article: PageArticle;
  /** The page's text, analysed once for the whole check. */
  analysis: TextAnalysis;
  /** The analyses of the records the check reads (the store's, when it keeps them). */
  records: RecordAnalyses;
  /** What the reader's corrections say about this page. */
  corrections: PageCorrections;
  /** Records read and left out because a correction pairs them with the page, by id. */
  corrected: Map<string, CorpusRecord>;
  lang: string;
  /** The page's stemmed content words and their pairs: the shared wording every version shows is the first answer's measure. */
  terms: string[];
  pairs: Set<string>;
  /** The page's name keys (lib/index), to tell which shared keys are names. */
  names: ReadonlySet<number>;
  /** Page spans that are furniture (not captions): never reported as added. */
  ignore: [number, number][];
  /** Page characters outside furniture. */
  bodyLength: number;
}

function preparePage(page: PageArticle, records: RecordAnalyses, corrections?: readonly Correction[], analysis = new TextAnalysis(page.text)): PreparedPage {
  const terms = retrievalTerms(analysis, page.lang);
  const split = analysis.furniture;
  const ignore: [number, number][] = split.furniture.map((f) => [f.start, f.end]);
  if (split.titleSpan) ignore.push(split.titleSpan);
  const furnitureChars = ignore.reduce((n, [s, e]) => n + (e - s), 0);
  return {
    article: page,
    analysis,
    records,
    corrections: correctionsFor(page, corrections),
    corrected: new Map(),
    lang: analysis.language(page.lang),
    terms,
    pairs: sharedWordingPairsOf(terms),
    names: nameKeysOf(analysis, page.lang),
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
  texts: RecordAnalysis;
  /** Share of the smaller text's word pairs the other holds: the shared wording the first answer shows. */
  sharedWording: number;
  /** Document number (storage order), when retrieval gave it. */
  doc?: number;
  evidence: CorpusEvidence;
  wording: DistinctiveWording;
  sequence: () => SharedSequence | null;
  spread: () => SequenceSpread | null;
  /** The record's stemmed content words and their pairs (Candidate), kept to compare versions with each other cheaply. */
  terms: string[];
  pairs: Set<string>;
  body: Body;
  /** The analysis of `body`'s text. */
  bodyText: TextAnalysis;
  align: AlignResult;
  result: RelationResult;
  comparison?: Comparison;
  /** Passages were found on the page translated by the on-device translator. */
  translated?: boolean;
}

/** The page's own stored copy: the same address with the same text. */
function isSelf(page: PageArticle, record: CorpusRecord, texts: RecordAnalysis): boolean {
  if (!page.url || !record.url || canonicalUrl(page.url) !== canonicalUrl(record.url)) return false;
  const pageText = normalize(page.text);
  return normalize(record.text) === pageText || normalize(texts.body.text) === pageText;
}

function canonicalUrl(url: string): string {
  return url.trim().replace(/^https?:\/\/(www\.)?/i, '').replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}

/**
 * Texts that share this share of their word pairs word for word are written in one language, whatever the guess of an
 * undeclared page's language says: on the WMT sets true translations share at most 0.026 of their pairs (names), while
 * a short English earnings notice full of abbreviations, guessed French, shared 0.47 with a stored English notice and
 * was aligned as its translation.
 */
const ONE_LANGUAGE_WORDING = 0.2;
/**
 * Or, for a page that does not declare its language, share this share of the words they are written in, however
 * reordered: a heavy rewrite of an English results table (abbreviations and figures, guessed French) shares 0.45 of its
 * words with a stored rewrite of the same table and only 0.12 of its word pairs; translations on the WMT sets share at
 * most 0.22 (names, cognates), unrelated English stories of the fixtures 0.15.
 */
const ONE_LANGUAGE_WORDS = 0.4;

function oneLanguage(page: PreparedPage, candidate: Candidate, recordLang: string, sharedWording: number): boolean {
  if (sharedWording >= ONE_LANGUAGE_WORDING) return true;
  if (page.article.lang) return false;
  return containment(page.analysis.view(WORD_FORMS, page.lang), candidate.texts.whole.view(WORD_FORMS, recordLang)) >= ONE_LANGUAGE_WORDS;
}

/** What relation and direction need: passages and cheap features; drift comes later, for few records. */
function assess(page: PreparedPage, candidate: Candidate, alignOpts: AlignOptions = {}): Assessment {
  const { record, evidence } = candidate;
  const sharedWording = containment(page.pairs, candidate.pairs);
  const recordLang = candidate.texts.whole.language(record.lang);
  const pageLang = recordLang !== page.lang && oneLanguage(page, candidate, recordLang, sharedWording) ? recordLang : page.article.lang;
  const opts: AlignOptions = { pageLang, ...alignOpts };
  const { body, bodyText, align, sentences } = alignRecord(page.analysis, candidate.texts, opts);
  let sequence: SharedSequence | null | undefined;
  let spread: SequenceSpread | null | undefined;
  const base = {
    record,
    texts: candidate.texts,
    bodyText,
    doc: candidate.doc,
    evidence,
    wording: candidate.wording,
    sequence: () => (sequence === undefined ? (sequence = sharedSequence(page.terms, candidate.terms)) : sequence),
    spread: () => (spread === undefined ? (spread = sequenceSpread(page.terms, candidate.terms)) : spread),
    terms: candidate.terms,
    pairs: candidate.pairs,
    body,
    sharedWording,
  };
  const result = classify(page, record, base, align.passages, align.crossLanguage, base);
  // Shared word pairs are weaker evidence than sentences, asked only when the sentences find no copy: reports of
  // one story share quotes word for word, and stay the same story.
  if (isCopyRelation(result.relation)) return { ...base, align, result };
  const withPairs = withWordPairPassages(sentences);
  if (withPairs.withWordPairs) {
    const withWordPairs = classify(page, record, base, withPairs.withWordPairs, withPairs.crossLanguage, base);
    if (rank(withWordPairs.relation) < rank(result.relation)) return { ...base, align: { ...withPairs, passages: withPairs.withWordPairs }, result: withWordPairs };
  }
  return { ...base, align, result };
}

/** Garbled names and added captions also tell which version came first: drift refines a copy's direction. */
function refineByDrift(page: PreparedPage, a: Assessment): void {
  a.comparison ??= compareBodies(page, a.record, a, a.align);
  a.result = classify(page, a.record, a, a.align.passages, a.align.crossLanguage, a, a.comparison);
  if (a.translated) addReason(a.result, TRANSLATOR_REASON);
}

function classify(
  page: PreparedPage,
  record: CorpusRecord,
  { body, bodyText }: ComparedBody,
  passages: ScoredPassage[],
  crossLanguage: boolean,
  weighed: { evidence: CorpusEvidence; wording: DistinctiveWording; sequence: () => SharedSequence | null; spread: () => SequenceSpread | null },
  comparison?: Comparison,
): RelationResult {
  const hasCaption = !!comparison?.drift.some((d) => d.description.code === 'drift_captionAdded');
  return classifyRelation({
    page: { text: page.article.text, analysis: page.analysis, lang: page.lang, published: page.article.publishedTime, hasCaption, bodyLength: page.bodyLength },
    source: { text: body.text, analysis: bodyText, lang: record.lang, published: record.published, firstSeen: record.firstSeen },
    passages,
    crossLanguage,
    drift: comparison?.drift,
    corpus: weighed.evidence,
    wording: weighed.wording,
    sequence: weighed.sequence,
    spread: weighed.spread,
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
    reasons: result.reasons,
    evidence: result.evidence,
    certainty: result.certainty,
    ...(result.machineTranslated ? { machineTranslated: true } : {}),
    measures: { ...matchMeasures(result.measures), sharedWording: round3(a.sharedWording), distinctiveWording: round3(a.wording.page), versionDistinctiveWording: round3(a.wording.record) },
    passages: result.passages.map((p) => mapPassage(a.body, p)),
    title: record.title,
    site: record.site,
    url: record.url,
    published: record.published,
    lang: record.lang,
  };
}

function matchMeasures(m: RelationResult['measures']): MatchMeasures {
  const measures: MatchMeasures = { pageCoverage: round3(m.pageCoverage), versionCoverage: round3(m.sourceCoverage), wordingKept: round3(m.wordingKept) };
  if (m.distinctiveKeys !== undefined) Object.assign(measures, { distinctiveKeys: m.distinctiveKeys, stockKeys: m.stockKeys, pageShare: m.pageShare, versionShare: m.recordShare });
  return measures;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The text of a record compared with the page (its body, or its whole text) and that text's analysis. */
interface ComparedBody {
  body: Body;
  bodyText: TextAnalysis;
}

/** Sentence pairs and drift in body coordinates, then mapped to the record's own text. */
function compareBodies(page: PreparedPage, record: CorpusRecord, { body, bodyText }: ComparedBody, align: AlignResult): Comparison {
  // Sentences just outside the aligned text are added or dropped only when one text
  // covers nearly all of the other; an excerpt does not "drop" the rest of its source.
  const margin = (covered: number) => (covered >= MOSTLY_COVERED ? 2 : 0);
  const sentences = alignSentencesDetailed(page.analysis, bodyText, {
    pageLang: page.lang,
    sourceLang: record.lang,
    passages: align.passages.length ? align.passages : undefined,
    crossLanguage: align.crossLanguage,
    pageMargin: margin(coverage(align.passages.map((p) => p.page), page.bodyLength)),
    sourceMargin: margin(coverage(align.passages.map((p) => p.source), body.text.length)),
  });
  const bodyRecord: CorpusRecord = { ...record, text: body.text };
  const drift = detectDrift(page.analysis, bodyRecord, sentences.pairs, {
    pageLang: page.lang,
    sourceLang: align.sourceLang,
    crossLanguage: align.crossLanguage,
    ignorePage: page.ignore,
    sourceAnalysis: bodyText,
  });
  const pairs: SentencePair[] = sentences.pairs.map((p) => ({ ...p, source: mapSpan(body, p.source) }));
  return {
    sourceId: record.id,
    passages: align.passages.map((p) => mapPassage(body, p)),
    pairs,
    drift: drift.map((d) => mapDrift(record, body, d)),
    truncated: align.truncated || sentences.truncated,
    ...(align.crossLanguage ? { languages: { page: page.lang, source: align.sourceLang } } : {}),
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
  const prepared = preparePage(page, new RecordAnalyses());
  const aligned = alignRecord(prepared.analysis, prepared.records.of(record), { pageLang: page.lang, ...alignOpts });
  return compareBodies(prepared, record, aligned, aligned.align);
}

/** A record retrieval found, not yet read. */
interface Lead {
  id: string;
  doc?: number;
  keys?: RecordKeys;
}

interface Leads {
  leads: Lead[];
  /** The corpus's view of the page's keys, when the store's own index found the leads. */
  spread?: KeySpread;
}

/** A record to assess, with what the corpus says about the keys it shares with the page. */
interface Candidate {
  record: CorpusRecord;
  texts: RecordAnalysis;
  doc?: number;
  evidence: CorpusEvidence;
  terms: string[];
  pairs: Set<string>;
  wording: DistinctiveWording;
}

/** A store with the inverted index (lib/store CorpusStore) is searched by the engine itself; any other needs `retrieve`. */
function hasIndex(store: RecordSource): store is RecordSource & CorpusStore {
  return 'lookup' in store && typeof store.lookup === 'function' && 'docStats' in store && typeof store.docStats === 'function';
}

/**
 * The leads' records: by document number where the store reads records so and retrieval gave every lead its number
 * (one read each instead of the id index's and the record's), else by id. A number whose record has another id (a
 * record removed since) reads as missing.
 */
async function readLeads(store: RecordSource, leads: readonly Lead[]): Promise<(CorpusRecord | undefined | null)[]> {
  const docs = leads.map((lead) => lead.doc);
  if (!hasIndex(store) || !store.getRecordsOfDocs || docs.some((doc) => doc === undefined)) return store.getRecords(leads.map((lead) => lead.id));
  const records = await store.getRecordsOfDocs(docs as number[]);
  return records.map((record, i) => (record?.id === leads[i].id ? record : undefined));
}

/** Records worth assessing, best first, up to `limit`, then the ones the caller included. */
async function findLeads<S extends RecordSource>(page: PageArticle, analysis: TextAnalysis, store: S, opts: CheckOptions<S>, limit: number): Promise<Leads> {
  const excluded = new Set(opts.excludeIds ?? []);
  const withIncluded = (leads: Lead[]): Lead[] => {
    const seen = new Set(leads.map((lead) => lead.id));
    return [...leads, ...(opts.include ?? []).filter((id) => !seen.has(id)).map((id) => ({ id }))].filter((lead) => !excluded.has(lead.id));
  };
  if (opts.retrieve || !hasIndex(store)) {
    const found = opts.retrieve ? await opts.retrieve(page.text, store, { limit, lang: page.lang }) : [];
    return { leads: withIncluded(found.map((c) => ({ id: c.id }))) };
  }
  // No pruning by retrieval score: on PAN, real sources rank as low as a tenth of the best score.
  const found = await retrieve(analysis, store, { limit, lang: page.lang, shortlist: FULL_CHECK_SHORTLIST });
  const leads = found.candidates.map((c): Lead => ({ id: c.id, doc: c.doc, keys: recordKeys(c) }));
  return { leads: withIncluded(interleave(leads, await englishLeads(page, analysis, store, limit))), spread: found.keys };
}

/**
 * A page in a language with a lexicon is also looked up through its English gloss (lib/text/lexicon.ts glossText):
 * an English original shares its word pairs with the gloss where it shares few keys with the page itself. These
 * leads carry no keys of the page's own lookup: their evidence is computed from the texts.
 */
async function englishLeads(page: PageArticle, analysis: TextAnalysis, store: CorpusStore, limit: number): Promise<Lead[]> {
  const lang = analysis.language(page.lang);
  if (lang === 'en') return [];
  await loadLexicons([lang]);
  const lexicon = lexiconOf(lang);
  if (!lexicon) return [];
  const found = await retrieve(glossText(lexicon, page.text), store, { limit, lang: 'en', shortlist: FULL_CHECK_SHORTLIST });
  return found.candidates.map((c) => ({ id: c.id, doc: c.doc }));
}

/** The page's own leads and its gloss's, alternately, each once: both reach the first batch aligned. */
function interleave(own: Lead[], glossed: Lead[]): Lead[] {
  if (glossed.length === 0) return own;
  const seen = new Set<string>();
  const out: Lead[] = [];
  for (let i = 0; i < Math.max(own.length, glossed.length); i++) {
    for (const lead of [own[i], glossed[i]]) {
      if (lead && !seen.has(lead.id)) {
        seen.add(lead.id);
        out.push(lead);
      }
    }
  }
  return out;
}

/** Retrieval ranks this many records by raw key weight before normalising: as checkArticle asked at 20 and 50 candidates. */
const FULL_CHECK_SHORTLIST = 800;

function recordKeys(candidate: { keys?: Uint32Array; features: number; capped: boolean; maxRank: number }): RecordKeys {
  return { keys: candidate.keys ?? [], features: candidate.features, capped: candidate.capped, maxRank: candidate.maxRank };
}

/**
 * Reads leads and weighs their evidence. With the store's own index, shared keys come from the postings retrieval read;
 * otherwise they are computed from the texts and none counts as stock. Wording is weighed against the neighbourhood:
 * the first batch of candidates read, the page's closest stories.
 */
async function readCandidates<S extends RecordSource>(page: PreparedPage, leads: Lead[], found: Leads, store: S, neighbourhood: Candidate[], keep: (record: CorpusRecord) => boolean = () => true): Promise<Candidate[]> {
  const records = await readLeads(store, leads);
  const read = leads.flatMap((lead, i) => {
    const record = records[i];
    if (!record || !keep(record)) return [];
    const texts = page.records.of(record);
    if (isSelf(page.article, record, texts)) return [];
    if (page.corrections.covers(record)) {
      page.corrected.set(record.id, record);
      return [];
    }
    const evidence = found.spread && lead.keys ? corpusEvidence(found.spread, lead.keys, page.names) : textEvidence(page.analysis, page.article.lang, texts.bodyText, record.lang);
    const terms = texts.retrievalTerms;
    return [{ record, texts, doc: lead.doc, evidence, terms, pairs: sharedWordingPairsOf(terms) }];
  });
  // Nothing read (a probe for other languages that found none) has no wording to weigh against the neighbourhood.
  if (read.length === 0) return [];
  const wording = distinctiveWording(page.pairs, [...neighbourhood.map((c) => c.pairs), ...read.map((c) => c.pairs)]).slice(neighbourhood.length);
  return read.map((candidate, i) => ({ ...candidate, wording: wording[i] }));
}

const GROUP: Record<Relation, number> = { 'verbatim-copy': 0, 'edited-copy': 0, rewrite: 0, translation: 0, 'shared-passage': 1, 'same-story': 2, unrelated: 3 };

/** How strong a claim a relation makes: copies first, then shared passages, same story, unrelated. */
function rank(relation: Relation): number {
  return GROUP[relation];
}

function dateOf(record: CorpusRecord): string {
  return record.published ?? record.firstSeen ?? '\uffff';
}

/** Published (or first seen) earlier; undated after dated; among undated, stored earlier. */
function earlier(a: Assessment, b: Assessment): number {
  return dateOf(a.record).localeCompare(dateOf(b.record)) || (a.doc ?? Infinity) - (b.doc ?? Infinity) || b.result.score - a.result.score;
}

/**
 * The original is the earliest version of the same text: among the copies whose direction says they came before the
 * page, the earliest that is the whole text — it covers most of the page and much of itself — or that holds most of
 * what the closest copy shares with the page (so the closest one came from it). An older story the page or its
 * original only borrowed a paragraph from is neither.
 */
function nameOriginal(copies: Assessment[]): Assessment | null {
  const closest = [...copies].sort((a, b) => b.result.score - a.result.score)[0];
  if (!closest) return null;
  const theirs = closest.evidence.distinctiveKeys;
  // Aligned sentences cover a copy that kept its wording as it is; a heavy rewrite's coverage varies from one of its
  // versions to the next, and the closest one's is no measure for the others.
  const closestKeptWording = closest.result.relation !== 'rewrite';
  const coverageToMatch = closestKeptWording ? closest.result.measures.pageCoverage - COVERS_AS_THE_CLOSEST : 0;
  const holdsTheClosest = (a: Assessment) => {
    if (theirs.length === 0 || a.result.measures.pageCoverage < coverageToMatch) return false;
    const held = new Set(a.evidence.distinctiveKeys);
    return theirs.filter((key) => held.has(key)).length >= EXPLAINS_THE_CLOSEST * theirs.length;
  };
  // For the same reason a rewrite's coverage does not make it the whole text when a closer copy kept the wording: an
  // older report of the same facts in its own words covers the page as widely as the near-identical story it copies.
  // A rewrite with a machine translation's traces is the text itself, translated and back (seed 000's original).
  const otherWords = (a: Assessment) => closestKeptWording && a.result.relation === 'rewrite' && !a.result.machineTranslated;
  const wholeText = (a: Assessment) =>
    !otherWords(a) && a.result.measures.pageCoverage >= WHOLE_TEXT_PAGE && a.result.measures.sourceCoverage >= WHOLE_TEXT_VERSION;
  const sameText = (a: Assessment) => a === closest || wholeText(a) || holdsTheClosest(a);
  const named = copies.filter((a) => a.result.direction === 'original' && sameText(a)).sort(earlier)[0];
  if (!named) return null;
  // A whole version of the text from before the one named, whose own direction the page leaves open (undated, or its
  // traces conflict), came before the page too: the named one came after it. Later copies of an original — a wire
  // story's reprints, dated after it — would otherwise be named in its place. A longer, older story that holds the
  // page's text (a roundup that later stories were cut from) is no whole version: on Reuters it would be named instead
  // of the story a syndicated edit copies.
  const before = copies.filter((a) => a.result.direction === 'unknown' && wholeText(a) && earlier(a, named) < 0).sort(earlier)[0];
  return before ?? named;
}

/**
 * Aligns candidates a batch at a time while the last ones aligned still share text with the page, up to `limit`
 * leads; then the included leads not reached.
 */
async function assessAll<S extends RecordSource>(page: PreparedPage, found: Leads, store: S, firstBatch: number, opts: CheckOptions<S>): Promise<Assessment[]> {
  const include = new Set(opts.include ?? []);
  const assessments: Assessment[] = [];
  let neighbourhood: Candidate[] = [];
  let next = 0;
  let batch = Math.min(firstBatch, found.leads.length);
  while (batch > 0) {
    const candidates = await readCandidates(page, found.leads.slice(next, next + batch), found, store, neighbourhood);
    await lexiconsFor(page.lang, candidates.map((c) => c.texts));
    if (next === 0) neighbourhood = candidates;
    for (const candidate of candidates) assessments.push(assess(page, candidate, opts.align));
    next += batch;
    batch = stillAligning(assessments) ? Math.min(CANDIDATE_BATCH, found.leads.length - next) : 0;
  }
  if (page.lang !== 'und' && !assessments.some((a) => isCopyRelation(a.result.relation))) {
    const probed = (record: CorpusRecord) => include.has(record.id) || inAnotherLanguage(record, page.lang);
    const candidates = await readCandidates(page, found.leads.slice(next, next + FOREIGN_PROBE), found, store, neighbourhood, probed);
    await lexiconsFor(page.lang, candidates.map((c) => c.texts));
    for (const candidate of candidates) assessments.push(assess(page, candidate, opts.align));
    next += FOREIGN_PROBE;
  }
  const included = found.leads.slice(next).filter((lead) => include.has(lead.id));
  if (included.length) {
    const candidates = await readCandidates(page, included, found, store, neighbourhood);
    await lexiconsFor(page.lang, candidates.map((c) => c.texts));
    for (const candidate of candidates) assessments.push(assess(page, candidate, opts.align));
  }
  return assessments;
}

/**
 * A page with no version among the candidates aligned may have one in another language further down the list: a
 * translation shares only names, figures and glossed word pairs with it, so stories on its subject in its own language
 * outrank it. On the benchmark at 30,000 articles with a tenth in ten other languages, 14 of 100 English originals
 * had their translation listed at ranks 22 to 270 and never aligned, 8 of them under 40. The next this many leads are
 * read, and those in another language than the page's aligned as well (with those the check was asked to include).
 */
const FOREIGN_PROBE = 40;

/** A record known to be in another language than `lang` (declared, or guessed with confidence). */
function inAnotherLanguage(record: CorpusRecord, lang: string): boolean {
  const recordLang = languageOf(record.text, record.lang);
  return recordLang !== lang && recordLang !== 'und';
}

/** The bilingual lexicons a comparison across languages needs, loaded the first time they are needed. */
function lexiconsFor(pageLang: string, records: readonly RecordAnalysis[]): Promise<void> {
  const langs = new Set(records.map((record) => record.whole.language(record.lang)));
  if (langs.size === 1 && langs.has(pageLang)) return Promise.resolve();
  return loadLexicons([pageLang, ...langs]);
}

/**
 * Another batch is worth aligning when the last candidates aligned still share text with the page, or when many of
 * the last batch do: a page quoting many sources has them all down the list. Only text no candidate before it shares
 * counts: versions of one text (a wire story and its reprints) share the same page text and are one source. At
 * 100,000 articles the benchmark stores each story in five or six versions, so an edited copy's first ten candidates
 * held five versions of it and every such check aligned a second batch (and often a third) that found nothing more;
 * on 10,000 articles a tenth of the checks did (measured with the batches' relations, 40 queries of each kind).
 */
export function stillAligning(assessments: readonly AlignedCandidate[]): boolean {
  const sources = addsPageText(assessments);
  return sources.slice(-STILL_ALIGNING).some(Boolean) || sources.slice(-CANDIDATE_BATCH).filter(Boolean).length >= MANY_SOURCES;
}

/** What deciding on another batch reads of an aligned candidate: its relation and the page spans of its passages. */
export interface AlignedCandidate {
  result: { relation: Relation; passages: readonly Pick<Passage, 'page'>[] };
}

/** A candidate whose aligned page text is at least this share new (aligned by no candidate before it) is another source. */
const NEW_PAGE_TEXT = 0.5;

/**
 * For each assessment in order: it shares text with the page, and most of that page text no earlier one shares.
 * Same-story reports with aligned passages count: on pages quoting many sources, paraphrased reuse is told apart from
 * one story's coverage only after the passages are read.
 */
function addsPageText(assessments: readonly AlignedCandidate[]): boolean[] {
  const shares = (a: AlignedCandidate) => rank(a.result.relation) <= rank('shared-passage') || a.result.passages.length > 0;
  const aligned: [number, number][] = [];
  return assessments.map((a) => {
    if (!shares(a)) return false;
    const spans = a.result.passages.map((p) => [p.page[0], p.page[1]] as [number, number]);
    const own = coveredLength(spans);
    const before = coveredLength(aligned);
    aligned.push(...spans);
    // A copy relation with no passages (none kept) is counted as new: nothing says what it shares.
    return own === 0 || coveredLength(aligned) - before >= NEW_PAGE_TEXT * own;
  });
}

export async function checkArticle<S extends RecordSource>(page: PageArticle, store: S, opts: CheckOptions<S> = {}): Promise<Report> {
  const prepared = preparePage(page, store.analyses ?? new RecordAnalyses(), opts.corrections);
  const firstBatch = opts.limit ?? DEFAULT_LIMIT;
  const maxCandidates = Math.max(firstBatch, opts.maxCandidates ?? MAX_CANDIDATES);
  const found = await findLeads(page, prepared.analysis, store, withCorrectedLeftOut(opts, prepared.corrections), maxCandidates);
  const assessments = await assessAll(prepared, found, store, firstBatch, opts);
  for (const a of assessments) {
    if (opts.translate && a.align.crossLanguage && !isCopyRelation(a.result.relation)) await refineByTranslation(prepared, a, opts.translate);
  }
  // Drift (sentence alignment, names, quotes) is costly: only the strongest copies get it for their direction.
  assessments
    .filter((a) => isCopyRelation(a.result.relation))
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, DRIFT_CHECKED_COPIES)
    .forEach((a) => refineByDrift(prepared, a));
  const listed = assessments
    .filter((a) => a.result.relation !== 'unrelated')
    .sort((a, b) => rank(a.result.relation) - rank(b.result.relation) || b.result.score - a.result.score);
  const copies = listed.filter((a) => isCopyRelation(a.result.relation));
  const versionPairs = new VersionPairs(prepared.records);
  const others = listed.filter((a) => !isCopyRelation(a.result.relation));
  const direct = nameOriginal(copies);
  const reached = throughCopy(prepared.article, copies, others, direct, versionPairs);
  if (reached) {
    asVersionThroughCopy(reached);
    copies.push(reached.ancestor);
    others.splice(others.indexOf(reached.ancestor), 1);
  }
  const original = reached?.ancestor ?? direct;
  const reference = original ?? copies.find((a) => a.result.direction !== 'derivative') ?? copies[0] ?? null;
  const comparison = reference ? (reference.comparison ?? compareBodies(prepared, reference.record, reference, reference.align)) : null;
  const report: Report = {
    article: page,
    // The original leads the versions, as in the first answer: a later copy closer to the page comes after it.
    matches: (original ? [original, ...listed.filter((a) => a !== original)] : listed).map(toMatch),
    drift: comparison?.drift ?? [],
    original: original ? original.record.id : null,
    comparison,
    corrected: await correctedRecords(prepared, store),
  };
  if (opts.lineage !== false) {
    const relateVersions = () => {
      report.lineage = pageLineage(prepared, copies, others, versionPairs);
      report.quotes = pageQuotes(page, copies);
    };
    if (opts.aroundLineage) opts.aroundLineage(relateVersions);
    else relateVersions();
  }
  return report;
}

// ---------------------------------------------------------------- lineage

/** The closest copies placed in the lineage. */
export const MAX_LINEAGE_VERSIONS = 8;
/**
 * At most this many pairs of stored versions are aligned for one lineage (about 10 ms each), the versions closest to
 * the page first: a version whose parent needs more is shown as uncertain. The closest-looking earlier version is
 * usually the parent, so most versions need one; the page's own relations come with the full check.
 */
export const LINEAGE_ALIGNMENTS = 8;

function closenessOf(result: RelationResult, crossLanguage: boolean): number {
  return crossLanguage ? result.score : result.measures.wordingKept;
}

function pairRelation(result: RelationResult, crossLanguage: boolean): PairRelation {
  return { relation: result.relation, closeness: closenessOf(result, crossLanguage), direction: result.direction, ...(result.machineTranslated ? { machineTranslated: true } : {}) };
}

const FLIPPED = { original: 'derivative', derivative: 'original', unknown: 'unknown' } as const;

/**
 * How stored record `a` relates to stored version `b`, `a` read as a page: the full check's assessment of one pair.
 * Each version is read as a page once, however many pairs it is in, and the other's content words come from the full
 * check.
 */
function versionRelations(records: RecordAnalyses): (a: Assessment, b: Assessment) => RelatedVersions {
  const asPages = new Map<string, PreparedPage>();
  return ({ record: a, texts }, b) => {
    let page = asPages.get(a.id);
    const article = { text: texts.body.text, lang: a.lang, publishedTime: a.published ?? a.firstSeen, url: a.url };
    if (!page) asPages.set(a.id, (page = preparePage(article, records, undefined, texts.bodyText)));
    // The analyses of both bodies, kept by the full check: their keys are read once, however many pairs they are in.
    const evidence = textEvidence(page.analysis, a.lang, b.texts.bodyText, b.record.lang);
    const [wording] = distinctiveWording(page.pairs, [b.pairs]);
    const assessed = assess(page, { record: b.record, texts: b.texts, evidence, terms: b.terms, pairs: b.pairs, wording });
    const inBodies = assessed.body === b.texts.body;
    return {
      pair: pairRelation(assessed.result, assessed.align.crossLanguage),
      spans: inBodies ? [assessed.result.passages.map((p) => p.page), assessed.result.passages.map((p) => p.source)] : null,
    };
  };
}

/** How one stored version relates to another, and the spans of each body the relation rests on (null: not in bodies). */
interface RelatedVersions {
  pair: PairRelation;
  spans: [(readonly [number, number])[], (readonly [number, number])[]] | null;
}

/** Pairs of stored versions related once per check, each way: naming the original and the lineage ask the same pairs. */
class VersionPairs {
  private readonly between = new Map<string, RelatedVersions>();
  private readonly relateVersions: (a: Assessment, b: Assessment) => RelatedVersions;

  constructor(records: RecordAnalyses) {
    this.relateVersions = versionRelations(records);
  }

  private related(a: Assessment, b: Assessment): { related: RelatedVersions; aFirst: boolean } {
    const [first, second] = a.record.id < b.record.id ? [a, b] : [b, a];
    const key = pairKey(first.record.id, second.record.id);
    if (!this.between.has(key)) this.between.set(key, this.relateVersions(first, second));
    return { related: this.between.get(key)!, aFirst: a === first };
  }

  /** How `a` relates to `b`, `a` read as the copy. */
  relate(a: Assessment, b: Assessment): PairRelation {
    const { related, aFirst } = this.related(a, b);
    return aFirst ? related.pair : { ...related.pair, direction: FLIPPED[related.pair.direction] };
  }

  /** The spans of `a`'s body its relation to `b` rests on (null when the alignment read a text other than the body). */
  spansOf(a: Assessment, b: Assessment): (readonly [number, number])[] | null {
    const { related, aFirst } = this.related(a, b);
    return related.spans ? related.spans[aFirst ? 0 : 1] : null;
  }

  known(a: string, b: string): boolean {
    return this.between.has(pairKey(a, b));
  }
}

/**
 * The original reached through one of the page's closest copies (lib/lineage/through-copy.ts), asking only the stories
 * the lineage would ask about (LINEAGE_ANCESTORS, ANCESTOR_ESTIMATE): the pairs aligned here serve the lineage too.
 */
function throughCopy(page: PageArticle, copies: Assessment[], others: Assessment[], named: Assessment | null, versionPairs: VersionPairs): ThroughCopy<Assessment> | null {
  const byScore = (a: Assessment, b: Assessment) => b.result.score - a.result.score;
  const pageDate = page.publishedTime;
  return originalThroughCopy<Assessment>({
    copies: [...copies].sort(byScore),
    others: [...others].sort(byScore),
    named,
    earlier,
    beforePage: (a) => {
      const date = a.record.published ?? a.record.firstSeen;
      return !pageDate || !date || date < pageDate;
    },
    laterThan: (a, b) => laterThan(a.record, b.record),
    estimate: looksClose,
    relate: (copy, ancestor) => versionPairs.relate(copy, ancestor),
    // A longer, older story a copy was cut from is no whole version of it (as in nameOriginal): on the benchmark a
    // rewrite of a shortened Reuters refiling was otherwise given the longer story filed half an hour before it.
    wholeVersions: (copy, ancestor) => {
      const [towardsAncestor, fromAncestor] = [versionPairs.spansOf(copy, ancestor), versionPairs.spansOf(ancestor, copy)];
      if (!towardsAncestor || !fromAncestor) return false;
      return coverage(towardsAncestor, copy.texts.body.text.length) >= WHOLE_TEXT_PAGE && coverage(fromAncestor, ancestor.texts.body.text.length) >= WHOLE_TEXT_VERSION;
    },
    figures: (copy, ancestor) => sharedFigures({ text: copy.texts.body.text, analysis: copy.texts.bodyText, lang: copy.record.lang }, { text: ancestor.texts.body.text, analysis: ancestor.texts.bodyText, lang: ancestor.record.lang }),
    spans: (copy, ancestor) => {
      const towardsAncestor = versionPairs.spansOf(copy, ancestor);
      // The page's passages are in the copy's body; so are the pair's, unless its alignment read the whole text.
      if (!towardsAncestor || copy.body !== copy.texts.body) return null;
      return { towardsPage: copy.result.passages.map((p) => p.source), towardsAncestor };
    },
    copiesAsked: ANCESTOR_CHECKED_COPIES,
    othersAsked: LINEAGE_ANCESTORS,
    minEstimate: ANCESTOR_ESTIMATE,
  });
}

/**
 * The ancestor listed as a version of the page: the weaker of the two copy relations it is reached by, its direction
 * from the chain, and the chain as its first reason. No surer than the copy it is reached through, and at most fairly
 * sure: two claims stand behind it.
 */
function asVersionThroughCopy({ ancestor, copy, pair }: ThroughCopy<Assessment>): void {
  const reason = descriptionOf('evidence_throughCopy', { version: copy.record.title ?? copy.record.id });
  const result = ancestor.result;
  ancestor.result = {
    ...result,
    relation: relationThroughCopy(copy.result.relation, pair.relation),
    direction: 'original',
    confidence: Math.min(copy.result.confidence || THROUGH_COPY_CERTAINTY, THROUGH_COPY_CERTAINTY),
    certainty: Math.min(copy.result.certainty, THROUGH_COPY_CERTAINTY),
    reasons: [reason, ...result.reasons],
    evidence: [inEnglish(reason), ...result.evidence],
  };
}

const THROUGH_COPY_CERTAINTY = 0.5;

/** The page's quotations in its closest copies of the same language (a translation's quotations are other words). */
function pageQuotes(page: PageArticle, copies: Assessment[]): QuoteTrail[] {
  const versions = [...copies]
    .filter((a) => !a.align.crossLanguage)
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, MAX_LINEAGE_VERSIONS)
    .map(({ record }) => ({ id: record.id, text: record.text, lang: record.lang, site: record.site, title: record.title, url: record.url, date: record.published ?? record.firstSeen }));
  return quotesAcrossVersions({ id: PAGE_NODE_ID, isPage: true, text: page.text, lang: page.lang, site: page.siteName, title: page.title, url: page.url, date: page.publishedTime }, versions);
}

/**
 * Stored texts that are no copy of the page but a copy of one of its closest copies are in its lineage too: an
 * original three edits away from the page shares too little of its wording to be called its copy.
 */
const LINEAGE_ANCESTORS = 4;
const ANCESTOR_CHECKED_COPIES = 3;
/**
 * A text that is no copy of the page is aligned with a copy only when it looks this close to it: on the bench's chains
 * at 10,000 articles every version looked 0.41 or closer to the others of its chain.
 */
const ANCESTOR_ESTIMATE = 0.3;

/** Both are dated and `a` later: it cannot be where `b` came from. */
function laterThan(a: CorpusRecord, b: CorpusRecord): boolean {
  const [dateA, dateB] = [a.published ?? a.firstSeen, b.published ?? b.firstSeen];
  return !!dateA && !!dateB && dateA > dateB;
}

/**
 * How close two versions look before any alignment: the share of the smaller one's word pairs the other holds, from
 * the content words the full check read (null across languages, where the words differ).
 */
function looksClose(a: Assessment, b: Assessment): number | null {
  return a.align.sourceLang !== b.align.sourceLang ? null : containment(a.pairs, b.pairs);
}

/**
 * The page and its closest copies, placed in a lineage (lib/lineage), with the ancestors of those copies. The page's
 * relation to each version comes from the full check; pairs of versions are aligned only where the lineage needs
 * them, the closest-looking first, within LINEAGE_ALIGNMENTS.
 */
function pageLineage(prepared: PreparedPage, copies: Assessment[], others: Assessment[], versionPairs: VersionPairs): Lineage {
  const page = prepared.article;
  const closest = [...copies].sort((a, b) => b.result.score - a.result.score).slice(0, MAX_LINEAGE_VERSIONS);
  const relatePair = (a: Assessment, b: Assessment): PairRelation => versionPairs.relate(a, b);
  // An ancestor is related to the closest copy it looks closest to among those dated after it, and only when it looks
  // close enough to be copied: a later text is no ancestor.
  let alignments = 0;
  const ancestors = [...others]
    .sort((a, b) => b.result.score - a.result.score)
    .slice(0, LINEAGE_ANCESTORS)
    .filter((other) => {
      const [copy] = closest
        .slice(0, ANCESTOR_CHECKED_COPIES)
        .filter((c) => !laterThan(other.record, c.record))
        .map((c) => ({ c, estimate: looksClose(c, other) }))
        .filter(({ estimate }) => estimate === null || estimate >= ANCESTOR_ESTIMATE)
        .sort((x, y) => (y.estimate ?? Infinity) - (x.estimate ?? Infinity));
      if (!copy) return false;
      alignments++;
      return isCopyRelation(relatePair(copy.c, other).relation);
    });
  const versions = [...closest, ...ancestors];
  const byId = new Map(versions.map((a) => [a.record.id, a]));
  const inputs: LineageInput[] = versions.map(({ record }) => ({ id: record.id, title: record.title, site: record.site, url: record.url, lang: record.lang, date: record.published ?? record.firstSeen }));
  inputs.push({ id: PAGE_NODE_ID, isPage: true, title: page.title, site: page.siteName, url: page.url, lang: page.lang, date: page.publishedTime });
  const relate = (child: string, parent: string): PairRelation | null => {
    if (child === PAGE_NODE_ID || parent === PAGE_NODE_ID) {
      const a = byId.get(child === PAGE_NODE_ID ? parent : child)!;
      const pair = pairRelation(a.result, a.align.crossLanguage);
      return child === PAGE_NODE_ID ? pair : { ...pair, direction: FLIPPED[pair.direction] };
    }
    return relatePair(byId.get(child)!, byId.get(parent)!);
  };
  const costs: LineageCosts = {
    estimate: (child, parent) => looksClose(byId.get(child)!, byId.get(parent)!),
    costly: (child, parent) => child !== PAGE_NODE_ID && parent !== PAGE_NODE_ID && !versionPairs.known(child, parent),
    budget: LINEAGE_ALIGNMENTS - alignments,
  };
  return buildLineage(inputs, relate, costs);
}

/** The records a correction names by id are left out before retrieval reads them. */
function withCorrectedLeftOut<O extends { excludeIds?: string[] }>(opts: O, corrections: PageCorrections): O {
  return corrections.ids.length === 0 ? opts : { ...opts, excludeIds: [...(opts.excludeIds ?? []), ...corrections.ids] };
}

/**
 * The stored records the corrections keep out of the report: those named by id (read here, as retrieval never read
 * them) and those read and recognised by address or text, in the order the corrections name them.
 */
async function correctedRecords(page: PreparedPage, store: RecordSource): Promise<CorrectedRecord[]> {
  const { ids } = page.corrections;
  const unread = ids.filter((id) => !page.corrected.has(id));
  const named = unread.length > 0 ? await store.getRecords(unread) : [];
  const byId = new Map(page.corrected);
  for (const record of named) if (record && !isSelf(page.article, record, page.records.of(record))) byId.set(record.id, record);
  const ordered = [...ids.filter((id) => byId.has(id)), ...[...byId.keys()].filter((id) => !ids.includes(id))];
  return ordered.map((id) => {
    const { title, site, url } = byId.get(id)!;
    return { id, title, site, url };
  });
}

/**
 * With a translator at hand, a cross-language candidate that the offline path could
 * not align is aligned again on the page translated into the record's language.
 * Page offsets of the translated passages are mapped back proportionally.
 */
const TRANSLATOR_REASON = descriptionOf('evidence_translator', {});

async function refineByTranslation(page: PreparedPage, a: Assessment, translate: NonNullable<CheckOptions['translate']>): Promise<void> {
  let translated: string;
  try {
    translated = await translate(page.article.text, page.lang, a.align.sourceLang);
  } catch {
    return;
  }
  if (!translated) return;
  const align = alignPassages(translated, a.bodyText, { pageLang: a.align.sourceLang, sourceLang: a.align.sourceLang });
  if (align.passages.length === 0) return;
  const scale = page.article.text.length / translated.length;
  const passages = align.passages.map((p) => ({ ...p, page: [Math.floor(p.page[0] * scale), Math.ceil(p.page[1] * scale)] as [number, number] }));
  a.align = { ...a.align, passages, crossLanguage: true };
  a.result = classify(page, a.record, a, passages, true, a);
  a.translated = true;
  addReason(a.result, TRANSLATOR_REASON);
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
  /** Word operations from the occurrence to the selection (the earliest occurrence and counterparts), as a reader is shown them. */
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

export interface PassageOptions<S = RecordSource> extends CheckOptions<S> {
  /** The page the selection comes from: the records the reader's corrections pair with it are left out. */
  page?: PageArticle;
}

type Found = { record: CorpusRecord; body: Body; span: [number, number]; similarity: number; kind: 'copy' | 'counterpart' };

/**
 * Where a selected passage occurs in the corpus, its earliest occurrence, and how the others drifted from it.
 * Records that do not hold the passage but report the same fact in their own words are listed after the
 * copies as counterparts; when no record holds the passage, the earliest counterpart is the earliest occurrence.
 */
export async function findPassage<S extends RecordSource>(selection: string, store: S, opts: PassageOptions<S> = {}): Promise<PassageReport> {
  const selected: PageArticle = { text: selection, lang: opts.align?.pageLang };
  // Without the page, no correction is about this selection.
  const corrections = correctionsFor(opts.page ?? {}, opts.corrections);
  const selectionText = new TextAnalysis(selection);
  const { leads } = await findLeads(selected, selectionText, store, withCorrectedLeftOut(opts, corrections), opts.limit ?? DEFAULT_LIMIT);
  const records = (await readLeads(store, leads)).filter((r): r is CorpusRecord => !!r && !corrections.covers(r));
  const analyses = store.analyses ?? new RecordAnalyses();
  const recordTexts = records.map((record) => analyses.of(record));
  await lexiconsFor(selectionText.language(opts.align?.pageLang), recordTexts);
  const copies: Found[] = [];
  const others: { record: CorpusRecord; body: Body }[] = [];
  let truncated = false;
  const minPassageChars = Math.min(120, Math.max(SELECTION_MIN_CHARS, Math.floor(selection.length * 0.5)));
  for (const [k, record] of records.entries()) {
    const { body, bodyText, align } = alignRecord(selectionText, recordTexts[k], { minPassageChars, ...opts.align });
    truncated ||= align.truncated;
    const best = [...align.passages].sort((x, y) => y.page[1] - y.page[0] - (x.page[1] - x.page[0]) || y.similarity - x.similarity)[0];
    if (best) copies.push({ record, body, span: expandToSentences(bodyText, best.source), similarity: best.similarity, kind: 'copy' });
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
  // Every occurrence is compared with the earliest passage: it is analysed once.
  const firstPassage = new TextAnalysis(firstRecord.text);
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
        : passageDrift(passageText, firstRecord, firstPassage, f.record.lang, first.record.lang).map((d) => {
            const ps = f.body.toOriginal(b0 + d.page.start);
            const pe = f.body.toOriginal(b0 + d.page.end);
            return toFirstRecord({ ...d, page: { text: f.record.text.slice(ps, pe), start: ps, end: pe } });
          });
    const r = f.record;
    const text = r.text.slice(start, end);
    const occurrence: PassageOccurrence = { id: r.id, title: r.title, site: r.site, url: r.url, published: r.published, lang: r.lang, start, end, text, similarity: f.similarity, drift, kind: f.kind };
    if (k === 0 || f.kind === 'counterpart') occurrence.ops = displayOps(text, selection);
    return occurrence;
  });
  const drift = passageDrift(selectionText, firstRecord, firstPassage, opts.align?.pageLang, first.record.lang).map(toFirstRecord);
  return { selection, earliest: occurrences[0], occurrences, drift, truncated };
}

/** Where the reader's selection is in the article text: as it is, else with any run of whitespace for whitespace. */
function locateSelection(text: string, selection: string): [number, number] | null {
  const wanted = selection.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return [exact, exact + wanted.length];
  const pattern = wanted
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const found = new RegExp(pattern, 'u').exec(text);
  return found ? [found.index, found.index + found[0].length] : null;
}

/**
 * The selection as the page's own check saw it: the sentences of the page's reference version aligned with the
 * selected ones, and only the drift items that touch the selected words. A selection of the very words that were
 * altered is found there even when it is too short, or too changed, to be found in the corpus by itself; and the
 * drift of the unselected rest of a sentence is not the selection's.
 */
export async function passageInReport(selection: string, report: Report, store: RecordSource): Promise<PassageReport | null> {
  const comparison = report.comparison;
  const at = comparison ? locateSelection(report.article.text, selection) : null;
  if (!comparison || !at) return null;
  const [start, end] = at;
  const pairs = comparison.pairs.filter((p) => p.page && p.source && p.page[0] < end && start < p.page[1]);
  if (pairs.length === 0) return null;
  const [record] = await store.getRecords([comparison.sourceId]);
  if (!record) return null;
  const sourceStart = Math.min(...pairs.map((p) => p.source![0]));
  const sourceEnd = Math.max(...pairs.map((p) => p.source![1]));
  const drift = report.drift.filter((d) => d.page.end > d.page.start && d.page.start < end && start < d.page.end);
  const match = report.matches.find((m) => m.id === record.id);
  const { id, title, site, url, published, lang } = record;
  const text = record.text.slice(sourceStart, sourceEnd);
  const occurrence: PassageOccurrence = { id, title, site, url, published, lang, start: sourceStart, end: sourceEnd, text, similarity: match?.score ?? 0, drift: [], kind: 'copy', ops: displayOps(text, selection) };
  return { selection, earliest: occurrence, occurrences: [occurrence], drift, truncated: comparison.truncated };
}

/** The span grown to whole sentences, so quotes and names are compared complete. */
function expandToSentences(text: TextAnalysis, [start, end]: [number, number]): [number, number] {
  let s = start;
  let e = end;
  for (const [a, b] of text.segmentation().sentences) {
    if (b > start && a <= start) s = a;
    if (a < end && b >= end) e = b;
  }
  return [s, e];
}

/** Drift of a short text against a passage (offsets: the text; source offsets are in the passage). */
function passageDrift(text: string | TextAnalysis, passage: CorpusRecord, passageText: TextAnalysis, lang?: string, sourceLang?: string): DriftItem[] {
  const analysis = analysed(text);
  const sentences = alignSentencesDetailed(analysis, passageText, { pageLang: lang, sourceLang });
  return detectDrift(analysis, passage, sentences.pairs, { pageLang: sentences.pageLang, sourceLang: sentences.sourceLang, crossLanguage: sentences.crossLanguage, sourceAnalysis: passageText });
}
