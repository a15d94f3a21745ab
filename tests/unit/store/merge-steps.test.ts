/**
 * A merge of the index made in steps, each its own transaction (PostingIndex.mergeInSteps): it answers as a merge made
 * at once; a lookup between two steps answers from the index as it was; a merge stopped midway changes nothing a
 * lookup reads, and the next merge deletes what it wrote; postings removed while a merge runs stay removed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostingIndex } from '../../../lib/store/posting-index';
import { GENERATION_STRIDE } from '../../../lib/store/schema';
import type { CorpusDatabase } from '../../../lib/store/schema';
import type { Posting } from '../../../lib/store/types';
import { mulberry32 as random } from '../../../scripts/bench/random.ts';
import { openTestDatabase } from './helpers';

let opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

const DF_CAP = 40;
/**
 * Small limits, so that a few hundred documents make about twenty generations of one size (no tier fills before the
 * settle), which the settle merges in one merge of many steps.
 */
const LIMITS = { pendingLimit: 400, fanout: 64 };

/** Keys spread over the 32-bit space; documents take `perDoc` of them, skewed towards the first (some pass the cap). */
function corpus(seed: number, documents: number, perDoc: number): { keys: number[]; batches: Uint32Array[] } {
  const next = random(seed);
  const keys = Array.from({ length: 2000 }, () => Math.floor(next() * 2 ** 32) >>> 0);
  const batches: Uint32Array[] = [];
  for (let first = 1; first <= documents; first += 25) {
    const pairs: number[] = [];
    for (let doc = first; doc < Math.min(documents + 1, first + 25); doc++) {
      for (let i = 0; i < perDoc; i++) pairs.push(keys[Math.floor(keys.length * next() ** 2)], doc);
    }
    batches.push(Uint32Array.from(pairs));
  }
  return { keys, batches };
}

/** An index holding `batches`, merged whenever a tier is full; `mergeStepPostings` sets how much a step moves. */
async function indexOf(batches: readonly Uint32Array[], mergeStepPostings: number): Promise<{ db: CorpusDatabase; index: PostingIndex }> {
  const db = await openTestDatabase(opened);
  const index = new PostingIndex(db, DF_CAP, { ...LIMITS, mergeStepPostings });
  for (const batch of batches) if (await index.append(batch)) await index.merge();
  return { db, index };
}

const answer = async (index: PostingIndex, keys: readonly number[]): Promise<[number, Posting][]> =>
  [...(await index.lookup(keys))].map(([key, posting]): [number, Posting] => [key, posting === 'stopped' ? posting : Uint32Array.from(posting)]).sort((a, b) => a[0] - b[0]);

/** Generations whose rows are stored but which no generation entry lists (what a merge stopped midway leaves). */
async function unlistedGenerations(db: CorpusDatabase): Promise<number[]> {
  const listed = new Set((await db.generations.toArray()).map((info) => info.generation));
  const stored = new Set((await db.generationRows.toCollection().primaryKeys()).map((id) => Math.floor(Number(id) / GENERATION_STRIDE)));
  return [...stored].filter((generation) => !listed.has(generation));
}

describe('a merge in steps', () => {
  it('answers as a merge made at once, in many transactions', async () => {
    const { keys, batches } = corpus(3, 400, 20);
    const atOnce = await indexOf(batches, 1 << 30);
    const stepped = await indexOf(batches, 200);
    let turns = 0;
    await atOnce.index.merge({ settle: true });
    await stepped.index.merge({ settle: true, turn: async () => void turns++ });
    expect(turns, 'a turn before each step').toBeGreaterThan(10);
    expect(await answer(stepped.index, keys)).toEqual(await answer(atOnce.index, keys));
    expect((await stepped.index.generations()).length).toBe((await atOnce.index.generations()).length);
    expect(await unlistedGenerations(stepped.db)).toEqual([]);
  });

  it('answers a lookup between two steps from the index as it was before the merge', async () => {
    const { keys, batches } = corpus(5, 400, 20);
    const { index } = await indexOf(batches, 200);
    const before = await answer(index, keys);
    const between: [number, Posting][][] = [];
    await index.merge({ settle: true, turn: async () => void between.push(await answer(index, keys)) });
    expect(between.length).toBeGreaterThan(10);
    for (const seen of between) expect(seen).toEqual(before);
    expect(await answer(index, keys)).toEqual(before);
  });

  it('stopped midway, leaves the index answering as before, and the next merge deletes the rows it wrote', async () => {
    const { keys, batches } = corpus(7, 400, 20);
    const { db, index } = await indexOf(batches, 200);
    const before = await answer(index, keys);
    const generations = (await index.generations()).length;
    let turns = 0;
    const stopping = async () => {
      if (++turns === 6) throw new Error('the worker stopped');
    };
    await expect(index.merge({ settle: true, turn: stopping })).rejects.toThrow('the worker stopped');
    expect(await unlistedGenerations(db), 'the stopped merge left rows').toHaveLength(1);
    expect(await answer(index, keys)).toEqual(before);
    expect((await index.generations()).length).toBe(generations);
    // A fresh handle, as a restarted worker opens.
    const restarted = new PostingIndex(db, DF_CAP, { ...LIMITS, mergeStepPostings: 200 });
    await restarted.merge({ settle: true });
    expect(await unlistedGenerations(db)).toEqual([]);
    expect(await answer(restarted, keys)).toEqual(before);
    expect((await restarted.generations()).length).toBeLessThan(generations);
  });

  it('keeps postings removed while it runs removed, and merges what is left', async () => {
    const { keys, batches } = corpus(9, 400, 20);
    const { db, index } = await indexOf(batches, 200);
    const removedOnce = await indexOf(batches, 1 << 30);
    const gone = new Set([3, 77, 150, 151, 260]);
    await removedOnce.db.transaction('rw', [removedOnce.db.generations, removedOnce.db.generationRows, removedOnce.db.pending, removedOnce.db.meta], () =>
      removedOnce.index.remove(gone, keys),
    );
    await removedOnce.index.merge({ settle: true });
    let turns = 0;
    const removeMidway = async () => {
      if (++turns === 5) await db.transaction('rw', [db.generations, db.generationRows, db.pending, db.meta], () => index.remove(gone, keys));
    };
    await index.merge({ settle: true, turn: removeMidway });
    const after = await answer(index, keys);
    for (const [, posting] of after) if (posting !== 'stopped') for (const doc of gone) expect(posting).not.toContain(doc);
    expect(after).toEqual(await answer(removedOnce.index, keys));
    expect(await unlistedGenerations(db)).toEqual([]);
    expect((await index.generations()).length).toBe((await removedOnce.index.generations()).length);
  });
});
