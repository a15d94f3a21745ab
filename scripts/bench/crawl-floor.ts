/**
 * What a bulk import's work costs without the product around it (`npm run bench -- --only crawl-floor`), for the same
 * generated news articles as the crawl row, so that its CPU per 1,000 articles can be split into the work and what
 * surrounds it:
 * - in Node, the bulk reader on each page (decoding included) and the record's index keys and content hash;
 * - IndexedDB alone, in an extension page with no Dexie and none of the store's code: the records with the store's six
 *   indexes and its two duplicate reads each, and index rows of the size the store writes (its keys per article, about
 *   3 bytes a posting, rows of 1,024), one generation per 262,144 postings, merged four at a time as the store merges;
 * - the store's own path from already extracted articles: the options page's import requests to the service worker.
 */
import { cpus } from 'node:os';
import { newsPage } from './news-pages.ts';
import { BenchBrowser, importThroughOptionsPage } from './chromium-path.ts';
import { browserPid, CpuMeter, type ThreadRole } from './process-cpu.ts';
import { readArticleFromBytes, readArticleFast } from '../../lib/extract/bulk-reader.ts';
import { recordKeys } from '../../lib/store/record-keys.ts';
import { contentHash } from '../../lib/store/record-checks.ts';
import { recordFromArticle } from '../../lib/import/records.ts';
import type { CorpusRecord } from '../../lib/types.ts';

type Log = (line: string) => void;

/** Articles a crawl of one MB holds: the 1 GB crawl's 77,565. */
const ARTICLES_PER_MB = 77_565 / 1024;
/** Distinct generated pages read and keyed in Node, and whose texts the IndexedDB run cycles through. */
const SAMPLE_PAGES = 300;
const NODE_ROUNDS = 12;
/** Postings per generation written from pending runs, and the bytes of a packed posting (lib/store). */
const GENERATION_POSTINGS = 1 << 18;
const PACKED_POSTING_BYTES = 3;
const ROW_PAIRS = 1024;

export interface CpuSplit {
  /** CPU seconds per 1,000 articles, all threads of the browser's processes. */
  perThousand: number;
  byRole: Partial<Record<ThreadRole, number>>;
  articlesPerSecond: number;
}

export interface CrawlFloor {
  articles: number;
  /** Node, per article: the bulk reader on the page (decoding included); keys and hash of its text. */
  readerMs: number;
  keysMs: number;
  keysPerArticle: number;
  indexedDb: CpuSplit;
  storePath: CpuSplit;
  cores: number;
}

function bestMsPerItem<T>(items: readonly T[], work: (item: T) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < NODE_ROUNDS; round++) {
    const began = performance.now();
    for (const item of items) work(item);
    best = Math.min(best, (performance.now() - began) / items.length);
  }
  return best;
}

/** Runs `act` in a fresh browser and reads the CPU its processes spent per 1,000 articles. */
async function measured(setup: { extensionDir: string; chromiumPath: string; repoRoot: string }, articles: number, act: (browser: BenchBrowser) => Promise<number>): Promise<CpuSplit> {
  const browser = await BenchBrowser.launch(setup.extensionDir, setup.chromiumPath, setup.repoRoot, 'pinned');
  try {
    const pid = browserPid(browser.profileDir);
    if (pid === null) throw new Error('the browser process was not found in /proc');
    const cpu = new CpuMeter(pid);
    cpu.sample();
    const before = cpu.secondsByRole();
    const ms = await act(browser);
    cpu.sample();
    const byRole: Partial<Record<ThreadRole, number>> = {};
    let all = 0;
    for (const [role, seconds] of cpu.secondsByRole()) {
      const spent = seconds - (before.get(role) ?? 0);
      byRole[role] = (spent / articles) * 1000;
      all += spent;
    }
    return { perThousand: (all / articles) * 1000, byRole, articlesPerSecond: articles / (ms / 1000) };
  } finally {
    await browser.close();
  }
}

