/**
 * Reading a Report for people: which matches are versions of the article and which are other coverage, in what
 * order, and how relations, directions and drift kinds are said in words. Pure functions on plain data.
 */
import type { Direction, DriftItem, DriftKind, Match, Relation, Report } from '../../lib/types.ts';

const COPY_RELATIONS: ReadonlySet<Relation> = new Set(['verbatim-copy', 'edited-copy', 'rewrite', 'translation']);

/** Undated records sort after dated ones; ties keep the engine's order (best first). */
function byEarliest(a: Match, b: Match): number {
  const dateA = a.published ?? '\uffff';
  const dateB = b.published ?? '\uffff';
  return dateA < dateB ? -1 : dateA > dateB ? 1 : 0;
}

function comparableUrl(url: string): string {
  return url.trim().replace(/^https?:\/\/(www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
}

export function sameAddress(a: string, b: string): boolean {
  return comparableUrl(a) === comparableUrl(b);
}

/** Stored articles that are versions of the page (copies, rewrites, translations), earliest first. */
export function versionMatches(report: Report): Match[] {
  return report.matches.filter((match) => COPY_RELATIONS.has(match.relation)).sort(byEarliest);
}

/** Stored articles that share passages with the page without being versions of it: never the original, never counted. */
export function sharedPassageMatches(report: Report): Match[] {
  return report.matches.filter((match) => match.relation === 'shared-passage').sort(byEarliest);
}

/** Independent coverage of the same story: not copies, listed apart. */
export function sameStoryMatches(report: Report): Match[] {
  return report.matches.filter((match) => match.relation === 'same-story').sort(byEarliest);
}

export function originalMatch(report: Report): Match | null {
  return report.original === null ? null : (report.matches.find((match) => match.id === report.original) ?? null);
}

/** How the stored article stands to the page, from the page's point of view. */
export function directionInWords(direction: Direction): string {
  switch (direction) {
    case 'original':
      return 'earlier original';
    case 'derivative':
      return 'later derivative';
    default:
      return 'order unclear';
  }
}


/** A group of the drift list; the popup names it (extension/popup/relation-words.ts). */
export type DriftGroupId = 'quotes' | 'names' | 'figures' | 'flips' | 'attribution' | 'sentences' | 'reworded';

export interface DriftGroup {
  id: DriftGroupId;
  kinds: DriftKind[];
  items: DriftItem[];
}

/** Drift groups, most serious kind first. */
const GROUPS: { id: DriftGroupId; kinds: DriftKind[] }[] = [
  { id: 'quotes', kinds: ['quote'] },
  { id: 'names', kinds: ['name'] },
  { id: 'figures', kinds: ['number', 'date'] },
  { id: 'flips', kinds: ['negation', 'tense'] },
  { id: 'attribution', kinds: ['attribution'] },
  { id: 'sentences', kinds: ['added', 'dropped'] },
  { id: 'reworded', kinds: ['reworded'] },
];

export function groupDrift(drift: DriftItem[]): DriftGroup[] {
  return GROUPS.map(({ id, kinds }) => ({
    id,
    kinds,
    items: drift
      .filter((item) => kinds.includes(item.kind))
      .sort((a, b) => b.severity - a.severity || a.page.start - b.page.start),
  })).filter((group) => group.items.length > 0);
}

/**
 * An ISO date in the reader's locale ("16 Aug 2021", "Aug 16, 2021", "16. Aug. 2021"); the raw value when it does
 * not parse. `locale` is the browser's when absent.
 */
export function formatDate(iso: string | undefined, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The address shown for a link, without scheme and "www.". */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

/** Only web addresses become links: stored records are untrusted and could carry javascript: URLs. */
export function safeWebUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
