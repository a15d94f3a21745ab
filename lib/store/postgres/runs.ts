/**
 * Posting runs (lib/store/postings.ts) as PostgreSQL rows: split by bucket, packed into one bytea parameter for a
 * many-row insert, and read back. Pure functions.
 */
import { bucketOf, mergeRuns, pairCount } from '../postings';

/** Pending rows: 1,024 buckets, so a batch writes at most 1,024 rows. */
export const PENDING_BITS = 10;
/** Merged rows: 262,144 buckets; at a million news articles (about 64 million pairs) a row holds about 250 pairs. */
export const POSTING_BITS = 18;

/** A run's bytes, without copying. */
function runBytes(run: Uint32Array): Uint8Array {
  return new Uint8Array(run.buffer, run.byteOffset, run.byteLength);
}

/** A run from a bytea value; copied, since a driver's buffer may not be aligned to 4 bytes. */
export function runOf(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

export interface BucketRuns {
  buckets: number[];
  runs: Uint32Array[];
}

/** A run sorted by key, cut into the runs of each bucket it touches. */
export function splitByBucket(run: Uint32Array, bits: number): BucketRuns {
  const buckets: number[] = [];
  const runs: Uint32Array[] = [];
  const n = pairCount(run);
  for (let start = 0; start < n; ) {
    const bucket = bucketOf(run[2 * start], bits);
    let end = start + 1;
    while (end < n && bucketOf(run[2 * end], bits) === bucket) end++;
    buckets.push(bucket);
    runs.push(run.subarray(2 * start, 2 * end));
    start = end;
  }
  return { buckets, runs };
}

/** Rows for `INSERT … SELECT substring($blob FROM start + 1 FOR length) FROM unnest(buckets, starts, lengths)`. */
export interface PackedRows {
  buckets: number[];
  starts: number[];
  lengths: number[];
  blob: Uint8Array;
}

export function packRows(rows: BucketRuns, from = 0, to = rows.buckets.length): PackedRows {
  const lengths = rows.runs.slice(from, to).map((run) => run.byteLength);
  const blob = new Uint8Array(lengths.reduce((total, length) => total + length, 0));
  const starts: number[] = [];
  let at = 0;
  for (let i = from; i < to; i++) {
    starts.push(at);
    blob.set(runBytes(rows.runs[i]), at);
    at += rows.runs[i].byteLength;
  }
  return { buckets: rows.buckets.slice(from, to), starts, lengths, blob };
}

/** Sorted runs merged into one, repeats kept once and no key stopped (a balanced merge: n log k). */
export function mergeSorted(runs: readonly Uint32Array[]): Uint32Array {
  if (runs.length === 0) return new Uint32Array(0);
  let level = [...runs];
  while (level.length > 1) {
    const next: Uint32Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeRuns(level[i], level[i + 1], Infinity) : level[i]);
    level = next;
  }
  return level[0];
}
