/**
 * A corpus that fills itself from the first day, in the built extension: the first-run page opens on install and
 * follows a directory feed in one click (the directory replaced by feeds served on 127.0.0.1); on a page whose
 * original is unknown the popup says what the corpus holds and offers the page's two declared feeds, and following
 * one stores its articles; the budget removes the oldest articles and keeps the sample.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, askBackground, browserSuiteUnavailable, welcomePage } from './helpers/extension.ts';
import { FeedServer, servedItems } from './helpers/feed-server.ts';
import { articleHtml } from './helpers/live-site.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

const ask = askBackground;

/** A news page declaring two feeds, on a site of its own. */
async function declaringSite(feeds: FeedServer): Promise<{ server: Server; url: string }> {
  const head = `<link rel="alternate" type="application/rss+xml" title="Harbour Post — Top stories" href="${feeds.url('/harbour/top.rss')}">
<link rel="alternate" type="application/atom+xml" title="Harbour Post — Business" href="${feeds.url('/harbour/business.atom')}">
<link rel="alternate" type="text/html" href="/other">`;
  const html = articleHtml(
    {
      title: 'Ferry operator orders two electric ships',
      published: '2026-01-07T08:00:00Z',
      paragraphs: [
        'The island ferry operator has ordered two battery-powered ships from a northern shipyard, its chief executive said on Wednesday, in a deal worth about 90 million euros.',
        'The ships will carry up to 600 passengers and 120 cars each and are due to enter service on the harbour route in 2028, replacing two diesel vessels built in the 1990s.',
        'Port authorities said new charging points would be installed at both terminals, paid for in part by a regional fund for clean transport, and that work would begin this summer.',
      ],
    },
    'Harbour Post',
  ).replace('</head>', `${head}</head>`);
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  // localhost: a host of its own, apart from the feeds' 127.0.0.1.
  return { server, url: `http://localhost:${address.port}/business/ferry-ships` };
}

