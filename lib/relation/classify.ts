/**
 * Relation between a page and a stored article (copy, edit, rewrite, translation,
 * same story, unrelated) and the direction the text travelled, each with the
 * reasons a person can check.
 */
import type { Direction, DriftItem, Passage, Relation, RelationClaim } from '../types';
import { artefacts, coverage, sharedFacts, sharedFigures, topicSimilarity, wordingKept, type ComparedText, type SharedFacts } from './features';
import { descriptionOf, type Description } from '../wording/catalogue';
import { inEnglish } from '../wording/render';
import { keysWithin, type CorpusEvidence } from './evidence';
import { topLevelQuotes } from '../text/quotes';
import { sentences, words } from '../text/segment';
import type { DistinctiveWording } from './neighbourhood';
import type { SequenceSpread, SharedSequence } from '../align/sequence';

export interface RelationSide extends ComparedText {
  /** The text the passages refer to (article body). */
  text: string;
  lang?: string;
  /** ISO date or date-time of publication. */
  published?: string;
  /** ISO date-time the text was first seen (records only). */
  firstSeen?: string;
  /** Characters of article body, when the text holds furniture too (default: the text length). */
  bodyLength?: number;
  /** Unaligned page sentence that looks like a photo caption. */
  hasCaption?: boolean;
}

export interface RelationInput {
  page: RelationSide;
  source: RelationSide;
  passages: (Passage & { similarity?: number; seeds?: number })[];
  crossLanguage: boolean;
  /** Drift of the page against the source, when computed: garbled names count as evidence of direction. */
  drift?: DriftItem[];
  /** What the corpus says about the keys the two texts share (lib/relation/evidence.ts); without it, every key counts. */
  corpus?: CorpusEvidence;
  /** What the two texts share and the page's neighbourhood does not (lib/relation/neighbourhood.ts). */
  wording?: DistinctiveWording;
  /** How much of the two texts' content words run in the same order (lib/align/sequence.ts); asked only for rewrites. */
  sequence?: () => SharedSequence | null;
  /** How much of each text lies among those words (lib/align/sequence.ts, `sequenceSpread`); asked only when the order passes. */
  spread?: () => SequenceSpread | null;
}

/** The claim (certainty: from how far its evidence clears the bars; machineTranslated: never on weaker evidence than two kinds of trace). */
export interface RelationResult extends RelationClaim {
  /** The passages the relation rests on: those sharing only stock phrases are left out. */
  passages: (Passage & { similarity?: number; seeds?: number })[];
  /** The numbers behind the decision. */
  measures: RelationMeasures;
}

export interface RelationMeasures {
  pageCoverage: number;
  sourceCoverage: number;
  wordingKept: number;
  /** Shared keys few stored records hold, and shared stock keys (see lib/relation/evidence.ts). */
  distinctiveKeys?: number;
  stockKeys?: number;
  /** Share of the page's distinctive keys the record holds, and of the record's keys the page holds. */
  pageShare?: number;
  recordShare?: number;
  /** Passages left out because they share only stock phrases. */
  stockPassages?: number;
  shared?: SharedFacts;
}

/** Aligned page text needed for shared passages, unless the passages cover much of the shorter text. */
export const MIN_COPY_CHARS = 250;
const MIN_COPY_COVERAGE = 0.3;
const CLOSE_SENTENCE = 0.6;
const LOOSE_WORDING = 0.06;
const LOOSE_SIMILARITY = 0.47;
const VERBATIM_WORDING = 0.97;
const MIN_SAME_STORY_TOPIC = 0.25;
const EDITED_WORDING = 0.6;
/**
 * A copy relation describes the whole article: the shared text is at least half of the page (the page is a copy or
 * an excerpt of the record), or nearly all of the record (the record is contained in the page). On Reuters, a
 * sentence pasted into another story covers a median 13% of the page and 40% of a short source story; a
 * syndicated copy with its last third cut covers all of the page and two thirds of its source.
 */
export const COPY_PAGE_EXTENT = 0.5;
export const COPY_RECORD_EXTENT = 0.8;
/**
 * And the two texts are one text: the record holds this share of the page's distinctive keys (or the page this share
 * of the record's). On 17,900 Reuters stories, 98% of stories on the same subject stay under 0.12; heavy rewrites
 * (a quarter of the words replaced, runs shuffled) keep 0.15 or more in 9 of 10, edited copies 0.33 or more.
 */
export const SAME_TEXT_SHARE = 0.15;
/**
 * Or the record holds this share of the page's word pairs that at most two of the page's other close stories hold
 * (lib/relation/neighbourhood.ts). On 17,900 Reuters stories, 95% of stories on the same subject stay under 0.05;
 * heavy rewrites keep 0.1 or more in 19 of 20, pasted sentences a median 0.14 (but cover too little of the page).
 */
export const SAME_TEXT_WORDING = 0.1;
/** A rewrite's record side: the record's keys are fewer where the page adds text, so its bar is lower. */
const REWRITE_RECORD_SHARE = 0.1;
/**
 * Content words in the same order, as a share of each text's (the higher and the lower of the two): heavy rewrites of Reuters stories
 * keep 0.41 or more of the page's in 49 of 50; stories on one subject a median 0.32, and follow-ups that retell a
 * story's facts 0.27–0.35.
 */
