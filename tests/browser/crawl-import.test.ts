/**
 * The bulk path for news crawls (extension/options/crawl/), in the built extension: a WARC.gz of 64 MB or more is
 * read by the reader and extractor workers and its batches are posted straight to the service worker. The crawl is
 * written at test time into a temporary directory (never committed): generated news pages, one gzip member per
 * record as crawlers write them, among incompressible image records that take the file past the 64 MB at which the
 * options page chooses the bulk path. The import is interrupted by closing the page and continues where it stopped.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importKey } from '../../lib/import/progress.ts';
import { newsPage } from '../../scripts/bench/news-pages.ts';
import { pageRecords, warcRecord } from '../../scripts/bench/news-warc.ts';
import { askBackground, browserSuiteUnavailable, ExtensionSession } from './helpers/extension.ts';

const skipReason = browserSuiteUnavailable();

/**
 * More than a batch holds (1,000 records): however fast the machine reads the file, the first batch is stored while
 * the rest is still to come, so the page can be closed midway (with 600 a fast machine read the whole file before its
 * first batch was due, and stored it in one).
 */
const ARTICLES = 1500;
/** Image records of this size, incompressible: 66 of them take the file past the bulk path's 64 MB. */
const IMAGE_BYTES = 1024 * 1024;
const IMAGES = 66;
const CARD = '.import-card[data-format="warc"]';

function imageRecord(index: number): Buffer {
  const body = randomBytes(IMAGE_BYTES);
  const response = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
  return warcRecord(
    [
      ['WARC-Type', 'response'],
      ['WARC-Record-ID', `<urn:uuid:11111111-0000-4000-8000-${String(index).padStart(12, '0')}>`],
      ['WARC-Date', '2026-01-01T00:00:00Z'],
      ['WARC-Target-URI', `https://images.example/photo-${index}.jpg`],
      ['Content-Type', 'application/http; msgtype=response'],
    ],
    response,
  );
}

/** The articles first, then an image after every ninth page, each record its own gzip member. */
function writeCrawl(file: string): void {
  const out = openSync(file, 'w');
  try {
    let images = 0;
    for (let index = 0; index < ARTICLES; index++) {
      for (const record of pageRecords(index)) writeSync(out, gzipSync(record, { level: 1 }));
      if (index % 9 === 8 && images < IMAGES) writeSync(out, gzipSync(imageRecord(images++), { level: 1 }));
    }
    while (images < IMAGES) writeSync(out, gzipSync(imageRecord(images++), { level: 1 }));
  } finally {
    closeSync(out);
  }
}

async function openOptions(session: ExtensionSession, file: string): Promise<Page> {
  const options = await session.extensionPage();
  await options.locator('body[data-ready="true"]').waitFor();
  await options.locator(`${CARD} .import-file`).setInputFiles(file);
  await options.locator(`${CARD} .import-start:not([disabled])`).waitFor();
  return options;
}

const statusOf = (options: Page) => options.locator(`${CARD} .import-status`).textContent().then((text) => text ?? '');
const storedIn = (status: string) => Number(/([\d,]+) articles? stored/.exec(status)?.[1].replace(/,/g, '') ?? 0);

describe.skipIf(skipReason !== null)('bulk import of a news crawl of 64 MB and more', () => {
  let session: ExtensionSession;
  let workDir: string;
  let file: string;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-crawl-'));
    file = path.join(workDir, 'news-crawl.warc.gz');
    writeCrawl(file);
    session = await ExtensionSession.launch();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('answers a request posted straight to its service worker (as import batches are) on a port of the request', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    const answer = await options.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration(`${location.origin}/`);
      const channel = new MessageChannel();
      const replied = new Promise<unknown>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
      registration!.active!.postMessage({ channel: 'palimpsest/1', type: 'corpus-status', request: {}, id: 'test' }, [channel.port2]);
      return replied;
    });
    expect(answer).toMatchObject({ ok: true, value: { sampleLoaded: true } });
    await options.close();
  });

  it('stores every article of the crawl, continuing after the page was closed where it stopped, nothing twice', async () => {
    let options = await openOptions(session, file);
    const sampleCount = (await askBackground(options, 'corpus-status', {})).count;
    await options.locator(`${CARD} .import-start`).click();
    // The page is closed once the first batch is stored, before the end of the file.
    await options.locator(`${CARD} .import-status`, { hasText: /[1-9][\d,]* articles? stored/ }).waitFor({ timeout: 120_000 });
    const storedBeforeClosing = storedIn(await statusOf(options));
    expect(await statusOf(options), 'the import ended before the page could be closed').not.toMatch(/^Done/);
    await options.close();

    options = await openOptions(session, file);
    const note = options.locator(`${CARD} .import-resume:not([hidden])`);
    await note.waitFor();
    expect(await note.textContent()).toMatch(/stopped after/);
    expect(await options.locator(`${CARD} .import-start`).textContent()).toBe('Continue import');
    // The saved progress holds the gzip member to seek to: the bulk path's resume point.
    const chosen = await options.evaluate((card) => {
      const chosenFile = document.querySelector<HTMLInputElement>(`${card} .import-file`)!.files![0];
      return { name: chosenFile.name, size: chosenFile.size, lastModified: chosenFile.lastModified };
    }, CARD);
    const saved = await askBackground(options, 'import-status', { key: importKey({ format: 'warc', ...chosen }) });
    expect(saved?.resume?.offset).toBeGreaterThan(0);
    await options.locator(`${CARD} .import-start`).click();
    await options.locator(`${CARD} .import-status`, { hasText: /^(Done|The import stopped|The import was interrupted)/ }).waitFor({ timeout: 300_000 });
    const status = await statusOf(options);
    expect(status).toMatch(/^Done/);
    expect(status).not.toMatch(/problem/);
    expect(status).not.toMatch(/already in your corpus/);
    // Under the status, what this run (the continued one) stored and how long it took.
    const storedThisRun = ARTICLES - saved!.added;
    const pace = (await options.locator(`${CARD} .import-pace`).textContent()) ?? '';
    expect(pace).toMatch(new RegExp(`^This run stored ${storedThisRun.toLocaleString('en')} articles? in (\\d+\\.\\d s|\\d+ s|\\d+ min \\d+ s)( \\([\\d.,]+ articles a second\\))?\\.$`));

    const count = (await askBackground(options, 'corpus-status', {})).count;
    expect(count - sampleCount).toBe(ARTICLES);
    expect(storedBeforeClosing).toBeLessThan(ARTICLES);
    // Articles read in the extractors are stored as the pages show them.
    const page = newsPage(ARTICLES - 1);
    const found = await askBackground(options, 'corpus-find', { text: page.title, limit: 5 });
    expect(found.items.map((item) => item.title)).toContain(page.title);
    await options.close();
  });
});
