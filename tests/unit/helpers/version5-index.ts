/**
 * The index layout of schema versions 3–5, kept unchanged as it shipped (lib/store/posting-index.ts before version
 * 6), with the tables those versions declared: the reference the generations are compared against, and the writer
 * of the version-5 corpora the upgrade tests open. Not product code: what browsers hold must not change with it.
 */
import { Dexie, type Table } from 'dexie';
import { BUCKET_BITS, bucketOf, bucketRange, concatRuns, docsOf, mentionsAny, mergeRuns, pairCount, sortInterleaved, withoutDocs } from '../../../lib/store/postings';
import type { Posting } from '../../../lib/store/types';

interface BucketRow {
  bucket: number;
  pairs: ArrayBuffer;
}

interface PendingRow {
  segment: number;
  pairs: ArrayBuffer;
}

/** Schema versions 1–5 as browsers hold them (stores only: a fresh database runs no upgrade). */
export class Version5Database extends Dexie {
  buckets!: Table<BucketRow, number>;
  midBuckets!: Table<BucketRow, number>;
  pending!: Table<PendingRow, number>;
  meta!: Table<{ key: string; value: number }, string>;

  constructor(name: string, options: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({ records: 'doc, &id, &hash, url, site, published, firstSeen', docs: 'doc', postings: 'bucket', meta: 'key' });
    this.version(2).stores({ records: 'doc, &id, &hash, url, urlKey, site, published, firstSeen' });
    this.version(3).stores({ docs: null, postings: null, directory: 'chunk', buckets: 'bucket', midBuckets: 'bucket', pending: 'segment' });
    this.version(4).stores({ records: 'doc, &id, &hash, url, urlKey, site, published, firstSeen, dated', feeds: 'url, nextDue' });
    this.version(5).stores({ corrections: 'key' });
  }
}

type CorpusDatabase = Version5Database;

/** Postings held in pending runs before they are folded into the middle tier (2 MB of pairs). */
export const DEFAULT_PENDING_LIMIT = 1 << 18;
/** Postings held in the middle tier before it is folded into the buckets (16 MB of pairs). */
export const DEFAULT_MID_LIMIT = 1 << 21;
const MID_BUCKET_BITS = 10;

/** Buckets folded per step of a merge, so a merge holds a bounded share of the index in memory. */
const MERGE_SPAN = 2048;

const META_PENDING = 'pendingPostings';
const META_MID = 'midPostings';
const META_NEXT_SEGMENT = 'nextSegment';
/** Bumped by every change to the index, so cached runs are never served stale. */
const META_INDEX_VERSION = 'indexVersion';

/** A bucketed tier of the index: rows of sorted runs, the top `bits` bits of a key choosing its row. */
interface Tier {
  table: Table<BucketRow, number>;
  bits: number;
}

export class Version5PostingIndex {
  /** Pending runs as last read, valid while the stored index version is `version`. */
  private cached: { version: number; runs: Uint32Array[] } | null = null;

  private readonly main: Tier;
  private readonly mid: Tier;

  constructor(
    private readonly db: CorpusDatabase,
    private readonly dfCap: number,
    private readonly pendingLimit: number,
    private readonly midLimit: number,
  ) {
    this.main = { table: db.buckets, bits: BUCKET_BITS };
    this.mid = { table: db.midBuckets, bits: MID_BUCKET_BITS };
  }

  private async meta(key: string): Promise<number> {
    return (await this.db.meta.get(key))?.value ?? 0;
  }

  /** The stored index version: it changes with every write to the index or the directory. */
  version(): Promise<number> {
    return this.meta(META_INDEX_VERSION);
  }

  private async bumpVersion(): Promise<void> {
    await this.db.meta.put({ key: META_INDEX_VERSION, value: (await this.meta(META_INDEX_VERSION)) + 1 });
  }

