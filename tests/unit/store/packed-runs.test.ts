import { describe, expect, it } from 'vitest';
import { packedDocsOf, packedPairCount, packRun, unpackRun } from '../../../lib/store/packed-runs';
import { docsOf, mergeRuns, sortPairs, STOPPED_DOC } from '../../../lib/store/postings';

const roundTrip = (pairs: Uint32Array) => unpackRun(packRun(pairs));

describe('packed runs', () => {
  it('packs an empty run into its count alone and back', () => {
    const packed = packRun(new Uint32Array(0));
    expect(Array.from(packed)).toEqual([0]);
    expect(roundTrip(new Uint32Array(0))).toEqual(new Uint32Array(0));
    expect(packedPairCount(packed)).toBe(0);
  });

  it('writes one key with one document as count, key, no further documents, document', () => {
    const packed = packRun(sortPairs([[5, 3]]));
    expect(Array.from(packed)).toEqual([1, 5, 0, 3]);
    // Two documents: their bytes (1 + 2) follow the count, then the first document and the gap to the second.
    expect(Array.from(packRun(sortPairs([[5, 3], [5, 200]])))).toEqual([2, 5, 1, 3, 3, 0xc5, 0x01]);
    expect(Array.from(unpackRun(packed))).toEqual([5, 3]);
  });

  it('keeps document 0 and stopped keys beside others', () => {
    const run = mergeRuns(undefined, sortPairs([[1, 1], [1, 2], [1, 3], [2, 0], [4, 7]]), 2);
    expect(Array.from(run)).toEqual([1, STOPPED_DOC, 2, 0, 4, 7]);
    expect(roundTrip(run)).toEqual(run);
  });

  it('round-trips the largest keys and documents, and gaps across every varint length', () => {
    const max = 0xffffffff;
    const run = sortPairs([
      [0, 0],
      [0, max],
      [127, 127],
      [128, 128],
      [16_383, 16_384],
      [2 ** 21, 2 ** 21],
      [2 ** 28, 2 ** 28 - 1],
      [2 ** 31, 2 ** 31],
      [max, 0],
      [max, 1],
      [max, max],
    ]);
    const packed = packRun(run);
    expect(unpackRun(packed)).toEqual(run);
    expect(packedPairCount(packed)).toBe(11);
  });

  it('round-trips a row-like run at a million-article density in about 2–3 bytes a posting', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // Keys sharing their top 16 bits, documents below a million, a few keys with many documents.
    const entries: [number, number][] = [];
    for (let i = 0; i < 300; i++) {
      const key = ((0xabcd << 16) | (next() & 0xffff)) >>> 0;
      const docs = i % 30 === 0 ? 40 : 1 + (next() % 3);
      for (let d = 0; d < docs; d++) entries.push([key, next() % 1_000_000]);
    }
    const run = sortPairs(entries);
    const packed = packRun(run);
    expect(unpackRun(packed)).toEqual(run);
    const perPosting = packed.length / (run.length / 2);
    expect(perPosting).toBeLessThan(5);
    expect(perPosting).toBeGreaterThan(1);
  });

  it('round-trips many random runs', () => {
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let trial = 0; trial < 200; trial++) {
      const size = next() % 400;
      const keyRange = 1 + (next() % 2 ** 20);
      const entries = Array.from({ length: size }, () => [next() % keyRange, next() >>> (next() % 32)] as [number, number]);
      const run = sortPairs(entries);
      expect(unpackRun(packRun(run))).toEqual(run);
    }
  });

  it('finds a key\'s documents in the packed run as in its pairs, for every key present and keys around them', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let trial = 0; trial < 50; trial++) {
      const entries = Array.from({ length: next() % 300 }, () => [next() % 5000, next() % 2 ** (1 + (next() % 31))] as [number, number]);
      const run = mergeRuns(undefined, sortPairs(entries), 8);
      const packed = packRun(run);
      const keys = new Set([0, 4999, 5000, 0xffffffff, ...entries.flatMap(([key]) => [key, key + 1, Math.max(0, key - 1)])]);
      for (const key of keys) {
        const expected = docsOf(run, key);
        expect(Array.from(packedDocsOf(packed, key)), `key ${key}`).toEqual(expected === 'stopped' ? [STOPPED_DOC] : expected);
      }
    }
  });

  it('finds nothing in an empty run, and a stopped key as its one document 0', () => {
    expect(packedDocsOf(packRun(new Uint32Array(0)), 7)).toEqual(new Uint32Array(0));
    const stopped = mergeRuns(undefined, sortPairs([[9, 1], [9, 2], [9, 3], [10, 4]]), 2);
    expect(Array.from(packedDocsOf(packRun(stopped), 9))).toEqual([STOPPED_DOC]);
    expect(Array.from(packedDocsOf(packRun(stopped), 10))).toEqual([4]);
  });

  it('refuses bytes that end early or run past their postings', () => {
    const packed = packRun(sortPairs([[300, 70_000], [301, 2]]));
    expect(() => unpackRun(packed.subarray(0, packed.length - 1))).toThrow(RangeError);
    expect(() => unpackRun(Uint8Array.of(...packed, 0))).toThrow(RangeError);
    // A count of one with a key of two documents.
    expect(() => unpackRun(Uint8Array.of(1, 5, 1, 2, 3, 1))).toThrow(RangeError);
    // A key whose documents take other bytes than its header says.
    expect(() => unpackRun(Uint8Array.of(2, 5, 1, 3, 3, 1))).toThrow(RangeError);
    expect(() => unpackRun(new Uint8Array(0))).toThrow(RangeError);
  });
});
