/**
 * Sparse term vectors for sentence units, weighted tf·isf (inverse sentence
 * frequency over the units of both texts, as in the PAN text-alignment systems).
 */
import type { TextModel, Unit } from './model';

export interface SparseVector {
  /** Ascending term ids. */
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0), norm: 0 };

export function termCounts(model: TextModel, unit: Pick<Unit, 'from' | 'to'>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let t = unit.from; t < unit.to; t++) {
    const id = model.terms[t];
    if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    const more = model.moreTerms?.get(t);
    if (more) for (const other of more) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return counts;
}

/** Inverse sentence frequency over every unit of every model. */
/**
 * @param smoothed log(1 + n/df) instead of log((n + 1)/df): a term shared by every
 * unit of two short texts still counts (sentence pairing); unsmoothed weights favour
 * rare terms more, which keeps passage seeds precise.
 */
export function inverseUnitFrequency(models: TextModel[], vocabSize: number, smoothed = false): Float64Array {
  const df = new Float64Array(vocabSize);
  let n = 0;
  for (const model of models) {
    for (const unit of model.units) {
      n++;
      for (const id of termCounts(model, unit).keys()) df[id]++;
    }
  }
  const isf = new Float64Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    if (df[id] > 0) isf[id] = smoothed ? Math.log(1 + n / df[id]) : Math.log((n + 1) / df[id]);
  }
  return isf;
}

export function vectorFromCounts(counts: Map<number, number>, isf: Float64Array): SparseVector {
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const weights = new Float64Array(ids.length);
  let sq = 0;
  ids.forEach((id, k) => {
    const w = counts.get(id)! * (isf[id] ?? 0);
    weights[k] = w;
    sq += w * w;
  });
  return { ids, weights, norm: Math.sqrt(sq) };
}

export function unitVectors(model: TextModel, isf: Float64Array): SparseVector[] {
  return model.units.map((unit) => vectorFromCounts(termCounts(model, unit), isf));
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  return dot(a, b) / (a.norm * b.norm);
}

/** Dice coefficient of the two term sets. */
export function dice(a: SparseVector, b: SparseVector): number {
  const total = a.ids.length + b.ids.length;
  if (total === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      shared++;
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return (2 * shared) / total;
}

export function sumVectors(vectors: SparseVector[]): SparseVector {
  const acc = new Map<number, number>();
  for (const v of vectors) v.ids.forEach((id, k) => acc.set(id, (acc.get(id) ?? 0) + v.weights[k]));
  const ids = Int32Array.from([...acc.keys()].sort((a, b) => a - b));
  const weights = new Float64Array(ids.length);
  let sq = 0;
  ids.forEach((id, k) => {
    weights[k] = acc.get(id)!;
    sq += weights[k] * weights[k];
  });
  return { ids, weights, norm: Math.sqrt(sq) };
}