  /**
   * Appends the postings of new documents as one pending run; call inside a rw transaction that also covers the
   * directory, since the version bump tells cached directory rows to be read again. True when a merge is due.
   * `entries` are (key, doc) pairs interleaved in any order: [key0, doc0, key1, doc1, …].
   */
  async append(entries: Uint32Array): Promise<boolean> {
    const pending = await this.meta(META_PENDING);
    if (entries.length === 0) {
      await this.bumpVersion();
      return pending >= this.pendingLimit;
    }
    const segment = await this.meta(META_NEXT_SEGMENT);
    const pairs = sortInterleaved(entries);
    await this.db.pending.add({ segment, pairs: pairs.buffer as ArrayBuffer });
    await this.db.meta.bulkPut([
      { key: META_NEXT_SEGMENT, value: segment + 1 },
      { key: META_PENDING, value: pending + pairCount(pairs) },
    ]);
    await this.bumpVersion();
    return pending + pairCount(pairs) >= this.pendingLimit;
  }

  /**
   * Folds the pending runs into the middle tier, and the middle tier into the buckets once it is full (or always,
   * with `settle`), in one transaction: a worker stopped mid-merge leaves the index as it was before.
   */
  async merge({ settle = false } = {}): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.buckets, db.midBuckets, db.pending, db.meta], async () => {
      const segments = await db.pending.toArray();
      if (segments.length > 0) {
        const additions = concatRuns(segments.map((row) => new Uint32Array(row.pairs)));
        await this.foldInto(this.mid, additions);
        await db.pending.clear();
        await db.meta.bulkPut([
          { key: META_PENDING, value: 0 },
          { key: META_MID, value: (await this.meta(META_MID)) + pairCount(additions) },
        ]);
      }
      const mid = await this.meta(META_MID);
      if (mid >= this.midLimit || (settle && mid > 0)) {
        // Middle rows in bucket order, each sorted by key, are together one sorted run.
        const rows = await db.midBuckets.toArray();
        await this.foldInto(this.main, concatSorted(rows.map((row) => new Uint32Array(row.pairs))));
        await db.midBuckets.clear();
        await db.meta.put({ key: META_MID, value: 0 });
      }
      await this.bumpVersion();
    });
  }

  /** Merges a sorted run into a tier's rows, a span of rows at a time; call inside a rw transaction. */
  private async foldInto(tier: Tier, additions: Uint32Array): Promise<void> {
    let at = 0;
    while (at < pairCount(additions)) {
      const spanStart = bucketOf(additions[2 * at], tier.bits);
      const spanEnd = Math.min(1 << tier.bits, spanStart + MERGE_SPAN);
      const rows = await tier.table.where('bucket').between(spanStart, spanEnd, true, false).toArray();
      const existing = new Map(rows.map((row) => [row.bucket, new Uint32Array(row.pairs)]));
      const puts: BucketRow[] = [];
      while (at < pairCount(additions) && bucketOf(additions[2 * at], tier.bits) < spanEnd) {
        const bucket = bucketOf(additions[2 * at], tier.bits);
        const [start, end] = bucketRange(additions, bucket, at, tier.bits);
        const merged = mergeRuns(existing.get(bucket), additions.subarray(2 * start, 2 * end), this.dfCap);
        puts.push({ bucket, pairs: merged.buffer as ArrayBuffer });
        at = end;
      }
      await tier.table.bulkPut(puts);
    }
  }

  private async pendingRuns(): Promise<Uint32Array[]> {
    const version = await this.meta(META_INDEX_VERSION);
    if (this.cached?.version === version) return this.cached.runs;
    const runs = (await this.db.pending.toArray()).map((row) => new Uint32Array(row.pairs));
    this.cached = { version, runs };
    return runs;
  }

  /**
   * Postings of `keys`: one read per key in each tier that holds postings, and the pending runs (cached while
   * unchanged). A settled index (see merge) has them all in the buckets, so a lookup reads one row per key.
   */
  async lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    const distinct = [...new Set(Array.from(keys, (key) => key >>> 0))];
    const db = this.db;
    const [main, mid, pending] = await db.transaction('r', [db.buckets, db.midBuckets, db.pending, db.meta], async () => {
      const midPostings = await this.meta(META_MID);
      return Promise.all([
        this.rowsFor(this.main, distinct),
        midPostings > 0 ? this.rowsFor(this.mid, distinct) : new Map<number, Uint32Array>(),
        this.pendingRuns(),
      ]);
    });
    const result = new Map<number, Posting>();
    for (const key of distinct) {
      const runs = [main.get(bucketOf(key, this.main.bits)), mid.get(bucketOf(key, this.mid.bits)), ...pending];
      const posting = this.postingOf(key, runs);
      if (posting !== null) result.set(key, posting);
    }
    return result;
  }

  private async rowsFor(tier: Tier, keys: readonly number[]): Promise<Map<number, Uint32Array>> {
    const buckets = [...new Set(keys.map((key) => bucketOf(key, tier.bits)))].sort((a, b) => a - b);
    const rows = await tier.table.bulkGet(buckets);
    const runs = new Map<number, Uint32Array>();
    rows.forEach((row) => {
      if (row) runs.set(row.bucket, new Uint32Array(row.pairs));
    });
    return runs;
  }

  private postingOf(key: number, runs: readonly (Uint32Array | undefined)[]): Posting | null {
    const docs: number[] = [];
    for (const run of runs) {
      if (!run) continue;
      const found = docsOf(run, key);
      if (found === 'stopped') return 'stopped';
      docs.push(...found);
    }
    if (docs.length === 0) return null;
    // Postings of the newer tiers have not met the cap yet; the next merge will stop such a key, so stop it now.
    return docs.length > this.dfCap ? 'stopped' : Uint32Array.from(docs);
  }

  /** Removes every posting of `docs`; `keys` are their index keys, which say which rows hold them. */
  async remove(docs: ReadonlySet<number>, keys: readonly number[]): Promise<void> {
    for (const tier of [this.main, this.mid]) await this.removeFromTier(tier, docs, keys);
    let pendingCount = 0;
    const rewritten: PendingRow[] = [];
    const emptied: number[] = [];
    for (const row of await this.db.pending.toArray()) {
      const pairs = new Uint32Array(row.pairs);
      const kept = mentionsAny(pairs, docs) ? withoutDocs(pairs, docs) : pairs;
      pendingCount += pairCount(kept);
      if (kept === pairs) continue;
      if (kept.length === 0) emptied.push(row.segment);
      else rewritten.push({ segment: row.segment, pairs: kept.buffer as ArrayBuffer });
    }
    await this.db.pending.bulkPut(rewritten);
    await this.db.pending.bulkDelete(emptied);
    await this.db.meta.put({ key: META_PENDING, value: pendingCount });
    await this.bumpVersion();
  }

  private async removeFromTier(tier: Tier, docs: ReadonlySet<number>, keys: readonly number[]): Promise<void> {
    const buckets = [...new Set(keys.map((key) => bucketOf(key, tier.bits)))].sort((a, b) => a - b);
    const rows = await tier.table.bulkGet(buckets);
    const puts: BucketRow[] = [];
    const deletes: number[] = [];
    rows.forEach((row, i) => {
      if (!row) return;
      const pairs = new Uint32Array(row.pairs);
      const kept = withoutDocs(pairs, docs);
      if (kept.length === 0) deletes.push(buckets[i]);
      else if (kept !== pairs) puts.push({ bucket: buckets[i], pairs: kept.buffer as ArrayBuffer });
    });
    await tier.table.bulkPut(puts);
    await tier.table.bulkDelete(deletes);
  }

  async clear(): Promise<void> {
    await Promise.all([this.db.buckets.clear(), this.db.midBuckets.clear(), this.db.pending.clear()]);
    await this.db.meta.bulkPut([
      { key: META_PENDING, value: 0 },
      { key: META_MID, value: 0 },
    ]);
    await this.bumpVersion();
  }

  /** Postings stored and the bytes their runs take (without the database's own overhead). */
  async size(): Promise<{ postings: number; bytes: number }> {
    let bytes = 0;
    for (const table of [this.db.buckets, this.db.midBuckets, this.db.pending] as Table<{ pairs: ArrayBuffer }, number>[]) {
      await table.each((row) => {
        bytes += row.pairs.byteLength;
      });
    }
    return { postings: bytes / 8, bytes };
  }
}

/** Runs that follow one another in key order, joined without sorting. */
function concatSorted(runs: readonly Uint32Array[]): Uint32Array {
  const joined = new Uint32Array(runs.reduce((n, run) => n + run.length, 0));
  let at = 0;
  for (const run of runs) {
    joined.set(run, at);
    at += run.length;
  }
  return joined;
}