const REWRITE_SEQUENCE_HIGHER = 0.4;
const REWRITE_SEQUENCE_LOWER = 0.3;
/**
 * And those words run through one of the texts, not through one stretch of each (lib/align/sequence.ts, `spreadOf`): a
 * rewrite's kept words lie among others of the subsequence all along the copy, while a follow-up that repeats a
 * paragraph of background shares nothing with the rest. Measured on the candidates recorded for three same-outlet
 * samples and the benchmark's queries at 100,000 stories (`scripts/eval/record-candidates.ts`): of 740 true rewrites
 * and rewrites of their copies, 3 spread under 0.7 in both texts (0.58–0.69; one a word salad of shuffled runs); the
 * three follow-ups called rewrites without this bar spread 0.63 (a shelf registration and the debentures sold under
 * it; two days' reports of one sugar market; a bid story and a stored rewrite of another story on the bid that share
 * a paragraph).
 */
const REWRITE_SPREAD = 0.7;

/**
 * Sentence pairs a translation claim across languages rests on (half the page's sentences when it has fewer than
 * eight: a short page has fewer to pair). Two reports of one story pair a few sentences in
 * order (the same names and figures, told in the same order): an independent German report of the fixtures' tram
 * story paired three of its eight sentences with the six of the original. On the WMT development sets no translation
 * was found on fewer than four pairs, and every run of two or three that covered half a text was another article.
 */
const MIN_TRANSLATED_PAIRS = 4;

/**
 * Enough sentence pairs for a translation claim on a page: four, or half its sentences when it has fewer than eight.
 * Counted on the page whichever side the claim covers: a long page offers many chances for a few pairs to fall in
 * order with a short article (the German report's three pairs covered all six sentences of the original).
 */
function pairedEnough(text: string, pairs: number): boolean {
  return pairs >= Math.min(MIN_TRANSLATED_PAIRS, Math.ceil(sentences(text).length / 2));
}

export function classifyRelation(input: RelationInput): RelationResult {
  const { page, source } = input;
  const pageLength = page.bodyLength ?? page.text.length;
  const sourceLength = source.bodyLength ?? source.text.length;
  const wholeText = (p: Passage) => spansMost(p.page, pageLength) && spansMost(p.source, sourceLength) && (input.corpus?.pageShare ?? 0) >= SAME_TEXT_SHARE;
  // Stock wording is a same-language notion: across languages the keys a passage shares are its names, figures and
  // glossed word pairs, and the alignment has already asked its sentence pairs to stand out from the texts' others.
  const stockEvidence = input.crossLanguage ? undefined : input.corpus;
  const sameNotice = () => figuresAgree(input) && wordedAlike(input.wording, NOTICE_WORDING);
  const { passages, stockPassages } = withoutStockPassages(input.passages, stockEvidence, () => figuresAgree(input), wholeText, sameNotice);
  const pageCoverage = coverage(passages.map((p) => p.page), pageLength);
  const sourceCoverage = coverage(passages.map((p) => (input.crossLanguage ? p.source : heldBy(p))), sourceLength);
  const alignedChars = passages.reduce((n, p) => n + (p.page[1] - p.page[0]), 0);
  // One loosely similar sentence (a quote both reports carry, reworded) is no shared passage; several sentences,
  // a long passage or one closely matching sentence are.
  const sentencePairs = passages.reduce((n, p) => n + (p.seeds ?? 1), 0);
  const closest = Math.max(0, ...passages.map((p) => p.similarity ?? 0));
  let sharesText =
    passages.length > 0 &&
    (alignedChars >= MIN_COPY_CHARS || Math.max(pageCoverage, sourceCoverage) >= MIN_COPY_COVERAGE || sentencePairs >= 2 || closest >= CLOSE_SENTENCE);
  let kept = sharesText && !input.crossLanguage ? wordingKept(page, source, passages) : 0;
  // Hardly a word triple in common and only loose similarity: texts on one topic, not one text.
  if (sharesText && !input.crossLanguage && kept < LOOSE_WORDING && meanSimilarity(passages) < LOOSE_SIMILARITY) {
    sharesText = false;
    kept = 0;
  }
  const measures: RelationMeasures = { pageCoverage, sourceCoverage, wordingKept: kept, ...corpusMeasures(input.corpus), stockPassages };
  // Across languages a stored article translated inside a longer page is one stretch of it: scattered pairs of
  // sentences that happen to cover a short article (two stretches of two pairs in a 163-sentence digest) are not.
  const recordCoverage = input.crossLanguage ? Math.max(0, ...passages.map((p) => coverage([p.source], sourceLength))) : sourceCoverage;
  const copy = sharesText && !input.crossLanguage ? copyExtent(input, pageCoverage, recordCoverage, kept) : null;
  const translation = sharesText && input.crossLanguage && pairedEnough(page.text, sentencePairs) ? copyExtent(input, pageCoverage, recordCoverage, kept) : null;
  if (translation) return copyResult(input, passages, measures, translation);
  if (copy) return copyResult(input, passages, measures, copy);
  const inOrder = !sharesText && !input.crossLanguage && !stockPassages ? rewordedThroughout(input) : null;
  if (inOrder) return copyResult(input, passages, measures, inOrder);
  return notACopy(input, passages, sharesText, measures, alignedChars);
}

/**
 * A page holds no more of a stored text than the text it aligned to it. One sentence can pair with several sentences
 * of a short record that repeat its names and figures (a pasted "It said Home Savings had assets of 150.6 mln dlrs…"
 * with the whole of a three-sentence notice), and its passage then spans most of the record: 0.8 of the record's text
 * "held" by 100 characters of the page. On the same-outlet set such passages called 3 of 150 pasted sentences copies of
 * their donor story. A copy's edits and dropped sentences leave the two sides within a quarter of each other; a page
 * that condenses a longer stretch (a summary) is measured by the page's side.
 */
