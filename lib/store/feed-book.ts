/**
 * The feeds the reader follows, kept in the corpus database beside the articles they bring: one row a feed, with
 * what a months-long schedule needs (validators for conditional requests, consecutive failures, when it is next
 * due) and what the options page shows (last read, articles added, last error).
 */
import type { CorpusDatabase } from './schema';

export interface FeedRow {
  /** The feed's address: the key. */
  url: string;
  title?: string;
  /** The outlet's home page, when the feed names one. */
  siteUrl?: string;
  addedAt: string;
  /** The last attempt to read it, whatever came of it. */
  lastChecked?: string;
  /** The last time it was read (answered 200, or 304 Not Modified). */
  lastRead?: string;
  /** Why the last attempt failed, in words; absent after a good read. */
  lastError?: string;
  /** Failed attempts in a row: the backoff grows with them. */
  failures: number;
  /** When the schedule reads it next, epoch milliseconds (indexed). */
  nextDue: number;
  /** Set when the site asked to wait (429/503 with Retry-After): reads before `nextDue` are not sent. */
  retryAfter?: boolean;
  /** Validators from the last 200 answer, sent back so an unchanged feed answers 304 with no body. */
  etag?: string;
  lastModified?: string;
  /** Articles this feed brought into the corpus. */
  stored: number;
  /** Articles its last read added. */
  lastAdded?: number;
  /** Keys of the items already handled, newest first (bounded). */
  seen: string[];
  /** Origins of the feed's articles (match patterns), to tell the reader which need access. */
  articleOrigins: string[];
}

export interface FeedBook {
  feedRows(): Promise<FeedRow[]>;
  feedRow(url: string): Promise<FeedRow | undefined>;
  /** Adds the rows not stored yet; returns how many were added. */
  addFeedRows(rows: readonly FeedRow[]): Promise<number>;
  /** Applies `change` to the stored row in one transaction; false when there is none. */
  changeFeedRow(url: string, change: (row: FeedRow) => void): Promise<boolean>;
  removeFeedRow(url: string): Promise<void>;
  /** Addresses of the feeds due at `now`, the longest waiting first, at most `limit`. */
  dueFeeds(now: number, limit: number): Promise<string[]>;
}

export function feedRows(db: CorpusDatabase): Promise<FeedRow[]> {
  return db.feeds.orderBy('url').toArray();
}

export function feedRow(db: CorpusDatabase, url: string): Promise<FeedRow | undefined> {
  return db.feeds.get(url);
}

export function addFeedRows(db: CorpusDatabase, rows: readonly FeedRow[]): Promise<number> {
  return db.transaction('rw', db.feeds, async () => {
    const existing = await db.feeds.bulkGet(rows.map((row) => row.url));
    const seen = new Set<string>();
    const fresh = rows.filter((row, i) => {
      if (existing[i] || seen.has(row.url)) return false;
      seen.add(row.url);
      return true;
    });
    await db.feeds.bulkAdd(fresh);
    return fresh.length;
  });
}

export function changeFeedRow(db: CorpusDatabase, url: string, change: (row: FeedRow) => void): Promise<boolean> {
  return db.transaction('rw', db.feeds, async () => {
    const row = await db.feeds.get(url);
    if (!row) return false;
    change(row);
    await db.feeds.put(row);
    return true;
  });
}

export async function removeFeedRow(db: CorpusDatabase, url: string): Promise<void> {
  await db.feeds.delete(url);
}

export async function dueFeeds(db: CorpusDatabase, now: number, limit: number): Promise<string[]> {
  return (await db.feeds.where('nextDue').belowOrEqual(now).limit(limit).primaryKeys()) as string[];
}
