/**
 * The key-count column (schema version 7, rows of 65,536 counts since version 8): each document's count of index keys,
 * as the directory gives it, kept through adds, deletes, clearing and rebuilding, seen by another handle on the same
 * database, filled from the directory when a version-6 corpus is opened, and regrouped when a version-7 corpus is.
 * Retrieval ranks from it and reads ids only for what it returns.
 */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { retrieveCandidates } from '../../../lib/index/retrieve';
import { likelySources } from '../../../lib/sources';
import { openCorpusStore, type OpenedCorpus } from '../../../lib/store';
import type { CorpusStore, DocStat } from '../../../lib/store/types';
import { KEY_COUNT_ROW_DOCS, regroupKeyCounts, type KeyCountRow } from '../../../lib/store/directory';
import { seedRecords } from '../helpers/seed-corpus';
import { Version5Database } from '../helpers/version5-index';
import { beijing, kabul, moscow } from './records';

const factories = { indexedDB, IDBKeyRange };
let counter = 0;
const freshName = () => `key-counts-${process.pid}-${++counter}`;
let opened: { close(): void }[] = [];
afterEach(() => {
  for (const handle of opened) handle.close();
  opened = [];
});

async function openStore(name = freshName()): Promise<OpenedCorpus> {
  const store = await openCorpusStore({ name, ...factories });
  opened.push(store);
  return store;
}

/** Document numbers 1 … n+2: past the stored ones, so free numbers are asked too. */
const numbersUpTo = (n: number) => Array.from({ length: n + 2 }, (_, i) => i + 1);

/** The store's key counts as a plain array. */
async function keyCounts(store: CorpusStore, docs: number[]): Promise<number[]> {
  if (!store.docKeyCounts) throw new Error('the store keeps no key-count column');
  return Array.from(await store.docKeyCounts(docs));
}

async function expectCountsMatchDirectory(store: OpenedCorpus, docs: number[]): Promise<void> {
  const stats = await store.docStats(docs);
  expect(await keyCounts(store, docs)).toEqual(stats.map((stat: DocStat | undefined) => stat?.features ?? 0));
}

describe('the key-count column', () => {
  it('gives each document the directory\'s count, 0 for free numbers, through adds, deletes and a rebuild', async () => {
    const store = await openStore();
    await store.addRecords([kabul, moscow, beijing]);
    const docs = numbersUpTo(3);
    const counts = await keyCounts(store, docs);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[4]).toBe(0);
    await expectCountsMatchDirectory(store, docs);
    await store.deleteRecords(['moscow']);
    expect((await keyCounts(store, [2]))[0]).toBe(0);
    await expectCountsMatchDirectory(store, docs);
    await store.reindex();
    await expectCountsMatchDirectory(store, docs);
    await store.clear();
    expect((await keyCounts(store, docs)).every((count) => count === 0)).toBe(true);
  });

  it('is read again after another handle on the same database changed the index', async () => {
    const name = freshName();
    const reader = await openStore(name);
    const writer = await openStore(name);
    await writer.addRecords([kabul]);
    expect((await keyCounts(reader, [1, 2]))[1]).toBe(0);
    await writer.addRecords([moscow]);
    expect((await keyCounts(reader, [2]))[0]).toBeGreaterThan(0);
    await writer.deleteRecords(['kabul']);
    expect((await keyCounts(reader, [1]))[0]).toBe(0);
  });

  it('ranks as the directory does: the same candidates, in the same order, with an excluded id left out', async () => {
    const store = await openStore();
    await store.addRecords(seedRecords);
    // The same store seen without its key-count column: ranking then reads every shortlisted entry from the directory.
    const directoryOnly: CorpusStore = {
      lookup: (keys) => store.lookup(keys),
      count: () => store.count(),
      docStats: (docs) => store.docStats(docs),
    } as CorpusStore;
    for (const page of seedRecords.slice(0, 6)) {
      for (const excludeIds of [[], [page.id]]) {
        const options = { limit: 3, lang: page.lang, excludeIds };
        expect(await retrieveCandidates(page.text, store, options)).toEqual(await retrieveCandidates(page.text, directoryOnly, options));
      }
    }
  });
});

/** Schema versions 1–6 as browsers hold them (stores only), to write a version-6 corpus: version 5's, and 6. */
class Version6Database extends Version5Database {
  constructor(name: string) {
    super(name, factories);
    this.version(6).stores({ buckets: null, midBuckets: null, generations: 'generation', generationRows: 'id' });
  }
}

const VERSION_6_TABLES = ['records', 'directory', 'generations', 'generationRows', 'pending', 'meta', 'feeds', 'corrections'];

/** A version-6 corpus of `records`: the rows today's store writes for them, all but the key-count column. */
async function version6Corpus(records: typeof seedRecords): Promise<string> {
  const sourceName = freshName();
  const writer = await openStore(sourceName);
  await writer.addRecords(records);
  await writer.deleteRecords([records[1].id]);
  writer.close();
  const raw = new Dexie(sourceName, factories);
  await raw.open();
  const name = freshName();
  const v6 = new Version6Database(name);
  await v6.open();
  for (const table of VERSION_6_TABLES) await v6.table(table).bulkAdd(await raw.table(table).toArray());
  expect(v6.verno).toBe(6);
  raw.close();
  v6.close();
  return name;
}

