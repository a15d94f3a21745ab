/**
 * The reader's own corpus, growing as they read: "Add this page" in the popup and, when turned on, every visited
 * article kept. A page whose text changes between two visits gains a second version, and the popup shows its
 * edit history with the changed words marked. Identical text is never stored twice.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, answerOf, askBackground, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { LiveSite, type LiveArticle } from './helpers/live-site.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

const FIRST: LiveArticle = {
  title: 'Riverside library to reopen after flood repairs',
  published: '2026-01-05T08:00:00Z',
  paragraphs: [
    'The Riverside public library will reopen on Monday after eight months of repairs to its flooded ground floor, the city council said on Thursday.',
    'Library director Ana Ruiz said about 12,000 books were lost when the Maple River burst its banks in March, and that most of the children’s collection had been replaced with donations.',
    'The council spent $1.3 million on the repairs, which included raising the electrical system above the flood line.',
    'Opening hours will return to normal, and the first week will feature readings for children every afternoon.',
  ],
};

/** The same story edited after publication: a figure corrected, a quote reworded, a sentence added. */
const EDITED: LiveArticle = {
  ...FIRST,
  paragraphs: [
    FIRST.paragraphs[0],
    'Library director Ana Ruiz said about 15,000 books were lost when the Maple River burst its banks in March, and that most of the children’s collection had been replaced with donations.',
    FIRST.paragraphs[2],
    'Opening hours will return to normal, and the first week will feature readings for children every afternoon.',
    'A council spokesperson said the library’s basement archive would stay closed until the summer.',
  ],
};

interface ShownHistory {
  versions: string[];
  changes: { kind: string; html: string; text: string }[];
}

async function readHistory(popup: Page): Promise<ShownHistory> {
  await popup.locator('#page-history[data-history-ready="true"]').waitFor({ timeout: 30_000 });
  return popup.evaluate(() => ({
    versions: [...document.querySelectorAll<HTMLElement>('.history-version')].map((item) => item.dataset.versionId ?? ''),
    changes: [...document.querySelectorAll<HTMLElement>('.diff-sentence')].map((item) => ({
      kind: item.dataset.kind ?? '',
      // Markup of our own rendering (del/ins), read to check the diff marks: not page content.
      html: [...item.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : `<${node.nodeName.toLowerCase()}>${node.textContent}</${node.nodeName.toLowerCase()}>`)).join(''),
      text: item.textContent ?? '',
    })),
  }));
}

async function addThisPage(popup: Page): Promise<string> {
  await popup.locator('#page-history[data-history-ready="true"]').waitFor({ timeout: 30_000 });
  await popup.locator('button.add-page').click();
  await popup.locator('#page-history[data-history-ready="true"]').waitFor({ timeout: 30_000 });
  return (await popup.locator('.history-status').textContent()) ?? '';
}

describe.skipIf(skipReason !== null)('"Add this page": versions of one address', () => {
  let session: ExtensionSession;
  let site: LiveSite;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    site = await LiveSite.start();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('stores a second version when the text changed, and shows the edit history with the diff', async () => {
    site.pages.set('/news/library-reopens', FIRST);
    const first = await session.openUrl(site.url('/news/library-reopens'));
    let popup = await session.openPopup(first.tabId);
    await waitForAnswer(popup);
    expect((await readHistory(popup)).versions).toEqual([]);
    expect(await addThisPage(popup)).toBe('Added to your corpus.');
    expect((await readHistory(popup)).versions).toHaveLength(1);

    // Stored as it reads now: the popup offers no second add, and says so first.
    expect(await popup.locator('button.add-page').isVisible()).toBe(false);
    expect(await popup.locator('.answer[data-state="stored"] h1').textContent()).toMatch(/^You stored this article on /);
    // Storing the same text again (as capture of every visit would) stores nothing.
    expect(await askBackground(popup, 'capture-tab', { tabId: first.tabId })).toMatchObject({ kind: 'unchanged' });
    expect((await readHistory(popup)).versions).toHaveLength(1);
    await popup.close();
    await first.page.close();

    // The site edits the story; the reader comes back (with a campaign tag in the address, as from a newsletter).
    site.pages.set('/news/library-reopens', EDITED);
    const second = await session.openUrl(site.url('/news/library-reopens?utm_source=newsletter'));
    popup = await session.openPopup(second.tabId, { width: 480, height: 1100 });
    await waitForAnswer(popup);
    expect(await addThisPage(popup)).toBe('Stored as version 2: the text has changed.');

    const history = await readHistory(popup);
    expect(history.versions).toHaveLength(2);
    expect(history.changes).toEqual([
      { kind: 'changed', html: expect.stringContaining('about <del>12</del><ins>15</ins>,000 books were lost'), text: expect.any(String) },
      { kind: 'added', html: '<ins>A council spokesperson said the library’s basement archive would stay closed until the summer.</ins>', text: expect.any(String) },
    ]);
    await popup.locator('#page-history').scrollIntoViewIfNeeded();
    const artifacts = path.join(repoRoot, 'tests/.artifacts');
    mkdirSync(artifacts, { recursive: true });
    await popup.screenshot({ path: path.join(artifacts, 'popup-history.png'), fullPage: true });
    await popup.close();
    await second.page.close();
  });
});

describe.skipIf(skipReason !== null)('capture of every visited article (setting on)', () => {
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

  async function storedAt(options: Page, url: string): Promise<string[]> {
    const reply = await options.evaluate((text) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'corpus-find', request: { text, limit: 10 } }), url);
    return answerOf(reply).items.map((item) => item.id);
  }

  it('is off by default, and once on keeps each visited article, again when its text changes', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    const toggle = options.locator('#capture-visits');
    expect(await toggle.isChecked()).toBe(false);
    await options.getByText('Keep a copy of every article I read').click();
    await options.locator('#capture-status', { hasText: 'Capture is on' }).waitFor();
    expect(await toggle.isChecked()).toBe(true);

    site.pages.set('/news/visited', FIRST);
    const address = site.url('/news/visited');
    const visit = async () => {
      const page = await session.context.newPage();
      await page.goto(address);
      return page;
    };
    const firstVisit = await visit();
    await expect.poll(() => storedAt(options, address), { timeout: 20_000 }).toHaveLength(1);
    await firstVisit.close();

    // The same text again: nothing new.
    const again = await visit();
    await again.waitForTimeout(1500);
    expect(await storedAt(options, address)).toHaveLength(1);
    await again.close();

    site.pages.set('/news/visited', EDITED);
    const edited = await visit();
    await expect.poll(() => storedAt(options, address), { timeout: 20_000 }).toHaveLength(2);

    await session.clickToolbarButton(edited);
    const tabId = await (await session.serviceWorker()).evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null, address);
    const popup = await session.openPopup(tabId!);
    await waitForAnswer(popup);
    const history = await readHistory(popup);
    expect(history.versions).toHaveLength(2);
    expect(history.changes.map((change) => change.kind)).toEqual(['changed', 'added']);
    await popup.close();
    await edited.close();
    await options.close();
  });
});
