/**
 * How much of two texts' content words run in the same order: the longest common subsequence of their stemmed content
 * words. A rewrite keeps its source's sentences in order, however many words it swaps; a story on the same subject
 * shares words in any order. Quadratic, so bounded: beyond the cost limit the answer is "too different to tell" (null).
 */

/** Cells of the dynamic programme (page terms × source terms) computed at most. */
export const MAX_SEQUENCE_CELLS = 4_000_000;

export interface SharedSequence {
  /** Content words of the common subsequence, as a share of the page's and of the source's content words. */
  page: number;
  source: number;
}

export function sharedSequence(page: readonly string[], source: readonly string[], maxCells = MAX_SEQUENCE_CELLS): SharedSequence | null {
  if (page.length === 0 || source.length === 0) return { page: 0, source: 0 };
  if (page.length * source.length > maxCells) return null;
  const length = longestCommonSubsequence(page, source);
  return { page: length / page.length, source: length / source.length };
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
