import { describe, expect, it } from 'vitest';
import { uniqueAnchors } from '../../../lib/align/unique-anchors';

describe('uniqueAnchors', () => {
  it('pairs the items both sides hold once, in the order both give them', () => {
    expect(uniqueAnchors(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
    ]);
  });

  it('leaves out items repeated on either side and empty keys', () => {
    expect(uniqueAnchors(['a', 'b', 'b', '', 'c'], ['a', 'b', '', 'c'])).toEqual([
      [0, 0],
      [4, 3],
    ]);
    expect(uniqueAnchors(['a', 'b'], ['a', 'a', 'b'])).toEqual([[1, 2]]);
  });

  it('keeps the longest chain when items moved', () => {
    // "e" moved to the front of the page: the chain through b, c, d is longer than the one through e.
    expect(uniqueAnchors(['e', 'a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd', 'e'])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it('gives nothing when nothing is shared', () => {
    expect(uniqueAnchors(['a'], ['b'])).toEqual([]);
    expect(uniqueAnchors([], [])).toEqual([]);
  });
});
