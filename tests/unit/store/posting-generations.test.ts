/**
 * The index's generations (schema version 6) answer exactly as the bucket and middle tiers of versions 3–5 did on
 * the same inserts and removals, and the bytes they write per posting stay bounded as the index grows.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { packedPairCount, unpackRun } from '../../../lib/store/packed-runs';
import { PostingIndex } from '../../../lib/store/posting-index';
import { CorpusDatabase, type GenerationRow } from '../../../lib/store/schema';
import type { Posting } from '../../../lib/store/types';
import { Version5Database, Version5PostingIndex } from '../helpers/version5-index';
import { mulberry32 as random } from '../../../scripts/bench/random.ts';

const factories = { indexedDB, IDBKeyRange };
let counter = 0;
const freshName = (what: string) => `generations-${what}-${process.pid}-${++counter}`;
let opened: { close(): void }[] = [];

afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

/** Keys spread over the whole 32-bit space, a few of them common (so some pass the document cap). */
function keySpace(count: number, next: () => number): number[] {
  return Array.from({ length: count }, () => Math.floor(next() * 2 ** 32) >>> 0);
}

/** The postings of a batch of documents: each takes `perDoc` keys, skewed towards the first keys of `keys`. */
function batchOf(firstDoc: number, docs: number, keys: readonly number[], perDoc: number, next: () => number): Uint32Array {
  const pairs: number[] = [];
  for (let doc = firstDoc; doc < firstDoc + docs; doc++) {
    for (let i = 0; i < perDoc; i++) pairs.push(keys[Math.floor(keys.length * next() ** 3)], doc);
  }
  return Uint32Array.from(pairs);
}

function sorted(map: Map<number, Posting>): [number, Posting][] {
  return [...map].sort((a, b) => a[0] - b[0]);
}

async function generationsIndex(limits: { pendingLimit: number; fanout?: number }, dfCap: number) {
  const db = new CorpusDatabase(freshName('v6'), factories);
  await db.open();
  opened.push(db);
  return { db, index: new PostingIndex(db, dfCap, limits) };
}

async function version5Index(pendingLimit: number, midLimit: number, dfCap: number) {
  const db = new Version5Database(freshName('v5'), factories);
  await db.open();
  opened.push(db);
  return { db, index: new Version5PostingIndex(db, dfCap, pendingLimit, midLimit) };
}

