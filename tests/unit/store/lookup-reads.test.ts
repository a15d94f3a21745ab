/**
 * The read path's shortcuts: a lookup reads its rows by the index shape it saw last and a directory read uses the rows
 * it kept, each beside the stored index version. Whatever changes the index in between — a batch, a merge, a
 * removal, a write through another handle on the same database — the next read answers from the index as it is.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCorpusStore } from '../../../lib/store';
import { PostingIndex } from '../../../lib/store/posting-index';
import { CorpusDatabase } from '../../../lib/store/schema';
import type { CorpusStore } from '../../../lib/store';
import { beijing, kabul, moscow } from './records';
import { openTestDatabase, openTestStore } from './helpers';

const factories = { indexedDB, IDBKeyRange };
let counter = 0;
let opened: { close(): void }[] = [];
afterEach(() => {
  for (const handle of opened) handle.close();
  opened = [];
});

const database = () => openTestDatabase(opened);

const KEY = 0x9e3779b9;
const OTHER = 0x12345678;
const docsOf = async (index: PostingIndex, key: number) => {
  const posting = (await index.lookup([key])).get(key);
  return posting === undefined || posting === 'stopped' ? posting : [...posting];
};

describe('a lookup after the index changed', () => {
  it('sees pending postings, their merge into a generation and their removal', async () => {
    const index = new PostingIndex(await database(), 100, { pendingLimit: 4, fanout: 2 });
    await index.append(Uint32Array.from([KEY, 1, OTHER, 1]));
    await index.merge();
    expect(await docsOf(index, KEY)).toEqual([1]);
    await index.append(Uint32Array.from([KEY, 2]));
    expect(await docsOf(index, KEY)).toEqual([1, 2]);
    await index.merge({ settle: true });
    expect((await index.generations()).length).toBe(1);
    expect(await docsOf(index, KEY)).toEqual([1, 2]);
    await index.remove(new Set([1]), [KEY, OTHER]);
    expect(await docsOf(index, KEY)).toEqual([2]);
    expect(await docsOf(index, OTHER)).toBeUndefined();
  });

  it('sees what another handle on the same database wrote since its last lookup', async () => {
    const db = await database();
    const reader = new PostingIndex(db, 100, { pendingLimit: 4, fanout: 2 });
    const writer = new PostingIndex(db, 100, { pendingLimit: 4, fanout: 2 });
    await writer.append(Uint32Array.from([KEY, 1]));
    expect(await docsOf(reader, KEY)).toEqual([1]);
    // The reader's shape holds one pending run and no generation; the writer turns that run into a generation.
    await writer.append(Uint32Array.from([KEY, 2]));
    await writer.merge({ settle: true });
    expect(await docsOf(reader, KEY)).toEqual([1, 2]);
    await writer.remove(new Set([2]), [KEY]);
    expect(await docsOf(reader, KEY)).toEqual([1]);
  });
});

describe('directory entries after the corpus changed', () => {
  let store: CorpusStore;
  afterEach(() => store.close());

  it('are read again after a deletion and an addition', async () => {
    store = await openTestStore();
    await store.addRecords([kabul, moscow]);
    const [first, second] = await store.docStats([1, 2]);
    expect([first?.id, second?.id]).toEqual(['kabul', 'moscow']);
    await store.deleteRecords(['kabul']);
    expect((await store.docStats([1, 2])).map((stat) => stat?.id)).toEqual([undefined, 'moscow']);
    await store.addRecords([beijing]);
    expect((await store.docStats([1, 2, 3])).map((stat) => stat?.id)).toEqual([undefined, 'moscow', 'beijing']);
  });
});

/** Calls of a Dexie table method, by table name, from now on. */
function tableCalls(method: 'bulkGet' | 'toArray' | 'get'): { count(table: string): number } {
  const calls: string[] = [];
  // Each database's tables have a prototype of their own, all inheriting the methods from one Dexie prototype.
  let prototype = new CorpusDatabase('prototype-only', factories).meta as Table;
  while (!Object.getOwnPropertyNames(prototype).includes(method)) prototype = Object.getPrototypeOf(prototype) as Table;
  const original = prototype[method] as (...args: unknown[]) => unknown;
  vi.spyOn(prototype, method).mockImplementation(function (this: Table, ...args: unknown[]) {
    calls.push(this.name);
    return original.apply(this, args);
  } as never);
  return { count: (table) => calls.filter((name) => name === table).length };
}

