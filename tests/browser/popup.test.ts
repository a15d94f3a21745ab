/**
 * The reader's path on real pages: open an article, click the toolbar button, read the popup.
 * Runs the built extension (engine, corpus store and extractor included) in Chromium against the fixture pages.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, answerOf, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { readPopup, waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

describe.skipIf(skipReason !== null)('popup on article pages', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('names The Week (seed 001) as the original of seed 000, with the drift', async () => {
    const { tabId } = await session.openFixture('seed-000');
    // Tall enough for the screenshot to reach the first drift items.
    const popup = await session.openPopup(tabId, { width: 480, height: 1240 });
    const shown = await readPopup(popup);

    expect(shown.originalId).toBe('seed-001');
    expect(shown.originalText).toContain('The Week');
    expect(shown.originalText).toMatch(/machine-translated rewrite|rewrite|translation/);
    expect(shown.originalText).toMatch(/confidence \(\d+%\)/);

    // Other coverage of the story is listed apart from the versions, never as the original.
    expect(shown.sameStory).toEqual(expect.arrayContaining(['seed-002', 'seed-003', 'seed-004']));
    const versionIds = shown.versions.map((version) => version.id);
    for (const coverage of ['seed-002', 'seed-003', 'seed-004']) expect(versionIds).not.toContain(coverage);
    expect(versionIds).toContain('seed-001');

    const drift = shown.drift;
    const has = (source: RegExp, page: RegExp) => drift.some((item) => source.test(item.source) && page.test(item.page));
    expect(has(/Echo of Moscow radio/, /Echo Zamir Kabulov/), 'garbled radio station name').toBe(true);
    expect(has(/The Wall Street Journal reports/, /The Wall Reports of the Street Journal/), 'garbled attribution').toBe(true);
    expect(has(/(will|with) decide/, /had decided/), 'will decide -> had decided').toBe(true);
    const quotes = drift.filter((item) => item.kind === 'quote');
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    expect(quotes.some((item) => /shackles of slavery/.test(item.source) && /chains of slavery/.test(item.page))).toBe(true);

    // The toolbar badge counts the versions found (the same-story coverage is not a version).
    expect(await session.badgeText(tabId)).toBe(String(shown.versions.length));

    // Most serious first: altered quotes lead the drift list.
    expect(drift[0].kind).toBe('quote');

    // The side-by-side view marks changed words with <del>/<ins>.
    expect(await popup.locator('.sbs-table del').count()).toBeGreaterThan(0);
    expect(await popup.locator('.sbs-table ins').count()).toBeGreaterThan(0);

    // The README shows this screenshot once `npm run docs:screenshots` copies it into docs/.
    mkdirSync(path.join(repoRoot, 'tests/.artifacts'), { recursive: true });
    await popup.screenshot({ path: path.join(repoRoot, 'tests/.artifacts/popup-seed-000.png'), fullPage: false });
    await popup.close();
  });

  it('gives a first look from the index alone: the close version of 000, nothing for same-story coverage', async () => {
    const copy = await session.openFixture('seed-000');
    const coverage = await session.openFixture('seed-002');
    const page = await session.extensionPage();
    const firstLook = (tabId: number) =>
      page.evaluate((id) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'first-look', request: { tabId: id } }), tabId);
    const found = answerOf(await firstLook(copy.tabId));
    expect(found.kind).toBe('sources');
    const sources = found.kind === 'sources' ? found.sources : [];
    expect(sources.map((source) => source.id)).toEqual(['seed-001']);
    expect(sources[0].containment).toBeGreaterThan(0.5);
    expect(answerOf(await firstLook(coverage.tabId))).toEqual({ kind: 'none' });
    await Promise.all([page.close(), copy.page.close(), coverage.page.close()]);
  });

  it('marks a chosen drift item in the page and scrolls to it', async () => {
    const { page, tabId } = await session.openFixture('seed-000');
    const popup = await session.openPopup(tabId);
    await waitForAnswer(popup);
    await popup.locator('.drift-item', { hasText: 'chains of slavery' }).first().click();
    await popup.locator('#status', { hasText: 'Marked in the page' }).waitFor();

    const mark = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('mark[data-palimpsest-highlight]')];
      const box = marks[0]?.getBoundingClientRect();
      return {
        count: marks.length,
        text: marks.map((m) => m.textContent).join(''),
        inView: box ? box.top >= 0 && box.bottom <= window.innerHeight : false,
      };
    });
    expect(mark.count).toBeGreaterThan(0);
    expect(mark.text).toContain('chains of slavery');
    expect(mark.inView).toBe(true);
    await popup.close();
  });

  it('shows seed 001 as having no earlier original, with seed 000 as a later derivative', async () => {
    const { tabId } = await session.openFixture('seed-001');
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);

    expect(shown.originalId).toBeNull();
    expect(shown.originalText).toContain('Original unknown');
    const derivative = shown.versions.find((version) => version.id === 'seed-000');
    expect(derivative, 'seed 000 listed as a version').toBeDefined();
    expect(derivative!.text).toContain('later derivative');

    // The Week's newsletter prompts, bio and related links are set aside, shown apart, and never compared.
    const setAside = popup.locator('.set-aside');
    await expect.poll(() => setAside.count()).toBe(1);
    expect(await setAside.locator('summary').textContent()).toMatch(/^Set aside: \d+ pieces of page furniture/);
    const furniture = await setAside.locator('.set-aside-furniture li').allTextContents();
    const startsAPiece = (start: string) => furniture.some((piece) => piece.startsWith(start));
    expect(startsAPiece('Subscribe to The Week')).toBe(true);
    expect(startsAPiece("Sign up for The Week's Free Newsletters")).toBe(true);
    expect(startsAPiece('Peter has worked as a news and culture writer')).toBe(true);
    expect(startsAPiece("America's academic brain drain has begun")).toBe(true);
    const driftText = (await popup.locator('.drift-item').allTextContents()).join(' ');
    expect(driftText).not.toContain('Subscribe to The Week');
    await popup.close();
  });

  it('says plainly when a page has no article', async () => {
    const { tabId } = await session.openFixture('no-article');
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);

    expect(shown.message).toBe('No article found on this page');
    expect(await popup.locator('.message-error').count()).toBe(0);
    expect(await popup.locator('#status.busy').count()).toBe(0);
    await popup.close();
  });

  it('explains that browser pages cannot be read', async () => {
    const { tabId } = await session.openAddress('chrome://version/');
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);

    expect(shown.message).toBe('Palimpsest can’t read this page');
    expect(await popup.locator('.message').textContent()).toContain('off-limits');
    await popup.close();
  });
});