describe.skipIf(skipReason !== null)('a corpus that fills itself from the first day', () => {
  let session: ExtensionSession;
  let feeds: FeedServer;
  let site: { server: Server; url: string };

  beforeAll(async () => {
    feeds = await FeedServer.start();
    feeds.items.set('/wire/world.rss', servedItems('wire', 2));
    feeds.items.set('/harbour/top.rss', servedItems('harbour', 3));
    feeds.items.set('/harbour/business.atom', servedItems('business', 1));
    site = await declaringSite(feeds);
    const directory = {
      languages: [
        { code: 'en', name: 'English', native: 'English' },
        { code: 'ru', name: 'Russian', native: 'Русский' },
      ],
      feeds: [
        { name: 'Local Wire — World', lang: 'en', region: 'International', kind: 'wire service', covers: 'The wire copy of world news.', feed: feeds.url('/wire/world.rss'), site: feeds.url('/') },
        { name: 'Courier', lang: 'en', region: 'United Kingdom', kind: 'newspaper', covers: 'A daily.', feed: feeds.url('/courier.rss'), site: feeds.url('/') },
        { name: 'Местное агентство', lang: 'ru', region: 'Russia', kind: 'wire service', covers: 'Лента новостей.', feed: feeds.url('/ru.rss'), site: feeds.url('/') },
      ],
    };
    session = await ExtensionSession.launch({ grantAllHosts: true, directory, keepWelcomePage: true });
  });

  afterAll(async () => {
    await session?.close();
    await feeds?.close();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  it('opens the first-run page on install, grouped by language and region, and follows a feed in one click', async () => {
    const welcome = await welcomePage(session.context);
    await welcome.locator('body[data-ready="true"]').waitFor();
    expect(await welcome.locator('h1').textContent()).toBe('Welcome to Palimpsest');
    expect(await welcome.locator('.welcome-points').textContent()).toContain('Nothing leaves this computer.');
    expect(await welcome.locator('.directory-language h3').allTextContents()).toEqual(['EnglishEnglish', 'RussianРусский']);
    expect(await welcome.locator('.directory-language[data-lang="en"] h4').allTextContents()).toEqual(['International', 'United Kingdom']);
    const card = welcome.locator(`.directory-feed[data-feed-url="${feeds.url('/wire/world.rss')}"]`);
    expect(await card.locator('.feed-covers').textContent()).toBe('The wire copy of world news.');
    await card.locator('button').click();
    await card.locator('.follow-status', { hasText: 'Followed: 2 articles stored.' }).waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-followed')).toBe('true');
    expect(await card.locator('button').textContent()).toBe('Following');
    // The sample corpus stays: five sample articles and the two from the feed.
    expect((await ask(welcome, 'corpus-status', {})).count).toBe(7);

    // Opened again, the page knows what is followed.
    await welcome.reload();
    await welcome.locator('body[data-ready="true"]').waitFor();
    expect(await welcome.locator(`.directory-feed[data-feed-url="${feeds.url('/wire/world.rss')}"] button`).isDisabled()).toBe(true);
    await welcome.close();
  });

  it('says why no original was found and follows one of the page’s two feeds from the popup', async () => {
    const { tabId } = await session.openUrl(site.url);
    const popup = await session.openPopup(tabId);
    await popup.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
    const hint = popup.locator('#corpus-hint');
    await hint.locator('xpath=self::*[@data-hint-ready="true"]').waitFor();
    expect(await hint.locator('.hint-holdings').textContent()).toMatch(/^Your corpus holds 7 articles: 7 in English\./);
    expect(await hint.locator('.hint-site').textContent()).toBe('Nothing from localhost is stored, and you follow none of its feeds.');
    expect(await hint.locator('button.follow-feed').allTextContents()).toEqual(['Follow Harbour Post — Top stories', 'Follow Harbour Post — Business']);

    await hint.locator('button.follow-feed').first().click();
    await hint.locator('.follow-status', { hasText: 'Following Harbour Post — Top stories: 3 articles stored now' }).waitFor({ timeout: 30_000 });
    const followed = await ask(popup, 'feeds-list', {});
    expect(followed.map((feed) => feed.url).sort()).toEqual([feeds.url('/harbour/top.rss'), feeds.url('/wire/world.rss')].sort());
    await expect.poll(() => hint.locator('.hint-site').textContent()).toContain('you follow it through');
    await popup.close();
  });

  it('keeps the corpus within a budget: the oldest go, the sample stays, and the size is shown against it', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    // Articles published long ago arrive by import.
    const old = Array.from({ length: 4 }, (_, i) => ({
      id: `old-${i}`,
      published: `2020-0${i + 1}-10T00:00:00Z`,
      text: `An old report number ${i} about the harbour dredging works, the channel depth and the new pilot boats, filed long ago.`,
    }));
    await ask(options, 'import-batch', { source: { format: 'jsonl', name: 'old.jsonl', size: 1, lastModified: 0 }, records: old, advance: { position: 1, problems: [], done: true } });
    const before = (await ask(options, 'budget-status', {})).usage.count;
    await options.reload();
    await options.locator('body[data-ready="true"]').waitFor();
    await options.locator('#budget-days').fill('365');
    await options.locator('#budget-megabytes').fill('50');
    await options.locator('#budget-save').click();
    await options.locator('#budget-status', { hasText: 'Budget applied: 4 oldest articles removed.' }).waitFor({ timeout: 30_000 });
    expect(await options.locator('#budget-status').textContent()).toContain('5 articles over the budget were kept as originals of stored versions or as the sample.');
    const view = await ask(options, 'budget-status', {});
    expect(view.usage.count).toBe(before - 4);
    expect(view.budget).toEqual({ maxAgeDays: 365, maxBytes: 50 * 1024 * 1024 });
    expect(await options.locator('#budget-used-label').textContent()).toMatch(/^of 50 MB used by \d+ articles$/);
    expect(Number(await options.locator('#budget-meter').getAttribute('value'))).toBeGreaterThan(0);
    for (const id of ['seed-000', 'seed-004']) expect((await ask(options, 'corpus-find', { text: id, limit: 5 })).items).toHaveLength(1);
    await options.close();
  });
});