/**
 * Writes `total` records straight through IndexedDB, as the page's own script: the texts cycle through `texts`, each
 * made distinct by its number. Ids, url keys and hashes are spread over the key space as the store's are (a random
 * slug in the address, a random hash), not in the order written, which LevelDB stores more cheaply. Returns the
 * milliseconds spent.
 */
export const RAW_WRITES = `async ({ total, texts, batch, rowsPerBatch, rowBytes }) => {
  let seed = 1;
  // Math.imul keeps the product in 32 bits: a plain multiplication loses its low bits past 2^53 and cycles in 419 steps.
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('crawl-floor', 1);
    open.onupgradeneeded = () => {
      const records = open.result.createObjectStore('records', { keyPath: 'doc' });
      for (const [name, unique] of [['id', true], ['hash', true], ['urlKey', false], ['site', false], ['published', false], ['dated', false]]) records.createIndex(name, name, { unique });
      open.result.createObjectStore('rows', { keyPath: 'id' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const done = (tx) => new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = (event) => reject(new Error(String(event.target.error))); tx.onabort = () => reject(new Error('aborted: ' + tx.error)); });
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  const row = () => { const bytes = new Uint8Array(rowBytes); for (let i = 0; i < rowBytes; i += 2) bytes[i] = random() * 256; return bytes.buffer; };
  const record = (doc) => {
    const site = 'site' + (doc % 40) + '.example';
    const slug = Array.from({ length: 6 }, () => Math.floor(random() * 1e9).toString(36)).join('-');
    const url = 'https://www.' + site + '/world/' + slug + '-' + doc;
    const when = new Date(Date.UTC(2026, 0, 1) + doc * 60000).toISOString();
    return { doc, id: url + '@' + hex() + hex().slice(4), hash: hex() + hex(), url, urlKey: url.slice(12), site, published: when, dated: when, firstSeen: when, title: 'Article ' + doc, text: doc + ' ' + texts[doc % texts.length], lang: 'en', bytes: 6000 };
  };
  const tiers = [[]];
  const rowId = (generation, n) => generation * 2 ** 20 + n;
  let doc = 1;
  let generation = 0;
  const began = performance.now();
  while (doc <= total) {
    const records = Array.from({ length: Math.min(batch, total - doc + 1) }, (_, i) => record(doc + i));
    doc += records.length;
    const tx = db.transaction(['records', 'rows'], 'readwrite');
    const store = tx.objectStore('records');
    const counted = (request) => new Promise((resolve) => { request.onsuccess = resolve; });
    await Promise.all(records.flatMap((r) => [counted(store.index('id').count(r.id)), counted(store.index('hash').count(r.hash))]));
    for (const r of records) store.put(r);
    const rows = tx.objectStore('rows');
    const written = generation++;
    const rowCount = Math.max(1, Math.round((rowsPerBatch * records.length) / batch));
    for (let n = 0; n < rowCount; n++) rows.put({ id: rowId(written, n), packed: row() });
    tiers[0].push([written, rowCount]);
    await done(tx);
    for (let tier = 0; tier < tiers.length && tiers[tier].length >= 4; tier++) {
      const merged = tiers[tier].splice(0, 4);
      const mtx = db.transaction('rows', 'readwrite');
      const mrows = mtx.objectStore('rows');
      const into = generation++;
      let count = 0;
      for (const [old, oldCount] of merged) {
        const range = IDBKeyRange.bound(rowId(old, 0), rowId(old + 1, 0), false, true);
        mrows.getAll(range);
        mrows.delete(range);
        count += oldCount;
      }
      for (let n = 0; n < count; n++) mrows.put({ id: rowId(into, n), packed: row() });
      (tiers[tier + 1] ??= []).push([into, count]);
      await done(mtx);
    }
  }
  const ms = performance.now() - began;
  db.close();
  return ms;
}`;

