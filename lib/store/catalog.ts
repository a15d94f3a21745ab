/**
 * Browsing and managing the stored articles, for the reader rather than for retrieval: the versions stored for
 * one address, paging through the corpus for an export, a searchable list, counts per site, and which records a
 * site or a date range covers (to delete them). Reads only; deletion goes through CorpusStore.deleteRecords so
 * the index stays in step.
 */
import type { CorpusRecord } from '../types';
import type { CorpusDatabase, StoredRecord } from './schema';
import { urlKey } from './url-key';

/** A stored record without its text. */
export interface RecordSummary {
  id: string;
  title?: string;
  site?: string;
  url?: string;
  published?: string;
  firstSeen?: string;
  lang?: string;
  /** Length of the text, in characters. */
  chars: number;
}

export interface RecordPage {
  records: CorpusRecord[];
  /** Document number of the last record given: pass it as `after` for the next page; null at the end. */
  last: number | null;
}

export interface RecordSearch {
  /** Case-insensitive words looked for in the title, site, address and id; all must occur. */
  text?: string;
  offset?: number;
  limit: number;
}

export interface RecordFilter {
  site?: string;
  /** Records dated (published, else first seen) on a day before this one, "YYYY-MM-DD". */
  before?: string;
  /** Records dated on a day after this one, "YYYY-MM-DD". */
  after?: string;
}

export interface CorpusCatalog {
  /** The stored versions of the article at this address (http/https, www. and campaign tags aside), oldest first. */
  versionsAt(url: string): Promise<CorpusRecord[]>;
  /** Records in storage order after document number `after` (0 for the start). */
  recordPage(after: number, limit: number): Promise<RecordPage>;
  /** Summaries, most recently stored first. */
  findRecords(search: RecordSearch): Promise<{ items: RecordSummary[]; more: boolean }>;
  /** Stored records per site name, most first. */
  siteCounts(): Promise<{ site: string; count: number }[]>;
  /** Ids of the records a filter covers; an empty filter covers none. */
  idsWhere(filter: RecordFilter): Promise<string[]>;
}

export function toCorpusRecord(stored: StoredRecord): CorpusRecord {
  const { doc: _doc, hash: _hash, urlKey: _urlKey, dated: _dated, bytes: _bytes, keep: _keep, ...record } = stored;
  return record;
}

function summaryOf(stored: StoredRecord): RecordSummary {
  const { id, title, site, url, published, firstSeen, lang } = stored;
  const summary: RecordSummary = { id, chars: stored.text.length };
  for (const [key, value] of Object.entries({ title, site, url, published, firstSeen, lang })) {
    if (value !== undefined) summary[key as keyof Omit<RecordSummary, 'id' | 'chars'>] = value;
  }
  return summary;
}

/** When a version was taken: first seen on this machine, else published. */
function versionTime(record: StoredRecord): string {
  return record.firstSeen ?? record.published ?? '';
}

export async function versionsAt(db: CorpusDatabase, url: string): Promise<CorpusRecord[]> {
  const key = urlKey(url);
  if (key === undefined) return [];
  const stored = await db.records.where('urlKey').equals(key).toArray();
  stored.sort((a, b) => (versionTime(a) < versionTime(b) ? -1 : versionTime(a) > versionTime(b) ? 1 : a.doc - b.doc));
  return stored.map(toCorpusRecord);
}

export async function recordPage(db: CorpusDatabase, after: number, limit: number): Promise<RecordPage> {
  const batch = await db.records.where('doc').above(after).limit(limit).toArray();
  return { records: batch.map(toCorpusRecord), last: batch.length > 0 ? batch[batch.length - 1].doc : null };
}

function matcher(text: string | undefined): (record: StoredRecord) => boolean {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (record) => {
    const haystack = [record.title, record.site, record.url, record.id].filter(Boolean).join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

export async function findRecords(db: CorpusDatabase, search: RecordSearch): Promise<{ items: RecordSummary[]; more: boolean }> {
  const found = await db.records
    .orderBy('doc')
    .reverse()
    .filter(matcher(search.text))
    .offset(search.offset ?? 0)
    .limit(search.limit + 1)
    .toArray();
  return { items: found.slice(0, search.limit).map(summaryOf), more: found.length > search.limit };
}

export async function siteCounts(db: CorpusDatabase): Promise<{ site: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const site of (await db.records.orderBy('site').keys()) as string[]) counts.set(site, (counts.get(site) ?? 0) + 1);
  return [...counts].map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}

/**
 * Keys of the records dated in the range by their published date, or, for `firstSeen`, of those without one dated by
 * when they were first seen. Those are read from the `dated` index, which holds published ?? firstSeen ?? the time
 * stored (datedOf): for a record without a published date but with firstSeen it is firstSeen.
 */
async function datedIn(db: CorpusDatabase, field: 'published' | 'firstSeen', filter: RecordFilter): Promise<Set<number>> {
  // ISO strings sort by time within a day's precision: "2021-08-16T…" sorts after "2021-08-16", so "after a day"
  // starts past every string of that day.
  const lower = filter.after ? `${filter.after}\uffff` : '';
  const upper = filter.before ?? '\uffff';
  const index = db.records.where(field === 'published' ? 'published' : 'dated');
  const range = lower ? index.between(lower, upper, false, false) : index.below(upper);
  const matches = field === 'published' ? range : range.filter((record) => record.published === undefined && record.firstSeen !== undefined);
  return new Set((await matches.primaryKeys()) as number[]);
}

/** Document numbers of the records a filter covers, ascending; an empty filter covers none. */
export async function docsWhere(db: CorpusDatabase, filter: RecordFilter): Promise<number[]> {
  const byDate = filter.before !== undefined || filter.after !== undefined;
  if (!byDate && filter.site === undefined) return [];
  let docs: Set<number> | null = null;
  if (byDate) {
    const [published, firstSeen] = await Promise.all([datedIn(db, 'published', filter), datedIn(db, 'firstSeen', filter)]);
    docs = new Set([...published, ...firstSeen]);
  }
  if (filter.site !== undefined) {
    const bySite = new Set((await db.records.where('site').equals(filter.site).primaryKeys()) as number[]);
    docs = docs ? new Set([...docs].filter((doc) => bySite.has(doc))) : bySite;
  }
  return [...docs!].sort((a, b) => a - b);
}
