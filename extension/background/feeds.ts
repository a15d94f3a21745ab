/**
 * Feed subscriptions: the reader follows outlets or wire services by their RSS/Atom feed. On a schedule
 * (browser.alarms) each feed is read, and each new item's article page is fetched and its text extracted, so the
 * corpus holds the wire copy before the reader meets its rewrites. Access is per origin: the feed's origin is
 * granted when the reader subscribes; an article on an origin without access is stored from the text the feed
 * carries, when it carries enough.
 */
import { browser, type Browser } from 'wxt/browser';
import { decodeHtml } from '../../lib/import/charset.ts';
import { FeedError, unseenItems, type FeedItem, type ParsedFeed } from '../../lib/import/feed.ts';
import { recordFromArticle } from '../../lib/import/records.ts';
import type { CorpusRecord, PageArticle } from '../../lib/types.ts';
import type { FeedRefreshReport, FeedSubscription, FeedView } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { feedsItem, type StoredFeed } from '../shared/storage-items.ts';
import { getCorpus } from './corpus.ts';
import { extractHtml, parseFeedText, releaseDom } from './dom-parsing.ts';
import { withStorageErrors } from './storage-errors.ts';

export const FEED_ALARM = 'palimpsest-feed-refresh';
const REFRESH_MINUTES = 60;
/** New items read per feed and refresh; the rest wait for the next refresh (cost limit). */
const MAX_NEW_ITEMS = 25;
/** Item keys remembered per feed: more than any feed lists at once. */
const MAX_SEEN = 2000;
const FETCH_TIMEOUT_MS = 20_000;
const MAX_FEED_BYTES = 10 * 1024 * 1024;
const MAX_PAGE_BYTES = 10 * 1024 * 1024;

class FetchFailure extends Error {
  constructor(
    message: string,
    /** Worth trying again at the next refresh (network trouble, server error). */
    readonly transient: boolean,
  ) {
    super(message);
  }
}

function loadFeeds(): Promise<StoredFeed[]> {
  return feedsItem.getValue();
}

async function saveFeeds(feeds: StoredFeed[]): Promise<void> {
  await withStorageErrors(() => feedsItem.setValue(feeds));
}

async function updateFeed(url: string, change: (feed: StoredFeed) => void): Promise<void> {
  const feeds = await loadFeeds();
  const feed = feeds.find((candidate) => candidate.url === url);
  if (!feed) return;
  change(feed);
  await saveFeeds(feeds);
}

