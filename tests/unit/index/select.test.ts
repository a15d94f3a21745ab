/** Selection by rank gives the value a full ascending sort puts at that rank, ties and repeated values included. */
import { describe, expect, it } from 'vitest';
import { valueAtRank } from '../../../lib/index/select';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('valueAtRank', () => {
  it('agrees with a sort at every rank, for distinct, repeated and ordered values', () => {
    const random = seeded(7);
    const cases = [
      Float64Array.from({ length: 257 }, () => random()),
      Float64Array.from({ length: 300 }, () => Math.floor(random() * 5)),
      Float64Array.from({ length: 100 }, (_, i) => i),
      Float64Array.from({ length: 100 }, (_, i) => 100 - i),
      Float64Array.of(3),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      for (let rank = 0; rank < values.length; rank++) expect(valueAtRank(Float64Array.from(values), rank)).toBe(sorted[rank]);
    }
  });

  it('refuses a rank outside the values', () => {
    expect(() => valueAtRank(Float64Array.of(1, 2), 2)).toThrow(RangeError);
    expect(() => valueAtRank(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