const HELD_SPAN_RATIO = 1.25;

function heldBy(p: Passage): [number, number] {
  const [start, end] = p.source;
  return [start, Math.min(end, start + Math.round(HELD_SPAN_RATIO * (p.page[1] - p.page[0])))];
}

function corpusMeasures(corpus: CorpusEvidence | undefined): Partial<RelationMeasures> {
  if (!corpus) return {};
  return { distinctiveKeys: corpus.distinctive, stockKeys: corpus.stock, pageShare: round(corpus.pageShare), recordShare: round(corpus.recordShare) };
}

/**
 * A passage is a stock phrase when it shares only stock keys; or when it is short (a sentence), holds fewer than
 * FEW_DISTINCTIVE distinctive keys and its stock keys outnumber them this many times or more: a formula sentence with a
 * common word pair or two. Longer passages of copied text are judged on any distinctive key: a wire story printed
 * from a template holds few, however close the copy.
 */
const STOCK_DOMINATES = 2;
const FEW_DISTINCTIVE = 3;

/**
 * A passage spanning this share of both texts is the whole of a short story, not a formula sentence inside one. On the
 * benchmark's 30,000 stories, short edited copies aligned as one passage over 76–100% of each text; template notices
 * (earnings, dividends) align as wholly, and are told apart by the page's distinctive keys the record holds: none or
 * one of a dozen (pageShare 0–0.11 on 100 held-out stories), where an edited copy keeps most of them (0.6).
 */
const WHOLE_TEXT_SPAN = 0.7;

function spansMost([start, end]: readonly [number, number], length: number): boolean {
  return length > 0 && (end - start) / length >= WHOLE_TEXT_SPAN;
}

/**
 * A template notice whose every shared key is stock (a large corpus stores each company's notices in many versions) is
 * still a copy of the stored notice when it gives the same figures and the two share this share of each side's word
 * pairs that the page's other close stories lack (lib/relation/neighbourhood.ts): the company's own wording. At 10,000,
 * 30,000 and 100,000 stories of the benchmark, 38 candidates gave the page's figures in a passage of stock keys only:
 * other stories' notices printed from the same template shared at most 0.08 of those pairs, the edited copy of a notice
 * 0.77. Notices of other stories that share more of them (up to 0.64) give other figures (at most 4 of 7 agree).
 */
const NOTICE_WORDING = 0.3;

/** Both texts share at least `bar` of their distinctive word pairs with the other. */
function wordedAlike(wording: DistinctiveWording | undefined, bar: number): boolean {
  return !!wording && Math.min(wording.page, wording.record) >= bar;
}

/**
 * Passages whose shared keys are stock phrases carry no evidence: an attribution formula shared with forty stored
 * stories, plus a common word pair or two. Passages with no shared key at all are judged by their wording. A short
 * story copied whole (`wholeText`: one passage over most of both texts, holding the page's distinctive keys) is judged
 * as a copy, however many of its keys are stock: a dividend notice is short and mostly formula; so is a notice whose
 * keys are all stock when it is `sameNotice` (its figures and its own wording).
 */
function withoutStockPassages<P extends Passage>(
  passages: P[],
  corpus: CorpusEvidence | undefined,
  sameFigures: () => boolean,
  wholeText: (p: P) => boolean,
  sameNotice: () => boolean,
): { passages: P[]; stockPassages: number } {
  if (!corpus) return { passages, stockPassages: 0 };
  const kept = passages.filter((p) => {
    const keys = keysWithin(corpus, p.page);
    if (keys.distinctive === 0) return keys.stock === 0 || sameNotice();
    const short = p.page[1] - p.page[0] < MIN_COPY_CHARS;
    if (!short || keys.distinctive >= FEW_DISTINCTIVE || keys.stock < STOCK_DOMINATES * keys.distinctive || wholeText(p)) return true;
    // A short notice printed from a template is a copy when it gives the same figures, a sibling when it does not.
    return sameFigures();
  });
  return { passages: kept, stockPassages: passages.length - kept.length };
}

/** The two texts give the same figures: at least MIN_SAME_FIGURES, and most of those the text with fewer gives. */
function figuresAgree(input: RelationInput): boolean {
  const figures = sharedFigures(input.page, input.source);
  return figures.shared >= MIN_SAME_FIGURES && figures.shared >= SAME_FIGURES * figures.fewest;
}

/** Share of word triples kept unchanged above which shared passages are reused text rather than the same facts retold. */
const REUSED_WORDING = 0.5;
/** A shared passage mostly inside quotation marks is a quotation: independent reports quote the same words. */
const MOSTLY_QUOTED = 0.5;

/** Share of a page span inside top-level quotation marks. */
function quotedShare(text: string, [start, end]: readonly [number, number]): number {
  if (end <= start) return 0;
  let quoted = 0;
  for (const quote of topLevelQuotes(text.slice(start, end))) quoted += quote.end - quote.start;
  return quoted / (end - start);
}

const MIN_SAME_FIGURES = 2;
const SAME_FIGURES = 0.75;

interface CopyExtent {
  extent: number;
  share: number;
  /** The words' order alone shows the extent: no sentence kept enough of its wording to pair. */
  order?: SharedSequence;
}

