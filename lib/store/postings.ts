/**
 * Runs of postings: (key, doc) pairs sorted by key then document, interleaved in one Uint32Array
 * ([key0, doc0, key1, doc1, …]). Document 0 marks a key stopped for being in too many documents.
 * Pure functions, so sorting, merging, lookup and removal are tested without a database.
 */

/** A stopped key keeps one pair with this document number. */
export const STOPPED_DOC = 0;

/** Bits of a key that choose its bucket row. */
export const BUCKET_BITS = 14;
export const BUCKET_COUNT = 1 << BUCKET_BITS;

export function bucketOf(key: number, bits = BUCKET_BITS): number {
  return key >>> (32 - bits);
}

/** Documents below this pack with a 32-bit key into one exact double (key · 2^21 + doc < 2^53). */
const PACKED_DOC_LIMIT = 2 ** 21;

/** Pairs sorted by key, then document, without repeats (see sortInterleaved). */
export function sortPairs(entries: readonly (readonly [key: number, doc: number])[]): Uint32Array {
  const flat = new Uint32Array(entries.length * 2);
  entries.forEach(([key, doc], i) => {
    flat[2 * i] = key;
    flat[2 * i + 1] = doc;
  });
  return sortInterleaved(flat);
}

/**
 * Pairs given interleaved in any order ([key0, doc0, key1, doc1, …]), sorted by key, then document, without repeats.
 * Packed into doubles and sorted natively when the document numbers allow it (a corpus of up to two million
 * documents): BigInt packing costs a tenth of a second per batch of a thousand imported articles, and a pair as a
 * two-element array costs the garbage collector as much again.
 */
export function sortInterleaved(flat: Uint32Array): Uint32Array {
  const count = flat.length >> 1;
  for (let i = 1; i < flat.length; i += 2) if (flat[i] >= PACKED_DOC_LIMIT) return sortInterleavedWide(flat);
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) packed[i] = flat[2 * i] * PACKED_DOC_LIMIT + flat[2 * i + 1];
  packed.sort();
  const pairs = new Uint32Array(count * 2);
  let n = 0;
  for (let i = 0; i < packed.length; i++) {
    if (i > 0 && packed[i] === packed[i - 1]) continue;
    // Division by a power of two is exact in doubles.
    const key = Math.floor(packed[i] / PACKED_DOC_LIMIT);
    pairs[n++] = key;
    pairs[n++] = packed[i] - key * PACKED_DOC_LIMIT;
  }
  return pairs.slice(0, n);
}

function sortInterleavedWide(flat: Uint32Array): Uint32Array {
  const count = flat.length >> 1;
  const packed = new BigUint64Array(count);
  for (let i = 0; i < count; i++) packed[i] = (BigInt(flat[2 * i]) << 32n) | BigInt(flat[2 * i + 1]);
  packed.sort();
  const pairs = new Uint32Array(count * 2);
  let n = 0;
  for (let i = 0; i < packed.length; i++) {
    if (i > 0 && packed[i] === packed[i - 1]) continue;
    pairs[n++] = Number(packed[i] >> 32n);
    pairs[n++] = Number(packed[i] & 0xffffffffn);
  }
  return pairs.slice(0, n);
}

/** Number of pairs in a run. */
export function pairCount(pairs: Uint32Array): number {
  return pairs.length >>> 1;
}

/** Pair indexes [start, end) holding `key` in a run sorted by key (binary search). */
export function pairRangeOf(pairs: Uint32Array, key: number): [number, number] {
  const n = pairs.length >>> 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pairs[2 * mid] < key) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && pairs[2 * end] === key) end++;
  return [lo, end];
}

/** Documents of `key` in a run; "stopped" when the run stopped it. */
export function docsOf(pairs: Uint32Array, key: number): number[] | 'stopped' {
  const [start, end] = pairRangeOf(pairs, key);
  const docs: number[] = [];
  for (let i = start; i < end; i++) {
    const doc = pairs[2 * i + 1];
    if (doc === STOPPED_DOC) return 'stopped';
    docs.push(doc);
  }
  return docs;
}

/** Pair indexes [start, end) of the keys of one bucket, in a run sorted by key. */
export function bucketRange(pairs: Uint32Array, bucket: number, from = 0, bits = BUCKET_BITS): [number, number] {
  const n = pairs.length >>> 1;
  let end = from;
  while (end < n && bucketOf(pairs[2 * end], bits) === bucket) end++;
  return [from, end];
}

/**
 * Merges newer postings into a run. A key whose documents would exceed `dfCap` is stopped: its postings are
 * dropped for good, since a key that common no longer tells sources apart and would only cost reads.
 */
export function mergeRuns(base: Uint32Array | undefined, additions: Uint32Array, dfCap: number): Uint32Array {
  const a = base ?? new Uint32Array(0);
  const b = additions;
  const na = a.length >>> 1;
  const nb = b.length >>> 1;
  const out = new Uint32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < na || j < nb) {
    const key = j >= nb || (i < na && a[2 * i] <= b[2 * j]) ? a[2 * i] : b[2 * j];
    let endA = i;
    while (endA < na && a[2 * endA] === key) endA++;
    let endB = j;
    while (endB < nb && b[2 * endB] === key) endB++;
    const start = n;
    let stopped = false;
    let last = -1;
    while (i < endA || j < endB) {
      const doc = j >= endB || (i < endA && a[2 * i + 1] <= b[2 * j + 1]) ? a[2 * i++ + 1] : b[2 * j++ + 1];
      if (doc === STOPPED_DOC) stopped = true;
      else if (doc !== last) {
        out[2 * n] = key;
        out[2 * n + 1] = doc;
        n++;
        last = doc;
      }
    }
    if (stopped || n - start > dfCap) {
      n = start;
      out[2 * n] = key;
      out[2 * n + 1] = STOPPED_DOC;
      n++;
    }
  }
  return out.slice(0, 2 * n);
}

/** The run without any posting of `docs`. Stopped keys stay stopped. */
export function withoutDocs(pairs: Uint32Array, docs: ReadonlySet<number>): Uint32Array {
  const kept: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    if (!docs.has(pairs[i + 1])) kept.push(pairs[i], pairs[i + 1]);
  }
  return kept.length === pairs.length ? pairs : Uint32Array.from(kept);
}

/** True when any posting of the run belongs to one of `docs`. */
export function mentionsAny(pairs: Uint32Array, docs: ReadonlySet<number>): boolean {
  for (let i = 1; i < pairs.length; i += 2) if (docs.has(pairs[i])) return true;
  return false;
}

/** Sorted runs merged into one sorted run (repeats kept once). */
export function concatRuns(runs: readonly Uint32Array[]): Uint32Array {
  if (runs.length === 1) return runs[0];
  const flat = new Uint32Array(runs.reduce((n, run) => n + run.length, 0));
  let at = 0;
  for (const run of runs) {
    flat.set(run, at);
    at += run.length;
  }
  return sortInterleaved(flat);
}
