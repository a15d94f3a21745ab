/**
 * The popup's first screen for every state a page can be in: the one-sentence answer leads (edited copy, stored page,
 * same story only, unknown, no article, restricted page), the options page is one click away, unchanged sentences
 * fold, the page's metadata reads as a reader knows it, and the headings run in order (read from the accessibility
 * tree). Each state's screenshot goes to tests/.artifacts (the README shows them after `npm run docs:screenshots`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, browserSuiteUnavailable, extensionPath, repoRoot } from './helpers/extension.ts';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
const artifacts = path.join(repoRoot, 'tests/.artifacts');
/** Real saved news pages (research data beside the repository); their tests skip without them. */
const savedPagesDir = path.resolve(repoRoot, '..', 'shared', 'extraction', 'readability-test-pages');

/** The popup as a reader sees it: its answer line, its state and the page line beneath. */
async function answerOf(popup: Page): Promise<{ state: string | null; headline: string; detail: string; pageLine: string }> {
  await waitForAnswer(popup);
  return popup.evaluate(() => {
    const text = (selector: string) => (document.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      state: document.querySelector('.answer')?.getAttribute('data-state') ?? document.querySelector('.message')?.getAttribute('data-outcome') ?? null,
      headline: text('h1'),
      detail: text('.summary-detail'),
      pageLine: text('.page-line'),
    };
  });
}

/** Heading levels in document order, read from Playwright's accessibility snapshot of the popup. */
async function headingLevels(popup: Page): Promise<number[]> {
  const snapshot = await popup.locator('body').ariaSnapshot();
  // A line reads `- heading "Drift 8" [level=2]`, quoted as a whole when the name holds a colon.
  return [...snapshot.matchAll(/- '?heading "[^\n]*?" \[level=(\d)\]/g)].map((found) => Number(found[1]));
}

/** One h1 first, and no level skipped going down (no h3 before an h2). */
function expectHeadingsInOrder(levels: number[]): void {
  expect(levels[0], `headings ${levels.join(' ')}`).toBe(1);
  expect(levels.filter((level) => level === 1).length, `headings ${levels.join(' ')}`).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1], `headings ${levels.join(' ')}`).toBeLessThanOrEqual(1);
  });
}

async function screenshot(popup: Page, state: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await popup.screenshot({ path: path.join(artifacts, `popup-state-${state}.png`), fullPage: false });
}