/** The seed corpus as today's store writes it, with the record the older corpora here lost (version6Corpus) deleted. */
async function writtenLikeOldCorpora(): Promise<OpenedCorpus> {
  const written = await openStore();
  await written.addRecords(seedRecords);
  await written.deleteRecords([seedRecords[1].id]);
  return written;
}

/** `upgraded` gives every document the key count `written` gives it, and its directory's. */
async function expectCountsAsWritten(upgraded: OpenedCorpus, written: OpenedCorpus): Promise<void> {
  const docs = numbersUpTo(seedRecords.length);
  expect(await keyCounts(upgraded, docs)).toEqual(await keyCounts(written, docs));
  await expectCountsMatchDirectory(upgraded, docs);
}

describe('opening a schema-version-6 corpus', () => {
  it('fills the key-count column from the directory and answers as a store written under version 7', async () => {
    const name = await version6Corpus(seedRecords);
    const upgraded = await openStore(name);
    const written = await writtenLikeOldCorpora();
    await expectCountsAsWritten(upgraded, written);
    expect((await keyCounts(upgraded, [2]))[0]).toBe(0);
    for (const page of seedRecords.slice(2, 6)) {
      const [upgradedTop] = await likelySources(page.text, upgraded, { lang: page.lang });
      const [writtenTop] = await likelySources(page.text, written, { lang: page.lang });
      expect(upgradedTop?.id).toBe(page.id);
      expect(upgradedTop).toEqual(writtenTop);
    }
  });
});

/** A key-count row of `docsPerRow` counts, number `row`, with `counts` set by document number. */
function rowOfSize(docsPerRow: number, row: number, counts: Record<number, number>): KeyCountRow {
  const values = new Uint16Array(docsPerRow);
  for (const [doc, count] of Object.entries(counts)) values[Number(doc) - row * docsPerRow] = count;
  return { row, counts: values.buffer };
}

/** Every non-zero count of `rows` by document number, read with each row's own size. */
function countsByDoc(rows: readonly KeyCountRow[]): Record<number, number> {
  const found: Record<number, number> = {};
  for (const row of rows) {
    const values = new Uint16Array(row.counts);
    values.forEach((count, slot) => {
      if (count) found[row.row * values.length + slot] = count;
    });
  }
  return found;
}

describe('regrouping the key-count column (the version 8 upgrade)', () => {
  it('moves every count of 8,192-document rows into rows of 65,536, keeping document numbers', () => {
    const old = [rowOfSize(8192, 0, { 0: 3, 8191: 400 }), rowOfSize(8192, 1, { 8192: 7 }), rowOfSize(8192, 9, { 73_730: 12 }), rowOfSize(8192, 16, { 131_072: 1 })];
    const regrouped = regroupKeyCounts(old);
    expect(regrouped.map((row) => row.row)).toEqual([0, 1, 2]);
    expect(regrouped.every((row) => row.counts.byteLength === 2 * KEY_COUNT_ROW_DOCS)).toBe(true);
    expect(countsByDoc(regrouped)).toEqual({ 0: 3, 8191: 400, 8192: 7, 73_730: 12, 131_072: 1 });
  });

  it('leaves rows of the current size as they are and drops rows with no count', () => {
    const current = [rowOfSize(KEY_COUNT_ROW_DOCS, 2, { 131_073: 5 }), rowOfSize(KEY_COUNT_ROW_DOCS, 3, {})];
    const regrouped = regroupKeyCounts(current);
    expect(regrouped.map((row) => row.row)).toEqual([2]);
    expect(countsByDoc(regrouped)).toEqual({ 131_073: 5 });
  });
});

/** Schema version 7 as browsers hold it (stores only): version 6 and the key-count column. */
class Version7Database extends Version6Database {
  constructor(name: string) {
    super(name);
    this.version(7).stores({ keyCounts: 'row' });
  }
}

describe('opening a schema-version-7 corpus', () => {
  it('regroups its 8,192-document key-count rows and answers as a store written under version 8', async () => {
    const name = await version6Corpus(seedRecords);
    const v6 = new Version6Database(name);
    await v6.open();
    const directory = await v6.table('directory').toArray();
    v6.close();
    const v7 = new Version7Database(name);
    await v7.open();
    // Version 7's rows: 8,192 counts each, as its upgrade wrote them; here every seed document is in row 0.
    const counts: Record<number, number> = {};
    for (const chunk of directory as { chunk: number; ids: string[]; features: number[] }[]) chunk.ids.forEach((id, slot) => id && (counts[chunk.chunk * 1024 + slot] = chunk.features[slot]));
    await v7.table('keyCounts').bulkPut([rowOfSize(8192, 0, counts)]);
    expect(v7.verno).toBe(7);
    v7.close();
    const upgraded = await openStore(name);
    const raw = new Dexie(name, factories);
    await raw.open();
    const rows = (await raw.table('keyCounts').toArray()) as KeyCountRow[];
    raw.close();
    expect(rows.map((row) => [row.row, row.counts.byteLength])).toEqual([[0, 2 * KEY_COUNT_ROW_DOCS]]);
    expect(countsByDoc(rows)).toEqual(counts);
    await expectCountsAsWritten(upgraded, await writtenLikeOldCorpora());
    const [top] = await likelySources(seedRecords[3].text, upgraded, { lang: seedRecords[3].lang });
    expect(top?.id).toBe(seedRecords[3].id);
  });
});
