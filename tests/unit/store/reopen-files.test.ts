/**
 * After a full check the background reads a few rows spread over the index (PostingIndex.reopenFiles),
 * so that the files holding it are open again for the next first answer. Which rows: spread evenly over each
 * generation's buckets, shared out by the generations' sizes; and asking for them changes nothing a lookup answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostingIndex, spreadRowIds } from '../../../lib/store/posting-index';
import { GENERATION_STRIDE, generationRowId } from '../../../lib/store/schema';
import { openTestDatabase } from './helpers';

let opened: { close(): void }[] = [];
afterEach(() => {
  for (const handle of opened) handle.close();
  opened = [];
});

const database = () => openTestDatabase(opened);

const bucketsOf = (ids: number[], generation: number) => ids.filter((id) => Math.floor(id / GENERATION_STRIDE) === generation).map((id) => id % GENERATION_STRIDE);

describe('spreadRowIds', () => {
  it('spreads one generation evenly over its buckets', () => {
    const ids = spreadRowIds([{ generation: 3, bits: 10, postings: 5_000 }], 4);
    expect(ids).toEqual([128, 384, 640, 896].map((bucket) => generationRowId(3, bucket)));
  });

  it('shares the rows out by size, at least one per generation, never more than a generation has', () => {
    const ids = spreadRowIds(
      [
        { generation: 0, bits: 12, postings: 900_000 },
        { generation: 1, bits: 8, postings: 90_000 },
        { generation: 2, bits: 8, postings: 100 },
      ],
      64,
    );
    expect(bucketsOf(ids, 0)).toHaveLength(58);
    expect(bucketsOf(ids, 1)).toHaveLength(6);
    expect(bucketsOf(ids, 2)).toEqual([128]);
    expect(spreadRowIds([{ generation: 0, bits: 1, postings: 10 }], 64)).toEqual([0, 1]);
    // Ascending: the database seeks through them in key order.
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('asks for nothing when the index is empty', () => {
    expect(spreadRowIds([], 64)).toEqual([]);
    expect(spreadRowIds([{ generation: 0, bits: 8, postings: 0 }], 64)).toEqual([]);
  });
});

describe('PostingIndex.reopenFiles', () => {
  it('finds the stored rows it reads and leaves every lookup as it was', async () => {
    const index = new PostingIndex(await database(), 1_000, { pendingLimit: 64, fanout: 4 });
    const keys = Array.from({ length: 200 }, (_, i) => (i * 0x9e3779b9) >>> 0);
    const pairs = new Uint32Array(keys.flatMap((key, i) => [key, i % 50, key, 50 + (i % 7)]));
    for (let at = 0; at < pairs.length; at += 100) await index.append(pairs.slice(at, at + 100));
    await index.merge({ settle: true });
    const before = await index.lookup(keys);
    const [generation] = await index.generations();
    // A settled index of 400 postings: one generation of 256 buckets, most of them holding a row.
    expect(generation.bits).toBe(8);
    const found = await index.reopenFiles(16);
    expect(found).toBeGreaterThan(8);
    expect(found).toBeLessThanOrEqual(16);
    expect(await index.lookup(keys)).toEqual(before);
  });

  it('reads nothing from an empty index', async () => {
    const index = new PostingIndex(await database(), 1_000);
    expect(await index.reopenFiles()).toBe(0);
  });
});
