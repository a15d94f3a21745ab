/**
 * Followed feeds: the reader follows outlets or wire services by their RSS/Atom feed, and the corpus holds the wire
 * copy before the reader meets its rewrites. Built to run for months over hundreds of feeds:
 * - a schedule (browser.alarms, every few minutes) reads only the feeds that are due, a few at a time side by side,
 *   within a time budget per round, so 200 feeds never hold the worker for long;
 * - conditional requests (If-None-Match / If-Modified-Since): an unchanged feed answers 304 with no body;
 * - failures back off (doubling up to a day), and a site answering 429 or 503 gets no request before the time its
 *   Retry-After names (lib/import/feed-schedule.ts);
 * - an article reached by two feeds is fetched and stored once: items whose address is stored already are passed
 *   over, and identical text is never stored twice (the store's content hash);
 * - each feed's status (last read, articles added, last error, next read) is kept for the options page.
 * Access is per origin: the feed's origin is granted when the reader follows it; an article on an origin without
 * access is stored from the text the feed carries, when it carries enough.
 */
import { browser, type Browser } from 'wxt/browser';
import { decodeHtml } from '../../lib/import/charset.ts';
import { FeedError, unseenItems, type FeedItem, type ParsedFeed } from '../../lib/import/feed.ts';
import { nextReadAfterFailure, nextReadAfterSuccess, retryAfterMs, staggeredFirstReads } from '../../lib/import/feed-schedule.ts';
import type { OpmlFeed } from '../../lib/import/opml.ts';
import { recordFromArticle } from '../../lib/import/records.ts';
import type { FeedRow } from '../../lib/store/index.ts';
import type { CorpusRecord, PageArticle } from '../../lib/types.ts';
import type { FeedListImport, FeedRefreshReport, FeedSubscription, FeedView } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { enforceBudget } from './budget.ts';
import { getCorpus, type Corpus } from './corpus.ts';
import { extractHtml, parseFeedText, withDom } from './dom-parsing.ts';
import { markOriginals } from './originals.ts';
import { legacyFeedsItem, pendingFollowsItem, type PendingFollow } from '../shared/storage-items.ts';
import { withStorageErrors } from './storage-errors.ts';

export const FEED_ALARM = 'palimpsest-feed-refresh';
/** How often the schedule looks for due feeds. */
export const TICK_MINUTES = 5;
/** Feeds read in one round of the schedule at most: 200 feeds due hourly need about 17 every 5 minutes. */
const FEEDS_PER_TICK = 30;
/** Feeds read side by side: the network waits overlap, the parsing and storing stay few at a time. */
const FEEDS_AT_ONCE = 4;
/** A round of the schedule starts no new feed after this long; the rest wait for the next round. */
const TICK_BUDGET_MS = 90_000;
/** New items read per feed and refresh; the rest wait for the next refresh (cost limit). */
const MAX_NEW_ITEMS = 25;
/** Item keys remembered per feed: more than a feed lists at once (MAX_FEED_ITEMS). */
const MAX_SEEN = 1000;
const FETCH_TIMEOUT_MS = 20_000;
/** A feed larger than this is refused; a 20 MB archive feed is read (its first MAX_FEED_ITEMS items). */
const MAX_FEED_BYTES = 32 * 1024 * 1024;
const MAX_PAGE_BYTES = 10 * 1024 * 1024;
/** A follow waiting for a grant this long is forgotten. */
const PENDING_FOLLOW_MS = 10 * 60_000;

