import type { CorrectedRecord, Direction, DriftItem, DriftKind, Match, Report } from '../lib/types.ts';
import { relationInWords, sharedWordingInWords, whyLines } from '../lib/relation/words.ts';
import { lineageLines } from './lineage-report.ts';
import { quoteLines } from './quotes-report.ts';

/** Groups are ordered by their most serious item; equal groups follow this order (meaning-bearing kinds first). */
const KIND_ORDER: DriftKind[] = [
  'negation',
  'number',
  'date',
  'name',
  'quote',
  'attribution',
  'tense',
  'dropped',
  'added',
  'reworded',
];

const KIND_TITLES: Record<DriftKind, string> = {
  negation: 'Negation',
  number: 'Numbers',
  date: 'Dates',
  name: 'Names',
  quote: 'Quotes',
  attribution: 'Attribution',
  tense: 'Tense',
  dropped: 'Dropped',
  added: 'Added',
  reworded: 'Reworded',
};

const DIRECTION_WORDS: Record<Direction, string> = {
  original: 'earlier: this page derives from it',
  derivative: 'later: derived from this page',
  unknown: 'direction unknown',
};

const QUOTE_LIMIT = 160;

export interface TextReportContext {
  input: string;
  corpusSize: number;
}

/** A summary for a person reading a terminal. Every line is plain text: page and corpus content is never interpreted. */
export function formatTextReport(report: Report, context: TextReportContext): string {
  const lines: string[] = [];
  lines.push(headline(report, context.input));
  lines.push('');

  const original = report.original ? report.matches.find((match) => match.id === report.original) : undefined;
  if (original) {
    lines.push(`Original: ${describeRecord(original)}`);
    lines.push(`  This page is ${article(relationInWords(original))} of it (${sharedWordingInWords(original) ?? `${percent(original.score)} shared`}).`);
    if (original.url) lines.push(`  ${original.url}`);
  } else {
    lines.push('Original unknown: no stored article is an earlier version of this page.');
    const derived = report.matches.filter((match) => isVersion(match) && match.direction === 'derivative').length;
    if (derived > 0) lines.push(`  ${derived === 1 ? '1 stored version derives' : `${derived} stored versions derive`} from this page (listed below).`);
  }

  const versions = report.matches.filter(isVersion);
  const sharing = report.matches.filter((match) => match.relation === 'shared-passage');
  const sameStory = report.matches.filter((match) => match.relation === 'same-story');

  lines.push('');
  if (versions.length > 0) {
    lines.push('Versions, earliest first:');
    for (const match of byPublication(versions)) {
      const role = match.id === report.original ? 'the original' : DIRECTION_WORDS[match.direction];
      lines.push(`  ${describeDated(match)}`);
      lines.push(`      ${relationInWords(match)}; ${role}`);
      lines.push(...why(match));
    }
  } else {
    lines.push('Versions: none in the corpus.');
  }

  const lineage = lineageLines(report.lineage, oneLine);
  if (lineage.length > 0) lines.push('', ...lineage);

  if (sharing.length > 0) {
    lines.push('');
    lines.push('Shares passages with (a quotation, a sentence or a paragraph; not versions of this page):');
    for (const match of byPublication(sharing)) {
      lines.push(`  ${describeDated(match)}`);
      lines.push(...why(match));
    }
  }

  if (sameStory.length > 0) {
    lines.push('');
    lines.push('Same story, reported independently (not copies):');
    for (const match of byPublication(sameStory)) lines.push(`  ${describeDated(match)}`);
  }

  if (report.corrected.length > 0) {
    lines.push('');
    lines.push('Marked not a version of this page (a correction in the corpus; left out above):');
    for (const record of report.corrected) lines.push(`  ${describeCorrected(record)}`);
  }

  if (report.matches.length === 0) {
    lines.push('');
    lines.push(`No related article among the ${context.corpusSize.toLocaleString('en-US')} stored.`);
  }

  const drift = formatDrift(report);
  if (drift.length > 0) lines.push('', ...drift);
  const quotes = quoteLines(report.quotes, oneLine);
  if (quotes.length > 0) lines.push('', ...quotes);
  const setAside = formatSetAside(report);
  if (setAside.length > 0) lines.push('', ...setAside);
  return `${lines.join('\n')}\n`;
}

const COPY_RELATIONS = new Set(['verbatim-copy', 'edited-copy', 'rewrite', 'translation']);

function isVersion(match: Match): boolean {
  return COPY_RELATIONS.has(match.relation);
}

/** The reasons behind a match, one per line, as the popup's "Why" shows them. */
function why(match: Match): string[] {
  return whyLines(match).map((line) => `      · ${oneLine(line)}`);
}