/**
 * Which way the shared text makes a copy — most of the page, or nearly all of the record — and whether the two are one
 * text: their wording, or the corpus, must say so beyond what stories on one subject share. Null when not a copy.
 */
function copyExtent(input: RelationInput, pageCoverage: number, sourceCoverage: number, kept: number): CopyExtent | null {
  const { corpus, wording, crossLanguage } = input;
  // Across languages few keys are shared (names, numbers): the aligned extent decides.
  if (crossLanguage) return pageCoverage >= COPY_PAGE_EXTENT || sourceCoverage >= COPY_RECORD_EXTENT ? { extent: Math.max(pageCoverage, sourceCoverage), share: 1 } : null;
  if (kept < EDITED_WORDING) return rewriteExtent(input, pageCoverage, sourceCoverage);
  const oneText = (keyShare: number | undefined, distinctive: number | undefined) => (keyShare ?? 1) >= SAME_TEXT_SHARE || (distinctive ?? 1) >= SAME_TEXT_WORDING;
  const pagePath = pageCoverage >= COPY_PAGE_EXTENT && oneText(corpus?.pageShare, wording?.page);
  const recordPath = sourceCoverage >= COPY_RECORD_EXTENT && oneText(corpus?.recordShare, wording?.record);
  if (!pagePath && !recordPath) return null;
  return { extent: pagePath ? pageCoverage : sourceCoverage, share: Math.max(SAME_TEXT_WORDING, (pagePath ? wording?.page : wording?.record) ?? 1) };
}

/**
 * A rewrite keeps little wording, so it is told from a story on the same subject by evidence on both sides: the
 * shared text covers most of each, and each holds a good share of the other's distinctive keys and word pairs. On
 * Reuters, stories on one subject that pass one side's bar (a follow-up repeating a short story's facts, one outlet's
 * template notices) fail the other's.
 */
function rewriteExtent(input: RelationInput, pageCoverage: number, sourceCoverage: number): CopyExtent | null {
  const { corpus, wording } = input;
  const keys = !corpus || (corpus.pageShare >= SAME_TEXT_SHARE && corpus.recordShare >= REWRITE_RECORD_SHARE);
  const words = !wording || (wording.page >= SAME_TEXT_WORDING && wording.record >= SAME_TEXT_WORDING);
  const fewKeys = !(keys && words);
  if (fewKeys && !keptFewKeys(corpus, wording)) return null;
  if (!keepsFigures(input) && !editedFigures(corpus, wording)) return null;
  // A rewrite keeps its source's order, however many words it swaps; a story retelling the same facts tells them in
  // its own order. Swapped words also break a heavy rewrite's sentence passages: the order then shows its extent.
  // Without an order to read (no sequence given, or too long to compare) the aligned passages must cover both texts.
  const sequence = input.sequence?.() ?? null;
  if (fewKeys && !(sequence && inOrder(sequence, CLOSE_ORDER_HIGHER, CLOSE_ORDER_LOWER))) return null;
  const aligned = pageCoverage >= COPY_PAGE_EXTENT && sourceCoverage >= COPY_PAGE_EXTENT;
  if (sequence === null) return aligned ? { extent: Math.min(pageCoverage, sourceCoverage), share: Math.min(wording?.page ?? 1, wording?.record ?? 1) } : null;
  // Page furniture left in either text (a newsletter prompt, related links) dilutes its side: the fuller side must
  // pass the higher bar, the other the lower.
  if (!inOrder(sequence, REWRITE_SEQUENCE_HIGHER, REWRITE_SEQUENCE_LOWER)) return null;
  const spread = input.spread?.() ?? null;
  if (spread && Math.max(spread.page, spread.source) < REWRITE_SPREAD) return null;
  const extent = Math.max(Math.min(pageCoverage, sourceCoverage), Math.min(sequence.page, sequence.source));
  return { extent, share: Math.min(wording?.page ?? 1, wording?.record ?? 1) };
}

/**
 * A heavy rewrite of a short story may leave no sentence close enough to pair (a quarter of its words swapped, runs
 * shuffled), while its words still follow the story's order and it keeps the story's distinctive keys and word pairs:
 * the rewrite bars, read on the whole texts. Passages dropped as stock phrases say the corpus prints these words often,
 * and then the order proves nothing. On the benchmark's queries this named the original of 1 more heavy rewrite of 100
 * at 10,000 stories and 3 more at 30,000, and no candidate of another story (about 5,500 at each size) passed.
 */
function rewordedThroughout(input: RelationInput): CopyExtent | null {
  const extent = rewriteExtent(input, 0, 0);
  const order = input.sequence?.() ?? null;
  return extent && order ? { ...extent, order } : null;
}

/**
 * A short story holds few keys that few other stored stories hold (a dividend notice, a one-paragraph item), so a heavy
 * rewrite of one keeps too few of them for the key bars above. Its words in the same order, over half of one text and
 * close to half of the other, say it is the same text when it also keeps a few distinctive keys and word pairs (stories
 * on one subject keep a median 0.32 of the page's words in order; template notices keep more, but hold no distinctive
 * key or word pair). The lower bar is set above a follow-up at 100,000 stories that retold a short notice's facts three
 * months later with 3 distinctive keys and kept 0.54 and 0.43 of the two texts in order; at 0.35 it was called a
 * rewrite. On the benchmark's queries this names the original of 7 more heavy rewrites of 100 at 10,000 stories and 4
 * more at 30,000, with no new copy claim on the 5,500 candidates of other stories at each size.
 */
