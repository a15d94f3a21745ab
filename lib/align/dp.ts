/**
 * Monotone alignment of two sequences of sentence vectors by dynamic programming
 * (Gale–Church style moves 1–1, 1–2, 2–1, 1–0, 0–1), scoring pairs by lexical
 * similarity instead of length. Cost: one cell per pair of units; callers cap it.
 */
import { cosine, sumVectors, type SparseVector } from './vectors';

// Below this cosine a pair is not worth more than leaving both sentences unpaired.
export const MATCH_THRESHOLD = 0.12;
// Across languages only names, numbers and cognates are shared: true pairs score lower.
export const CROSS_LANGUAGE_THRESHOLD = 0.05;
const MERGE_PENALTY = 0.04;

export interface Step {
  /** First page unit (relative) and how many: 0, 1 or 2. */
  i: number;
  di: number;
  j: number;
  dj: number;
  sim: number;
}

const MOVES: [number, number][] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [1, 2],
  [2, 1],
];

/** Maximises the summed (similarity − threshold) of paired sentences; unpaired sentences score 0. */
export function alignUnitSequences(pv: SparseVector[], sv: SparseVector[], threshold = MATCH_THRESHOLD): Step[] {
  const P = pv.length;
  const S = sv.length;
  const W = S + 1;
  const score = new Float64Array((P + 1) * W).fill(-Infinity);
  const move = new Int8Array((P + 1) * W).fill(-1);
  const simAt = new Float64Array((P + 1) * W);
  score[0] = 0;
  // A merged pair of neighbours is scored against every unit of the other text: summed once, not once per cell.
  const pagePairs = neighbourSums(pv);
  const sourcePairs = neighbourSums(sv);
  for (let i = 0; i <= P; i++) {
    for (let j = 0; j <= S; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let bestMove = -1;
      let bestSim = 0;
      for (let m = 0; m < MOVES.length; m++) {
        const [di, dj] = MOVES[m];
        if (i < di || j < dj) continue;
        const prev = score[(i - di) * W + (j - dj)];
        if (prev === -Infinity) continue;
        let sim = 0;
        let gain = 0;
        if (di > 0 && dj > 0) {
          sim = cosine(di === 1 ? pv[i - 1] : pagePairs[i - 2], dj === 1 ? sv[j - 1] : sourcePairs[j - 2]);
          gain = sim - threshold - (di + dj > 2 ? MERGE_PENALTY : 0);
        }
        if (prev + gain > best) {
          best = prev + gain;
          bestMove = m;
          bestSim = sim;
        }
      }
      score[i * W + j] = best;
      move[i * W + j] = bestMove;
      simAt[i * W + j] = bestSim;
    }
  }
  const steps: Step[] = [];
  let i = P;
  let j = S;
  while (i > 0 || j > 0) {
    const [di, dj] = MOVES[move[i * W + j]];
    steps.push({ i: i - di, di, j: j - dj, dj, sim: simAt[i * W + j] });
    i -= di;
    j -= dj;
  }
  return steps.reverse();
}

/** The sum of each unit's vector with the next one's: entry k is units k and k + 1 merged. */
function neighbourSums(vectors: SparseVector[]): SparseVector[] {
  const sums: SparseVector[] = [];
  for (let k = 0; k + 1 < vectors.length; k++) sums.push(sumVectors([vectors[k], vectors[k + 1]]));
  return sums;
}
