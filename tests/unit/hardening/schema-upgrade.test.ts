/**
 * Nothing stored is lost across a schema upgrade. A corpus database as schema version 1 left it — records, the
 * per-document rows, the inverted index and the store's counters — opens under the current schema with every
 * record intact, its index rebuilt in the current layout and found by retrieval, its address key filled in, and
 * document numbers never reused. A version-3 corpus gains the reader's corrections table and keeps its records. A
 * version-5 corpus keeps its index, moved from bucket and middle tiers into generations, answering the same.
 * The old declarations are copied here on purpose: they are what browsers hold, whatever the code says today.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { notAVersion } from '../../../lib/corpus/corrections.ts';
import { checkArticle } from '../../../lib/engine.ts';
import { FEATURE_VERSION, featuresOf } from '../../../lib/index/features.ts';
import { contentHash, openCorpusStore, type OpenedCorpus } from '../../../lib/store/index.ts';

import type { CorpusRecord } from '../../../lib/types.ts';
import { seedRecord, seedRecords as seeds } from '../helpers/seed-corpus.ts';
import { IMG_PAYLOAD, JAVASCRIPT_URL } from './payloads.ts';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';
import { Version5Database, Version5PostingIndex } from '../helpers/version5-index.ts';
import { DEFAULT_DF_CAP } from '../../../lib/store/record-checks.ts';
import { chunksOf, emptyChunk, setEntry, chunkOf, type DirectoryChunk } from '../../../lib/store/directory.ts';
import { loadRecordLexicons, recordKeys } from '../../../lib/store/record-keys.ts';

/** Schema version 1, exactly as first released. */
const VERSION_1_STORES = {
  records: 'doc, &id, &hash, url, site, published, firstSeen',
  docs: 'doc',
  postings: 'bucket',
  meta: 'key',
};

const extra: CorpusRecord[] = [
  { id: 'no-address', text: 'A wire bulletin with no address at all: the harbour reopened on Monday after repairs to the quay.' },
  { id: `hostile ${IMG_PAYLOAD}`, url: JAVASCRIPT_URL, title: IMG_PAYLOAD, text: 'A record with a hostile address and title, stored and given back exactly as it was imported.' },
  { id: 'edited-a', url: 'https://courier.example/news/library', firstSeen: '2026-01-01T10:00:00Z', text: 'The library reopens on Monday after two years of work on its roof and reading rooms.' },
  { id: 'edited-b', url: 'https://www.courier.example/news/library/', firstSeen: '2026-01-02T10:00:00Z', text: 'The library reopens on Tuesday after two years of work on its roof, reading rooms and lifts.' },
];
const everything = [...seeds, ...extra];

let counter = 0;
const freshName = () => `schema-upgrade-${process.pid}-${++counter}`;
const factories = { indexedDB, IDBKeyRange };

let open: OpenedCorpus[] = [];

afterEach(() => {
  for (const store of open) store.close();
  open = [];
});

async function openStore(name: string): Promise<OpenedCorpus> {

  const store = await openCorpusStore({ name, ...factories });
  open.push(store);
  return store;
}

type Rows = Record<keyof typeof VERSION_1_STORES, Record<string, unknown>[]>;

/**
 * The rows version 1 wrote for `records`: records with their number and hash (no address key), one row per
 * document, and the inverted index in its version-1 layout (a key's top 16 bits chose the row; its low 16 bits
 * and the document number sat pairwise in two arrays).
 */
function rowsWrittenFor(records: CorpusRecord[]): Rows {
  const recordRows = records.map((record, i) => ({ ...record, doc: i + 1, hash: contentHash(record.text) }));
  const keysOf = (record: CorpusRecord) => [...featuresOf(record.text, record.lang)];
  const buckets = new Map<number, [number, number][]>();
  for (const row of recordRows) {
    for (const key of keysOf(row)) {
      const bucket = key >>> 16;
      if (!buckets.has(bucket)) buckets.set(bucket, []);
      buckets.get(bucket)!.push([key & 0xffff, row.doc]);
    }
  }
  const postings = [...buckets].map(([bucket, pairs]) => {
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return { bucket, tails: Uint16Array.from(pairs, (p) => p[0]), docs: Uint32Array.from(pairs, (p) => p[1]) };
  });
  return {
    records: recordRows,
    docs: recordRows.map((row) => ({ doc: row.doc, id: row.id, features: keysOf(row).length })),
    postings,
    meta: [
      { key: 'nextDoc', value: recordRows.length + 1 },
      { key: 'featureVersion', value: FEATURE_VERSION },
    ],
  };
}

async function version1Database(rows: Rows): Promise<string> {
  const name = freshName();
  const v1 = new Dexie(name, factories);
  v1.version(1).stores(VERSION_1_STORES);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const table of Object.keys(VERSION_1_STORES) as (keyof Rows)[]) await v1.table(table).bulkAdd(rows[table]);
  });
  expect(v1.verno).toBe(1);
  v1.close();
  return name;
}

async function rawVersion(name: string): Promise<number> {
  const raw = new Dexie(name, factories);
  await raw.open();
  const version = raw.verno;
  raw.close();
  return version;
}

