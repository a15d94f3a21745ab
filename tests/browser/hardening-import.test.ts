/**
 * Hostile and broken imports in the built extension, through the options page a reader uses: a JSONL file with
 * markup payloads, binary junk, malformed lines and duplicate ids; a web archive cut off mid-download; files that
 * are not what they claim; a single 50 MB record; and the service worker stopped in the middle of an import.
 * Each bad part is reported (as text), every good record is kept, the corpus stays consistent and the import
 * can be finished. The hostile records then show in the popup as text, never as markup or unsafe links.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { IMG_PAYLOAD, JAVASCRIPT_URL, PAYLOAD_ELEMENTS, SCRIPT_PAYLOAD, SVG_PAYLOAD } from '../unit/hardening/payloads.ts';
import type { BackgroundProtocol, CorpusPage, RequestOf, ResponseOf } from '../../extension/shared/protocol.ts';
import { ExtensionSession, answerOf, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { selfContainedSeed000 } from './helpers/hardening-pages.ts';
import { HTML_UTF8, TINY_PNG, startHardeningServer, type HardeningServer } from './helpers/hardening-server.ts';
import { openAndClick, payloadRan, watchSignals, type PageSignals } from './helpers/hardening-session.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

const line = (record: object): string => JSON.stringify(record);
const seed001 = JSON.parse(readFileSync(path.join(repoRoot, 'assets/seed-corpus.jsonl'), 'utf8').split('\n')[1]) as { text: string };

/** A copy of The Week's article (seed 001), dated a day earlier, under a hostile title, site, id and address. */
const HOSTILE_ID = `wire ${IMG_PAYLOAD}`;
const hostileCopy = {
  id: HOSTILE_ID,
  title: `${SCRIPT_PAYLOAD} Russia cozies up to the Taliban`,
  site: `Wire ${SVG_PAYLOAD}`,
  url: JAVASCRIPT_URL,
  published: '2021-08-15T09:00:00Z',
  byline: IMG_PAYLOAD,
  text: `${seed001.text}\n\nThis wire copy was filed a day early.`,
};

type Format = 'jsonl' | 'html' | 'warc';

