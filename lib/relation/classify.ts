/**
 * Relation between a page and a stored article (copy, edit, rewrite, translation,
 * same story, unrelated) and the direction the text travelled, each with the
 * reasons a person can check.
 */
import type { Direction, DriftItem, Passage, Relation } from '../types';
import { artefacts, coverage, sharedFacts, topicSimilarity, wordingKept, type SharedFacts } from './features';

export interface RelationSide {
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
}

export interface RelationResult {
  relation: Relation;
  score: number;
  direction: Direction;
  confidence: number;
  evidence: string[];
  /** The numbers behind the decision. */
  measures: { pageCoverage: number; sourceCoverage: number; wordingKept: number; shared?: SharedFacts };
}

/** Aligned page text needed for a copy relation, unless the passages cover much of the shorter text. */
export const MIN_COPY_CHARS = 250;
const MIN_COPY_COVERAGE = 0.3;
const CLOSE_SENTENCE = 0.6;
const LOOSE_WORDING = 0.06;
const LOOSE_SIMILARITY = 0.47;
const VERBATIM_WORDING = 0.97;
const MIN_SAME_STORY_TOPIC = 0.25;
const EDITED_WORDING = 0.6;

export function classifyRelation(input: RelationInput): RelationResult {
  const { page, source, passages } = input;
  const pageCoverage = coverage(passages.map((p) => p.page), page.bodyLength ?? page.text.length);
  const sourceCoverage = coverage(passages.map((p) => p.source), source.bodyLength ?? source.text.length);
  const alignedChars = passages.reduce((n, p) => n + (p.page[1] - p.page[0]), 0);
  // One loosely similar sentence (a quote both reports carry, reworded) does not make
  // a copy; several sentences, a long passage or one closely matching sentence do.
  const sentencePairs = passages.reduce((n, p) => n + (p.seeds ?? 1), 0);
  const closest = Math.max(0, ...passages.map((p) => p.similarity ?? 0));
  let isCopy =
    passages.length > 0 &&
    (alignedChars >= MIN_COPY_CHARS || Math.max(pageCoverage, sourceCoverage) >= MIN_COPY_COVERAGE || sentencePairs >= 2 || closest >= CLOSE_SENTENCE);
  let kept = isCopy && !input.crossLanguage ? wordingKept(page.text, source.text, passages) : 0;
  // Hardly a word triple in common and only loose similarity: texts on one topic, not one text.
  if (isCopy && !input.crossLanguage && kept < LOOSE_WORDING && meanSimilarity(passages) < LOOSE_SIMILARITY) {
    isCopy = false;
    kept = 0;
  }
  const measures: RelationResult['measures'] = { pageCoverage, sourceCoverage, wordingKept: kept };
  const evidence: string[] = [];
  if (!isCopy) {
    // Names, numbers and dates are costly to find; texts on different topics need not be searched for them.
    const topic = topicSimilarity(page.text, source.text, page.lang, source.lang);
    if (!input.crossLanguage && topic < MIN_SAME_STORY_TOPIC) {
      const passagesNote = passages.length ? `Shares only ${alignedChars} characters of aligned text` : 'No shared passages';
      return { relation: 'unrelated', score: 0, direction: 'unknown', confidence: 0, evidence: [`${passagesNote}; topic similarity ${percent(topic)}`], measures };
    }
    const shared = sharedFacts(page.text, source.text, page.lang, source.lang);
    measures.shared = shared;
    const sameStory = isSameStory(shared, input.crossLanguage, publishedClose(page, source), passages.length > 0);
    if (passages.length) evidence.push(`Shares only ${alignedChars} characters of aligned text (${passages.length} short passage${passages.length > 1 ? 's' : ''})`);
    if (!sameStory) return { relation: 'unrelated', score: 0, direction: 'unknown', confidence: 0, evidence: [...evidence, 'No shared passages and few shared facts'], measures };
    evidence.push(describeShared(shared));
    // Below any copy: half the scale, from shared names and topic words.
    const score = round(0.5 * (0.5 * Math.min(1, shared.names.length / 20) + 0.5 * shared.topic));
    return { relation: 'same-story', score, direction: 'unknown', confidence: 0, evidence, measures };
  }
  const relation: Relation = input.crossLanguage
    ? 'translation'
    : kept >= VERBATIM_WORDING
      ? 'verbatim-copy'
      : kept >= EDITED_WORDING
        ? 'edited-copy'
        : 'rewrite';
  evidence.push(describeCopy(relation, passages.length, pageCoverage, sourceCoverage, kept, input.crossLanguage, page.lang, source.lang));
  const score = Math.max(pageCoverage, sourceCoverage) * (input.crossLanguage ? 1 : 0.5 + 0.5 * Math.max(kept, meanSimilarity(passages)));
  const direction = decideDirection(input, pageCoverage, sourceCoverage);
  return { relation, score: round(score), direction: direction.direction, confidence: direction.confidence, evidence: [...evidence, ...direction.evidence], measures };
}