describe('a store opened afresh (a worker just started)', () => {
  const name = () => `fresh-reads-${process.pid}-${++counter}`;
  afterEach(() => vi.restoreAllMocks());

  it('reads the directory rows of its first answer once', async () => {
    const dbName = name();
    const writer = await openCorpusStore({ name: dbName, ...factories });
    await writer.addRecords([kabul, moscow, beijing]);
    writer.close();
    const fresh = await openCorpusStore({ name: dbName, ...factories });
    opened.push(fresh);
    const directory = tableCalls('bulkGet');
    expect((await fresh.docStats([1, 3])).map((stat) => stat?.id)).toEqual(['kabul', 'beijing']);
    expect(directory.count('directory')).toBe(1);
  });

  it('has the key-count column on its way before the first ranking asks for it', async () => {
    const dbName = name();
    const writer = await openCorpusStore({ name: dbName, ...factories });
    await writer.addRecords([kabul, moscow]);
    writer.close();
    const column = tableCalls('toArray');
    const fresh = await openCorpusStore({ name: dbName, ...factories });
    opened.push(fresh);
    expect(column.count('keyCounts')).toBe(1);
    const counts = await fresh.docKeyCounts!([2, 1, 7]);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[2]).toBe(0);
    // The read started at opening served the ranking: the column was not read a second time.
    expect(column.count('keyCounts')).toBe(1);
  });
});

describe('what a retrieval reads after its lookup', () => {
  afterEach(() => vi.restoreAllMocks());

  it('comes from what the store kept at the version the lookup read, without a request, until this handle writes', async () => {
    const store = await openCorpusStore({ name: `after-lookup-${process.pid}-${++counter}`, ...factories });
    opened.push(store);
    await store.addRecords([kabul, moscow]);
    const warm = async () => {
      await store.lookup([KEY]);
      return [await store.docKeyCounts!([1, 2]), (await store.docStats([1, 2])).map((stat) => stat?.id)] as const;
    };
    const [counts] = await warm();
    const versionReads = tableCalls('get');
    const rowReads = tableCalls('bulkGet');
    expect(await warm()).toEqual([counts, ['kabul', 'moscow']]);
    // The lookup's own read of the version, and nothing more.
    expect([versionReads.count('meta'), rowReads.count('directory')]).toEqual([1, 0]);
    await store.deleteRecords(['kabul']);
    expect((await store.docStats([1, 2])).map((stat) => stat?.id)).toEqual([undefined, 'moscow']);
    expect(rowReads.count('directory')).toBeGreaterThan(0);
  });
});

/** The generation row ids each lookup asks for, from now on. */
function rowIdsRead(): number[][] {
  const reads: number[][] = [];
  let prototype = new CorpusDatabase('prototype-only', factories).meta as Table;
  while (!Object.getOwnPropertyNames(prototype).includes('bulkGet')) prototype = Object.getPrototypeOf(prototype) as Table;
  const original = prototype.bulkGet as (...args: unknown[]) => unknown;
  vi.spyOn(prototype, 'bulkGet').mockImplementation(function (this: Table, ...args: unknown[]) {
    if (this.name === 'generationRows') reads.push([...(args[0] as number[])]);
    return original.apply(this, args);
  } as never);
  return reads;
}

