/**
 * The value at `index` of `values` sorted ascending, found without sorting them (quickselect, expected linear time):
 * ranking needs only the count-th best score of the documents a page's postings name — 100,000 of them at a million
 * stored articles — to keep those at or above it. Reorders `values`.
 */
export function valueAtRank(values: Float64Array, index: number): number {
  if (index < 0 || index >= values.length) throw new RangeError(`rank ${index} outside 0…${values.length - 1}`);
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
    // Three-way partition: [lo, lt) below the pivot, [lt, gt] equal to it, (gt, hi] above it.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const value = values[i];
      if (value < pivot) swap(values, lt++, i++);
      else if (value > pivot) swap(values, i, gt--);
      else i++;
    }
    if (index < lt) hi = lt - 1;
    else if (index > gt) lo = gt + 1;
    else return pivot;
  }
  return values[lo];
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i];
  values[i] = values[j];
  values[j] = held;
}
