/**
 * A reader's check goes before an import's next write transaction (lib/store/reads-first.ts): the turn waits while a
 * check is under way, never longer than its bound, and the store asks for it before every write of an import only.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCorpusStore, ReadsFirst } from '../../../lib/store';
import { beijing, kabul, moscow } from './records';

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

/** Whether `promise` settles within `ms` of real time (fake-indexeddb's transactions take a few ms). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const late = Symbol('late');
  return (await Promise.race([promise.then(() => true), new Promise<typeof late>((resolve) => setTimeout(() => resolve(late), ms))])) !== late;
}

/** A reader's work that runs until `finish` is called. */
function heldReader(turns: ReadsFirst): { reading: Promise<void>; finish: () => void } {
  let finish = () => {};
  const reading = turns.during(() => new Promise<void>((resolve) => (finish = resolve)));
  return { reading, finish };
}

describe('ReadsFirst', () => {
  afterEach(() => vi.useRealTimers());

  it('gives a write its turn at once when no reader is at work', async () => {
    vi.useFakeTimers();
    expect(await settled(new ReadsFirst().writeTurn())).toBe(true);
  });

  it('holds a write until every reader under way is done', async () => {
    vi.useFakeTimers();
    const turns = new ReadsFirst();
    const first = heldReader(turns);
    const second = heldReader(turns);
    const turn = turns.writeTurn();
    expect(await settled(turn)).toBe(false);
    first.finish();
    await first.reading;
    expect(await settled(turn)).toBe(false);
    second.finish();
    await second.reading;
    expect(await settled(turn)).toBe(true);
  });

  it('never holds a write longer than its bound, so checks one after another cannot stop an import', async () => {
    vi.useFakeTimers();
    const turns = new ReadsFirst(1_000);
    const reader = heldReader(turns);
    const turn = turns.writeTurn();
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(turn)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(turn)).toBe(true);
    reader.finish();
    await reader.reading;
  });

  it("lets a reader's failure through and still gives the write its turn", async () => {
    vi.useFakeTimers();
    const turns = new ReadsFirst();
    const failing = turns.during(() => Promise.reject(new Error('read failed')));
    const turn = turns.writeTurn();
    await expect(failing).rejects.toThrow('read failed');
    expect(await settled(turn)).toBe(true);
  });
});

describe('the store asks for its turn before the writes of an import', () => {
  let counter = 0;
  const openStore = (turns: ReadsFirst) =>
    openCorpusStore({ name: `reads-first-${process.pid}-${++counter}`, indexedDB, IDBKeyRange, importWriteTurn: () => turns.writeTurn() });

  it("stores an import's batch only once the reader's check is done", async () => {
    const turns = new ReadsFirst();
    const store = await openStore(turns);
    await store.addRecords([kabul]);
    const reader = heldReader(turns);
    const importing = store.addRecords([moscow, beijing], { partOfImport: true });
    // The check reads the corpus as it was: the import's batch waits for it.
    expect(await settlesWithin(importing, 300)).toBe(false);
    expect(await store.count()).toBe(1);
    reader.finish();
    await reader.reading;
    expect(await importing).toMatchObject({ added: 2 });
    expect(await store.count()).toBe(3);
  });

  it('stores what is not part of an import (a feed, a captured page) without waiting', async () => {
    const turns = new ReadsFirst();
    const store = await openStore(turns);
    const reader = heldReader(turns);
    const adding = store.addRecords([kabul]);
    expect(await settlesWithin(adding, 5_000)).toBe(true);
    expect(await adding).toMatchObject({ added: 1 });
    reader.finish();
    await reader.reading;
  });

  it("settles the index after the reader's check", async () => {
    const turns = new ReadsFirst();
    const store = await openStore(turns);
    await store.addRecords([kabul, moscow], { partOfImport: true });
    const reader = heldReader(turns);
    const settling = store.settle();
    expect(await settlesWithin(settling, 300)).toBe(false);
    reader.finish();
    await reader.reading;
    await settling;
  });
});