describe('the index in generations', () => {
  it('returns the same postings as the version-5 tiers on the same inserts and removals', async () => {
    const next = random(15);
    const keys = keySpace(3000, next);
    const dfCap = 15;
    const reference = await version5Index(600, 2400, dfCap);
    const tiny = await generationsIndex({ pendingLimit: 300, fanout: 2 }, dfCap);
    const wide = await generationsIndex({ pendingLimit: 1000, fanout: 4 }, dfCap);
    const candidates = [tiny, wide];
    let doc = 1;
    for (let batch = 0; batch < 30; batch++) {
      const docs = 5 + Math.floor(next() * 20);
      const postings = batchOf(doc, docs, keys, 12, next);
      doc += docs;
      if (await reference.index.append(postings)) await reference.index.merge();
      for (const { index } of candidates) if (await index.append(postings)) await index.merge();
      if (batch % 7 === 6) {
        // Remove a few documents, naming their keys as the store does (from the record's text, so all of them).
        const gone = new Set([doc - 3, doc - 10, Math.floor(doc / 2)]);
        const goneKeys = [...keys];
        await reference.index.remove(gone, goneKeys);
        for (const { index } of candidates) await index.remove(gone, goneKeys);
      }
      if (batch % 5 === 4) {
        const expected = sorted(await reference.index.lookup(keys));
        for (const { index } of candidates) expect(sorted(await index.lookup(keys))).toEqual(expected);
      }
    }
    expect((await tiny.index.generations()).length, 'the small limits made several generations').toBeGreaterThan(2);
    await reference.index.merge({ settle: true });
    for (const { index } of candidates) await index.merge({ settle: true });
    const settled = sorted(await reference.index.lookup(keys));
    expect(settled.some(([, posting]) => posting === 'stopped'), 'some keys pass the cap').toBe(true);
    expect(settled.filter(([, posting]) => posting !== 'stopped').length, 'most keys are kept').toBeGreaterThan(1000);
    for (const { index } of candidates) {
      expect(sorted(await index.lookup(keys))).toEqual(settled);
      // Generations left apart after settling keep a stopped key's older postings until they are merged.
      if ((await index.generations()).length === 1) {
        const [size, unpacked] = [await index.size(), await reference.index.size()];
        expect(size.postings).toBe(unpacked.postings);
        expect(size.bytes, 'rows packed to well under 8 bytes a posting').toBeLessThan(unpacked.bytes / 2);
      } else expect((await index.size()).postings).toBeGreaterThanOrEqual((await reference.index.size()).postings);
    }
  });

  /**
   * Appends `batches` batches of `docs` documents with `perDoc` keys each, merging whenever a tier is full, then
   * settles: postings written to generation rows per posting stored, before and in the settle, and the most
   * generations a lookup would have read along the way.
   */
  async function importBatches(
    setup: { seed: number; keyCount: number; pendingLimit: number; fanout?: number; forImport?: boolean },
    batches: number,
    docs: number,
    perDoc: number,
  ) {
    const next = random(setup.seed);
    const keys = keySpace(setup.keyCount, next);
    const { db, index } = await generationsIndex({ pendingLimit: setup.pendingLimit, fanout: setup.fanout }, 1 << 20);
    let written = 0;
    const bulkPut = db.generationRows.bulkPut.bind(db.generationRows);
    db.generationRows.bulkPut = ((rows: readonly GenerationRow[]) => {
      written += rows.reduce((n, row) => n + packedPairCount(new Uint8Array(row.packed!)), 0);
      return bulkPut(rows as never);
    }) as unknown as typeof db.generationRows.bulkPut;
    const forImport = setup.forImport ?? false;
    let doc = 1;
    let stored = 0;
    let mostGenerations = 0;
    for (let batch = 0; batch < batches; batch++) {
      const postings = batchOf(doc, docs, keys, perDoc, next);
      doc += docs;
      stored += postings.length / 2;
      if (await index.append(postings, { forImport })) await index.merge({ forImport });
      mostGenerations = Math.max(mostGenerations, (await index.generations()).length);
    }
    const writesBeforeSettle = written / stored;
    const beforeSettle = (await index.generations()).length;
    await index.merge({ settle: true });
    return { writesBeforeSettle, writesInSettle: written / stored - writesBeforeSettle, mostGenerations, beforeSettle, settled: (await index.generations()).length };
  }

  it('writes each posting a bounded number of times and keeps few generations, however many batches arrive', async () => {
    const fanout = 4;
    const run = await importBatches({ seed: 16, keyCount: 50_000, pendingLimit: 2000, fanout }, 256, 10, 200);
    // 256 flushes of one pending limit: tiers 0–4 of fanout 4, each posting written once and merged once per tier.
    expect(run.writesBeforeSettle).toBeLessThanOrEqual(5);
    expect(run.mostGenerations).toBeLessThanOrEqual((fanout - 1) * 5 + 1);
    expect(run.settled).toBeLessThan(run.beforeSettle);
  });

  it('leaves more merging to the settle for a file import: a 78-batch crawl writes its postings at most twice before', async () => {
    // A 1 GB crawl sends 78 batches, each past the pending limit. With 4 generations a tier its postings were written
    // once as a batch and merged into tiers 1, 2 and 3 before the end of the import settled them.
    const imported = await importBatches({ seed: 18, keyCount: 20_000, pendingLimit: 1000, forImport: true }, 78, 12, 100);
    expect(imported.writesBeforeSettle).toBeLessThanOrEqual(2);
    // The settle rewrites each posting once: not a full tier first, then everything with it.
    expect(imported.writesInSettle).toBeLessThanOrEqual(1);
    // What a lookup made during such an import reads per key: a row in each generation.
    expect(imported.mostGenerations).toBeLessThanOrEqual(2 * 15 + 1);
    expect(imported.settled).toBe(1);
    // Feeds, which never settle, keep merging four generations at a time.
    const fed = await importBatches({ seed: 18, keyCount: 20_000, pendingLimit: 1000 }, 78, 12, 100);
    expect(fed.writesBeforeSettle).toBeGreaterThan(3);
    expect(fed.mostGenerations).toBeLessThanOrEqual(3 * 4 + 1);
  });

  it('writes a batch that fills the pending runs straight into a generation, answering as if it had been pending', async () => {
    const next = random(17);
    const keys = keySpace(4000, next);
    const dfCap = 12;
    // Everything pending until settled: the reference for what the generations must answer.
    const reference = await generationsIndex({ pendingLimit: 1 << 30, fanout: 4 }, dfCap);
    const { db, index } = await generationsIndex({ pendingLimit: 3000, fanout: 4 }, dfCap);
    let pendingRowsWritten = 0;
    const add = db.pending.add.bind(db.pending);
    db.pending.add = ((row: never) => {
      pendingRowsWritten++;
      return add(row);
    }) as typeof db.pending.add;
    let doc = 1;
    // Two small batches stay pending; the third fills the pending runs and goes, with them, into one generation.
    for (const docs of [40, 40, 300]) {
      const postings = batchOf(doc, docs, keys, 10, next);
      doc += docs;
      await reference.index.append(postings);
      if (await index.append(postings)) await index.merge();
    }
    expect(pendingRowsWritten, 'only the two small batches were written as pending rows').toBe(2);
    expect(await db.pending.count(), 'the pending runs went into the generation').toBe(0);
    expect((await index.generations()).length).toBe(1);
    await reference.index.merge({ settle: true });
    expect(sorted(await index.lookup(keys))).toEqual(sorted(await reference.index.lookup(keys)));
    // A batch larger than the limit by itself is one generation of its own, with no pending row at all.
    const big = batchOf(doc, 400, keys, 10, next);
    await reference.index.append(big);
    if (await index.append(big)) await index.merge();
    expect(pendingRowsWritten).toBe(2);
    expect((await index.generations()).length).toBe(2);
    await reference.index.merge({ settle: true });
    await index.merge({ settle: true });
    expect(sorted(await index.lookup(keys))).toEqual(sorted(await reference.index.lookup(keys)));
  });

  it('answers from rows stored as pairs before packing, and packs them as removals and merges rewrite them', async () => {
    const next = random(23);
    const keys = keySpace(3000, next);
    const dfCap = 40;
    const reference = await generationsIndex({ pendingLimit: 1 << 30, fanout: 4 }, dfCap);
    const { db, index } = await generationsIndex({ pendingLimit: 2000, fanout: 4 }, dfCap);
    let doc = 1;
    for (let batch = 0; batch < 6; batch++) {
      const postings = batchOf(doc, 50, keys, 10, next);
      doc += 50;
      await reference.index.append(postings);
      if (await index.append(postings)) await index.merge();
    }
    await index.merge({ settle: true });
    await reference.index.merge({ settle: true });
    const packedSize = await index.size();
    // The rows as the code before packing wrote them.
    const packedRows = await db.generationRows.toArray();
    expect(packedRows.length).toBeGreaterThan(1);
    expect(packedRows.every((row) => row.packed && !row.pairs)).toBe(true);
    await db.generationRows.bulkPut(packedRows.map((row) => ({ id: row.id, pairs: unpackRun(new Uint8Array(row.packed!)).buffer as ArrayBuffer })));
    const unpackedIndex = new PostingIndex(db, dfCap, { pendingLimit: 2000, fanout: 4 });
    expect(sorted(await unpackedIndex.lookup(keys))).toEqual(sorted(await reference.index.lookup(keys)));
    const unpackedSize = await unpackedIndex.size();
    expect(unpackedSize.postings).toBe(packedSize.postings);
    expect(unpackedSize.bytes).toBe(8 * packedSize.postings);
    expect(packedSize.bytes).toBeLessThan(unpackedSize.bytes);

    // A removal rewrites the rows it touches packed; the others stay as they were.
    const removed = new Set([3, 77]);
    // Every key, so every row is read; only those holding a removed document change.
    await unpackedIndex.remove(removed, keys);
    await reference.index.remove(removed, keys);
    const afterRemoval = await db.generationRows.toArray();
    expect(afterRemoval.some((row) => row.packed)).toBe(true);
    expect(afterRemoval.some((row) => row.pairs)).toBe(true);
    expect(sorted(await unpackedIndex.lookup(keys))).toEqual(sorted(await reference.index.lookup(keys)));

    // A merge rewrites every row it reads packed.
    const last = batchOf(doc, 2000 / 10, keys, 10, next);
    await reference.index.append(last);
    await unpackedIndex.append(last);
    await unpackedIndex.merge({ settle: true });
    await reference.index.merge({ settle: true });
    expect((await db.generationRows.toArray()).every((row) => row.packed && !row.pairs)).toBe(true);
    expect(sorted(await unpackedIndex.lookup(keys))).toEqual(sorted(await reference.index.lookup(keys)));
  });
});
