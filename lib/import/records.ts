/**
 * Turning an extracted article (a visited page, a saved HTML file, a web-archive record, a feed item) into a
 * corpus record. The id is derived from the address and the text, so the same text at the same address always
 * gets the same id (a repeated import is recognised), while an edited text gets a new id: a new version.
 */
import { isIsoDate } from '../corpus/jsonl';
import { contentHash } from '../store/content-hash';
import type { CorpusRecord, PageArticle } from '../types';
import { recordTextTooLarge } from './record-limit';

export interface RecordOrigin {
  /** Where the article was read, when the page does not name its own address. */
  url?: string;
  /** ISO time the article was first seen (captured, archived, fetched). */
  firstSeen?: string;
  /** Used when the page itself carries none (e.g. the feed's title, date or site). */
  title?: string;
  published?: string;
  site?: string;
  /** Names the record when there is no web address at all (a saved file without one). */
  fallbackName?: string;
}

/** Only web addresses are kept: an extension page or a local file path says nothing about where an article lives. */
export function webAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** 12 hex digits of the normalised text's hash: whitespace or quote-style changes do not make a new version. */
export function textFingerprint(text: string): string {
  return contentHash(text).slice(0, 12);
}

export function versionId(address: string, text: string): string {
  return `${address}@${textFingerprint(text)}`;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  return value && isIsoDate(value) ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A record to store, or why the article cannot be one (`tooLarge`: "too large (N characters; the limit is M)"). */
export type ArticleRecord = { record: CorpusRecord } | { tooLarge: string };

/**
 * The record for an article; fields the JSONL format would reject (a date that is not ISO 8601) are left out.
 * Every article-based way into the corpus goes through here, so the record size limit is checked here.
 */
export function recordFromArticle(article: PageArticle, origin: RecordOrigin = {}): ArticleRecord {
  const tooLarge = recordTextTooLarge(article.text);
  return tooLarge ? { tooLarge } : { record: buildRecord(article, origin) };
}

function buildRecord(article: PageArticle, origin: RecordOrigin): CorpusRecord {
  const url = webAddress(article.url) ?? webAddress(origin.url);
  const name = url ?? `file:${origin.fallbackName ?? 'untitled'}`;
  const record: CorpusRecord = { id: versionId(name, article.text), text: article.text };
  const fields: Omit<CorpusRecord, 'id' | 'text'> = {
    title: nonEmpty(article.title) ?? nonEmpty(origin.title),
    url,
    published: isoOrUndefined(article.publishedTime) ?? isoOrUndefined(origin.published),
    site: nonEmpty(article.siteName) ?? nonEmpty(origin.site),
    lang: nonEmpty(article.lang),
    byline: nonEmpty(article.byline),
    firstSeen: isoOrUndefined(origin.firstSeen),
  };
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, string | undefined][]) {
    if (value !== undefined) record[key] = value;
  }
  return record;
}