describe.skipIf(skipReason !== null)('hostile and broken imports', () => {
  let session: ExtensionSession;
  let server: HardeningServer;
  let options: Page;
  let signals: PageSignals;
  let workDir: string;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    server = await startHardeningServer();
    server.serve('/afghan-tank.png', { body: TINY_PNG, contentType: 'image/png' });
    workDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-hostile-import-'));
    options = await session.extensionPage();
    signals = watchSignals(options);
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.locator('body[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const card = (format: Format) => options.locator(`.import-card[data-format="${format}"]`);

  async function importFile(format: Format, file: string): Promise<string> {
    const importCard = card(format);
    await importCard.locator('.import-file').setInputFiles([]);
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-start:not([disabled])').click();
    await importCard.locator('.import-status', { hasText: /^(Done|The import stopped|The import was interrupted)/ }).waitFor({ timeout: 90_000 });
    return (await importCard.locator('.import-status').textContent()) ?? '';
  }

  async function ask<K extends keyof BackgroundProtocol>(type: K, request: RequestOf<BackgroundProtocol, K>): Promise<ResponseOf<BackgroundProtocol, K>> {
    const reply = await options.evaluate(([type, request]) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type, request }), [type, request] as const);
    return answerOf(reply);
  }

  async function storedIds(text: string): Promise<string[]> {
    return (await ask('corpus-find', { text, limit: 100_000 })).items.map((item) => item.id);
  }

  /** Records the export listing walks through, page by page (a page holds at most a few thousand). */
  async function listedCount(): Promise<number> {
    let count = 0;
    for (let after: number | null = 0; after !== null; ) {
      const page: CorpusPage = await ask('corpus-page', { after, limit: 2000 });
      count += page.count;
      after = page.last;
    }
    return count;
  }

  function write(name: string, content: string | Uint8Array): string {
    const file = path.join(workDir, name);
    writeFileSync(file, content);
    return file;
  }

  it('reports malformed, binary and duplicate JSONL lines as text and keeps the good records', async () => {
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x80, 0x1b, 0x5b, 0x32, 0x4a]);
    const file = write(
      'hostile.jsonl',
      Buffer.concat([
        Buffer.from(`${line(hostileCopy)}\n{"id": "cut", "text": "ends ${SCRIPT_PAYLOAD}\n`),
        junk,
        Buffer.from(`\n${line({ id: 'plain-good', text: 'A plain record: the harbour reopened on Monday after the repairs.' })}\n${line({ id: HOSTILE_ID, text: `Again ${IMG_PAYLOAD}` })}\n`),
      ]),
    );
    const status = await importFile('jsonl', file);
    expect(status).toMatch(/^Done: 2 articles stored · 3 problems/);
    const problems = await card('jsonl').locator('.problem').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^Line 2: invalid JSON/),
      expect.stringMatching(/^Line 3: invalid JSON/),
      `Line 5: duplicate id ${JSON.stringify(HOSTILE_ID)} (first on line 1)`,
    ]);
    expect(await storedIds('plain-good')).toEqual(['plain-good']);

    // The stored hostile record, listed in the options page: text only, no link.
    await options.locator('#find-text').fill('cozies up');
    const listed = options.locator('#find-results li.record', { hasText: 'cozies up' });
    await listed.waitFor();
    expect(await listed.locator('.record-title').textContent()).toBe(hostileCopy.title);
    expect(await listed.locator('.record-url').textContent()).toBe(JAVASCRIPT_URL);
    expect(await options.locator('#site-select option', { hasText: 'Wire <svg' }).count()).toBe(1);
    expect(await options.locator(`main ${PAYLOAD_ELEMENTS.split(', ').join(', main ')}`).count()).toBe(0);
    expect(await options.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await payloadRan(options)).toBe(false);
    expect(signals.dialogs).toEqual([]);
    expect(signals.errors).toEqual([]);
  });

  it('shows a hostile stored record in the popup as text, with no unsafe link', async () => {
    const url = server.serve('/seed-000.html', { body: selfContainedSeed000(), contentType: HTML_UTF8 });
    const { page, tabId } = await openAndClick(session, url);
    const popup = await session.openPopup(tabId, { width: 480, height: 1400 });
    const popupSignals = watchSignals(popup);
    const shown = await readPopup(popup);
    expect(shown.versions.map((version) => version.id)).toContain(HOSTILE_ID);
    const text = (await popup.locator('body').textContent()) ?? '';
    expect(text).toContain(hostileCopy.title);
    expect(text).toContain(hostileCopy.site);
    expect(await popup.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
    const hrefs = await popup.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);

    // Comparing with it renders its wording (side by side included) as text too.
    await popup.locator(`button.version[data-version-id="${HOSTILE_ID.replace(/"/g, '\\"')}"]`).click();
    await popup.locator('#status', { hasText: /^Compared with/ }).waitFor();
    expect(await popup.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
    expect(await payloadRan(popup)).toBe(false);
    expect(popupSignals.dialogs).toEqual([]);
    expect(popupSignals.errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('keeps the pages of a web archive cut off mid-download and reports where it ends', async () => {
    const archive = readFileSync(path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz'));
    const whole = await importFile('warc', write('whole.warc.gz', archive));
    const wholeCount = Number(/Done: (\d+) articles? stored/.exec(whole)?.[1] ?? /(\d+) were already/.exec(whole)?.[1]);
    expect(wholeCount).toBeGreaterThan(1);
    await ask('corpus-delete', { ids: await storedIds('.example/') });

    const status = await importFile('warc', write('cut.warc.gz', archive.subarray(0, Math.floor(archive.length * 0.6))));
    const kept = Number(/Done: (\d+) articles? stored/.exec(status)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(wholeCount);
    const problems = await card('warc').locator('.problem').allTextContents();
    expect(problems.at(-1)).toMatch(/ends in the middle of this record|damaged/);
    expect((await storedIds('.example/')).length).toBe(kept);
  });

  it('reports files that are not what they claim: binary junk as JSONL and as a web archive', async () => {
    const junk = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256));
    const countBefore = (await ask('corpus-status', {})).count;
    const asJsonl = await importFile('jsonl', write('junk.jsonl', junk));
    expect(asJsonl).toMatch(/^Done: 0 articles stored · \d+ problems?/);
    const asWarc = await importFile('warc', write('junk.warc', junk));
    expect(asWarc).toMatch(/^Done: 0 articles stored · 1 problem/);
    expect(await card('warc').locator('.problem').allTextContents()).toEqual([expect.stringMatching(/^Record 1: (not a WARC record|the archive is damaged)/)]);
    expect((await ask('corpus-status', {})).count).toBe(countBefore);
  });

  it('reports a single 50 MB record and keeps the records around it', async () => {
    const file = path.join(workDir, 'giant.jsonl');
    const out = openSync(file, 'w');
    writeSync(out, `${line({ id: 'giant-before', text: 'Before the giant record: the ferry timetable changes in May.' })}\n{"id": "giant", "text": "`);
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) writeSync(out, block);
    writeSync(out, `"}\n${line({ id: 'giant-after', text: 'After the giant record: the harbour crane was sold at auction.' })}\n`);
    closeSync(out);
    const status = await importFile('jsonl', file);
    expect(status).toMatch(/^Done: 2 articles stored · 1 problem/);
    expect(await card('jsonl').locator('.problem').allTextContents()).toEqual([expect.stringMatching(/^Line 2: line longer than \d+ bytes$/)]);
    expect((await storedIds('giant')).sort()).toEqual(['giant-after', 'giant-before']);
    rmSync(file);
  });

  it('stays consistent when the service worker is stopped mid-import, and the import can be finished', async () => {
    const total = 6000;
    const file = write(
      'bulk.jsonl',
      Array.from({ length: total }, (_, i) => line({ id: `stop-${i}`, site: 'Stop Wire', text: `Bulletin ${i}: the lock keeper counted ${i * 13} boats and ${i % 17} barges; the canal stayed ${i % 3 ? 'open' : 'shut'} at gate ${i % 23}.` })).join('\n') + '\n',
    );
    const countBefore = (await ask('corpus-status', {})).count;
    const importCard = card('jsonl');
    await importCard.locator('.import-file').setInputFiles([]);
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-start:not([disabled])').click();
    await importCard.locator('.import-status', { hasText: /^Importing: [1-9]/ }).waitFor({ timeout: 60_000 });
    await session.stopServiceWorker();
    // The batch lost with the worker is sent again; only a second loss in a row interrupts the import.
    await importCard.locator('.import-status', { hasText: /^(Done|The import was interrupted; choose the file again)/ }).waitFor({ timeout: 120_000 });

    // Whatever was cut short, the corpus is consistent: its count is what it holds, and no record is doubled.
    const partial = await storedIds('stop-');
    expect(new Set(partial).size).toBe(partial.length);
    const status = await ask('corpus-status', {});
    expect(status.count).toBe(countBefore + partial.length);
    expect(await listedCount()).toBe(status.count);

    // Choosing the file again finishes the import: every record exactly once.
    await importCard.locator('.import-file').setInputFiles([]);
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-start:not([disabled])').click();
    await importCard.locator('.import-status', { hasText: /^Done/ }).waitFor({ timeout: 120_000 });
    const ids = await storedIds('stop-');
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect((await ask('corpus-status', {})).count).toBe(countBefore + total);
    // The index still answers: the check of a page still finds the sample corpus's original.
    const url = server.serve('/seed-000-again.html', { body: selfContainedSeed000(), contentType: HTML_UTF8 });
    const { page: tab, tabId } = await openAndClick(session, url);
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);
    expect(shown.versions.map((version) => version.id)).toContain('seed-001');
    await popup.close();
    await tab.close();
  });
});
