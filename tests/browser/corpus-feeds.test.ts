/**
 * Feeds: the reader subscribes to a feed served from 127.0.0.1; subscribing reads it at once (each new item's
 * page fetched and its article extracted in the offscreen document), the hourly schedule is set, and reading the
 * feeds again stores only the items that appeared since.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, answerOf, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { LiveSite } from './helpers/live-site.ts';

const skipReason = browserSuiteUnavailable();

const paragraphs = (topic: string) => [
  `${topic} was confirmed on Monday by officials, who said the decision followed weeks of talks with local residents and business owners.`,
  `Officials said the cost of the plan would be shared between the city and the regional government, and that work would start in the spring.`,
  `Critics said the consultation had been too short, and asked the council to publish the full report before any contract is signed.`,
];

async function stored(options: Page, text: string): Promise<{ id: string; title?: string; site?: string; published?: string; url?: string }[]> {
  const reply = await options.evaluate((query) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'corpus-find', request: { text: query, limit: 100 } }), text);
  return answerOf(reply).items;
}

describe.skipIf(skipReason !== null)('feed subscriptions', () => {
  let session: ExtensionSession;
  let site: LiveSite;

  beforeAll(async () => {
    session = await ExtensionSession.launch({ grantAllHosts: true });
    site = await LiveSite.start();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('subscribes to a feed, stores its articles, and on refresh stores only the new ones', async () => {
    site.pages.set('/world/bridge', { title: 'New bridge approved', published: '2026-01-05T07:00:00Z', paragraphs: paragraphs('A new bridge over the Maple River') });
    site.pages.set('/world/tram', { title: 'Tram line extended', published: '2026-01-05T09:00:00Z', paragraphs: paragraphs('The extension of the tram line to the airport') });
    site.feed.push(
      { title: 'New bridge approved', path: '/world/bridge', published: '2026-01-05T07:00:00Z' },
      { title: 'Tram line extended', path: '/world/tram', published: '2026-01-05T09:00:00Z' },
    );

    const options = await session.extensionPage();
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.locator('body[data-ready="true"]').waitFor();
    await options.locator('#feed-url').fill(site.url('/feed.xml'));
    await options.locator('#feed-subscribe').click();
    await options.locator('#feeds-status', { hasText: /^Subscribed/ }).waitFor({ timeout: 60_000 });
    expect(await options.locator('#feeds-status').textContent()).toBe('Subscribed to The Courier — World. 2 new articles stored.');

    const feedItem = options.locator(`.feed[data-feed-url="${site.url('/feed.xml')}"]`);
    await expect.poll(() => feedItem.locator('.feed-count').textContent()).toBe('2 articles');
    const first = await stored(options, site.origin);
    expect(first.map((record) => record.title).sort()).toEqual(['New bridge approved', 'Tram line extended']);
    expect(first.every((record) => record.site === 'The Courier')).toBe(true);
    expect(site.requests.filter((request) => request.startsWith('/world/')).sort()).toEqual(['/world/bridge', '/world/tram']);

    // The schedule is set, and Chrome parsed the pages in its offscreen document, closed afterwards.
    const worker = await session.serviceWorker();
    const alarm = await worker.evaluate(() => chrome.alarms.get('palimpsest-feed-refresh'));
    expect(alarm).toMatchObject({ periodInMinutes: 5 });
    expect(await worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }))).toEqual([]);

    // A new item appears; reading the feeds (what the alarm does) fetches only that one.
    site.pages.set('/world/school', { title: 'School to reopen', published: '2026-01-06T08:00:00Z', paragraphs: paragraphs('The reopening of the flooded school') });
    site.feed.unshift({ title: 'School to reopen', path: '/world/school', published: '2026-01-06T08:00:00Z' });
    site.requests = [];
    await options.locator('#feeds-refresh').click();
    await options.locator('#feeds-status', { hasText: '1 new article stored.' }).waitFor({ timeout: 60_000 });
    expect(site.requests).toEqual(['/feed.xml', '/world/school']);
    expect((await stored(options, site.origin)).map((record) => record.title).sort()).toEqual(['New bridge approved', 'School to reopen', 'Tram line extended']);
    await expect.poll(() => feedItem.locator('.feed-count').textContent()).toBe('3 articles');

    // An item whose page is gone is reported; the feed's own text stands in when it carries enough.
    site.feed.unshift({ title: 'Gone', path: '/world/gone', published: '2026-01-07T08:00:00Z' });
    site.feed.unshift({
      title: 'Ferry service resumes',
      path: '/world/ferry-gone-too',
      published: '2026-01-07T09:00:00Z',
      summary: `<p>${paragraphs('The resumption of the ferry service to the island').join('</p><p>')}</p>`,
    });
    await options.locator('#feeds-refresh').click();
    await options.locator('#feeds-status', { hasText: '1 new article stored; 1 item could not be stored.' }).waitFor({ timeout: 60_000 });
    expect(await options.locator('#feeds-problems li').allTextContents()).toEqual(['Gone: not stored, its page answered HTTP 404']);
    expect((await stored(options, 'ferry'))[0]).toMatchObject({ title: 'Ferry service resumes', url: site.url('/world/ferry-gone-too') });

    mkdirSync(path.join(repoRoot, 'tests/.artifacts'), { recursive: true });
    await options.locator('#feeds-heading').scrollIntoViewIfNeeded();
    await options.locator('section[aria-labelledby="feeds-heading"]').screenshot({ path: path.join(repoRoot, 'tests/.artifacts/options-feeds.png') });
    await options.close();
  });
});
