import { describe, expect, it } from 'vitest';
import { bucketOf, bucketRange, concatRuns, docsOf, mergeRuns, sortPairs, STOPPED_DOC, withoutDocs } from '../../../lib/store/postings';

const pairsOf = (run: Uint32Array) => Array.from({ length: run.length / 2 }, (_, i) => [run[2 * i], run[2 * i + 1]]);

describe('posting runs', () => {
  it('sorts (key, doc) pairs by key then document, once each', () => {
    const run = sortPairs([[7, 3], [2, 1], [7, 1], [0xffffffff, 2], [7, 3]]);
    expect(pairsOf(run)).toEqual([[2, 1], [7, 1], [7, 3], [0xffffffff, 2]]);
  });

  it('sorts the same whether document numbers pack into doubles or need the wide path', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const small = Array.from({ length: 5000 }, () => [next(), next() % 3000] as const);
    const expected = [...new Map(small.map(([key, doc]) => [`${key}:${doc}`, [key, doc]])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(pairsOf(sortPairs(small))).toEqual(expected);
    // One document past two million sends the whole batch through the BigInt path, with the same order.
    const wide = [...small, [0xffffffff, 2 ** 21], [0, 0xfffffffe]] as const;
    expect(pairsOf(sortPairs(wide))).toEqual([[0, 0xfffffffe], ...expected, [0xffffffff, 2 ** 21]].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('finds the documents of a key, and nothing for an absent key', () => {
    const run = sortPairs([[5, 9], [5, 2], [6, 1], [4, 4]]);
    expect(docsOf(run, 5)).toEqual([2, 9]);
    expect(docsOf(run, 3)).toEqual([]);
    expect(docsOf(run, 7)).toEqual([]);
  });

  it('merges newer postings in, keeping each document once', () => {
    const merged = mergeRuns(sortPairs([[1, 1], [3, 2]]), sortPairs([[1, 1], [1, 5], [2, 5]]), 10);
    expect(pairsOf(merged)).toEqual([[1, 1], [1, 5], [2, 5], [3, 2]]);
  });

  it('stops a key past the cap and ignores later postings for it', () => {
    const stopped = mergeRuns(undefined, sortPairs([[1, 1], [1, 2], [1, 3], [2, 3]]), 2);
    expect(pairsOf(stopped)).toEqual([[1, STOPPED_DOC], [2, 3]]);
    expect(docsOf(stopped, 1)).toBe('stopped');
    expect(pairsOf(mergeRuns(stopped, sortPairs([[1, 9]]), 2))).toEqual([[1, STOPPED_DOC], [2, 3]]);
  });

  it('removes every posting of deleted documents, keeping stopped keys stopped', () => {
    const run = mergeRuns(undefined, sortPairs([[1, 1], [1, 2], [1, 3], [2, 2], [3, 4]]), 2);
    expect(pairsOf(withoutDocs(run, new Set([2, 4])))).toEqual([[1, STOPPED_DOC]]);
  });

  it('joins runs of several batches into one sorted run', () => {
    expect(pairsOf(concatRuns([sortPairs([[5, 1], [9, 1]]), sortPairs([[5, 2], [1, 2]])]))).toEqual([[1, 2], [5, 1], [5, 2], [9, 1]]);
  });

  it('groups a sorted run by bucket: the top bits of the key', () => {
    const low = 0x00000010;
    const high = 0xfff00000;
    const run = sortPairs([[high, 1], [low, 1], [low + 1, 2]]);
    expect(bucketOf(low)).toBe(0);
    expect(bucketRange(run, 0)).toEqual([0, 2]);
    expect(bucketRange(run, bucketOf(high), 2)).toEqual([2, 3]);
  });
});