const CLOSE_ORDER_HIGHER = 0.5;
const CLOSE_ORDER_LOWER = 0.45;
const CLOSE_ORDER_DISTINCTIVE_KEYS = 3;
const CLOSE_ORDER_KEY_SHARE = 0.1;
const CLOSE_ORDER_WORDING = 0.08;

function keptFewKeys(corpus: CorpusEvidence | undefined, wording: DistinctiveWording | undefined): boolean {
  if (!corpus || !wording) return false;
  const keys = corpus.distinctive >= CLOSE_ORDER_DISTINCTIVE_KEYS && Math.max(corpus.pageShare, corpus.recordShare) >= CLOSE_ORDER_KEY_SHARE;
  return keys && Math.min(wording.page, wording.record) >= CLOSE_ORDER_WORDING;
}

/** The fuller side's content words follow the other text's order at `higher` or more, the other side's at `lower`. */
function inOrder(sequence: SharedSequence, higher: number, lower: number): boolean {
  return Math.max(sequence.page, sequence.source) >= higher && Math.min(sequence.page, sequence.source) >= lower;
}

/**
 * A rewrite tells the same facts: of the figures the texts give (both give at least MIN_FIGURES), a good share agree.
 * Recurring reports printed from one template (weekly tables, daily money-market notices) share their wording and
 * differ in little but their figures. Heavy rewrites of Reuters stories keep half their figures.
 */
function keepsFigures(input: RelationInput): boolean {
  const figures = sharedFigures(input.page, input.source);
  return figures.fewest < MIN_FIGURES || figures.shared >= REWRITE_FIGURES * figures.fewest;
}

const MIN_FIGURES = 4;
const REWRITE_FIGURES = 0.25;

/**
 * An edit that changed most of a story's figures (the last few words of it reworded too) is still the story when the
 * record holds most of the page's distinctive keys and both share much of each other's distinctive word pairs: issues
 * of a recurring report hold few of each other's distinctive keys (their template is stock) and their word pairs are
 * held by the other issues around the page. At 10,000, 30,000 and 100,000 stories of the benchmark, the candidates of
 * other stories that kept under a quarter of the figures held at most 0.35 of the page's distinctive keys with 0.37 of
 * the word pairs; an edited copy that kept 1 of its 5 figures held 0.71 and 0.58, its sibling copies 0.6 and 0.47. On
 * Reuters (`npm run eval:outlet`) two tables of one USDA series (soybeans, soybean meal) held 0.5 and 0.66: at 0.5 the
 * one was called a rewrite of the other, so the bar is above it.
 */
const EDITED_KEY_SHARE = 0.6;
const EDITED_PAIRS = 0.4;

function editedFigures(corpus: CorpusEvidence | undefined, wording: DistinctiveWording | undefined): boolean {
  return !!corpus && corpus.pageShare >= EDITED_KEY_SHARE && wordedAlike(wording, EDITED_PAIRS);
}

function copyResult(input: RelationInput, passages: RelationResult['passages'], measures: RelationMeasures, copy: CopyExtent): RelationResult {
  const { page, source } = input;
  const kept = measures.wordingKept;
  const wordForWord = input.crossLanguage ? 'translation' : kept >= VERBATIM_WORDING ? 'verbatim-copy' : kept >= EDITED_WORDING ? 'edited-copy' : 'rewrite';
  // Nearly every word kept is not word for word when a kept sentence now says something else.
  const meaningChange = wordForWord === 'verbatim-copy' ? (input.drift ?? []).find(changesMeaning) : undefined;
  const relation: Relation = meaningChange ? 'edited-copy' : wordForWord;
  const reasons = [
    copy.order
      ? descriptionOf('evidence_rewriteInOrder', { page: copy.order.page, source: copy.order.source })
      : describeCopy(relation, passages.length, measures.pageCoverage, measures.sourceCoverage, input.crossLanguage, page.lang, source.lang),
  ];
  if (meaningChange) reasons.push(descriptionOf('evidence_notVerbatim', { change: meaningChange.description }));
  if (measures.distinctiveKeys !== undefined) reasons.push(describeKeys(measures));
  const extent = copy.order ? copy.extent : Math.max(measures.pageCoverage, measures.sourceCoverage);
  const score = extent * (input.crossLanguage ? 1 : 0.5 + 0.5 * Math.max(kept, meanSimilarity(passages)));
  const direction = decideDirection({ ...input, passages }, measures.pageCoverage, measures.sourceCoverage);
  // Clearing the extent bar and the same-text bar twice over is sure; just clearing them is not.
  const certainty = Math.min(1, copy.extent / 0.9) * Math.min(1, copy.share / (2 * SAME_TEXT_WORDING));
  const result: RelationResult = { relation, score: round(score), direction: direction.direction, confidence: direction.confidence, certainty: round(certainty), ...withReasons([...reasons, ...direction.reasons]), passages, measures };
  if (relation === 'rewrite' && direction.machineTraces >= MACHINE_TRACES) result.machineTranslated = true;
  return result;
}

/**
 * Shared passages, same-story coverage, or unrelated texts. `passages` are the aligned ones without stock phrases;
 * only when they `shareText` (not one loose pairing of sentences on a topic) are they claimed as shared passages, but
 * any of them is a hint that two reports tell one story.
 */
