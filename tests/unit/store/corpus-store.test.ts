import { afterEach, describe, expect, it } from 'vitest';
import { InvalidRecordError, type CorpusStore } from '../../../lib/store';
import { featuresOf } from '../../../lib/index/features';
import type { CorpusRecord } from '../../../lib/types';
import { openTestStore } from './helpers';
import { beijing, kabul, moscow } from './records';

let store: CorpusStore | undefined;
afterEach(() => store?.close());

async function allIds(s: CorpusStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const r of s.records({ batchSize: 2 })) ids.push(r.id);
  return ids;
}

describe('CorpusStore on fake-indexeddb', () => {
  it('stores records and gives them back unchanged, in insertion order', async () => {
    store = await openTestStore();
    const result = await store.addRecords([kabul, moscow, beijing]);
    expect(result).toMatchObject({ added: 3, duplicates: 0, skipped: [] });
    expect(await store.count()).toBe(3);
    expect(await store.getRecords(['moscow', 'missing', 'kabul'])).toEqual([moscow, undefined, kabul]);
    expect(await allIds(store)).toEqual(['kabul', 'moscow', 'beijing']);
  });

  it('stores nothing from a batch holding an invalid record, and says which one', async () => {
    store = await openTestStore();
    const invalid = { id: 'no-text' } as CorpusRecord;
    const attempt = store.addRecords([kabul, invalid, beijing]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(attempt).rejects.toMatchObject({ index: 1 });
    await expect(store.addRecords([{ text: 'no id' } as CorpusRecord])).rejects.toThrow(/missing id/);
    expect(await store.count()).toBe(0);
    expect((await store.lookup(featuresOf(kabul.text))).size).toBe(0);
  });

  it('never stores the same id or the same text twice', async () => {
    store = await openTestStore();
    await store.addRecords([kabul]);
    const retyped = { ...kabul, id: 'kabul-copy', text: kabul.text.replace('The United', '  The  United') };
    const result = await store.addRecords([kabul, retyped, moscow, { ...moscow, title: 'again' }]);
    expect(result.added).toBe(1);
    expect(result.duplicates).toBe(3);
    expect(result.skipped).toEqual([
      { id: 'kabul', reason: 'same-id', existingId: 'kabul' },
      { id: 'kabul-copy', reason: 'same-text', existingId: 'kabul' },
      { id: 'moscow', reason: 'same-id', existingId: 'moscow' },
    ]);
    expect(await store.count()).toBe(2);
  });

  it('indexes every feature of a record under its document number', async () => {
    store = await openTestStore();
    await store.addRecords([kabul, moscow]);
    const keys = featuresOf(moscow.text);
    const postings = await store.lookup(keys);
    expect(postings.size).toBe(keys.length);
    const docs = new Set([...postings.values()].flatMap((p) => (p === 'stopped' ? [] : [...p])));
    const stats = await store.docStats([...docs]);
    expect(stats.map((s) => s?.id)).toContain('moscow');
    expect(stats.find((s) => s?.id === 'moscow')?.features).toBe(keys.length);
  });

  it('removes a deleted record and its postings, keeping the others', async () => {
    store = await openTestStore();
    await store.addRecords([kabul, moscow, beijing]);
    expect(await store.deleteRecords(['moscow', 'never-stored'])).toBe(1);
    expect(await store.count()).toBe(2);
    expect(await store.getRecords(['moscow'])).toEqual([undefined]);
    // By number too: numbers are never given again, so the deleted one holds nothing.
    expect(await store.getRecordsOfDocs!([3, 2, 1, 9])).toEqual([beijing, undefined, kabul, undefined]);
    const onlyMoscow = [...featuresOf(moscow.text)].filter((k) => !featuresOf(kabul.text).includes(k) && !featuresOf(beijing.text).includes(k));
    expect((await store.lookup(onlyMoscow)).size).toBe(0);
    expect((await store.lookup(featuresOf(kabul.text))).size).toBe(featuresOf(kabul.text).length);
    expect(await allIds(store)).toEqual(['kabul', 'beijing']);
  });

  it('stops a key once it is in more documents than the cap', async () => {
    const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
    const { openCorpusStore } = await import('../../../lib/store');
    store = await openCorpusStore({ name: `cap-${process.pid}`, indexedDB, IDBKeyRange, dfCap: 2 });
    const texts = ['Kabulov met envoys', 'Kabulov met reporters', 'Kabulov met nobody'].map((text, i) => ({ id: `r${i}`, text }));
    await store.addRecords(texts.slice(0, 2));
    const key = [...featuresOf('Kabulov')][0];
    expect(await store.lookup([key])).toEqual(new Map([[key, new Uint32Array([1, 2])]]));
    await store.addRecords(texts.slice(2));
    expect(await store.lookup([key])).toEqual(new Map([[key, 'stopped']]));
  });

  it('empties on clear and numbers records afresh', async () => {
    store = await openTestStore();
    await store.addRecords([kabul, moscow]);
    await store.clear();
    expect(await store.count()).toBe(0);
    expect((await store.lookup(featuresOf(kabul.text))).size).toBe(0);
    await store.addRecords([beijing]);
    expect(await allIds(store)).toEqual(['beijing']);
  });

  it('rebuilds the same postings on reindex', async () => {
    store = await openTestStore();
    await store.addRecords([kabul, moscow, beijing]);
    const keys = featuresOf(moscow.text);
    const before = await store.lookup(keys);
    await store.reindex();
    expect(await store.lookup(keys)).toEqual(before);
  });

  it('answers the same before and after pending postings are written out as generations and merged', async () => {
    const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
    const { openCorpusStore } = await import('../../../lib/store');
    const records = [kabul, moscow, beijing];
    const keys = records.flatMap((r) => [...featuresOf(r.text)]);
    const open = (name: string, pendingLimit: number, fanout: number) =>
      openCorpusStore({ name: `${name}-${process.pid}`, indexedDB, IDBKeyRange, pendingLimit, fanout });
    const unmerged = await open('never-merged', 1 << 30, 1 << 30);
    // A generation per record, never merged.
    const middle = await open('generation-per-record', 1, 1 << 30);
    // A generation per record, merged two at a time.
    const merged = await open('always-merged', 1, 2);
    for (const record of records) for (const store of [unmerged, middle, merged]) await store.addRecords([record]);
    const expected = await unmerged.lookup(keys);
    expect(await middle.lookup(keys)).toEqual(expected);
    expect(await merged.lookup(keys)).toEqual(expected);
    expect((await merged.indexSize()).postings).toBe((await unmerged.indexSize()).postings);

    for (const store of [unmerged, middle, merged]) await store.deleteRecords(['moscow']);
    expect(await middle.lookup(keys)).toEqual(await unmerged.lookup(keys));
    expect(await merged.lookup(keys)).toEqual(await unmerged.lookup(keys));
    const moscowDoc = 2;
    for (const posting of (await merged.lookup(keys)).values()) expect(posting === 'stopped' ? [] : [...posting]).not.toContain(moscowDoc);
    expect(await merged.docStats([1, moscowDoc, 3])).toEqual([
      { doc: 1, id: 'kabul', features: featuresOf(kabul.text).length },
      undefined,
      { doc: 3, id: 'beijing', features: featuresOf(beijing.text).length },
    ]);
    for (const store of [unmerged, middle, merged]) store.close();
  });

  it('settles the newest generations and pending postings into one generation, answering the same after', async () => {
    const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
    const { openCorpusStore } = await import('../../../lib/store');
    const { default: Dexie } = await import('dexie');
    const name = `settled-${process.pid}`;
    const records = [kabul, moscow, beijing];
    const keys = records.flatMap((r) => [...featuresOf(r.text)]);
    // Each record becomes a generation of its own, the last stays pending.
    store = await openCorpusStore({ name, indexedDB, IDBKeyRange, pendingLimit: 1, fanout: 1 << 30 });
    for (const record of records.slice(0, 2)) await store.addRecords([record]);
    store.close();
    store = await openCorpusStore({ name, indexedDB, IDBKeyRange, pendingLimit: 1 << 30, fanout: 1 << 30 });
    await store.addRecords([beijing]);
    const before = await store.lookup(keys);
    const postings = (await store.indexSize()).postings;
    const raw = await new Dexie(name, { indexedDB, IDBKeyRange }).open();
    const unsettled = async () => [await raw.table('generations').count(), (await raw.table('pending').count()) > 0];
    expect(await unsettled()).toEqual([2, true]);

    await store.settle();
    expect(await store.lookup(keys)).toEqual(before);
    expect((await store.indexSize()).postings).toBe(postings);
    expect(await unsettled()).toEqual([1, false]);
    raw.close();
  });

  it('stops a key over the cap even before its postings are folded into the buckets', async () => {
    const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
    const { openCorpusStore } = await import('../../../lib/store');
    store = await openCorpusStore({ name: `cap-pending-${process.pid}`, indexedDB, IDBKeyRange, dfCap: 2, pendingLimit: 1 << 30 });
    const texts = ['Kabulov met envoys', 'Kabulov met reporters', 'Kabulov met nobody'].map((text, i) => ({ id: `r${i}`, text }));
    for (const text of texts) await store.addRecords([text]);
    const key = [...featuresOf('Kabulov')][0];
    expect(await store.lookup([key])).toEqual(new Map([[key, 'stopped']]));
  });

  it('sees records another connection to the same database added', async () => {
    const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
    const { openCorpusStore } = await import('../../../lib/store');
    const name = `two-connections-${process.pid}`;
    const reader = await openCorpusStore({ name, indexedDB, IDBKeyRange });
    const writer = await openCorpusStore({ name, indexedDB, IDBKeyRange });
    await writer.addRecords([kabul]);
    const keys = [...featuresOf(moscow.text)].filter((key) => !featuresOf(kabul.text).includes(key));
    expect((await reader.lookup(keys)).size).toBe(0);
    await writer.addRecords([moscow]);
    expect((await reader.lookup(keys)).size).toBe(keys.length);
    expect((await reader.docStats([2]))[0]?.id).toBe('moscow');
    reader.close();
    writer.close();
  });
});