function pageOf(record: CorpusRecord) {
  return { text: record.text, title: record.title, siteName: record.site, publishedTime: record.published, url: record.url, lang: record.lang };
}

describe('opening a schema-version-1 corpus', BOUNDED_HEAVY_WORK, () => {
  it('keeps every record, field for field, in storage order', async () => {
    const name = await version1Database(rowsWrittenFor(everything));
    const store = await openStore(name);
    expect(await store.count()).toBe(everything.length);
    const all: CorpusRecord[] = [];
    for await (const record of store.records()) all.push(record);
    expect(all).toEqual(everything);
    expect(await store.getRecords(everything.map((record) => record.id))).toEqual(everything);
    store.close();
    open = [];
    expect(await rawVersion(name)).toBeGreaterThanOrEqual(2);
  });

  it('counts the upgraded records for the budget: bytes, languages and dates for eviction', async () => {
    const name = await version1Database(rowsWrittenFor(everything));
    const store = await openStore(name);
    const usage = await store.usage();
    expect(usage.count).toBe(everything.length);
    const languages = Object.fromEntries(usage.languages.map((entry) => [entry.lang, entry.count]));
    expect(languages.en).toBe(everything.filter((record) => record.lang?.startsWith('en')).length);
    expect(usage.bytes).toBeGreaterThan(everything.reduce((total, record) => total + record.text.length, 0));
    // Every record has a date to be evicted by: the undated ones the time of the upgrade.
    const evicted = await store.evict({ maxAgeDays: 365 }, Date.parse('2100-01-01T00:00:00Z'));
    expect(evicted.deleted + evicted.kept).toBe(everything.length);
  });

  it('rebuilds the index from the records, still finds the original, and finds versions of one address', async () => {
    const name = await version1Database(rowsWrittenFor(everything));
    const store = await openStore(name);
    const seed000 = seedRecord('seed-000');
    const report = await checkArticle(pageOf(seed000), store, { excludeIds: ['seed-000'] });
    expect(report.original).toBe('seed-001');
    expect((await store.versionsAt('http://courier.example/news/library')).map((record) => record.id)).toEqual(['edited-a', 'edited-b']);
  });

  it('goes on numbering documents after the highest version-1 number, and deletes cleanly', async () => {
    const rows = rowsWrittenFor(everything);
    const highest = Math.max(...rows.records.map((row) => row.doc as number));
    const name = await version1Database(rows);
    const store = await openStore(name);
    const added = { id: 'after-upgrade', url: 'https://courier.example/news/pool', text: 'The pool closes for the winter on Friday, the council said in a short statement.' };
    expect((await store.addRecords([added])).added).toBe(1);
    expect(await store.deleteRecords(['seed-002', 'no-address'])).toBe(2);
    expect(await store.count()).toBe(everything.length - 1);
    store.close();
    open = [];

    const raw = new Dexie(name, factories);
    await raw.open();
    const stored = await raw.table('records').where('id').equals('after-upgrade').first();
    const directory = await raw.table('directory').toArray();
    const tables = raw.tables.map((table) => table.name);
    raw.close();
    expect(stored.doc).toBeGreaterThan(highest);
    const entries = directory.flatMap((row) => row.ids.filter((id: string) => id !== ''));
    expect(entries.length, 'one directory entry per stored record').toBe(everything.length - 1);
    expect(tables, 'the version-1 index tables are gone').not.toContain('postings');
  });

  it('rebuilds an index written by older feature code instead of trusting it', async () => {
    const rows = rowsWrittenFor(everything);
    const meta = rows.meta.find((row) => row.key === 'featureVersion');
    expect(meta, 'version 1 stored its feature version').toBeDefined();
    meta!.value = -1;
    rows.postings = [];
    const store = await openStore(await version1Database(rows));
    const report = await checkArticle(pageOf(seedRecord('seed-000')), store, { excludeIds: ['seed-000'] });
    expect(report.original).toBe('seed-001');
  });
});

/** Schema version 3, as browsers hold it (versions 1 to 3 declared, as a database that went through them has them). */
function declareVersion3(db: Dexie): void {
  db.version(1).stores(VERSION_1_STORES);
  db.version(2).stores({ records: 'doc, &id, &hash, url, urlKey, site, published, firstSeen' });
  db.version(3).stores({ docs: null, postings: null, directory: 'chunk', buckets: 'bucket', midBuckets: 'bucket', pending: 'segment' });
}

