/**
 * The one sentence that answers the reader's question before anything else: where this article came from, what
 * changed on the way, or plainly that nothing is known. Pure: the popup renders it, the tests read it as text.
 */
import type { DriftItem, DriftKind, Match, Report } from '../../lib/types.ts';
import type { PageHistory } from '../shared/protocol.ts';
import { originalMatch, sameStoryMatches, sharedPassageMatches, versionMatches } from '../shared/report-view.ts';
import { t, tn, uiLanguage, type PluralKey } from './messages.ts';
import { publisherName } from './version-card.ts';
import { relationName } from './relation-words.ts';

/** Which answer the page got; the popup marks its summary with it (styles and tests read it). */
export type AnswerState = 'copy' | 'stored' | 'earliest' | 'unclear' | 'same-story' | 'shared-passages' | 'unknown';

export interface AnswerSummary {
  state: AnswerState;
  /** The answer in one sentence. */
  headline: string;
  /** A second sentence when the page is also in the reader's corpus and the headline is about its original. */
  detail: string | null;
}

/** The kinds of change counted in the headline, most serious first (the drift list's order). */
const CHANGE_KINDS: DriftKind[] = ['quote', 'name', 'number', 'date', 'negation', 'tense', 'attribution', 'dropped', 'added', 'reworded'];

/** Kinds named in the headline; the rest are counted ("and 4 more"). */
const KINDS_NAMED = 3;

export interface SummaryOptions {
  /** The reader's locale for dates (the browser's when absent). */
  locale?: string;
  /** Today, to leave the year out of this year's dates. */
  now?: Date;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "16 Aug", or "16 Aug 2021" for another year, in the reader's locale. Publication days are UTC calendar days. */
export function shortDate(iso: string | undefined, options: SummaryOptions = {}, timeZone: string | undefined = 'UTC'): string | null {
  if (!iso) return null;
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return null;
  const now = options.now ?? new Date();
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(options.locale ?? uiLanguage(), { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric', timeZone }).format(date);
}

/** "3 changes: a quote, a number, a name"; "no change in wording" for a verbatim copy. */
export function changesInWords(drift: readonly DriftItem[]): string {
  if (drift.length === 0) return t('changesNone');
  const counted = CHANGE_KINDS.map((kind) => {
    const n = drift.filter((item) => item.kind === kind).length;
    return n === 0 ? null : tn(`kind_${kind}` as PluralKey, n);
  }).filter((words): words is string => words !== null);
  const named = counted.slice(0, KINDS_NAMED);
  const others = counted.length - named.length;
  const list = new Intl.ListFormat(uiLanguage(), { type: 'unit' }).format(named);
  return tn('changes', drift.length, { kinds: others > 0 ? t('kindsAndOthers', { named: list, others: tn('otherKinds', others) }) : list });
}

function storedSentence(history: PageHistory | null, options: SummaryOptions): string | null {
  if (!history?.currentId) return null;
  const version = history.versions.find((candidate) => candidate.id === history.currentId);
  const stored = shortDate(version?.firstSeen, options, undefined);
  return stored ? t('storedOn', { date: stored }) : t('storedUndated');
}

function copyHeadline(original: Match, report: Report, options: SummaryOptions): string {
  const published = shortDate(original.published, options);
  const drift = report.comparison?.sourceId === original.id ? report.comparison.drift : report.drift;
  const values = { relation: capitalised(relationName(original)), publisher: publisherName(original), changes: changesInWords(drift) };
  return published ? t('summaryCopy', { ...values, date: published }) : t('summaryCopyUndated', values);
}

/** What else is known besides the page's own copy: "no other version known", "2 later versions known". */
function othersKnown(versions: Match[], sameStory: number): string {
  const later = versions.filter((match) => match.direction === 'derivative').length;
  const copies = versions.length === 0 ? t('noOtherVersion') : later === versions.length ? tn('laterVersionsKnown', later) : tn('otherVersionsKnown', versions.length);
  return sameStory > 0 ? t('knownWithSameStory', { copies, reports: tn('otherReportsOfStory', sameStory) }) : copies;
}

export function summariseAnswer(report: Report, history: PageHistory | null, options: SummaryOptions = {}): AnswerSummary {
  const original = originalMatch(report);
  const stored = storedSentence(history, options);
  if (original) return { state: 'copy', headline: copyHeadline(original, report, options), detail: stored ? t('storedDetail', { stored }) : null };
  const versions = versionMatches(report);
  const sameStory = sameStoryMatches(report).length;
  if (stored) return { state: 'stored', headline: t('summaryStored', { stored, known: othersKnown(versions, sameStory) }), detail: null };
  if (versions.length > 0) {
    const later = versions.filter((match) => match.direction === 'derivative').length;
    return later === versions.length
      ? { state: 'earliest', headline: tn('summaryEarliest', later), detail: null }
      : { state: 'unclear', headline: tn('summaryUnclear', versions.length), detail: null };
  }
  if (sameStory > 0) return { state: 'same-story', headline: tn('summarySameStory', sameStory), detail: null };
  const sharing = sharedPassageMatches(report).length;
  if (sharing > 0) return { state: 'shared-passages', headline: tn('summarySharedPassages', sharing), detail: null };
  return { state: 'unknown', headline: t('summaryUnknown'), detail: null };
}