function notACopy(input: RelationInput, aligned: RelationResult['passages'], shareText: boolean, measures: RelationMeasures, alignedChars: number): RelationResult {
  const passages = shareText ? aligned : [];
  const { page, source } = input;
  const unrelated = (reasons: Description[]): RelationResult => ({ relation: 'unrelated', score: 0, direction: 'unknown', confidence: 0, certainty: 0, ...withReasons(reasons), passages: [], measures });
  const stockNote = measures.stockPassages ? [descriptionOf('evidence_stockPassages', { count: measures.stockPassages })] : [];
  // Names, numbers and dates are costly to find; texts on different topics need not be searched for them.
  const topic = topicSimilarity(page, source);
  if (!passages.length && !input.crossLanguage && topic < MIN_SAME_STORY_TOPIC) {
    const passagesNote = alignedChars ? descriptionOf('evidence_unrelatedAligned', { chars: alignedChars, topic }) : descriptionOf('evidence_unrelatedNoPassages', { topic });
    return unrelated([passagesNote, ...stockNote]);
  }
  // Two reports of one story quote the same words and tell the same facts in their own: quotations, short passages
  // and loosely worded ones leave them the same story. Longer text in the same words, outside quotation marks, is
  // reuse, whatever else the two share.
  const unquoted = passages.filter((p) => quotedShare(page.text, p.page) < MOSTLY_QUOTED);
  const unquotedChars = unquoted.reduce((n, p) => n + (p.page[1] - p.page[0]), 0);
  const reuses = (unquoted.length >= 2 || unquotedChars >= MIN_COPY_CHARS) && !input.crossLanguage && wordingKept(input.page, input.source, unquoted) >= REUSED_WORDING;
  const shared = sharedFacts(page, source);
  measures.shared = shared;
  const sameStory = !reuses && isSameStory(shared, input.crossLanguage, publishedClose(page, source), aligned.length > 0, input.corpus?.distinctiveNames);
  if (sameStory) {
    const reasons = [describeShared(shared)];
    if (passages.length) reasons.push(describePassages(passages.length, measures));
    // Below any copy: half the scale, from shared names and topic words.
    const score = round(0.5 * (0.5 * Math.min(1, shared.names.length / 20) + 0.5 * shared.topic));
    return { relation: 'same-story', score, direction: 'unknown', confidence: 0, certainty: round(Math.min(1, shared.nameOverlap + shared.topic)), ...withReasons(reasons), passages, measures };
  }
  if (!passages.length) return unrelated([descriptionOf('evidence_unrelatedFewFacts', {}), ...stockNote]);
  const date = dateSignal(page, source);
  const reasons = [describePassages(passages.length, measures), ...(measures.distinctiveKeys !== undefined ? [describeKeys(measures)] : []), ...(date ? [date.reason] : [])];
  const score = round(0.5 * Math.max(measures.pageCoverage, measures.sourceCoverage) * (0.5 + 0.5 * meanSimilarity(passages)));
  const certainty = measures.distinctiveKeys === undefined ? 0.5 : Math.min(1, measures.distinctiveKeys / 8);
  return { relation: 'shared-passage', score, direction: 'unknown', confidence: 0, certainty: round(certainty), ...withReasons([...reasons, ...stockNote]), passages, measures };
}