describe('keys a lookup found stopped', () => {
  afterEach(() => vi.restoreAllMocks());
  const CAP = 2;
  const many = (key: number, docs: number[]) => Uint32Array.from(docs.flatMap((doc) => [key, doc]));

  it('answer "stopped" without their rows being read again while the index only grows', async () => {
    const index = new PostingIndex(await database(), CAP, { pendingLimit: 4, fanout: 2 });
    await index.append(Uint32Array.from([...many(KEY, [1, 2, 3]), OTHER, 1]));
    await index.merge({ settle: true });
    expect(await docsOf(index, KEY)).toBe('stopped');
    const reads = rowIdsRead();
    const both = await index.lookup([KEY, OTHER]);
    expect([both.get(KEY), [...(both.get(OTHER) as Uint32Array)]]).toEqual(['stopped', [1]]);
    expect(reads.at(-1)).toHaveLength(1);
    await index.append(Uint32Array.from([OTHER, 4]));
    await index.merge({ settle: true });
    expect(await docsOf(index, KEY)).toBe('stopped');
    expect(await docsOf(index, OTHER)).toEqual([1, 4]);
    expect(reads.at(-1)).toHaveLength(1);
  });

  it('are known to a handle opened afresh from the generation that stopped them, with no row read for them', async () => {
    const db = await database();
    const writer = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    await writer.append(Uint32Array.from([...many(KEY, [1, 2, 3]), OTHER, 1]));
    await writer.merge({ settle: true });
    const fresh = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    const reads = rowIdsRead();
    const both = await fresh.lookup([KEY, OTHER]);
    expect([both.get(KEY), [...(both.get(OTHER) as Uint32Array)]]).toEqual(['stopped', [1]]);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(1);
  });

  it('are read again after the index is cleared through another handle and filled past its old size', async () => {
    const db = await database();
    const reader = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    const writer = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    await writer.append(many(KEY, [1, 2, 3]));
    await writer.merge({ settle: true });
    expect(await docsOf(reader, KEY)).toBe('stopped');
    await writer.clear();
    await writer.append(Uint32Array.from([KEY, 5, ...[11, 12, 13, 14, 15, 16].flatMap((key) => [key, 5])]));
    expect(await docsOf(reader, KEY)).toEqual([5]);
  });

  it('are read again after a removal brings a key under the cap', async () => {
    const db = await database();
    const reader = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    const writer = new PostingIndex(db, CAP, { pendingLimit: 4, fanout: 2 });
    await writer.append(many(KEY, [1, 2]));
    await writer.merge({ settle: true });
    // Spread over a generation and a pending run, the key is over the cap before any merge has stopped it.
    await writer.append(Uint32Array.from([KEY, 3]));
    expect(await docsOf(reader, KEY)).toBe('stopped');
    await writer.remove(new Set([3]), [KEY]);
    expect(await docsOf(reader, KEY)).toEqual([1, 2]);
  });
});

describe('keys the latest lookup read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are not read again while the index is unchanged: a full check asks for its first answer\'s keys and a few more', async () => {
    const index = new PostingIndex(await database(), 100, { pendingLimit: 4, fanout: 2 });
    await index.append(Uint32Array.from([KEY, 1, OTHER, 2, 0x0badf00d, 3]));
    await index.merge({ settle: true });
    expect(await docsOf(index, KEY)).toEqual([1]);
    const reads = rowIdsRead();
    const again = await index.lookup([KEY, OTHER, 0x7fffffff]);
    expect([...(again.get(KEY) as Uint32Array)]).toEqual([1]);
    expect([...(again.get(OTHER) as Uint32Array)]).toEqual([2]);
    expect(again.has(0x7fffffff)).toBe(false);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toHaveLength(2);
    // The keys of the lookup just made, an absent one among them, are all answered without a read.
    expect((await index.lookup([0x7fffffff, OTHER])).size).toBe(1);
    expect(reads).toHaveLength(1);
  });

  it('are read again once the index changes, through this handle or another', async () => {
    const db = await database();
    const reader = new PostingIndex(db, 100, { pendingLimit: 4, fanout: 2 });
    const writer = new PostingIndex(db, 100, { pendingLimit: 4, fanout: 2 });
    await writer.append(Uint32Array.from([KEY, 1, OTHER, 1]));
    await writer.merge({ settle: true });
    expect(await docsOf(reader, KEY)).toEqual([1]);
    await writer.append(Uint32Array.from([KEY, 2]));
    expect(await docsOf(reader, KEY)).toEqual([1, 2]);
    await reader.remove(new Set([1]), [KEY, OTHER]);
    expect(await docsOf(reader, KEY)).toEqual([2]);
  });
});