class FetchFailure extends Error {
  constructor(
    message: string,
    /** Worth trying again later (network trouble, server error, rate limit). */
    readonly transient: boolean,
    /** The wait the site asked for (429/503 with Retry-After), in milliseconds. */
    readonly askedWaitMs?: number,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The feed book

let legacyMoved: Promise<void> | null = null;

/** Feeds followed before version 4 were kept in storage.local: they move into the corpus database once. */
function moveLegacyFeeds(store: Corpus): Promise<void> {
  legacyMoved ??= (async () => {
    const legacy = await legacyFeedsItem.getValue();
    if (legacy.length === 0) return;
    const now = Date.now();
    await store.addFeedRows(
      legacy.map((feed, i) => ({
        url: feed.url,
        ...(feed.title ? { title: feed.title } : {}),
        addedAt: feed.addedAt ?? new Date(now).toISOString(),
        ...(feed.lastChecked ? { lastChecked: feed.lastChecked, lastRead: feed.lastChecked } : {}),
        failures: 0,
        nextDue: staggeredFirstReads(now, legacy.length)[i],
        stored: feed.stored ?? 0,
        seen: (feed.seen ?? []).slice(0, MAX_SEEN),
        articleOrigins: feed.articleOrigins ?? [],
      })),
    );
    await legacyFeedsItem.removeValue();
  })().catch((error: unknown) => {
    legacyMoved = null;
    throw error;
  });
  return legacyMoved;
}

async function feedBook(): Promise<Corpus> {
  const store = await getCorpus();
  await moveLegacyFeeds(store);
  return store;
}

function newRow(url: string, title: string | undefined, nextDue: number, siteUrl?: string): FeedRow {
  return {
    url,
    ...(title ? { title } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    addedAt: new Date().toISOString(),
    failures: 0,
    nextDue,
    stored: 0,
    seen: [],
    articleOrigins: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fetching

async function mayFetch(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The body, read as it arrives and given up on past `maxBytes` (a server may send no Content-Length). */
async function cappedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchFailure(`is larger than ${megabytes(maxBytes)}`, false);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchFailure(`is larger than ${megabytes(maxBytes)}`, false);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

interface Fetched {
  text: string;
  finalUrl: string;
  contentType: string;
  etag?: string;
  lastModified?: string;
}

interface Validators {
  etag?: string;
  lastModified?: string;
}

async function fetchText(url: string, accept: string, maxBytes: number, validators: Validators = {}): Promise<Fetched | 'not-modified'> {
  const headers: Record<string, string> = { Accept: accept };
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let response: Response;
  try {
    // Without cookies: the outlet sees a feed reader, not the reader's account. The browser's HTTP cache is
    // bypassed so the validators sent are ours and a 304 reaches this code.
    response = await fetch(url, { credentials: 'omit', headers, cache: 'no-store', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new FetchFailure(timedOut ? `did not answer within ${FETCH_TIMEOUT_MS / 1000} s` : `could not be fetched (${error instanceof Error ? error.message : String(error)})`, true);
  }
  if (response.status === 304) return 'not-modified';
  if (response.status === 429 || response.status === 503) {
    const wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
    const asked = wait !== undefined ? `; the site asked to wait ${waitInWords(wait)}` : '';
    throw new FetchFailure(`answered HTTP ${response.status} (${response.status === 429 ? 'too many requests' : 'unavailable'})${asked}`, true, wait);
  }
  if (!response.ok) throw new FetchFailure(`answered HTTP ${response.status}`, response.status >= 500);
  const bytes = await cappedBody(response, maxBytes);
  const contentType = response.headers.get('content-type') ?? '';
  return {
    text: decodeHtml(bytes, contentType),
    finalUrl: response.url || url,
    contentType,
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
    ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
  };
}

function waitInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

type FeedRead = { kind: 'feed'; feed: ParsedFeed; validators: Validators } | { kind: 'not-modified' };

async function readFeed(url: string, validators: Validators = {}): Promise<FeedRead> {
  if (!(await mayFetch(url))) throw new FeedError(`Palimpsest has no access to ${new URL(url).origin}`);
  const fetched = await fetchText(url, FEED_ACCEPT, MAX_FEED_BYTES, validators);
  if (fetched === 'not-modified') return { kind: 'not-modified' };
  const feed = await parseFeedText(fetched.text, fetched.finalUrl);
  return { kind: 'feed', feed, validators: { etag: fetched.etag, lastModified: fetched.lastModified } };
}

// ---------------------------------------------------------------------------------------------------------------
// Items

type ItemOutcome = { record: CorpusRecord } | { problem: string; retry: boolean };

/** The article's text: from its page when Palimpsest may fetch it, else from what the feed carries. */
async function readItem(item: FeedItem, feed: ParsedFeed, now: string): Promise<ItemOutcome> {
  let article: PageArticle | null = null;
  let why = 'no access to its site';
  let retry = false;
  if (await mayFetch(item.link)) {
    try {
      const page = await fetchText(item.link, 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', MAX_PAGE_BYTES);
      if (page === 'not-modified') throw new FetchFailure('answered 304 to a plain request', true);
      article = /html|xml/i.test(page.contentType) || page.contentType === '' ? await extractHtml(page.text, page.finalUrl) : null;
      why = article ? '' : 'its page holds no article';
    } catch (error) {
      why = `its page ${error instanceof Error ? error.message : String(error)}`;
      retry = error instanceof FetchFailure && error.transient;
    }
  }
  if (!article && item.contentHtml) {
    // The feed's own copy of the text; the page is parsed inertly (no scripts run, nothing loads).
    article = await extractHtml(`<!doctype html><html><body><article>${item.contentHtml}</article></body></html>`, item.link);
  }
  if (!article) return { problem: `${item.title ?? item.link}: not stored, ${why}${item.contentHtml ? ' and the feed’s text is too short' : ''}`, retry };
  // The feed's headline is the publisher's own metadata: cleaner than a title read off the page.
  const titled = item.title ? { ...article, title: item.title } : article;
  const made = recordFromArticle(titled, { url: item.link, firstSeen: now, published: item.published, site: feed.title });
  if ('record' in made) return made;
  return { problem: `${item.title ? `${item.title} (${item.link})` : item.link}: not stored, ${made.tooLarge}`, retry: false };
}

function originsOf(feed: ParsedFeed): string[] {
  const origins = new Set<string>();
  for (const item of feed.items) {
    const pattern = originPattern(item.link);
    if (pattern) origins.add(pattern);
    if (origins.size >= 10) break;
  }
  return [...origins];
}

/** Article addresses being read now, by any feed: a second feed listing the same article waits for the first. */
const itemsInFlight = new Map<string, Promise<unknown>>();

async function alreadyStored(store: Corpus, link: string): Promise<boolean> {
  const pending = itemsInFlight.get(link);
  if (pending) await pending.catch(() => undefined);
  return (await store.versionsAt(link)).length > 0;
}

interface ItemsOutcome {
  records: CorpusRecord[];
  handled: string[];
  alreadyStored: number;
  problems: string[];
  items: number;
}

async function readNewItems(store: Corpus, feed: ParsedFeed, seen: readonly string[], now: string): Promise<ItemsOutcome> {
  const fresh = unseenItems(feed, new Set(seen), MAX_NEW_ITEMS);
  const outcome: ItemsOutcome = { records: [], handled: [], alreadyStored: 0, problems: [], items: fresh.length };
  for (const item of fresh) {
    if (await alreadyStored(store, item.link)) {
      outcome.alreadyStored++;
      outcome.handled.push(item.key);
      continue;
    }
    const reading = readItem(item, feed, now);
    itemsInFlight.set(item.link, reading);
    let result: ItemOutcome;
    try {
      result = await reading;
    } finally {
      itemsInFlight.delete(item.link);
    }
    if ('record' in result) outcome.records.push(result.record);
    else outcome.problems.push(result.problem);
    if ('record' in result || !result.retry) outcome.handled.push(item.key);
  }
  return outcome;
}

/** Stores the records; ones another feed stored meanwhile come back as duplicates. */
async function storeRecords(store: Corpus, records: CorpusRecord[]): Promise<{ added: number; duplicates: number }> {
  if (records.length === 0) return { added: 0, duplicates: 0 };
  const result = await withStorageErrors(() => store.addRecords(records));
  const skipped = new Set(result.skipped.map((skip) => skip.id));
  await markOriginals(store, records.filter((record) => !skipped.has(record.id)));
  return { added: result.added, duplicates: result.duplicates };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one feed

function failureMessage(error: unknown): string {
  return error instanceof FetchFailure ? `The feed ${error.message}.` : error instanceof Error ? error.message : String(error);
}

/** Feeds being read now: a second request to read one joins the first. */
const reading = new Map<string, Promise<FeedRefreshReport>>();

function refreshOne(url: string, firstRead?: FeedRead): Promise<FeedRefreshReport> {
  const pending = reading.get(url);
  if (pending) return pending;
  const work = withDom(() => refreshNow(url, firstRead)).finally(() => reading.delete(url));
  reading.set(url, work);
  return work;
}

/** Reads the feed (or takes the read that subscribing made) and stores its new articles. */
async function refreshNow(url: string, firstRead?: FeedRead): Promise<FeedRefreshReport> {
  const report: FeedRefreshReport = { url, items: 0, added: 0, duplicates: 0, alreadyStored: 0, problems: [] };
  const store = await feedBook();
  const row = await store.feedRow(url);
  if (!row) return { ...report, error: 'This feed is not followed.' };
  const started = Date.now();
  if (row.retryAfter && row.nextDue > started) {
    // The site asked for a pause: not even a manual "read now" sends a request before it ends.
    return { ...report, waitingUntil: new Date(row.nextDue).toISOString() };
  }
  const now = new Date(started).toISOString();
  try {
    const read = firstRead ?? (await readFeed(url, { etag: row.etag, lastModified: row.lastModified }));
    if (read.kind === 'not-modified') {
      report.unchanged = true;
      await store.changeFeedRow(url, (feed) => {
        Object.assign(feed, { lastChecked: now, lastRead: now, failures: 0, nextDue: nextReadAfterSuccess(Date.now()), lastAdded: 0 });
        delete feed.lastError;
        delete feed.retryAfter;
      });
      return report;
    }
    const { feed, validators } = read;
    const items = await readNewItems(store, feed, row.seen, now);
    const stored = await storeRecords(store, items.records);
    Object.assign(report, { items: items.items, added: stored.added, duplicates: stored.duplicates, alreadyStored: items.alreadyStored, problems: items.problems });
    await store.changeFeedRow(url, (feedRow) => {
      Object.assign(feedRow, { lastChecked: now, lastRead: now, failures: 0, nextDue: nextReadAfterSuccess(Date.now()), lastAdded: stored.added });
      // A name the reader followed it by (the directory's, the page's link title) stays.
      feedRow.title ??= feed.title;
      if (feed.siteUrl) feedRow.siteUrl = feed.siteUrl;
      feedRow.stored += stored.added;
      feedRow.seen = [...items.handled, ...feedRow.seen.filter((key) => !items.handled.includes(key))].slice(0, MAX_SEEN);
      feedRow.articleOrigins = originsOf(feed);
      // Validators belong to the document just read; a feed that stops sending them gets plain requests.
      delete feedRow.etag;
      delete feedRow.lastModified;
      if (validators.etag) feedRow.etag = validators.etag;
      if (validators.lastModified) feedRow.lastModified = validators.lastModified;
      delete feedRow.lastError;
      delete feedRow.retryAfter;
    });
  } catch (error) {
    report.error = failureMessage(error);
    const asked = error instanceof FetchFailure ? error.askedWaitMs : undefined;
    await store.changeFeedRow(url, (feedRow) => {
      feedRow.lastChecked = now;
      feedRow.lastError = report.error;
      feedRow.failures += 1;
      feedRow.nextDue = nextReadAfterFailure(Date.now(), feedRow.failures, asked);
      if (asked !== undefined) feedRow.retryAfter = true;
      else delete feedRow.retryAfter;
    });
  }
  return report;
}

/** Runs `work` over `items`, at most `limit` at a time, in order of start; stops starting new ones once `until` passed. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, until = Infinity): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && Date.now() < until) {
      const item = items[next++];
      results.push(await work(item));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Reads every followed feed (or the one given) now and stores their new articles. */
export async function refreshFeeds(url?: string): Promise<FeedRefreshReport[]> {
  const store = await feedBook();
  const urls = url !== undefined ? [url] : (await store.feedRows()).map((feed) => feed.url);
  const reports = await inPool(urls, FEEDS_AT_ONCE, (feedUrl) => refreshOne(feedUrl));
  void enforceBudget().catch(() => undefined);
  return reports;
}

/** One round of the schedule: the feeds due now, a few at a time, within the round's time budget. */
export async function runSchedule(): Promise<FeedRefreshReport[]> {
  const store = await feedBook();
  const started = Date.now();
  const due = await store.dueFeeds(started, FEEDS_PER_TICK);
  const reports = await inPool(due, FEEDS_AT_ONCE, (url) => refreshOne(url), started + TICK_BUDGET_MS);
  if (reports.some((report) => report.added > 0)) await enforceBudget().catch(() => null);
  return reports;
}

// ---------------------------------------------------------------------------------------------------------------
// Following and listing

async function viewOf(feed: FeedRow): Promise<FeedView> {
  const missing: string[] = [];
  for (const origin of feed.articleOrigins) if (!(await browser.permissions.contains({ origins: [origin] }))) missing.push(origin);
  return {
    url: feed.url,
    ...(feed.title ? { title: feed.title } : {}),
    ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
    addedAt: feed.addedAt,
    ...(feed.lastChecked ? { lastChecked: feed.lastChecked } : {}),
    ...(feed.lastRead ? { lastRead: feed.lastRead } : {}),
    ...(feed.lastError ? { lastError: feed.lastError } : {}),
    failures: feed.failures,
    nextRead: new Date(feed.nextDue).toISOString(),
    waiting: feed.retryAfter === true,
    stored: feed.stored,
    ...(feed.lastAdded !== undefined ? { lastAdded: feed.lastAdded } : {}),
    missingOrigins: missing,
  };
}

export async function listFeeds(): Promise<FeedView[]> {
  const rows = await (await feedBook()).feedRows();
  return Promise.all(rows.map(viewOf));
}

async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(FEED_ALARM);
  if (existing?.periodInMinutes === TICK_MINUTES) return;
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: TICK_MINUTES });
}

/** Keeps the schedule in step with the subscriptions (alarms can be lost with a browser profile reset). */
export async function syncFeedAlarm(): Promise<void> {
  if ((await (await feedBook()).feedRows()).length > 0) await ensureAlarm();
  else await browser.alarms.clear(FEED_ALARM);
}

function feedAddress(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Follows a feed: it is read once first (an address that is not a feed is refused), then on the schedule. */
export async function subscribe(rawUrl: string, title?: string): Promise<FeedSubscription> {
  const url = feedAddress(rawUrl);
  if (!url) return { kind: 'refused', reason: 'A feed address starts with http:// or https://.' };
  const store = await feedBook();
  let firstRead: FeedRead | undefined;
  if (!(await store.feedRow(url))) {
    try {
      firstRead = await withDom(() => readFeed(url));
    } catch (error) {
      return { kind: 'refused', reason: `Not subscribed: ${failureMessage(error)}` };
    }
    const parsed = firstRead.kind === 'feed' ? firstRead.feed : undefined;
    await store.addFeedRows([newRow(url, title ?? parsed?.title, Date.now(), parsed?.siteUrl)]);
  }
  await ensureAlarm();
  const refresh = await refreshOne(url, firstRead);
  const row = await store.feedRow(url);
  return { kind: 'subscribed', feed: await viewOf(row!), refresh };
}

async function pendingFollows(): Promise<PendingFollow[]> {
  const now = Date.now();
  return (await pendingFollowsItem.getValue()).filter((follow) => now - follow.at < PENDING_FOLLOW_MS);
}

/**
 * The popup's follow. The popup asks the browser for access in the reader's click and sends this at once; the
 * prompt may close the popup, so the background keeps the follow and completes it when access is granted
 * (handlePermissionsAdded), or now when access is held already.
 */
export async function followWhenGranted(rawUrl: string, title?: string): Promise<FeedSubscription> {
  const url = feedAddress(rawUrl);
  if (!url) return { kind: 'refused', reason: 'A feed address starts with http:// or https://.' };
  if (await mayFetch(url)) return subscribe(url, title);
  const follows = (await pendingFollows()).filter((follow) => follow.url !== url);
  follows.push({ url, ...(title ? { title } : {}), at: Date.now() });
  await pendingFollowsItem.setValue(follows);
  // Granted while the follow was being saved: permissions.onAdded may have fired before it was there.
  if (await mayFetch(url)) {
    await pendingFollowsItem.setValue((await pendingFollows()).filter((follow) => follow.url !== url));
    return subscribe(url, title);
  }
  return { kind: 'pending', url };
}

/** permissions.onAdded: follows waiting for access to a site that was just granted. */
export async function handlePermissionsAdded(permissions: Browser.permissions.Permissions): Promise<void> {
  const granted = permissions.origins ?? [];
  if (granted.length === 0) return;
  const follows = await pendingFollows();
  const ready: PendingFollow[] = [];
  for (const follow of follows) if (await mayFetch(follow.url)) ready.push(follow);
  if (ready.length === 0) return;
  await pendingFollowsItem.setValue(follows.filter((follow) => !ready.includes(follow)));
  for (const follow of ready) await subscribe(follow.url, follow.title).catch(() => undefined);
}

/** Follows many feeds at once (an OPML file): their first reads are spread over the next hour. */
export async function addFeeds(feeds: readonly OpmlFeed[]): Promise<FeedListImport> {
  const store = await feedBook();
  const urls = feeds.map((feed) => feedAddress(feed.url)).filter((url): url is string => url !== null);
  const due = staggeredFirstReads(Date.now(), urls.length);
  const rows = feeds.flatMap((feed, i) => {
    const url = feedAddress(feed.url);
    return url ? [newRow(url, feed.title, due[urls.indexOf(url)] ?? Date.now() + i, feed.siteUrl)] : [];
  });
  const added = await withStorageErrors(() => store.addFeedRows(rows));
  await syncFeedAlarm();
  return { added, already: new Set(rows.map((row) => row.url)).size - added, feeds: await listFeeds() };
}

export async function unsubscribe(url: string): Promise<FeedView[]> {
  await (await feedBook()).removeFeedRow(url);
  await syncFeedAlarm();
  return listFeeds();
}

export function handleAlarm(alarm: Browser.alarms.Alarm): void {
  if (alarm.name === FEED_ALARM) void runSchedule().catch(() => undefined);
}