export async function runCrawlFloor(setup: { extensionDir: string; chromiumPath: string; repoRoot: string; megabytes: number }, log: Log): Promise<CrawlFloor> {
  const articles = Math.max(1000, Math.round(setup.megabytes * ARTICLES_PER_MB));
  const pages = Array.from({ length: SAMPLE_PAGES }, (_, i) => newsPage(i));
  const encoded = pages.map((page) => ({ bytes: new TextEncoder().encode(page.html), url: page.url }));
  const decoder = new TextDecoder('utf-8');
  const readerMs = bestMsPerItem(encoded, (page) => readArticleFromBytes(page.bytes, decoder, page.url));
  const texts = pages.map((page) => readArticleFast(page.html, page.url)?.text ?? '').filter((text) => text.length > 0);
  const keysMs = bestMsPerItem(texts, (text) => [recordKeys(text, 'en', {}), contentHash(text)]);
  const keysPerArticle = texts.reduce((n, text) => n + recordKeys(text, 'en', {}).length, 0) / texts.length;
  log(`crawl floor: in Node the bulk reader takes ${readerMs.toFixed(2)} ms a page, keys and hash ${keysMs.toFixed(2)} ms an article (${keysPerArticle.toFixed(0)} keys)`);

  const batch = Math.max(1, Math.floor(GENERATION_POSTINGS / keysPerArticle));
  const rowsPerBatch = Math.ceil((batch * keysPerArticle) / ROW_PAIRS);
  log(`crawl floor: ${articles.toLocaleString('en')} records straight through IndexedDB…`);
  const indexedDb = await measured(setup, articles, async (browser) => {
    const page = await browser.extensionPage('options.html');
    const ms = (await page.evaluate(`(${RAW_WRITES})(${JSON.stringify({ total: articles, texts, batch, rowsPerBatch, rowBytes: ROW_PAIRS * PACKED_POSTING_BYTES })})`)) as number;
    await page.close();
    return ms;
  });

  log(`crawl floor: ${articles.toLocaleString('en')} extracted articles through the store's path…`);
  const records: CorpusRecord[] = [];
  for (let i = 0; records.length < articles; i++) {
    const page = newsPage(i);
    const article = readArticleFast(page.html, page.url);
    // The record the crawl's import makes of the page (extension/options/crawl/steps.ts).
    const made = article && recordFromArticle(article, { url: page.url, firstSeen: page.date });
    if (made && 'record' in made) records.push(made.record);
  }
  const storePath = await measured(setup, articles, async (browser) => (await importThroughOptionsPage(browser, records, log)).ms);
  return { articles, readerMs, keysMs, keysPerArticle, indexedDb, storePath, cores: cpus().length };
}

function split(cpu: CpuSplit): string {
  const roles = Object.entries(cpu.byRole)
    .filter(([, seconds]) => seconds >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([role, seconds]) => `${role} ${seconds.toFixed(2)}`)
    .join(', ');
  return `${cpu.perThousand.toFixed(2)} s (${roles})`;
}

export function crawlFloorRows(floor: CrawlFloor): string[] {
  const work = floor.readerMs + floor.keysMs + floor.indexedDb.perThousand;
  return [
    `| What the bulk import's work costs apart (${floor.articles.toLocaleString('en')} generated articles) | CPU per 1,000 articles | articles/s |`,
    '|---|---:|---:|',
    `| Node: the bulk reader on the page, decoding included | ${floor.readerMs.toFixed(2)} s |  |`,
    `| Node: index keys (${floor.keysPerArticle.toFixed(0)} an article) and content hash | ${floor.keysMs.toFixed(2)} s |  |`,
    `| IndexedDB alone: the records with six indexes and two duplicate reads each, index rows written and merged in tiers of four | ${split(floor.indexedDb)} | ${floor.indexedDb.articlesPerSecond.toFixed(0)} |`,
    `| The store's path from extracted articles: import requests to the service worker | ${split(floor.storePath)} | ${floor.storePath.articlesPerSecond.toFixed(0)} |`,
    `| The work alone (reader, keys, IndexedDB), and the rate it allows on ${floor.cores} idle cores | ${work.toFixed(2)} s | ${((floor.cores * 1000) / work).toFixed(0)} |`,
  ];
}