function meanSimilarity(passages: { similarity?: number }[]): number {
  const values = passages.map((p) => p.similarity).filter((s): s is number => s !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The reasons, and the same in English for the command line and the server. */
function withReasons(reasons: Description[]): { reasons: Description[]; evidence: string[] } {
  return { reasons, evidence: reasons.map(inEnglish) };
}

/** One more reason for a relation already decided, in both forms. */
export function addReason(result: RelationClaim, reason: Description): void {
  result.reasons.push(reason);
  result.evidence.push(inEnglish(reason));
}

/**
 * The same story names the same people and places (a good share of either text's
 * names, not just a few common ones) and is about the same things. Texts on one
 * topic that tell different stories share a few names or words, rarely both.
 */
function isSameStory(shared: SharedFacts, crossLanguage: boolean, datesClose: boolean, sharesPassage: boolean, distinctiveNames = 0): boolean {
  if (shared.names.length < 5) return false;
  if (crossLanguage) return shared.nameOverlap >= 0.35;
  // Without dates, a handful of names and topic words is what any two pages on one subject
  // share: the same event names many of its actors, or the texts share some wording.
  if (!datesClose && !sharesPassage && shared.names.length < UNDATED_SAME_STORY_NAMES) return false;
  if (shared.nameOverlap < 0.25 || shared.topic < MIN_SAME_STORY_TOPIC) return false;
  // News of one event appears within days; undated texts need more in common: more of the same words, or many
  // names that few other stored articles mention (the same people and places, not the same country's news).
  if (datesClose) return shared.nameOverlap + shared.topic >= 0.7;
  return shared.nameOverlap + shared.topic >= 0.85 || distinctiveNames >= UNDATED_DISTINCTIVE_NAMES;
}

const CLOSE_DAYS = 7;
const UNDATED_SAME_STORY_NAMES = 10;
/**
 * Undated reports of one event: seed 001 and the independent Forbes, French and German reports share 10–16 names, all
 * distinctive in a corpus where they are the only reports of the story.
 */
const UNDATED_DISTINCTIVE_NAMES = 8;

function publishedClose(page: RelationSide, source: RelationSide): boolean {
  const a = Date.parse(page.published ?? '');
  const b = Date.parse(source.published ?? source.firstSeen ?? '');
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= CLOSE_DAYS * 86_400_000;
}

function describeShared(shared: SharedFacts): Description {
  const facts: Description[] = [descriptionOf('fact_names', { count: shared.names.length })];
  if (shared.numbers.length) facts.push(descriptionOf('fact_numbers', { count: shared.numbers.length }));
  if (shared.dates.length) facts.push(descriptionOf('fact_dates', { count: shared.dates.length }));
  return shared.topic ? descriptionOf('evidence_sameStoryTopic', { facts, topic: shared.topic }) : descriptionOf('evidence_sameStory', { facts });
}

function describePassages(n: number, measures: RelationMeasures): Description {
  return descriptionOf('evidence_sharedPassages', { count: n, page: measures.pageCoverage, source: measures.sourceCoverage });
}

/** A drift item that changes what the text says: anything but rewording, an added photo caption or a small edit. */
function changesMeaning(d: DriftItem): boolean {
  if (d.kind === 'reworded' || d.description.code === 'drift_captionAdded') return false;
  return d.severity >= MEANING_CHANGE_SEVERITY;
}

const MEANING_CHANGE_SEVERITY = 3;

function describeKeys(measures: RelationMeasures): Description {
  const count = measures.distinctiveKeys ?? 0;
  return measures.stockKeys ? descriptionOf('evidence_distinctiveKeysAndStock', { count, stock: measures.stockKeys }) : descriptionOf('evidence_distinctiveKeys', { count });
}

function describeCopy(relation: Relation, passages: number, page: number, source: number, cross: boolean, pageLang?: string, sourceLang?: string): Description {
  if (cross) return descriptionOf('evidence_translation', { from: sourceLang ?? '?', to: pageLang ?? '?', page, source, passages });
  const code = relation === 'verbatim-copy' ? 'evidence_verbatimCopy' : relation === 'edited-copy' ? 'evidence_editedCopy' : 'evidence_rewrite';
  return descriptionOf(code, { page, source, passages });
}

// ---------------------------------------------------------------- direction

interface Signal {
  /** Positive: the stored text is the original; negative: the page is. */
  weight: number;
  reason: Description;
  /** A trace that machine translation leaves (capitals inside names, stray quote marks, one garbled name for several). */
  machineTranslation?: boolean;
}

interface DirectionResult {
  direction: Direction;
  confidence: number;
  reasons: Description[];
  /** How many kinds of machine-translation trace one of the texts shows. */
  machineTraces: number;
}

function day(iso?: string): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;
}

function hasTime(iso?: string): boolean {
  return !!iso && /T\d{2}:\d{2}/.test(iso);
}

function dateSignal(page: RelationSide, source: RelationSide): Signal | null {
  const pageTime = page.published;
  const sourceTime = source.published ?? source.firstSeen;
  const pd = day(pageTime);
  const sd = day(sourceTime);
  if (!pd || !sd) return null;
  const dates = { stored: sd, page: pd };
  if (sd < pd) return { weight: 1, reason: descriptionOf(source.published ? 'evidence_publishedBefore' : 'evidence_firstSeenBefore', dates) };
  if (sd > pd) return { weight: -1, reason: descriptionOf(source.published ? 'evidence_publishedAfter' : 'evidence_firstSeenAfter', dates) };
  if (hasTime(pageTime) && hasTime(sourceTime)) {
    const dt = Date.parse(pageTime!) - Date.parse(sourceTime!);
    if (dt > 0) return { weight: 0.5, reason: descriptionOf('evidence_earlierSameDay', { time: sourceTime! }) };
    if (dt < 0) return { weight: -0.5, reason: descriptionOf('evidence_laterSameDay', { time: sourceTime! }) };
  }
  return null;
}

const CONTAINED = 0.85;
const HOLDS_MORE = 0.8;

/**
 * Where neither text says when it was written, the stored one at least existed before the page was checked: weak
 * evidence, which containment or a trace of machine translation can outweigh.
 */
function storedSignal(page: RelationSide, source: RelationSide): Signal | null {
  if (page.published || source.published) return null;
  const seen = day(source.firstSeen);
  // A stored article known only by when it was first seen is as undated as the page for this question.
  if (seen) return { weight: 0.4, reason: descriptionOf('evidence_undatedFirstSeen', { seen }) };
  return { weight: 0.4, reason: descriptionOf('evidence_undatedStored', {}) };
}

/**
 * The text that holds the other came first, as far as the texts tell: copies are cut to fit (syndication trims the
 * last paragraphs) more often than they grow. Dates, where there are any, outweigh it.
 */
function containmentSignal(pageCoverage: number, sourceCoverage: number): Signal | null {
  const shares = { page: pageCoverage, source: sourceCoverage };
  if (pageCoverage >= CONTAINED && sourceCoverage <= HOLDS_MORE * pageCoverage) return { weight: 0.4, reason: descriptionOf('evidence_pageContained', shares) };
  if (sourceCoverage >= CONTAINED && pageCoverage <= HOLDS_MORE * sourceCoverage) return { weight: -0.4, reason: descriptionOf('evidence_storedContained', shares) };
  return null;
}

/** Machine-translation traces present in one version only point to it as the later one. */
function textSignals(input: RelationInput): Signal[] {
  const signals: Signal[] = [];
  // Only the aligned text is compared: furniture around it has its own capitals and quotes.
  const pageAligned = input.passages.map((p) => input.page.text.slice(p.page[0], p.page[1])).join('\n');
  const sourceAligned = input.passages.map((p) => input.source.text.slice(p.source[0], p.source[1])).join('\n');
  const [pageWords, sourceWords] = [words(pageAligned), words(sourceAligned)];
  const pageTraces = artefacts(pageAligned, sourceAligned, pageWords, sourceWords);
  const sourceTraces = artefacts(sourceAligned, pageAligned, sourceWords, pageWords);
  const garbledNames = (input.drift ?? []).filter(
    (d) =>
      (d.kind === 'name' || d.kind === 'attribution') &&
      d.severity >= 4 &&
      /[A-Z]/.test(d.page.text) &&
      /[A-Z]/.test(d.source.text) &&
      nameSized(d.page.text) &&
      nameSized(d.source.text) &&
      !shortenedName(d.page.text, d.source.text),
  );
  const capitalised = pageTraces.capitalisedWords.length - sourceTraces.capitalisedWords.length;
  const quotedWords = (found: string[]) => found.slice(0, 3).map((word) => descriptionOf('word_quoted', { word }));
  if (capitalised > 0) signals.push({ machineTranslation: true, weight: 0.5, reason: descriptionOf('evidence_pageCapitalises', { words: quotedWords(pageTraces.capitalisedWords) }) });
  if (capitalised < 0) signals.push({ machineTranslation: true, weight: -0.5, reason: descriptionOf('evidence_storedCapitalises', { words: quotedWords(sourceTraces.capitalisedWords) }) });
  const broken = pageTraces.strayQuotes + pageTraces.brokenSentences - (sourceTraces.strayQuotes + sourceTraces.brokenSentences);
  if (broken > 0) signals.push({ machineTranslation: true, weight: 0.4, reason: descriptionOf('evidence_pageBrokenQuotes', {}) });
  if (broken < 0) signals.push({ machineTranslation: true, weight: -0.4, reason: descriptionOf('evidence_storedBrokenQuotes', {}) });
  const duplicated = garbledNames.filter((d) => repeatsGarble(input.page.text, d.page.text, input.source.text, d.source.text));
  const duplicatedInSource = garbledNames.filter((d) => repeatsGarble(input.source.text, d.source.text, input.page.text, d.page.text));
  if (duplicated.length > duplicatedInSource.length) {
    const [first, second] = duplicated.map((d) => descriptionOf('name_garbled', { name: d.source.text, garbled: d.page.text }));
    const reason = second ? descriptionOf('evidence_pageRepeatsGarbles', { first, second }) : descriptionOf('evidence_pageRepeatsGarble', { first });
    signals.push({ machineTranslation: true, weight: 0.5, reason });
  } else if (duplicatedInSource.length > duplicated.length) {
    const [first, second] = duplicatedInSource.map((d) => descriptionOf('name_garbled', { name: d.page.text, garbled: d.source.text }));
    const reason = second ? descriptionOf('evidence_storedRepeatsGarbles', { first, second }) : descriptionOf('evidence_storedRepeatsGarble', { first });
    signals.push({ machineTranslation: true, weight: -0.5, reason });
  }
  if (input.page.hasCaption && !input.source.hasCaption) signals.push({ weight: 0.2, reason: descriptionOf('evidence_pageAddsCaption', {}) });
  return signals;
}

/**
 * `text` repeats `name` where `other` has `otherName` once at most, and `other` never uses `name`: a garble. A name the
 * original itself repeats, changed in one place by an edit, is no trace (the copy still uses it elsewhere).
 */
function repeatsGarble(text: string, name: string, other: string, otherName: string): boolean {
  return occurrences(text, name) > 1 && occurrences(other, otherName) <= 1 && occurrences(other, name) === 0;
}

/** Words in the longest name a garbled-name trace compares ("Echo of Moscow radio"); a changed clause is no name. */
const MAX_NAME_WORDS = 6;

function nameSized(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_NAME_WORDS;
}

/** "Lyng" for "U.S. Agriculture Secretary Richard Lyng": a later, shorter mention of one name, not a garbled one. */
function shortenedName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.toLowerCase().includes(short.toLowerCase());
}

