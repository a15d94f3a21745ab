/**
 * Directory rows as a store keeps them between reads: packed into one string of ids and two typed arrays, and
 * dropped least recently used first past a byte budget. A store over its budget still answers every document it is
 * asked about, and a store that dropped a row reads it again.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, DirectoryRowCache, emptyChunk, packDirectoryRow, packedEntryOf, setEntry, type DirectoryChunk } from '../../../lib/store/directory';
import { openCorpusStore, type OpenedCorpus } from '../../../lib/store';

function rowWith(chunk: number, entries: [slot: number, id: string, features: number][]): DirectoryChunk {
  const row = emptyChunk(chunk);
  for (const [slot, id, features] of entries) setEntry(row, { doc: chunk * CHUNK_SIZE + slot, id, features });
  return row;
}

describe('packed directory rows', () => {
  it('give back every entry of the row they were packed from, and nothing for a free slot', () => {
    const row = rowWith(3, [
      [0, 'reuters-1', 57],
      [1, 'https://example.org/a?b=c', 400],
      [700, 'Ünïcode-名前', 12],
      [CHUNK_SIZE - 1, 'last', 1],
    ]);
    const packed = packDirectoryRow(row);
    for (let slot = 0; slot < CHUNK_SIZE; slot++) {
      const doc = 3 * CHUNK_SIZE + slot;
      const expected = row.ids[slot] ? { doc, id: row.ids[slot], features: row.features[slot] } : undefined;
      expect(packedEntryOf(packed, doc)).toEqual(expected);
    }
    expect(packedEntryOf(undefined, 5)).toBeUndefined();
  });

  it('count a Latin-1 row at a byte a character and any other at two', () => {
    const latin = packDirectoryRow(rowWith(0, [[0, 'abcd', 1]]));
    const wide = packDirectoryRow(rowWith(0, [[0, 'ab名d', 1]]));
    const arrays = (CHUNK_SIZE + 1) * 4 + CHUNK_SIZE * 2;
    expect(latin.bytes).toBe(4 + arrays);
    expect(wide.bytes).toBe(8 + arrays);
  });
});

describe('DirectoryRowCache', () => {
  const rowBytes = packDirectoryRow(rowWith(0, [[0, 'x'.repeat(100), 1]])).bytes;

  it('drops the rows least recently used once over its budget, never the row just kept', () => {
    const cache = new DirectoryRowCache(rowBytes * 2);
    cache.set(1, rowWith(1, [[0, 'x'.repeat(100), 1]]));
    cache.set(2, rowWith(2, [[0, 'y'.repeat(100), 1]]));
    expect(cache.get(1)).not.toBeUndefined(); // row 1 is now the most recent
    cache.set(3, rowWith(3, [[0, 'z'.repeat(100), 1]]));
    expect([cache.has(1), cache.has(2), cache.has(3)]).toEqual([true, false, true]);
    expect(cache.heldBytes).toBe(rowBytes * 2);
    const tiny = new DirectoryRowCache(1);
    expect(tiny.set(9, rowWith(9, [[0, 'x'.repeat(100), 1]]))).not.toBeNull();
    expect(tiny.size).toBe(1);
  });

  it('keeps a row the database lacks as known absent, and counts a replaced row once', () => {
    const cache = new DirectoryRowCache(rowBytes * 10);
    expect(cache.set(4, undefined)).toBeNull();
    expect(cache.get(4)).toBeNull();
    expect(cache.get(5)).toBeUndefined();
    cache.set(6, rowWith(6, [[0, 'x'.repeat(100), 1]]));
    cache.set(6, rowWith(6, [[0, 'x'.repeat(100), 1]]));
    expect(cache.heldBytes).toBe(rowBytes);
    cache.clear();
    expect([cache.size, cache.heldBytes]).toEqual([0, 0]);
  });
});

describe('a store whose directory rows outgrow the cache', () => {
  let opened: OpenedCorpus[] = [];
  afterEach(() => {
    for (const store of opened) store.close();
    opened = [];
  });

  it('answers for every document of a read larger than the budget, and again after its rows were dropped', async () => {
    const name = `directory-cache-${process.pid}`;
    const small = await openCorpusStore({ name, indexedDB, IDBKeyRange, directoryCacheBytes: 1 });
    opened.push(small);
    const records = Array.from({ length: 3 * CHUNK_SIZE }, (_, n) => ({ id: `story-${n}`, text: `Story number ${n} says ${n} things about ${n % 7} towns.` }));
    for (let i = 0; i < records.length; i += 1000) await small.addRecords(records.slice(i, i + 1000));
    await small.settle();
    const roomy = await openCorpusStore({ name, indexedDB, IDBKeyRange });
    opened.push(roomy);
    const docs = [1, CHUNK_SIZE + 5, 2 * CHUNK_SIZE + 9, 3 * CHUNK_SIZE];
    const first = await small.docStats(docs);
    const again = await small.docStats(docs);
    expect(first.every((stat) => stat !== undefined && /^story-\d+$/.test(stat.id) && stat.features > 0)).toBe(true);
    expect(again).toEqual(first);
    expect(await roomy.docStats(docs)).toEqual(first);
    // Calls under way together drop each other's rows from a small cache; each still answers for all it asked.
    const together = await Promise.all([docs, [...docs].reverse(), [2, CHUNK_SIZE + 7], docs].map((asked) => small.docStats(asked)));
    const roomyAnswers = await Promise.all([docs, [...docs].reverse(), [2, CHUNK_SIZE + 7], docs].map((asked) => roomy.docStats(asked)));
    expect(together).toEqual(roomyAnswers);
    expect(together.flat().every((stat) => stat !== undefined)).toBe(true);
  });
});
