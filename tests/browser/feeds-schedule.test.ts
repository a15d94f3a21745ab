/**
 * Feeds that run for months, in the built extension against feeds served on 127.0.0.1: RSS 2.0, Atom and RDF are
 * read; an unchanged feed is asked conditionally and answers 304; malformed XML and a 404 are refused with a
 * reason; a feed that starts failing backs off, and one answering 429 with Retry-After gets no request before the
 * time it named, even on "Read now"; a slow feed does not hold up the others; a 20 MB feed is read; a feed whose
 * items repeat another's fetches and stores nothing twice; the feed list survives an OPML round trip; and 200
 * followed feeds are read a few at a time while the worker keeps answering.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, askBackground, browserSuiteUnavailable } from './helpers/extension.ts';
import { FeedServer, bigFeed, servedItems } from './helpers/feed-server.ts';
import type { FeedSubscription } from '../../extension/shared/protocol.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

const ask = askBackground;


describe.skipIf(skipReason !== null)('feeds that run for months', () => {
  let session: ExtensionSession;
  let server: FeedServer;
  let options: Page;
  const scratch = mkdtempSync(path.join(tmpdir(), 'palimpsest-opml-'));

  beforeAll(async () => {
    session = await ExtensionSession.launch({ grantAllHosts: true });
    server = await FeedServer.start();
    options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const subscribe = (feedPath: string) => ask(options, 'feed-subscribe', { url: server.url(feedPath) });
  const feeds = () => ask(options, 'feeds-list', {});
  /** The refresh that a subscription ran, failing the test with the outcome when there was none. */
  const refreshOf = (outcome: FeedSubscription) => {
    if (outcome.kind !== 'subscribed') throw new Error(`not subscribed: ${JSON.stringify(outcome)}`);
    return outcome.refresh;
  };
  const feedAt = async (feedPath: string) => (await feeds()).find((feed) => feed.url === server.url(feedPath))!;

  it('reads RSS 2.0, Atom and RDF, and asks again conditionally: an unchanged feed answers 304', async () => {
    for (const [feedPath, prefix] of [
      ['/world.rss', 'rss'],
      ['/world.atom', 'atom'],
      ['/world.rdf', 'rdf'],
    ] as const) {
      server.items.set(feedPath, servedItems(prefix, 3));
      const outcome = await subscribe(feedPath);
      expect(outcome.kind, JSON.stringify(outcome)).toBe('subscribed');
      expect(refreshOf(outcome)).toMatchObject({ items: 3, added: 3, problems: [] });
    }
    const before = server.requestsTo('/world.rss').length;
    const [again] = await ask(options, 'feeds-refresh', { url: server.url('/world.rss') });
    expect(again).toMatchObject({ unchanged: true, added: 0 });
    const conditional = server.requestsTo('/world.rss').slice(before);
    expect(conditional).toHaveLength(1);
    expect(conditional[0].headers['if-none-match']).toMatch(/^".+"$/);
    expect(conditional[0].headers['if-modified-since']).toBe(new Date(Date.UTC(2026, 0, 5)).toUTCString());
    expect(conditional[0].status).toBe(304);
    // A new item changes the feed: a plain 200 again, and only the new article is fetched.
    server.items.get('/world.rss')!.unshift({ title: 'rss story 4', path: '/articles/rss-story-4', published: '2026-01-06T08:00:00Z' });
    const [changed] = await ask(options, 'feeds-refresh', { url: server.url('/world.rss') });
    expect(changed).toMatchObject({ items: 1, added: 1 });
    expect((await feedAt('/world.rss')).stored).toBe(4);
  });

  it('refuses malformed XML and a 404 with a reason, and backs off a followed feed that starts failing', async () => {
    server.raw.set('/broken.rss', { body: '<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Unclosed</channel></rss>', type: 'application/rss+xml' });
    expect(await subscribe('/broken.rss')).toMatchObject({ kind: 'refused', reason: 'Not subscribed: the feed is not well-formed XML' });
    server.gone.add('/missing.rss');
    expect(await subscribe('/missing.rss')).toMatchObject({ kind: 'refused', reason: 'Not subscribed: The feed answered HTTP 404.' });

    server.items.set('/fading.rss', servedItems('fading', 1));
    expect((await subscribe('/fading.rss')).kind).toBe('subscribed');
    server.items.delete('/fading.rss');
    server.gone.add('/fading.rss');
    const [failed] = await ask(options, 'feeds-refresh', { url: server.url('/fading.rss') });
    expect(failed.error).toBe('The feed answered HTTP 404.');
    const first = await feedAt('/fading.rss');
    expect(first.failures).toBe(1);
    expect(Date.parse(first.nextRead) - Date.now()).toBeGreaterThan(25 * 60_000);
    await ask(options, 'feeds-refresh', { url: server.url('/fading.rss') });
    const second = await feedAt('/fading.rss');
    expect(second.failures).toBe(2);
    expect(Date.parse(second.nextRead) - Date.now()).toBeGreaterThan(55 * 60_000);

    // The options page shows it: last read, the error, the failures in a row.
    await options.reload();
    const item = options.locator(`.feed[data-feed-url="${server.url('/fading.rss')}"]`);
    await expect.poll(() => item.locator('.feed-error').textContent()).toContain('The feed answered HTTP 404. (2 failed reads in a row');
    expect(await item.getAttribute('data-state')).toBe('error');
    expect(await item.locator('.feed-meta').textContent()).toMatch(/Read .* · 1 article added then · next read /);
  });

  it('waits as long as a 429 asks (Retry-After), even when the reader asks to read now', async () => {
    server.items.set('/busy.rss', servedItems('busy', 1));
    expect((await subscribe('/busy.rss')).kind).toBe('subscribed');
    server.items.delete('/busy.rss');
    server.rateLimited.set('/busy.rss', 7200);
    const [limited] = await ask(options, 'feeds-refresh', { url: server.url('/busy.rss') });
    expect(limited.error).toBe('The feed answered HTTP 429 (too many requests); the site asked to wait 2 h.');
    const view = await feedAt('/busy.rss');
    expect(view.waiting).toBe(true);
    expect(Date.parse(view.nextRead) - Date.now()).toBeGreaterThan(7100 * 1000);
    const sent = server.requestsTo('/busy.rss').length;
    const [held] = await ask(options, 'feeds-refresh', { url: server.url('/busy.rss') });
    expect(held.waitingUntil).toBe(view.nextRead);
    expect(server.requestsTo('/busy.rss')).toHaveLength(sent);
  });

  it('reads a 20 MB feed, and stores nothing twice from a feed whose items repeat another’s', async () => {
    server.raw.set('/archive.rss', { body: bigFeed(server.origin, 21), type: 'application/rss+xml' });
    expect(Buffer.byteLength(server.raw.get('/archive.rss')!.body)).toBeGreaterThan(20 * 1024 * 1024);
    const big = await subscribe('/archive.rss');
    expect(big.kind, JSON.stringify(big)).toBe('subscribed');
    expect(refreshOf(big)).toMatchObject({ items: 25, added: 25, problems: [] });
    // Read once is what this test is about; the rest of the suite need not read 20 MB on every round.
    await ask(options, 'feed-unsubscribe', { url: server.url('/archive.rss') });

    // The mirror lists the RSS feed's four articles and one of its own.
    server.items.set('/mirror.rss', [...server.items.get('/world.rss')!, ...servedItems('mirror', 1)]);
    const pagesBefore = server.requests.filter((request) => request.path.startsWith('/articles/rss-')).length;
    const mirror = await subscribe('/mirror.rss');
    expect(refreshOf(mirror)).toMatchObject({ items: 5, added: 1, alreadyStored: 4 });
    expect(server.requests.filter((request) => request.path.startsWith('/articles/rss-')).length).toBe(pagesBefore);
  });

  it('does not let a slow feed hold up the others', async () => {
    server.items.set('/slow.rss', servedItems('slow', 1));
    expect((await subscribe('/slow.rss')).kind).toBe('subscribed');
    server.items.get('/slow.rss')!.unshift({ title: 'slow story 2', path: '/articles/slow-story-2', published: '2026-01-06T09:00:00Z' });
    server.items.get('/world.atom')!.unshift({ title: 'atom story 4', path: '/articles/atom-story-4', published: '2026-01-06T09:00:00Z' });
    server.slow.set('/slow.rss', 4000);
    const started = server.requests.length;
    const reports = await ask(options, 'feeds-refresh', {});
    server.slow.delete('/slow.rss');
    expect(reports.find((report) => report.url === server.url('/slow.rss'))).toMatchObject({ added: 1 });
    expect(reports.find((report) => report.url === server.url('/world.atom'))).toMatchObject({ added: 1 });
    // While the slow feed kept its answer back, the other feeds were read and their articles fetched.
    const during = server.requests.slice(started);
    const slow = during.find((request) => request.path === '/slow.rss')!;
    const meanwhile = during.filter((request) => request.path !== '/slow.rss' && request.startedAt >= slow.startedAt && request.endedAt <= slow.endedAt);
    expect(meanwhile.map((request) => request.path)).toContain('/articles/atom-story-4');
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('exports the feed list as OPML and imports it back', async () => {
    const before = (await feeds()).map((feed) => ({ url: feed.url, title: feed.title })).sort((a, b) => a.url.localeCompare(b.url));
    await options.reload();
    await options.locator('body[data-ready="true"]').waitFor();
    await expect.poll(() => options.locator('#opml-export').isDisabled()).toBe(false);
    const download = options.waitForEvent('download');
    await options.locator('#opml-export').click();
    const file = path.join(scratch, 'feeds.opml');
    await (await download).saveAs(file);
    const opml = readFileSync(file, 'utf8');
    expect(opml).toContain('<opml version="2.0">');
    expect(opml.match(/<outline /g)).toHaveLength(before.length);

    for (const feed of before) await ask(options, 'feed-unsubscribe', { url: feed.url });
    expect(await feeds()).toEqual([]);
    await options.locator('#opml-file').setInputFiles(file);
    await options.locator('#feeds-status', { hasText: `${before.length} feeds added from feeds.opml` }).waitFor();
    const after = (await feeds()).map((feed) => ({ url: feed.url, title: feed.title })).sort((a, b) => a.url.localeCompare(b.url));
    expect(after).toEqual(before);
  });

  it('reads 200 followed feeds a few at a time, spreads their schedule, and keeps answering meanwhile', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `/many/${i}.rss`);
    for (const feedPath of many) server.items.set(feedPath, servedItems(`many-${feedPath.replace(/\D/g, '')}`, 1));
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Many</title></head><body>${many.map((feedPath, i) => `<outline type="rss" text="Many ${i}" xmlUrl="${server.url(feedPath)}"/>`).join('')}</body></opml>`;
    const file = path.join(scratch, 'many.opml');
    writeFileSync(file, opml);
    await options.locator('#opml-file').setInputFiles(file);
    await options.locator('#feeds-status', { hasText: '200 feeds added from many.opml' }).waitFor();

    // Their first reads are spread over the coming hour, so each round of the schedule takes a few.
    const views = (await feeds()).filter((feed) => feed.url.includes('/many/'));
    const offsets = views.map((feed) => Date.parse(feed.nextRead) - Date.now());
    expect(Math.max(...offsets)).toBeLessThan(3_600_000);
    const perRound = new Map<number, number>();
    for (const offset of offsets) perRound.set(Math.floor(offset / 300_000), (perRound.get(Math.floor(offset / 300_000)) ?? 0) + 1);
    expect(Math.max(...perRound.values())).toBeLessThanOrEqual(30);

    // A round of the schedule now (the alarm firing) reads only the feeds that are due.
    server.maxInFlight = 0;
    const worker = await session.serviceWorker();
    const before = server.requests.length;
    await worker.evaluate(() => chrome.alarms.create('palimpsest-feed-refresh', { when: Date.now() }));
    await expect.poll(() => server.requests.slice(before).filter((request) => request.path.startsWith('/many/')).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(server.requests.slice(before).filter((request) => request.path.startsWith('/many/')).length).toBeLessThanOrEqual(2);

    // "Read all feeds now": every feed, at most four at once, and the worker answers other requests meanwhile.
    const reading = ask(options, 'feeds-refresh', {});
    let finished = false;
    void reading.then(() => (finished = true));
    await expect.poll(() => server.requests.filter((request) => request.path.startsWith('/many/')).length, { timeout: 60_000 }).toBeGreaterThan(20);
    const status = await ask(options, 'corpus-status', {});
    expect(finished, 'the worker answered while the feeds were still being read').toBe(false);
    expect(status.count).toBeGreaterThan(0);
    const reports = await reading;
    const readMany = reports.filter((report) => report.url.includes('/many/'));
    expect(readMany.filter((report) => report.error), JSON.stringify(readMany.filter((report) => report.error))).toEqual([]);
    expect(readMany).toHaveLength(200);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
  }, 180_000);
});