async function mayFetch(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

async function fetchText(url: string, accept: string, maxBytes: number): Promise<{ text: string; finalUrl: string; contentType: string }> {
  let response: Response;
  try {
    // Without cookies: the outlet sees a feed reader, not the reader's account.
    response = await fetch(url, { credentials: 'omit', headers: { Accept: accept }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new FetchFailure(`could not be fetched (${error instanceof Error ? error.message : String(error)})`, true);
  }
  if (!response.ok) throw new FetchFailure(`answered HTTP ${response.status}`, response.status >= 500 || response.status === 429);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchFailure(`is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, false);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new FetchFailure(`is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, false);
  const contentType = response.headers.get('content-type') ?? '';
  return { text: decodeHtml(bytes, contentType), finalUrl: response.url || url, contentType };
}

async function readFeed(url: string): Promise<ParsedFeed> {
  if (!(await mayFetch(url))) throw new FeedError(`Palimpsest has no access to ${new URL(url).origin}`);
  const { text, finalUrl } = await fetchText(url, 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', MAX_FEED_BYTES);
  return parseFeedText(text, finalUrl);
}

type ItemOutcome = { record: CorpusRecord } | { problem: string; retry: boolean };

/** The article's text: from its page when Palimpsest may fetch it, else from what the feed carries. */
async function readItem(item: FeedItem, feed: ParsedFeed, now: string): Promise<ItemOutcome> {
  let article: PageArticle | null = null;
  let why = 'no access to its site';
  let retry = false;
  if (await mayFetch(item.link)) {
    try {
      const page = await fetchText(item.link, 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', MAX_PAGE_BYTES);
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

async function refreshOne(stored: StoredFeed, parsed?: ParsedFeed): Promise<FeedRefreshReport> {
  const report: FeedRefreshReport = { url: stored.url, items: 0, added: 0, duplicates: 0, problems: [] };
  const now = new Date().toISOString();
  try {
    const feed = parsed ?? (await readFeed(stored.url));
    const fresh = unseenItems(feed, new Set(stored.seen), MAX_NEW_ITEMS);
    report.items = fresh.length;
    const records: CorpusRecord[] = [];
    const handled: string[] = [];
    for (const item of fresh) {
      const outcome = await readItem(item, feed, now);
      if ('record' in outcome) records.push(outcome.record);
      else report.problems.push(outcome.problem);
      if ('record' in outcome || !outcome.retry) handled.push(item.key);
    }
    if (records.length > 0) {
      const result = await withStorageErrors(async () => (await getCorpus()).addRecords(records));
      report.added = result.added;
      report.duplicates = result.duplicates;
    }
    await updateFeed(stored.url, (feedRecord) => {
      feedRecord.title = feed.title ?? feedRecord.title;
      feedRecord.lastChecked = now;
      delete feedRecord.lastError;
      feedRecord.stored += report.added;
      feedRecord.seen = [...handled, ...feedRecord.seen].slice(0, MAX_SEEN);
      feedRecord.articleOrigins = originsOf(feed);
    });
  } catch (error) {
    report.error = error instanceof FetchFailure ? `The feed ${error.message}.` : error instanceof Error ? error.message : String(error);
    await updateFeed(stored.url, (feedRecord) => {
      feedRecord.lastChecked = now;
      feedRecord.lastError = report.error;
    });
  }
  return report;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs feed work one task at a time (a scheduled refresh, "Read now", a new subscription): they share the
 * offscreen document, which each closes when done, and the feed list they update.
 */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.catch(() => undefined).then(task);
  queue = run;
  return run;
}

/** Reads every subscribed feed (or the one given) and stores their new articles. */
export function refreshFeeds(url?: string): Promise<FeedRefreshReport[]> {
  return serially(async () => {
    const feeds = (await loadFeeds()).filter((feed) => url === undefined || feed.url === url);
    const reports: FeedRefreshReport[] = [];
    try {
      for (const feed of feeds) reports.push(await refreshOne(feed));
    } finally {
      await releaseDom();
    }
    return reports;
  });
}

async function viewOf(feed: StoredFeed): Promise<FeedView> {
  const missing: string[] = [];
  for (const origin of feed.articleOrigins) if (!(await browser.permissions.contains({ origins: [origin] }))) missing.push(origin);
  const { seen: _seen, articleOrigins: _origins, ...view } = feed;
  return { ...view, missingOrigins: missing };
}

export async function listFeeds(): Promise<FeedView[]> {
  return Promise.all((await loadFeeds()).map(viewOf));
}

async function ensureAlarm(): Promise<void> {
  if (await browser.alarms.get(FEED_ALARM)) return;
  await browser.alarms.create(FEED_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: REFRESH_MINUTES });
}

/** Keeps the schedule in step with the subscriptions (alarms can be lost with a browser profile reset). */
export async function syncFeedAlarm(): Promise<void> {
  if ((await loadFeeds()).length > 0) await ensureAlarm();
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

export function subscribe(rawUrl: string): Promise<FeedSubscription> {
  return serially(() => subscribeNow(rawUrl));
}

async function subscribeNow(rawUrl: string): Promise<FeedSubscription> {
  const url = feedAddress(rawUrl);
  if (!url) return { kind: 'refused', reason: 'A feed address starts with http:// or https://.' };
  let parsed: ParsedFeed;
  try {
    parsed = await readFeed(url);
  } catch (error) {
    const reason = error instanceof FetchFailure ? `The feed ${error.message}.` : error instanceof Error ? error.message : String(error);
    await releaseDom();
    return { kind: 'refused', reason: `Not subscribed: ${reason}` };
  }
  const feeds = await loadFeeds();
  let stored = feeds.find((feed) => feed.url === url);
  if (!stored) {
    stored = { url, title: parsed.title, addedAt: new Date().toISOString(), stored: 0, seen: [], articleOrigins: originsOf(parsed) };
    feeds.push(stored);
    await saveFeeds(feeds);
  }
  await ensureAlarm();
  const refresh = await refreshOne(stored, parsed).finally(() => releaseDom());
  const feed = (await listFeeds()).find((candidate) => candidate.url === url)!;
  return { kind: 'subscribed', feed, refresh };
}

export async function unsubscribe(url: string): Promise<FeedView[]> {
  await saveFeeds((await loadFeeds()).filter((feed) => feed.url !== url));
  await syncFeedAlarm();
  return listFeeds();
}

export function handleAlarm(alarm: Browser.alarms.Alarm): void {
  if (alarm.name === FEED_ALARM) void refreshFeeds().catch(() => undefined);
}