describe('opening a schema-version-3 corpus', () => {
  it('keeps every record and gains an empty corrections table that keeps what is put in it', async () => {
    const name = freshName();
    const v3 = new Dexie(name, factories);
    declareVersion3(v3);
    await v3.open();
    const rows = rowsWrittenFor(everything).records;
    await v3.table('records').bulkAdd(rows);
    // No index and no feature version: the store rebuilds the index from the records when it opens.
    await v3.table('meta').put({ key: 'nextDoc', value: rows.length + 1 });
    expect(v3.verno).toBe(3);
    v3.close();

    const store = await openCorpusStore({ name, ...factories });
    open.push(store);
    expect(await store.count()).toBe(everything.length);
    expect(await store.getRecords(everything.map((record) => record.id))).toEqual(everything);
    expect(await store.corrections()).toEqual([]);

    const seed000 = seeds.find((record) => record.id === 'seed-000')!;
    const seed001 = seeds.find((record) => record.id === 'seed-001')!;
    expect((await checkArticle(pageOf(seed000), store)).original).toBe('seed-001');
    const correction = notAVersion(pageOf(seed000), seed001, '2026-12-05T10:00:00Z');
    expect(await store.addCorrections([correction])).toBe(1);
    store.close();
    open = [];

    const again = await openStore(name);
    expect(await again.corrections()).toEqual([correction]);
    const report = await checkArticle(pageOf(seed000), again, { corrections: await again.corrections() });
    expect(report.original).toBeNull();
    expect(report.corrected.map((record) => record.id)).toEqual(['seed-001']);
    expect(await rawVersion(name)).toBeGreaterThanOrEqual(4);
  });
});

describe('opening a schema-version-5 corpus', BOUNDED_HEAVY_WORK, () => {
  /**
   * A version-5 corpus as its store wrote it: records, directory, counters and the index spread over its bucket tier,
   * middle tier and pending runs (small fold limits put postings in all three).
   */
  async function version5Corpus(records: CorpusRecord[]): Promise<{ name: string; keys: number[]; answers: Map<number, unknown> }> {
    const name = freshName();
    const v5 = new Version5Database(name, factories);
    await v5.open();
    const rows = rowsWrittenFor(records).records as unknown as (CorpusRecord & { doc: number; hash: string })[];
    await loadRecordLexicons(rows.map((row) => row.lang));
    const keysOf = rows.map((row) => recordKeys(row.text, row.lang, {}));
    const directory = new Map<number, DirectoryChunk>(chunksOf(rows.map((row) => row.doc)).map((chunk) => [chunk, emptyChunk(chunk)]));
    rows.forEach((row, i) => setEntry(directory.get(chunkOf(row.doc))!, { doc: row.doc, id: row.id, features: keysOf[i].length }));
    await v5.table('records').bulkAdd(rows);
    await v5.table('directory').bulkAdd([...directory.values()]);
    await v5.meta.bulkPut([
      { key: 'nextDoc', value: rows.length + 1 },
      { key: 'recordCount', value: rows.length },
      { key: 'featureVersion', value: FEATURE_VERSION },
    ]);
    const index = new Version5PostingIndex(v5, DEFAULT_DF_CAP, 200, 800);
    for (const [i, row] of rows.entries()) {
      const pairs = new Uint32Array(keysOf[i].length * 2);
      keysOf[i].forEach((key, j) => pairs.set([key, row.doc], 2 * j));
      if (await index.append(pairs)) await index.merge();
    }
    const counts = await Promise.all(['buckets', 'midBuckets', 'pending'].map((table) => v5.table(table).count()));
    expect(counts.every((count) => count > 0), `postings in every tier (${counts.join(', ')})`).toBe(true);
    const keys = [...new Set(keysOf.flatMap((k) => [...k]))];
    const answers = await index.lookup(keys);
    expect(v5.verno).toBe(5);
    v5.close();
    return { name, keys, answers };
  }

  it('moves the index into generations without rebuilding it: every record kept, every lookup the same', async () => {
    const { name, keys, answers } = await version5Corpus(everything);
    const store = await openStore(name);
    expect(await rawVersion(name)).toBeGreaterThanOrEqual(6);
    expect(await store.count()).toBe(everything.length);
    expect(await store.getRecords(everything.map((record) => record.id))).toEqual(everything);
    expect(await store.lookup(keys)).toEqual(answers);

    const raw = await new Dexie(name, factories).open();
    const tables = raw.tables.map((table) => table.name);
    expect(tables).not.toContain('buckets');
    expect(tables).not.toContain('midBuckets');
    expect((await raw.table('generations').toArray()).map((row) => [row.generation, row.bits])).toEqual([
      [0, 14],
      [1, 10],
    ]);
    expect(await raw.table('meta').get('featureVersion'), 'the index was moved, not rebuilt').toEqual({ key: 'featureVersion', value: FEATURE_VERSION });
    raw.close();

    const report = await checkArticle(pageOf(seedRecord('seed-000')), store, { excludeIds: ['seed-000'] });
    expect(report.original).toBe('seed-001');
    // New records go on top of the moved generations, and settling keeps every answer.
    const added: CorpusRecord = { id: 'after-upgrade', text: 'The harbour authority said on Friday the quay would stay closed to ferries until the spring.' };
    expect((await store.addRecords([added])).added).toBe(1);
    await store.settle();
    const after = await store.lookup(keys);
    for (const [key, posting] of answers) {
      if (posting === 'stopped') expect(after.get(key)).toBe('stopped');
      else expect([...(after.get(key) as Uint32Array)].filter((doc) => doc <= everything.length)).toEqual([...(posting as Uint32Array)]);
    }
  });
});