/** What extraction kept out of the compared text, so a reader sees it was left out on purpose, not missed. */
function formatSetAside(report: Report): string[] {
  const { furniture = [], captions = [] } = report.article;
  const lines: string[] = [];
  if (furniture.length > 0) {
    lines.push(`Set aside as page furniture (${furniture.length}; not compared):`);
    for (const piece of furniture) lines.push(`  ${quoteOrNothing(piece)}`);
  }
  if (captions.length > 0) {
    lines.push(`Captions (${captions.length}; kept apart from the text):`);
    for (const caption of captions) lines.push(`  ${quoteOrNothing(caption)}`);
  }
  return lines;
}

function headline(report: Report, input: string): string {
  const { title, siteName, publishedTime } = report.article;
  const details = [siteName, publishedTime && dateOnly(publishedTime)].filter(Boolean).join(', ');
  let line = input;
  if (title) line += ` — “${oneLine(title)}”`;
  if (details) line += ` (${details})`;
  return line;
}

function formatDrift(report: Report): string[] {
  if (report.drift.length === 0) {
    return report.comparison ? ['Drift: none found.'] : [];
  }
  const sourceId = report.comparison?.sourceId ?? report.drift[0].source.id;
  const lines = [`${driftHeading(report, sourceId)}, most serious first:`];
  for (const [kind, items] of groupDrift(report.drift)) {
    lines.push(`  ${KIND_TITLES[kind]} (${items.length})`);
    for (const item of items) {
      lines.push(`    [severity ${item.severity}] ${oneLine(item.summary)}`);
      lines.push(`      page:   ${quoteOrNothing(item.page.text)}`);
      lines.push(`      source: ${quoteOrNothing(item.source.text)}`);
    }
  }
  if (report.comparison?.truncated) {
    lines.push('  (The texts were too long or too different to align fully; this list may be incomplete.)');
  }
  return lines;
}

/** Says which way the listed differences run: the page may be the original of the version it is compared with. */
function driftHeading(report: Report, sourceId: string): string {
  if (sourceId === report.original) return `Drift from the original (${sourceId})`;
  const direction = report.matches.find((match) => match.id === sourceId)?.direction;
  if (direction === 'derivative') return `Differences from ${sourceId}, a later version derived from this page`;
  return `Differences from the closest version (${sourceId}; which came first is unknown)`;
}

/** Drift grouped by kind: groups by their most serious item, items by severity then by position in the page. */
export function groupDrift(drift: DriftItem[]): [DriftKind, DriftItem[]][] {
  const groups = new Map<DriftKind, DriftItem[]>();
  for (const item of drift) {
    const group = groups.get(item.kind) ?? [];
    group.push(item);
    groups.set(item.kind, group);
  }
  for (const items of groups.values()) {
    items.sort((a, b) => b.severity - a.severity || a.page.start - b.page.start);
  }
  return [...groups.entries()].sort(
    ([kindA, itemsA], [kindB, itemsB]) =>
      itemsB[0].severity - itemsA[0].severity || KIND_ORDER.indexOf(kindA) - KIND_ORDER.indexOf(kindB),
  );
}

function byPublication(matches: Match[]): Match[] {
  // Compared as instants: "10:07-04:00" is earlier than "14:42Z". Undated versions go last, their place unknown.
  const instant = (match: Match) => (match.published ? Date.parse(match.published) : Number.NaN);
  return [...matches].sort((a, b) => {
    const [timeA, timeB] = [instant(a), instant(b)];
    if (Number.isNaN(timeA) || Number.isNaN(timeB)) return (Number.isNaN(timeA) ? 1 : 0) - (Number.isNaN(timeB) ? 1 : 0);
    return timeA - timeB;
  });
}

function describeRecord(match: Match): string {
  const parts = [match.site, match.published && dateOnly(match.published)].filter(Boolean).join(', ');
  const title = match.title ? `“${oneLine(match.title)}”` : '(untitled)';
  return `${parts ? `${parts} — ` : ''}${title} [${match.id}]`;
}

function describeDated(match: Match): string {
  const date = match.published ? dateOnly(match.published) : 'undated   ';
  const title = match.title ? `“${oneLine(match.title)}”` : '(untitled)';
  return `${date}  ${match.site ? `${match.site} — ` : ''}${title} [${match.id}]`;
}

function describeCorrected(record: CorrectedRecord): string {
  const title = record.title ? `“${oneLine(record.title)}”` : '(untitled)';
  return `${record.site ? `${oneLine(record.site)} — ` : ''}${title} [${record.id}]`;
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

function quoteOrNothing(text: string): string {
  const flat = oneLine(text);
  if (flat === '') return '(nothing)';
  return `“${flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT - 1)}…` : flat}”`;
}

/** Collapses line breaks and runs of whitespace, and drops control characters, so quoted text cannot break the layout. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
