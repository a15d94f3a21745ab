/** The reader's view of the store: versions of one address, paging, search, per-site counts, filters, migration. */
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, openCorpusStore, type CorpusCatalog, type CorpusStore } from '../../../lib/store/index.ts';
import type { CorpusRecord } from '../../../lib/types.ts';

let counter = 0;
const freshName = () => `catalog-test-${process.pid}-${++counter}`;
const open = (name = freshName()) => openCorpusStore({ name, indexedDB, IDBKeyRange });

let store: (CorpusStore & CorpusCatalog) | undefined;
afterEach(() => store?.close());

const text = (n: number) => `Article number ${n} says something different from the others: ${'word '.repeat(n)}.`;

const records: CorpusRecord[] = [
  { id: 'v1', url: 'https://www.courier.example/news/library?utm_source=x', text: text(1), firstSeen: '2026-01-01T10:00:00Z', site: 'Courier', title: 'Library reopens' },
  { id: 'other', url: 'https://courier.example/news/pool', text: text(2), published: '2021-08-10', site: 'Courier', title: 'Pool closes' },
  { id: 'v2', url: 'http://courier.example/news/library/', text: text(3), firstSeen: '2026-01-02T10:00:00Z', site: 'Courier', title: 'Library reopens (updated)' },
  { id: 'wire', url: 'https://wire.example/a', text: text(4), published: '2021-08-16T09:30:00+02:00', site: 'Wire' },
  { id: 'undated', text: text(5), firstSeen: '2021-08-20T00:00:00Z' },
];

describe('corpus catalog', () => {
  it('finds the stored versions of one address, oldest first, whatever the address spelling', async () => {
    store = await open();
    await store.addRecords(records);
    const versions = await store.versionsAt('https://courier.example/news/library#top');
    expect(versions.map((r) => r.id)).toEqual(['v1', 'v2']);
    expect(versions[0]).toEqual(records[0]);
    expect(await store.versionsAt('https://courier.example/news/elsewhere')).toEqual([]);
  });

  it('never leaks storage fields into the records it gives back', async () => {
    store = await open();
    await store.addRecords(records);
    const [got] = await store.getRecords(['v1']);
    expect(got).toEqual(records[0]);
    const all: CorpusRecord[] = [];
    for await (const r of store.records()) all.push(r);
    expect(all).toEqual(records);
  });

  it('pages through the corpus in storage order', async () => {
    store = await open();
    await store.addRecords(records);
    const first = await store.recordPage(0, 2);
    expect(first.records.map((r) => r.id)).toEqual(['v1', 'other']);
    const second = await store.recordPage(first.last!, 10);
    expect(second.records.map((r) => r.id)).toEqual(['v2', 'wire', 'undated']);
    expect(await store.recordPage(second.last!, 10)).toEqual({ records: [], last: null });
  });

  it('searches title, site, address and id, newest first', async () => {
    store = await open();
    await store.addRecords(records);
    const { items, more } = await store.findRecords({ text: 'library COURIER', limit: 1 });
    expect(items.map((r) => r.id)).toEqual(['v2']);
    expect(items[0]).toMatchObject({ title: 'Library reopens (updated)', chars: text(3).length });
    expect(items[0]).not.toHaveProperty('text');
    expect(more).toBe(true);
    expect((await store.findRecords({ limit: 10 })).items.map((r) => r.id)).toEqual(['undated', 'wire', 'v2', 'other', 'v1']);
  });

  it('counts records per site and selects by site and by date', async () => {
    store = await open();
    await store.addRecords(records);
    expect(await store.siteCounts()).toEqual([
      { site: 'Courier', count: 3 },
      { site: 'Wire', count: 1 },
    ]);
    expect((await store.idsWhere({ site: 'Wire' })).sort()).toEqual(['wire']);
    expect((await store.idsWhere({ before: '2021-08-16' })).sort()).toEqual(['other']);
    expect((await store.idsWhere({ before: '2021-08-17' })).sort()).toEqual(['other', 'wire']);
    expect((await store.idsWhere({ after: '2021-08-16' })).sort()).toEqual(['undated', 'v1', 'v2']);
    expect((await store.idsWhere({ after: '2021-08-01', before: '2021-12-31', site: 'Courier' })).sort()).toEqual(['other']);
    expect(await store.idsWhere({})).toEqual([]);
  });

  it('selects by date only records that carry a date: one with neither is not taken for the day it was stored', async () => {
    store = await open();
    await store.addRecords([...records, { id: 'no-date', text: text(6), site: 'Wire' }]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await store.idsWhere({ after: '2025-12-31' })).sort()).toEqual(['v1', 'v2']);
    expect((await store.idsWhere({ before: `${today}T23:59:59Z` })).sort()).toEqual(['other', 'undated', 'v1', 'v2', 'wire']);
    expect((await store.idsWhere({ site: 'Wire' })).sort()).toEqual(['no-date', 'wire']);
  });

  it('upgrades a version-1 database in place: every record kept, versions found', async () => {
    const name = freshName();
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({ records: 'doc, &id, &hash, url, site, published, firstSeen', docs: 'doc', postings: 'bucket', meta: 'key' });
    await old.open();
    await old.table('records').bulkAdd(records.map((record, i) => ({ ...record, doc: i + 1, hash: contentHash(record.text) })));
    old.close();

    store = await open(name);
    const all: CorpusRecord[] = [];
    for await (const r of store.records()) all.push(r);
    expect(all).toEqual(records);
    expect((await store.versionsAt('https://courier.example/news/library')).map((r) => r.id)).toEqual(['v1', 'v2']);
  });
});
