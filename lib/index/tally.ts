/**
 * The documents a page's looked-up postings name, each with what ranking needs of the keys it holds. Built by sorting
 * every posting once, by document, in a typed array, and reading the sorted run in one pass: no array indexed by
 * document number. At a million stored articles such arrays were 20 MB written at up to 128,000 scattered places per
 * page, and a fresh service worker spent 90 of its first answer's ~130 ms of ranking in that tally (CPU profile,
 * Chromium 156).
 */
import type { Posting } from '../store/types';

export interface PostingTally {
  /** The keys tallied, in the postings' order; stopped keys are left out. */
  keys: number[];
  /** Each tallied key's weight, by its place in `keys`. */
  keyWeights: Float64Array;
  /** The documents holding any tallied key, ascending. */
  docs: Uint32Array;
  /** By document's place in `docs`: the summed weight of its keys. */
  weight: Float64Array;
  /** By document's place: how many tallied keys it holds. */
  shared: Uint32Array;
  /** By document's place: the largest rank (rankOf) among its keys. */
  maxRank: Uint32Array;
  /** The places in `keys` of docs[i]'s keys are heldKeys[heldFrom[i] … heldFrom[i + 1]), ascending. */
  heldFrom: Uint32Array;
  heldKeys: Uint32Array;
}

/**
 * Tallies `postings` (each key's documents ascending and distinct, as the store gives them). `weightOf` gives a key's
 * weight from how many documents hold it, `rankOf` its rank. A document's weight sums its keys' weights in the
 * postings' order, as adding key by key would.
 */
export function tallyPostings(postings: ReadonlyMap<number, Posting>, weightOf: (holders: number) => number, rankOf: (key: number) => number): PostingTally {
  const keys: number[] = [];
  const lists: Uint32Array[] = [];
  let total = 0;
  for (const [key, docs] of postings) {
    if (docs === 'stopped') continue;
    keys.push(key);
    lists.push(docs);
    total += docs.length;
  }
  const keyWeights = Float64Array.from(lists, (docs) => weightOf(docs.length));
  const keyRanks = Uint32Array.from(keys, rankOf);
  const sorted = sortedByDocument(lists, total);
  return { keys, keyWeights, ...runsOf(sorted, keys.length, keyWeights, keyRanks) };
}

/**
 * Every posting as document × keyCount + the key's place, sorted (exact in a double: documents and keys stay far below
 * 2^53 together). Indexed loops and the typed array's own sort: on a fresh worker this runs as bytecode.
 */
function sortedByDocument(lists: readonly Uint32Array[], total: number): Float64Array {
  const keyCount = lists.length;
  const sorted = new Float64Array(total);
  let at = 0;
  for (let k = 0; k < keyCount; k++) {
    const docs = lists[k];
    for (let i = 0; i < docs.length; i++) sorted[at++] = docs[i] * keyCount + k;
  }
  return sorted.sort();
}

/** The sorted postings read as one run per document. */
function runsOf(sorted: Float64Array, keyCount: number, keyWeights: Float64Array, keyRanks: Uint32Array): Omit<PostingTally, 'keys' | 'keyWeights'> {
  const docs = new Uint32Array(sorted.length);
  const weight = new Float64Array(sorted.length);
  const shared = new Uint32Array(sorted.length);
  const maxRank = new Uint32Array(sorted.length);
  const heldFrom = new Uint32Array(sorted.length + 1);
  const heldKeys = new Uint32Array(sorted.length);
  let count = 0;
  let previous = -1;
  for (let i = 0; i < sorted.length; i++) {
    const doc = Math.floor(sorted[i] / keyCount);
    const k = sorted[i] - doc * keyCount;
    if (doc !== previous) {
      heldFrom[count] = i;
      docs[count++] = doc;
      previous = doc;
    }
    const at = count - 1;
    weight[at] += keyWeights[k];
    shared[at]++;
    if (keyRanks[k] > maxRank[at]) maxRank[at] = keyRanks[k];
    heldKeys[i] = k;
  }
  heldFrom[count] = sorted.length;
  return {
    docs: docs.slice(0, count),
    weight: weight.slice(0, count),
    shared: shared.slice(0, count),
    maxRank: maxRank.slice(0, count),
    heldFrom: heldFrom.slice(0, count + 1),
    heldKeys,
  };
}
