/**
 * The reader corrects Palimpsest in the built extension: on seed 000 they mark The Week (seed 001) as not a version.
 * The popup shows the corrected answer at once; the correction holds for the other article, after the service
 * worker is stopped, and through an export, deleting everything and importing the export; Undo restores the
 * original.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, askBackground, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { readPopup, waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

const SEED_000_URL = 'https://worldnewsdigest.example/2021/08/17/russia-is-already-tentatively-approaching-the-taliban-after-the-afghan-sweep/';

/** What the popup shows about seed 001 and the reader's corrections. */
async function correctionsShown(popup: Page) {
  const shown = await readPopup(popup);
  const corrected = await popup.locator('[data-corrected-id]').evaluateAll((items) =>
    items.map((item) => ({ id: (item as HTMLElement).dataset.correctedId, text: (item.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
  const markable = await popup.locator('button.not-a-version').evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.notAVersionId));
  return { ...shown, corrected, markable, status: (await popup.locator('#status').textContent()) ?? '' };
}

/** Clicks a control that makes the popup ask again, and waits for the new answer. */
async function clickAndWait(popup: Page, selector: string): Promise<void> {
  await popup.locator('body[data-ready="true"]').waitFor();
  await popup.locator(selector).click();
  await popup.locator('body:not([data-ready])').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await waitForAnswer(popup);
}

describe.skipIf(skipReason !== null)('the reader’s “not a version of this page”', () => {
  let session: ExtensionSession;
  let workDir: string;
  let tabId: number;
  let popup: Page;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    workDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-corrections-'));
  });

  afterAll(async () => {
    await session?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('on seed 000, leaves seed 001 out at once: the original becomes unknown and seed 001 is listed with an undo', async () => {
    ({ tabId } = await session.openFixture('seed-000'));
    popup = await session.openPopup(tabId);
    const before = await correctionsShown(popup);
    expect(before.originalId).toBe('seed-001');
    expect(before.markable).toEqual(expect.arrayContaining(['seed-001', 'seed-002', 'seed-003', 'seed-004']));
    expect(before.corrected).toEqual([]);
    mkdirSync(path.join(repoRoot, 'tests/.artifacts'), { recursive: true });
    await popup.screenshot({ path: path.join(repoRoot, 'tests/.artifacts/popup-before-correction.png'), fullPage: false });

    await clickAndWait(popup, 'button.not-a-version[data-not-a-version-id="seed-001"]');
    const after = await correctionsShown(popup);
    expect(after.originalId).toBeNull();
    expect(await popup.locator('.card.original').textContent()).toContain('Original unknown');
    expect(after.versions.map((version) => version.id)).not.toContain('seed-001');
    expect(after.markable).not.toContain('seed-001');
    expect(after.sameStory).toEqual(expect.arrayContaining(['seed-002', 'seed-003', 'seed-004']));
    expect(after.corrected).toEqual([{ id: 'seed-001', text: 'You marked as not a version: The Week — Undo' }]);
    expect(after.status).toMatch(/^Marked The Week as not a version of this page\./);
    expect(await session.badgeText(tabId)).toBe(after.versions.length > 0 ? String(after.versions.length) : '');
    await popup.screenshot({ path: path.join(repoRoot, 'tests/.artifacts/popup-corrected.png'), fullPage: true });
  });

  it('is respected by a check of seed 001: seed 000 is not listed there either, not even in the first look', async () => {
    const other = await session.openFixture('seed-001');
    const otherPopup = await session.openPopup(other.tabId);
    const look = await askBackground(otherPopup, 'first-look', { tabId: other.tabId });
    expect(look.kind === 'sources' ? look.sources!.map((source) => source.id) : []).not.toContain('seed-000');
    const shown = await correctionsShown(otherPopup);
    expect(shown.versions.map((version) => version.id)).not.toContain('seed-000');
    expect(shown.corrected.map((line) => line.id)).toEqual(['seed-000']);
    await otherPopup.close();
    await other.page.close();
  });

  it('still holds when a restarted service worker checks the page again', async () => {
    await popup.close();
    const before = await (await session.serviceWorker()).evaluate(() => performance.timeOrigin);
    await session.stopServiceWorker();

    popup = await session.openPopup(tabId);
    await waitForAnswer(popup);
    // "Check again" makes the new worker read the corrections from the corpus database, not the stored answer.
    await clickAndWait(popup, '#recheck');
    const after = await (await session.serviceWorker()).evaluate(() => performance.timeOrigin);
    expect(after, 'a new service worker answered').not.toBe(before);
    const shown = await correctionsShown(popup);
    expect(shown.originalId).toBeNull();
    expect(shown.versions.map((version) => version.id)).not.toContain('seed-001');
    expect(shown.corrected.map((line) => line.id)).toEqual(['seed-001']);
  });

  it('travels in the export, goes with “delete every article”, and comes back with the import', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();

    const download = options.waitForEvent('download');
    await options.locator('#export-start').click();
    const file = path.join(workDir, 'export.jsonl');
    await (await download).saveAs(file);
    await options.locator('#export-status', { hasText: /^Exported \d+ articles and 1 correction \(/ }).waitFor();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    expect(last).toMatchObject({ correction: 'not-a-version', a: { url: SEED_000_URL }, b: { id: 'seed-001', site: 'The Week' } });
    expect(lines.slice(0, -1).every((line) => 'text' in JSON.parse(line))).toBe(true);

    await options.locator('#delete-all').click();
    await options.locator('#confirm-text', { hasText: 'corrections go with them' }).waitFor();
    await options.locator('#confirm-yes').click();
    await options.locator('#manage-status', { hasText: /0 articles remain/ }).waitFor({ timeout: 30_000 });
    expect(await askBackground(options, 'corpus-corrections', {})).toMatchObject({ count: 0 });

    const importCard = options.locator('.import-card[data-format="jsonl"]');
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-start:not([disabled])').click();
    const status = importCard.locator('.import-status', { hasText: /^(Done|The import stopped|The import was interrupted)/ });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toBe(`Done: ${lines.length - 1} articles stored · 1 correction of yours.`);
    await options.close();

    await clickAndWait(popup, '#recheck');
    const shown = await correctionsShown(popup);
    expect(shown.originalId).toBeNull();
    expect(shown.versions.map((version) => version.id)).not.toContain('seed-001');
    expect(shown.corrected.map((line) => line.id)).toEqual(['seed-001']);
  });

  it('Undo makes seed 001 the original again, and stays undone', async () => {
    await clickAndWait(popup, '[data-corrected-id="seed-001"] button.undo-correction');
    const shown = await correctionsShown(popup);
    expect(shown.originalId).toBe('seed-001');
    expect(shown.versions.map((version) => version.id)).toContain('seed-001');
    expect(shown.corrected).toEqual([]);
    expect(shown.status).toMatch(/^The Week may be a version again\./);

    await clickAndWait(popup, '#recheck');
    expect((await correctionsShown(popup)).originalId).toBe('seed-001');
    expect(await askBackground(popup, 'corpus-corrections', {})).toMatchObject({ count: 0 });
  });
});