function occurrences(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

const CONFLICT = 0.9;
/** Kinds of machine-translation trace needed to say a rewrite was machine-translated. */
const MACHINE_TRACES = 2;

function decideDirection(input: RelationInput, pageCoverage: number, sourceCoverage: number): DirectionResult {
  const signals = [dateSignal(input.page, input.source) ?? storedSignal(input.page, input.source), containmentSignal(pageCoverage, sourceCoverage), ...textSignals(input)].filter(
    (s): s is Signal => s !== null,
  );
  const reasons = signals.map((s) => s.reason);
  const machineTraces = Math.max(...[1, -1].map((side) => signals.filter((s) => s.machineTranslation && Math.sign(s.weight) === side).length));
  const forOriginal = signals.filter((s) => s.weight > 0).reduce((n, s) => n + s.weight, 0);
  const forDerivative = -signals.filter((s) => s.weight < 0).reduce((n, s) => n + s.weight, 0);
  // Dates that disagree with strong text evidence (or strong text evidence both ways) leave the question open; a
  // single trace against a date a day or more apart does not: dates come first.
  if (forOriginal >= CONFLICT && forDerivative >= CONFLICT) return { direction: 'unknown', confidence: 0, reasons: [...reasons, descriptionOf('evidence_signalsDisagree', {})], machineTraces };
  const total = forOriginal - forDerivative;
  if (Math.abs(total) < 0.4) return { direction: 'unknown', confidence: 0, reasons: reasons.length ? reasons : [descriptionOf('evidence_noOrderSignals', {})], machineTraces };
  return { direction: total > 0 ? 'original' : 'derivative', confidence: round(Math.min(1, Math.abs(total) / 2)), reasons, machineTraces };
}
