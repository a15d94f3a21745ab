/**
 * The postings tally (lib/index/tally.ts): every document a page's postings name once, ascending, with the summed
 * weight, count and largest rank of the keys it holds, and which keys those are, as a key-by-key tally gives them.
 */
import { describe, expect, it } from 'vitest';
import { tallyPostings } from '../../../lib/index/tally';
import type { Posting } from '../../../lib/store/types';

const weightOf = (holders: number) => Math.log(1 + 1000 / holders);
const rankOf = (key: number) => (key * 2654435761) >>> 0;

/** The tally as adding key by key into maps gives it. */
function byMaps(postings: Map<number, Posting>) {
  const found = new Map<number, { weight: number; shared: number; maxRank: number; keys: number[] }>();
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    for (const doc of docs) {
      const entry = found.get(doc) ?? { weight: 0, shared: 0, maxRank: 0, keys: [] };
      entry.weight += weightOf(docs.length);
      entry.shared++;
      entry.maxRank = Math.max(entry.maxRank, rankOf(key));
      entry.keys.push(key);
      found.set(doc, entry);
    }
  }
  return [...found].sort(([a], [b]) => a - b);
}

function asMaps(postings: Map<number, Posting>) {
  const tally = tallyPostings(postings, weightOf, rankOf);
  return Array.from(tally.docs, (doc, place) => {
    const keys = Array.from(tally.heldKeys.subarray(tally.heldFrom[place], tally.heldFrom[place + 1]), (k) => tally.keys[k]);
    return [doc, { weight: tally.weight[place], shared: tally.shared[place], maxRank: tally.maxRank[place], keys }] as const;
  });
}

describe('tallying postings', () => {
  it('gives each document its keys\' summed weight, count, largest rank and keys, in key order, exactly', () => {
    const postings = new Map<number, Posting>([
      [0xfffffff0, Uint32Array.of(0, 5, 9_999_999)],
      [7, 'stopped'],
      [42, Uint32Array.of(5, 6)],
      [3, Uint32Array.of(9_999_999)],
      [99, Uint32Array.of(0, 1, 2, 5, 6, 9_999_999)],
    ]);
    const tally = tallyPostings(postings, weightOf, rankOf);
    expect(tally.keys).toEqual([0xfffffff0, 42, 3, 99]);
    expect(Array.from(tally.docs)).toEqual([0, 1, 2, 5, 6, 9_999_999]);
    expect(asMaps(postings)).toEqual(byMaps(postings));
  });

  it('agrees with a key-by-key tally on random postings over a million documents', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    const postings = new Map<number, Posting>();
    for (let key = 1; key <= 64; key++) {
      const docs = new Set(Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() * 1_000_000)));
      postings.set(key * 977, Uint32Array.from([...docs].sort((a, b) => a - b)));
    }
    expect(asMaps(postings)).toEqual(byMaps(postings));
  });

  it('agrees with it where documents and keys together pass 32 bits, and for documents past 2^31', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    const postings = new Map<number, Posting>();
    for (let key = 1; key <= 64; key++) {
      const docs = new Set(Array.from({ length: 1 + Math.floor(random() * 50) }, () => Math.floor(random() * 2 ** 28)));
      postings.set(key * 977, Uint32Array.from([...docs].sort((a, b) => a - b)));
    }
    expect(asMaps(postings)).toEqual(byMaps(postings));
    const high = new Map<number, Posting>([[5, Uint32Array.of(3, 2 ** 31 + 5, 2 ** 32 - 1)]]);
    expect(asMaps(high)).toEqual(byMaps(high));
    high.set(6, Uint32Array.of(2 ** 31 + 5));
    expect(asMaps(high)).toEqual(byMaps(high));
  });

  it('is empty for no postings or only stopped keys', () => {
    for (const postings of [new Map<number, Posting>(), new Map<number, Posting>([[1, 'stopped']])]) {
      const tally = tallyPostings(postings, weightOf, rankOf);
      expect(tally.docs.length).toBe(0);
      expect(Array.from(tally.heldFrom)).toEqual([0]);
    }
  });
});
