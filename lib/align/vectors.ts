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

/** A unit's distinct term ids, ascending, and how often each occurs in it. */
interface UnitTerms {
  ids: Int32Array;
  counts: Int32Array;
}

/** The terms of each unit, made once per model: a page compared with many candidates is weighted and vectorised for each. */
const UNIT_TERMS = new WeakMap<TextModel, UnitTerms[]>();

function unitTermsOf(model: TextModel): UnitTerms[] {
  let kept = UNIT_TERMS.get(model);
  if (!kept) UNIT_TERMS.set(model, (kept = model.units.map((unit) => unitTerms(model, unit))));
  return kept;
}

function unitTerms(model: TextModel, unit: Pick<Unit, 'from' | 'to'>): UnitTerms {
  if (model.moreTerms) {
    const counts = termCounts(model, unit);
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    return { ids, counts: Int32Array.from(ids, (id) => counts.get(id)!) };
  }
  const sorted = new Int32Array(unit.to - unit.from);
  let n = 0;
  for (let t = unit.from; t < unit.to; t++) if (model.terms[t] >= 0) sorted[n++] = model.terms[t];
  sorted.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const counts = new Int32Array(distinct);
  let d = -1;
  for (let k = 0; k < n; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) ids[++d] = sorted[k];
    counts[d]++;
  }
  return { ids, counts };
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
    for (const { ids } of unitTermsOf(model)) {
      n++;
      for (let k = 0; k < ids.length; k++) df[ids[k]]++;
    }
  }
  const isf = new Float64Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    if (df[id] > 0) isf[id] = smoothed ? Math.log(1 + n / df[id]) : Math.log((n + 1) / df[id]);
  }
  return isf;
}

/** The vectors of the model's units; their ids are the model's own (never written to). */
export function unitVectors(model: TextModel, isf: Float64Array): SparseVector[] {
  return unitTermsOf(model).map((terms) => weighted(terms, isf));
}

/** The vector of a range of the model's tokens, its counts weighted as the units' are. */
export function rangeVector(model: TextModel, range: Pick<Unit, 'from' | 'to'>, isf: Float64Array): SparseVector {
  return weighted(unitTerms(model, range), isf);
}

function weighted({ ids, counts }: UnitTerms, isf: Float64Array): SparseVector {
  const weights = new Float64Array(ids.length);
  let sq = 0;
  for (let k = 0; k < ids.length; k++) {
    const w = counts[k] * (isf[ids[k]] ?? 0);
    weights[k] = w;
    sq += w * w;
  }
  return { ids, weights, norm: Math.sqrt(sq) };
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

/** The sum of the vectors, each term's weights added in the order of the vectors. */
export function sumVectors(vectors: SparseVector[]): SparseVector {
  let total = 0;
  for (const v of vectors) total += v.ids.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const v of vectors) {
    all.set(v.ids, at);
    at += v.ids.length;
  }
  all.sort();
  let distinct = 0;
  for (let k = 0; k < total; k++) if (k === 0 || all[k] !== all[k - 1]) all[distinct++] = all[k];
  const ids = all.slice(0, distinct);
  const weights = new Float64Array(distinct);
  for (const v of vectors) {
    // Both ascending: one walk finds each of the vector's ids among the sum's.
    let d = 0;
    for (let k = 0; k < v.ids.length; k++) {
      while (ids[d] !== v.ids[k]) d++;
      weights[d] += v.weights[k];
    }
  }
  let sq = 0;
  for (let k = 0; k < distinct; k++) sq += weights[k] * weights[k];
  return { ids, weights, norm: Math.sqrt(sq) };
}
