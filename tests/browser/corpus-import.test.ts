/**
 * Import and export from the options page, in the built extension: a JSONL file with bad lines (reported by line
 * number, good lines kept), a web archive, a large file cancelled and resumed, and export → delete everything →
 * import giving back exactly the same corpus.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, answerOf, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';

const skipReason = browserSuiteUnavailable();

const line = (record: object) => JSON.stringify(record);

const JSONL_WITH_BAD_LINES = [
  line({ id: 'imp-a', title: 'Council approves budget', site: 'Courier', published: '2026-01-02', text: 'The city council approved next year’s budget on Tuesday after a four-hour debate about road repairs and school funding.' }),
  '{"id": "imp-broken", "text": "The line ends too soon',
  line({ id: 'imp-b', site: 'Courier', text: 'Firefighters contained a warehouse fire near the river port overnight; nobody was hurt, the fire service said.' }),
  line({ id: 'imp-no-text', title: 'Nothing here' }),
  line({ id: 'imp-c', site: 'Wire', published: '2026-01-03T09:00:00Z', text: 'The national weather service warned of heavy snow in the northern provinces from Thursday evening.' }),
  line({ id: 'imp-bad-date', published: 'last Tuesday', text: 'A record whose date is not a date.' }),
  line({ id: 'imp-d', text: 'Shares in the regional airline rose after it announced three new routes for the summer season.' }),
  line({ id: 'imp-a', text: 'A second record claiming the first id.' }),
].join('\n');

async function openOptions(session: ExtensionSession): Promise<Page> {
  const options = await session.extensionPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.locator('body[data-ready="true"]').waitFor();
  return options;
}

function card(options: Page, format: 'jsonl' | 'html' | 'warc') {
  return options.locator(`.import-card[data-format="${format}"]`);
}

async function importFile(options: Page, format: 'jsonl' | 'html' | 'warc', file: string | string[]): Promise<string> {
  const importCard = card(options, format);
  await importCard.locator('.import-file').setInputFiles(file);
  await importCard.locator('.import-start:not([disabled])').click();
  await importCard.locator('.import-status', { hasText: /^(Done|The import stopped|The import was interrupted)/ }).waitFor({ timeout: 60_000 });
  return (await importCard.locator('.import-status').textContent()) ?? '';
}

async function storedIds(options: Page, text: string): Promise<string[]> {
  const reply = await options.evaluate((query) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'corpus-find', request: { text: query, limit: 50_000 } }), text);
  return answerOf(reply).items.map((item) => item.id);
}

async function exportCorpus(options: Page, saveAs: string): Promise<string> {
  const download = options.waitForEvent('download');
  await options.locator('#export-start').click();
  await (await download).saveAs(saveAs);
  await options.locator('#export-status', { hasText: /^Exported/ }).waitFor();
  return readFileSync(saveAs, 'utf8');
}

describe.skipIf(skipReason !== null)('import and export in the options page', () => {
  let session: ExtensionSession;
  let options: Page;
  let workDir: string;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    workDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-import-'));
    options = await openOptions(session);
  });

  afterAll(async () => {
    await session?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('imports a JSONL file, reporting each bad line by number and keeping the good ones', async () => {
    const file = path.join(workDir, 'mixed.jsonl');
    writeFileSync(file, JSONL_WITH_BAD_LINES);
    const status = await importFile(options, 'jsonl', file);
    expect(status).toMatch(/^Done: 4 articles stored · 4 problems/);

    const problems = await card(options, 'jsonl').locator('.problem').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^Line 2: invalid JSON/),
      'Line 4: missing "text"',
      'Line 6: "published" is not an ISO 8601 date: "last Tuesday"',
      'Line 8: duplicate id "imp-a" (first on line 1)',
    ]);
    expect((await storedIds(options, 'imp-')).sort()).toEqual(['imp-a', 'imp-b', 'imp-c', 'imp-d']);
    expect(await options.locator('#article-count').textContent()).toBe('9');
  });

  it('imports the article pages of a web archive (WARC.gz), dated by the archive', async () => {
    const status = await importFile(options, 'warc', path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz'));
    expect(status).toMatch(/^Done: 4 articles stored · 1 problem\..*7 archive records were not an article page/);
    const problems = await card(options, 'warc').locator('.problem').allTextContents();
    expect(problems).toEqual(['Record 10 (https://www.riversidecourier.example/account/login): no article found in the page']);
    const ids = await storedIds(options, '.example/');
    expect(ids.filter((id) => id.startsWith('https://wire.example/world/russia-to-keep-kabul-embassy-open@'))).toHaveLength(1);
    expect(ids.some((id) => id.startsWith('https://www.lecourrier.example/'))).toBe(true);
    const found = await options.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'corpus-find', request: { text: 'wire.example', limit: 5 } }),
    );
    expect(answerOf(found).items[0]).toMatchObject({ firstSeen: '2021-08-17T06:00:00.000Z' });
  });

  it('imports saved web pages, recognising an article already stored from the archive', async () => {
    const fixtures = path.join(repoRoot, 'tests/fixtures');
    const files = [
      ['lang-html', 'library-reopens.html'],
      ['date-dateline', 'kabul-embassy.html'],
      ['no-article', 'login.html'],
    ].map(([fixture, name]) => {
      const target = path.join(workDir, name);
      writeFileSync(target, readFileSync(path.join(fixtures, fixture, 'page.html')));
      return target;
    });
    const notes = path.join(workDir, 'notes.txt');
    writeFileSync(notes, 'not a page');
    const status = await importFile(options, 'html', [...files, notes]);
    expect(status).toBe('Done: 1 article stored · 1 was already in your corpus · 2 problems.');
    // The chosen files are named and counted; once done, no progress bar is left standing.
    expect(await card(options, 'html').locator('.import-chosen').textContent()).toMatch(/^4 files chosen \([\d.,]+ [kKM]?B\): library-reopens\.html, kabul-embassy\.html, login\.html and 1 other$/);
    expect(await card(options, 'html').locator('.import-progress').isVisible()).toBe(false);
    expect(await card(options, 'html').locator('.problem').allTextContents()).toEqual([
      'login.html: no article found in the page',
      'notes.txt: not a saved web page (.html or .htm)',
    ]);
  });

  it('cancels a large import and continues it after the last stored batch', async () => {
    const file = path.join(workDir, 'bulk.jsonl');
    const total = 12_000;
    const lines = Array.from({ length: total }, (_, i) =>
      line({ id: `bulk-${i}`, site: 'Bulk Wire', text: `Bulletin ${i}: the harbour authority recorded ${i * 7} arrivals and ${i * 3} departures, ${i % 5} delays, and reported the quay ${i % 2 ? 'open' : 'closed'} for repairs on pier ${i % 11}.` }),
    );
    writeFileSync(file, lines.join('\n') + '\n');
    const importCard = card(options, 'jsonl');
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-start:not([disabled])').click();
    await importCard.locator('.import-status', { hasText: /^Importing: [1-9]/ }).waitFor({ timeout: 60_000 });
    await importCard.locator('.import-cancel').click();
    await importCard.locator('.import-status', { hasText: /^Import cancelled/ }).waitFor({ timeout: 30_000 });
    const storedBefore = (await storedIds(options, 'bulk-')).length;
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(total);

    // Choosing the file again offers to continue where it stopped.
    await importCard.locator('.import-file').setInputFiles([]);
    await importCard.locator('.import-file').setInputFiles(file);
    await importCard.locator('.import-resume', { hasText: /stopped after [\d,]+ lines/ }).waitFor();
    expect(await importCard.locator('.import-start').textContent()).toBe('Continue import');
    await importCard.locator('.import-start').click();
    await importCard.locator('.import-status', { hasText: /^Done/ }).waitFor({ timeout: 120_000 });
    const ids = await storedIds(options, 'bulk-');
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('round-trips the corpus: export, delete everything, import the export, export again', async () => {
    const first = await exportCorpus(options, path.join(workDir, 'export-1.jsonl'));
    const count = first.trimEnd().split('\n').length;
    expect(count).toBeGreaterThan(12_000);
    expect(await options.locator('#article-count').textContent()).toBe(count.toLocaleString('en'));

    await options.locator('#delete-all').click();
    await options.locator('#confirm-text', { hasText: `Delete all ${count.toLocaleString('en')} articles?` }).waitFor();
    await options.locator('#confirm-yes').click();
    await options.locator('#manage-status', { hasText: /0 articles remain/ }).waitFor({ timeout: 30_000 });
    await options.locator('#article-count', { hasText: /^0$/ }).waitFor();

    const status = await importFile(options, 'jsonl', path.join(workDir, 'export-1.jsonl'));
    expect(status).toBe(`Done: ${count.toLocaleString('en')} articles stored.`);

    const second = await exportCorpus(options, path.join(workDir, 'export-2.jsonl'));
    expect(second).toBe(first);

    mkdirSync(path.join(repoRoot, 'tests/.artifacts'), { recursive: true });
    await options.screenshot({ path: path.join(repoRoot, 'tests/.artifacts/options-import.png'), fullPage: true });
  });
});
