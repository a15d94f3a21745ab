/**
 * Anchors for aligning two long sequences: items the two write identically, once each, kept in the order both give
 * them (the longest such chain, as patience diff takes it). An alignment passes through them, so only the stretches
 * between them need searching.
 */

/** Pairs [page index, source index] of keys unique on both sides, increasing on both. Empty keys never anchor. */
export function uniqueAnchors(pageKeys: readonly string[], sourceKeys: readonly string[]): [number, number][] {
  const onlyOnce = (keys: readonly string[]) => {
    const at = new Map<string, number>();
    const repeated = new Set<string>();
    keys.forEach((key, k) => {
      if (!key) return;
      if (at.has(key)) repeated.add(key);
      else at.set(key, k);
    });
    for (const key of repeated) at.delete(key);
    return at;
  };
  const inSource = onlyOnce(sourceKeys);
  const candidates: [number, number][] = [];
  for (const [key, i] of onlyOnce(pageKeys)) {
    const j = inSource.get(key);
    if (j !== undefined) candidates.push([i, j]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  return longestIncreasing(candidates);
}

/** The longest chain of `pairs` (sorted by their first index) whose second index increases too. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  // tails[k]: index in `pairs` of the smallest second index ending a chain of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], n) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[n] = tails[lo - 1];
    tails[lo] = n;
  });
  const chain: [number, number][] = [];
  for (let n = tails.length ? tails[tails.length - 1] : -1; n >= 0; n = previous[n]) chain.push(pairs[n]);
  return chain.reverse();
}