function meanSimilarity(passages: { similarity?: number }[]): number {
  const values = passages.map((p) => p.similarity).filter((s): s is number => s !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * The same story names the same people and places (a good share of either text's
 * names, not just a few common ones) and is about the same things. Texts on one
 * topic that tell different stories share a few names or words, rarely both.
 */
function isSameStory(shared: SharedFacts, crossLanguage: boolean, datesClose: boolean, sharesPassage: boolean): boolean {
  if (shared.names.length < 5) return false;
  if (crossLanguage) return shared.nameOverlap >= 0.35;
  // Without dates, a handful of names and topic words is what any two pages on one subject
  // share: the same event names many of its actors, or the texts share some wording.
  if (!datesClose && !sharesPassage && shared.names.length < UNDATED_SAME_STORY_NAMES) return false;
  // News of one event appears within days; undated texts need more in common.
  const needed = datesClose ? 0.7 : 0.85;
  return shared.nameOverlap >= 0.25 && shared.topic >= MIN_SAME_STORY_TOPIC && shared.nameOverlap + shared.topic >= needed;
}

const CLOSE_DAYS = 7;
const UNDATED_SAME_STORY_NAMES = 10;

function publishedClose(page: RelationSide, source: RelationSide): boolean {
  const a = Date.parse(page.published ?? '');
  const b = Date.parse(source.published ?? source.firstSeen ?? '');
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= CLOSE_DAYS * 86_400_000;
}

function describeShared(shared: SharedFacts): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [count(shared.names.length, 'name')];
  if (shared.numbers.length) parts.push(count(shared.numbers.length, 'number'));
  if (shared.dates.length) parts.push(count(shared.dates.length, 'date'));
  const topic = shared.topic ? `, topic similarity ${percent(shared.topic)}` : '';
  return `Same story, no copied passages: shares ${parts.join(', ')}${topic}`;
}

function describeCopy(relation: Relation, n: number, pageCoverage: number, sourceCoverage: number, kept: number, cross: boolean, pageLang?: string, sourceLang?: string): string {
  const where = `${n} aligned passage${n > 1 ? 's cover' : ' covers'} ${percent(pageCoverage)} of the page and ${percent(sourceCoverage)} of the stored text`;
  if (cross) return `Translation (${sourceLang ?? '?'} / ${pageLang ?? '?'}): ${where}, matched through names, numbers and cognates`;
  const label = relation === 'verbatim-copy' ? 'Verbatim copy' : relation === 'edited-copy' ? 'Edited copy' : 'Rewrite';
  return `${label}: ${where}; ${percent(kept)} of the page's word triples are unchanged`;
}

// ---------------------------------------------------------------- direction

interface Signal {
  /** Positive: the stored text is the original; negative: the page is. */
  weight: number;
  evidence: string;
}

interface DirectionResult {
  direction: Direction;
  confidence: number;
  evidence: string[];
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
  const sourceLabel = source.published ? 'published' : 'first seen';
  const pd = day(pageTime);
  const sd = day(sourceTime);
  if (!pd || !sd) return null;
  if (sd < pd) return { weight: 1, evidence: `The stored article was ${sourceLabel} ${sd}, before the page (${pd})` };
  if (sd > pd) return { weight: -1, evidence: `The stored article was ${sourceLabel} ${sd}, after the page (${pd})` };
  if (hasTime(pageTime) && hasTime(sourceTime)) {
    const dt = Date.parse(pageTime!) - Date.parse(sourceTime!);
    if (dt > 0) return { weight: 0.5, evidence: `The stored article is from earlier the same day (${sourceTime})` };
    if (dt < 0) return { weight: -0.5, evidence: `The stored article is from later the same day (${sourceTime})` };
  }
  return null;
}

function containmentSignal(pageCoverage: number, sourceCoverage: number): Signal | null {
  if (pageCoverage >= 0.8 && sourceCoverage <= 0.5) return { weight: 0.4, evidence: `The page is contained in the stored article (${percent(pageCoverage)} of the page is aligned, ${percent(sourceCoverage)} of the stored text)` };
  if (sourceCoverage >= 0.8 && pageCoverage <= 0.5) return { weight: -0.4, evidence: `The stored article is contained in the page (${percent(sourceCoverage)} of it is aligned, ${percent(pageCoverage)} of the page)` };
  return null;
}

/** Machine-translation traces present in one version only point to it as the later one. */
function textSignals(input: RelationInput): Signal[] {
  const signals: Signal[] = [];
  // Only the aligned text is compared: furniture around it has its own capitals and quotes.
  const pageAligned = input.passages.map((p) => input.page.text.slice(p.page[0], p.page[1])).join('\n');
  const sourceAligned = input.passages.map((p) => input.source.text.slice(p.source[0], p.source[1])).join('\n');
  const pageTraces = artefacts(pageAligned, sourceAligned);
  const sourceTraces = artefacts(sourceAligned, pageAligned);
  const garbledNames = (input.drift ?? []).filter((d) => (d.kind === 'name' || d.kind === 'attribution') && d.severity >= 4 && /[A-Z]/.test(d.page.text) && /[A-Z]/.test(d.source.text));
  const capitalised = pageTraces.capitalisedWords.length - sourceTraces.capitalisedWords.length;
  if (capitalised > 0) signals.push({ weight: 0.5, evidence: `The page capitalises common words inside names (${pageTraces.capitalisedWords.slice(0, 3).map((w) => `“${w}”`).join(', ')}), a machine-translation trace` });
  if (capitalised < 0) signals.push({ weight: -0.5, evidence: `The stored text capitalises common words inside names (${sourceTraces.capitalisedWords.slice(0, 3).map((w) => `“${w}”`).join(', ')}), a machine-translation trace` });
  const broken = pageTraces.strayQuotes + pageTraces.brokenSentences - (sourceTraces.strayQuotes + sourceTraces.brokenSentences);
  if (broken > 0) signals.push({ weight: 0.4, evidence: `The page has misplaced quote marks or broken sentences the stored text does not have` });
  if (broken < 0) signals.push({ weight: -0.4, evidence: `The stored text has misplaced quote marks or broken sentences the page does not have` });
  const duplicated = garbledNames.filter((d) => occurrences(input.page.text, d.page.text) > 1 && occurrences(input.source.text, d.source.text) <= 1);
  const duplicatedInSource = garbledNames.filter((d) => occurrences(input.source.text, d.source.text) > 1 && occurrences(input.page.text, d.page.text) <= 1);
  if (duplicated.length > duplicatedInSource.length) {
    signals.push({ weight: 0.5, evidence: `The page repeats a garbled name where the stored text has distinct ones: ${duplicated.slice(0, 2).map((d) => `“${d.source.text}” → “${d.page.text}”`).join('; ')}` });
  } else if (duplicatedInSource.length > duplicated.length) {
    signals.push({ weight: -0.5, evidence: `The stored text repeats a garbled name where the page has distinct ones: ${duplicatedInSource.slice(0, 2).map((d) => `“${d.page.text}” → “${d.source.text}”`).join('; ')}` });
  }
  if (input.page.hasCaption && !input.source.hasCaption) signals.push({ weight: 0.2, evidence: 'The page adds a photo caption to the text' });
  return signals;
}

function occurrences(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

function decideDirection(input: RelationInput, pageCoverage: number, sourceCoverage: number): DirectionResult {
  const signals = [dateSignal(input.page, input.source), containmentSignal(pageCoverage, sourceCoverage), ...textSignals(input)].filter((s): s is Signal => s !== null);
  const evidence = signals.map((s) => s.evidence);
  const forOriginal = signals.filter((s) => s.weight > 0).reduce((n, s) => n + s.weight, 0);
  const forDerivative = -signals.filter((s) => s.weight < 0).reduce((n, s) => n + s.weight, 0);
  // Dates that disagree with the text evidence (or text evidence both ways) leave the question open.
  if (forOriginal >= 0.5 && forDerivative >= 0.5) return { direction: 'unknown', confidence: 0, evidence: [...evidence, 'The signals disagree about which version came first'] };
  const total = forOriginal - forDerivative;
  if (Math.abs(total) < 0.4) return { direction: 'unknown', confidence: 0, evidence: evidence.length ? evidence : ['No dates or text traces show which version came first'] };
  return { direction: total > 0 ? 'original' : 'derivative', confidence: round(Math.min(1, Math.abs(total) / 2)), evidence };
}
