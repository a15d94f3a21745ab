/**
 * Encoding of posting buckets (see PostingRow). Pure functions, so the merge and
 * removal rules are tested without a database.
 */
import { BUCKET_BITS, STOPPED_DOC, type PostingRow } from './schema';

const TAIL_MASK = 0xffff;

export function bucketOf(key: number): number {
  return key >>> (32 - BUCKET_BITS);
}

export function tailOf(key: number): number {
  return key & TAIL_MASK;
}

const LOW_BITS = 32 - BUCKET_BITS;

/** The full key back from its bucket (top bits) and tail (low 16 bits; they overlap when BUCKET_BITS > 16). */
export function keyOf(bucket: number, tail: number): number {
  return ((bucket << LOW_BITS) | (tail & ((1 << LOW_BITS) - 1))) >>> 0;
}

/** Postings per tail of one bucket; "stopped" for keys past the document-frequency cap. */
export type BucketContent = Map<number, number[] | 'stopped'>;

export function decodeRow(row: PostingRow | undefined): BucketContent {
  const content: BucketContent = new Map();
  if (!row) return content;
  for (let i = 0; i < row.tails.length; i++) {
    const tail = row.tails[i];
    const doc = row.docs[i];
    const current = content.get(tail);
    if (doc === STOPPED_DOC) content.set(tail, 'stopped');
    else if (current === undefined) content.set(tail, [doc]);
    else if (current !== 'stopped') current.push(doc);
  }
  return content;
}

export function encodeRow(bucket: number, content: BucketContent): PostingRow | null {
  let size = 0;
  for (const docs of content.values()) size += docs === 'stopped' ? 1 : docs.length;
  if (size === 0) return null;
  const tails = new Uint16Array(size);
  const docs = new Uint32Array(size);
  let i = 0;
  for (const tail of [...content.keys()].sort((a, b) => a - b)) {
    const list = content.get(tail)!;
    if (list === 'stopped') {
      tails[i] = tail;
      docs[i++] = STOPPED_DOC;
      continue;
    }
    for (const doc of list) {
      tails[i] = tail;
      docs[i++] = doc;
    }
  }
  return { bucket, tails, docs };
}

/**
 * Adds (tail, doc) postings to a bucket. A key whose documents would exceed `dfCap`
 * is stopped: its postings are dropped for good, since a key that common no longer
 * tells sources apart and would only cost reads.
 */
export function addToBucket(content: BucketContent, additions: readonly [tail: number, doc: number][], dfCap: number): void {
  for (const [tail, doc] of additions) {
    const current = content.get(tail);
    if (current === 'stopped') continue;
    if (current === undefined) content.set(tail, [doc]);
    else if (current.length >= dfCap) content.set(tail, 'stopped');
    else current.push(doc);
  }
}

export function removeFromBucket(content: BucketContent, removals: readonly [tail: number, doc: number][]): void {
  for (const [tail, doc] of removals) {
    const current = content.get(tail);
    if (current === undefined || current === 'stopped') continue;
    const kept = current.filter((d) => d !== doc);
    if (kept.length === 0) content.delete(tail);
    else content.set(tail, kept);
  }
}

/** Groups (key, doc) postings by bucket. */
export function groupByBucket(entries: Iterable<[key: number, doc: number]>): Map<number, [number, number][]> {
  const groups = new Map<number, [number, number][]>();
  for (const [key, doc] of entries) {
    const bucket = bucketOf(key);
    let group = groups.get(bucket);
    if (!group) groups.set(bucket, (group = []));
    group.push([tailOf(key), doc]);
  }
  return groups;
}
