import { describe, expect, it } from 'vitest';
import { median, medianOfRuns, percentile } from '../../../scripts/bench/stats.ts';

describe('percentile', () => {
  it('interpolates between closest ranks, whatever the input order', () => {
    const samples = [40, 10, 30, 20, 50];
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile(samples, 50)).toBe(30);
    expect(percentile(samples, 95)).toBeCloseTo(48);
    expect(percentile(samples, 100)).toBe(50);
    expect(samples).toEqual([40, 10, 30, 20, 50]);
  });

  it('p95 of 1..100 is 95.05', () => {
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBeCloseTo(95.05);
  });

  it('is NaN without samples and refuses percentiles outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('medianOfRuns ignores runs that could not measure', () => {
    expect(medianOfRuns([3, null, Number.NaN, 1, 2])).toBe(2);
    expect(medianOfRuns([null, undefined])).toBeNaN();
  });
});
