import { describe, expect, it } from 'vitest';
import { addToBucket, bucketOf, decodeRow, encodeRow, groupByBucket, keyOf, removeFromBucket, tailOf } from '../../../lib/store/postings';

describe('posting buckets', () => {
  it('splits a key into bucket and tail and joins it back', () => {
    for (const key of [0, 1, 0xffff, 0x10000, 0xdeadbeef, 0xffffffff]) expect(keyOf(bucketOf(key), tailOf(key))).toBe(key);
  });

  it('round-trips through the row encoding, grouped by tail', () => {
    const content = decodeRow(undefined);
    addToBucket(content, [[7, 3], [2, 1], [7, 4]], 10);
    const row = encodeRow(5, content)!;
    expect([...row.tails]).toEqual([2, 7, 7]);
    expect([...row.docs]).toEqual([1, 3, 4]);
    expect(decodeRow(row)).toEqual(new Map([[2, [1]], [7, [3, 4]]]));
  });

  it('stops a tail past the cap and ignores later postings for it', () => {
    const content = decodeRow(undefined);
    addToBucket(content, [[1, 1], [1, 2], [1, 3], [1, 4]], 2);
    expect(content.get(1)).toBe('stopped');
    const row = encodeRow(0, content)!;
    expect([...row.docs]).toEqual([0]);
    expect(decodeRow(row).get(1)).toBe('stopped');
  });

  it('removes postings and drops an emptied row', () => {
    const content = decodeRow(undefined);
    addToBucket(content, [[1, 1], [1, 2], [3, 2]], 10);
    removeFromBucket(content, [[1, 2], [3, 2]]);
    expect(content).toEqual(new Map([[1, [1]]]));
    removeFromBucket(content, [[1, 1]]);
    expect(encodeRow(0, content)).toBeNull();
  });

  it('groups postings by bucket', () => {
    const groups = groupByBucket([[0x00010002, 9], [0x00010003, 9], [0x00020002, 8]]);
    expect(groups).toEqual(new Map([[1, [[2, 9], [3, 9]]], [2, [[2, 8]]]]));
  });
});