/** Everything the popup offers is reached with Tab alone: the options button among them. */
async function tabbableLabels(popup: Page, presses: number): Promise<string[]> {
  const labels: string[] = [];
  await popup.locator('body').focus();
  for (let i = 0; i < presses; i++) {
    await popup.keyboard.press('Tab');
    labels.push(await popup.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
  return labels;
}

describe.skipIf(skipReason !== null)('popup states', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('edited copy: names the original and the changes first, then the drift, the versions, the folded side by side', async () => {
    const { tabId } = await session.openFixture('popup-edited-copy');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const answer = await answerOf(popup);

    expect(answer.state).toBe('copy');
    expect(answer.headline).toMatch(/^Edited copy of The Week’s article of (16 Aug 2021|Aug 16, 2021) \(\d+ changes: a quote, /);
    expect(answer.pageLine).toContain('Frontier Dispatch');
    // The drift comes before the versions and the lineage, most serious first.
    const order = await popup.evaluate(() => ['#drift-heading', '#original-heading', '#versions-heading', '#sbs-heading'].map((id) => document.querySelector(id)?.getBoundingClientRect().top ?? -1));
    expect(order.every((top) => top > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Its first drift item is on the first screen.
    const firstDrift = await popup.locator('.drift-item').first().boundingBox();
    expect(firstDrift!.y).toBeLessThan(600);
    // The page is not stored: "Add this page" is offered.
    expect(await popup.locator('button.add-page').isVisible()).toBe(true);
    expect(await popup.locator('text=Looking for stored copies').count()).toBe(0);
    expectHeadingsInOrder(await headingLevels(popup));
    await screenshot(popup, 'edited-copy');

    // Unchanged sentences fold into one line each run; the button shows them.
    const fold = popup.locator('button.sbs-unfold').first();
    expect(await fold.textContent()).toMatch(/^\d+ unchanged sentences$/);
    const hidden = await popup.locator('.sbs-row[hidden]').count();
    expect(hidden).toBeGreaterThan(1);
    expect(await popup.locator('.sbs-row.changed').count()).toBeGreaterThan(0);
    await fold.focus();
    await popup.keyboard.press('Enter');
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await popup.locator('.sbs-row[hidden]').count()).toBeLessThan(hidden);
    await popup.close();
  });

  it('stored page: "Add this page" stores it, the answer says so, and the stored copy then leads without the button', async () => {
    const { tabId } = await session.openFixture('sitename-platform-name');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const before = await answerOf(popup);
    expect(before).toMatchObject({ state: 'unknown', headline: 'No version of this article is in your corpus; original unknown' });
    expect(before.pageLine).toContain('Lakeside ferry returns to daily service after engine overhaul');
    expect(before.pageLine).toContain('Lakeside Ledger');
    expect(before.pageLine).not.toContain('Hosted');
    await screenshot(popup, 'unknown');

    await popup.locator('button.add-page').click();
    await popup.locator('.history-status', { hasText: 'Added to your corpus.' }).waitFor();
    await popup.locator('.answer[data-state="stored"]').waitFor();
    expect(await popup.locator('h1').textContent()).toMatch(/^You stored this article on .+; no other version known$/);
    expect(await popup.locator('button.add-page').isVisible()).toBe(false);
    await popup.close();

    const again = await session.openPopup(tabId, { width: 480, height: 600 });
    const stored = await answerOf(again);
    expect(stored.state).toBe('stored');
    expect(stored.headline).toMatch(/^You stored this article on .+; no other version known$/);
    expect(await again.locator('button.add-page').count()).toBe(1);
    expect(await again.locator('button.add-page').isVisible()).toBe(false);
    // The stored copy leads the answer: its section comes right after the summary.
    const firstSection = await again.evaluate(() => document.querySelector('#content > section:not(.answer), #content > div:not(.answer-holder) section')?.id ?? null);
    expect(firstSection).toBe('page-history');
    expect(await again.locator('text=Looking for stored copies').count()).toBe(0);
    expectHeadingsInOrder(await headingLevels(again));
    await screenshot(again, 'stored');
    await again.close();
  });

  it('stored page from the sample corpus: the stored copy leads, with the other reports of the story', async () => {
    const { tabId } = await session.openFixture('seed-002');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const answer = await answerOf(popup);
    expect(answer.state).toBe('stored');
    expect(answer.headline).toMatch(/^This article is in your corpus; no other version known; [2-4] other reports of the same story$/);
    expect(await popup.locator('button.add-page').isVisible()).toBe(false);
    await popup.close();
  });

  it('same story only: says how many other reports and that no copy was found', async () => {
    // An independent report of the seed story, in its own words: not in the sample corpus.
    const { tabId } = await session.openFixture('popup-same-story');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const answer = await answerOf(popup);
    expect(answer.state).toBe('same-story');
    expect(answer.headline).toBe('Same story as 5 other reports; no copies found');
    expect(await popup.locator('[data-coverage-id]').count()).toBe(5);
    expectHeadingsInOrder(await headingLevels(popup));
    await screenshot(popup, 'same-story');
    await popup.close();
  });

  it('no article: says why and what to try, with the options page a click away', async () => {
    const { tabId } = await session.openFixture('no-article');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const answer = await answerOf(popup);
    expect(answer).toMatchObject({ state: 'no-article', headline: 'No article found on this page' });
    expect(await popup.locator('.message-why').textContent()).toMatch(/found no article text here/);
    expect(await popup.locator('.message-tries li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Find original/)]));
    expectHeadingsInOrder(await headingLevels(popup));
    await screenshot(popup, 'no-article');

    const opened = session.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/options.html') });
    await popup.locator('.message-options button.options-link').click();
    await (await opened).close();
    await popup.close();
  });

  it('restricted page: says the browser keeps it closed and what to try; the toolbar offers the options by keyboard', async () => {
    const { tabId } = await session.openAddress('chrome://version/');
    const popup = await session.openPopup(tabId, { width: 480, height: 600 });
    const answer = await answerOf(popup);
    expect(answer).toMatchObject({ state: 'restricted', headline: 'Palimpsest can’t read this page' });
    // The words are the built extension's messages file (the browser's i18n reads it; the popup falls back on the
    // same English file where the browser answers nothing).
    const messages = JSON.parse(readFileSync(path.join(extensionPath, '_locales/en/messages.json'), 'utf8'));
    expect(answer.headline).toBe(messages.restrictedTitle.message);
    expect(await popup.locator('.message-why').textContent()).toContain('off-limits');
    expect(await popup.locator('.message-tries').textContent()).toContain('ordinary tab');
    expectHeadingsInOrder(await headingLevels(popup));
    await screenshot(popup, 'restricted');

    expect(await tabbableLabels(popup, 4)).toEqual(expect.arrayContaining(['Check again', 'Options', 'Open the options']));
    const opened = session.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/options.html') });
    await popup.locator('#open-options').focus();
    await popup.keyboard.press('Enter');
    await (await opened).close();
    await popup.close();
  });

  it('shows the site names and headlines a reader recognises on the new fixture pages', async () => {
    const expected: [string, string, string][] = [
      ['sitename-social-handle', 'CountyCheck', 'Fact-check: No, the county did not double its property tax rate'],
      ['sitename-document-title', 'The Harbor City Times', 'City to lift parking fees downtown on weekends'],
      ['title-og-site-suffix', 'Capitol Wire', 'Senate passes stopgap bill to avert shutdown'],
    ];
    for (const [fixture, site, title] of expected) {
      const { tabId } = await session.openFixture(fixture);
      const popup = await session.openPopup(tabId);
      const answer = await answerOf(popup);
      expect(await popup.locator('.page-title').textContent(), fixture).toBe(title);
      expect(answer.pageLine, fixture).toContain(site);
      expect(answer.pageLine, fixture).not.toMatch(/@|\|/);
      await popup.close();
    }
  });

  describe.skipIf(!existsSync(savedPagesDir))('real saved pages', () => {
    let saved: FixtureServer;

    /** Saved pages still name their sites' scripts and images: no request leaves the machine. */
    const offline = (url: URL) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1';

    beforeAll(async () => {
      saved = await startFixtureServer(savedPagesDir);
      await session.context.route(offline, (route) => route.abort());
    });

    afterAll(async () => {
      await session?.context.unroute(offline);
      await saved?.close();
    });

    it('names the site once: The New York Times from its title, BBC News not repeated as the byline', async () => {
      const cases: [string, RegExp][] = [
        ['nytimes-1', /^This page United States to Lift Sudan Sanctions · The New York Times · /],
        ['bbc-1', /^This page Obama admits US gun laws are his 'biggest frustration' · BBC News · [^·]+$/],
        ['tmz-1', /· tmz\.com/],
      ];
      for (const [name, pageLine] of cases) {
        const { tabId } = await session.openUrl(saved.url(`/${name}/source.html`));
        const popup = await session.openPopup(tabId);
        const answer = await answerOf(popup);
        expect(answer.pageLine, name).toMatch(pageLine);
        await popup.close();
      }
    });
  });
});
