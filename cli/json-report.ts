import type { DriftItem, DriftKind, Direction, Match, PageArticle, Relation, Report } from '../lib/types.ts';
import { jsonLineage, type JsonLineage } from './lineage-report.ts';
import { jsonQuotes, type JsonQuoteTrail } from './quotes-report.ts';

/**
 * The --json output for one input. Absent metadata is null (and absent lists are empty) rather than missing,
 * so every object has the same keys. Offsets are [start, end) into article.text and into the record's text.
 */
export interface JsonReport {
  input: string;
  article: {
    title: string | null;
    byline: string | null;
    siteName: string | null;
    publishedTime: string | null;
    modifiedTime: string | null;
    url: string | null;
    lang: string | null;
    text: string;
    captions: string[];
    furniture: string[];
  };
  matches: JsonMatch[];
  drift: JsonDrift[];
  original: string | null;
  /** True when a cost limit cut the alignment short: the drift list may be incomplete. */
  truncated: boolean;
  /** Stored articles a correction in the corpus says are not versions of this page: left out of `matches`. */
  corrected: { id: string; title: string | null; site: string | null; url: string | null }[];
  /** Who copied whom among the versions, the page included (null when the check did not relate them). */
  lineage: JsonLineage | null;
  /** The page's quotations followed through its versions, earliest first, with who each version says said them. */
  quotes: JsonQuoteTrail[];
}

export interface JsonMatch {
  id: string;
  relation: Relation;
  score: number;
  direction: Direction;
  confidence: number;
  evidence: string[];
  title: string | null;
  site: string | null;
  url: string | null;
  published: string | null;
  lang: string | null;
  passages: { page: [number, number]; source: [number, number] }[];
}

export interface JsonDrift {
  kind: DriftKind;
  severity: number;
  summary: string;
  page: { text: string; start: number; end: number };
  source: { id: string; text: string; start: number; end: number };
}

export interface JsonInputError {
  input: string;
  error: string;
}

export function toJsonReport(input: string, report: Report): JsonReport {
  return {
    input,
    article: jsonArticle(report.article),
    matches: report.matches.map(jsonMatch),
    drift: report.drift.map(jsonDrift),
    original: report.original ?? null,
    truncated: report.comparison?.truncated ?? false,
    corrected: report.corrected.map(({ id, title, site, url }) => ({ id, title: title ?? null, site: site ?? null, url: url ?? null })),
    lineage: jsonLineage(report.lineage),
    quotes: jsonQuotes(report.quotes),
  };
}

function jsonArticle(article: PageArticle): JsonReport['article'] {
  return {
    title: article.title ?? null,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null,
    modifiedTime: article.modifiedTime ?? null,
    url: article.url ?? null,
    lang: article.lang ?? null,
    text: article.text,
    captions: article.captions ?? [],
    furniture: article.furniture ?? [],
  };
}

function jsonMatch(match: Match): JsonMatch {
  return {
    id: match.id,
    relation: match.relation,
    score: round(match.score),
    direction: match.direction,
    confidence: round(match.confidence),
    evidence: match.evidence ?? [],
    title: match.title ?? null,
    site: match.site ?? null,
    url: match.url ?? null,
    published: match.published ?? null,
    lang: match.lang ?? null,
    passages: match.passages.map((passage) => ({
      page: [passage.page[0], passage.page[1]],
      source: [passage.source[0], passage.source[1]],
    })),
  };
}

function jsonDrift(item: DriftItem): JsonDrift {
  return {
    kind: item.kind,
    severity: item.severity,
    summary: item.summary,
    page: { text: item.page.text, start: item.page.start, end: item.page.end },
    source: { id: item.source.id, text: item.source.text, start: item.source.start, end: item.source.end },
  };
}

/** Scores carry no meaning past three decimals; rounding keeps the output readable and diffable. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
