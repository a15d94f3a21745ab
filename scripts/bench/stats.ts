/** Summary statistics for latency samples. */

/** Percentile by linear interpolation between closest ranks (the definition numpy uses by default). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Median of the values that are numbers; NaN when none is (a figure no run could measure). */
export function medianOfRuns(values: readonly (number | null | undefined)[]): number {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return present.length === 0 ? Number.NaN : median(present);
}
