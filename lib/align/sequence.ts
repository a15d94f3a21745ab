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

/**
 * The length of a longest common subsequence. Given `steps` (a byte a cell of the table), it also keeps the step
 * taken at each cell, for `commonSubsequence` to trace one back.
 */
function longestCommonSubsequence(a: readonly string[], b: readonly string[], steps?: Uint8Array): number {
  const width = b.length + 1;
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      let step: number;
      if (word === b[j - 1]) {
        current[j] = previous[j - 1] + 1;
        step = DIAGONAL;
      } else if (previous[j] >= current[j - 1]) {
        current[j] = previous[j];
        step = UP;
      } else {
        current[j] = current[j - 1];
        step = LEFT;
      }
      if (steps) steps[i * width + j] = step;
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * Share of the page's and of the source's content words that lie among words of one longest common subsequence
 * (`spreadOf`): near all of a rewrite's, whose kept words run through the whole text; less of a story that shares one
 * stretch with the other.
 */
export interface SequenceSpread {
  page: number;
  source: number;
}

/** It traces the subsequence back, so it is asked only once the order itself is enough for a rewrite. */
export function sequenceSpread(page: readonly string[], source: readonly string[], maxCells = MAX_SEQUENCE_CELLS): SequenceSpread | null {
  if (page.length === 0 || source.length === 0) return { page: 0, source: 0 };
  if (page.length * source.length > maxCells) return null;
  const { inPage, inSource } = commonSubsequence(page, source);
  return { page: spreadOf(inPage), source: spreadOf(inSource) };
}

/**
 * A word lies among the subsequence's words when a third or more of the words around it (itself and SPREAD_RADIUS on
 * each side: nine words, about a clause) belong to the subsequence. A heavy rewrite swaps a quarter of its words for
 * others and still keeps three of most nine; a sentence of background that a follow-up repeats leaves the rest of the
 * follow-up with none.
 */
const SPREAD_RADIUS = 4;

/** Share of the words (1 = in the subsequence, 0 = not) that lie among the subsequence's words. */
export function spreadOf(inSequence: ArrayLike<number>): number {
  const n = inSequence.length;
  if (n === 0) return 0;
  const before = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) before[i + 1] = before[i] + inSequence[i];
  let among = 0;
  for (let i = 0; i < n; i++) {
    const start = Math.max(0, i - SPREAD_RADIUS);
    const end = Math.min(n, i + SPREAD_RADIUS + 1);
    if (3 * (before[end] - before[start]) >= end - start) among++;
  }
  return among / n;
}

/**
 * One longest common subsequence, as a mark per word of each text (1 when the word is in it). The table keeps one byte
 * a cell, the step taken, so the cost limit also bounds memory (4 MB).
 */
function commonSubsequence(a: readonly string[], b: readonly string[]): { inPage: Uint8Array; inSource: Uint8Array } {
  const width = b.length + 1;
  const steps = new Uint8Array((a.length + 1) * width);
  longestCommonSubsequence(a, b, steps);
  const inPage = new Uint8Array(a.length);
  const inSource = new Uint8Array(b.length);
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    const taken = steps[i * width + j];
    if (taken === DIAGONAL) {
      inPage[--i] = 1;
      inSource[--j] = 1;
    } else if (taken === UP) i--;
    else j--;
  }
  return { inPage, inSource };
}

const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;
