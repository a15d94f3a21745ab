import { FEATURE_VERSION, featuresOf, type FeatureOptions } from '../index/features';
import { hash64Hex } from '../index/hash';
import { normalize } from '../text/normalize';
import type { CorpusRecord } from '../types';
import * as catalog from './catalog';
import type { CorpusCatalog, RecordFilter, RecordSearch } from './catalog';
import { addToBucket, bucketOf, decodeRow, encodeRow, groupByBucket, keyOf, removeFromBucket, tailOf } from './postings';
import { CorpusDatabase, STOPPED_DOC, type DocRow, type PostingRow, type StoredRecord } from './schema';
import { InvalidRecordError, type AddResult, type CorpusStore, type DocStat, type Posting, type SkippedRecord } from './types';

/**
 * A key found in more documents than this is stopped (see addToBucket). At 100,000
 * articles that is 2% of the corpus: past it a key only adds reads, never a source.
 */
export const DEFAULT_DF_CAP = 2000;

export interface OpenCorpusStoreOptions {
  name: string;
  /** IndexedDB factory; the global one when omitted (browser), fake-indexeddb in Node. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  dfCap?: number;
  /** Index selection, for experiments; stored postings must be rebuilt (reindex) when it changes. */
  features?: Partial<FeatureOptions>;
}

const META_NEXT_DOC = 'nextDoc';
const META_FEATURE_VERSION = 'featureVersion';

/** Dexie treats a present-but-undefined `indexedDB` as "none": pass only what the caller set. */
function databaseOptions(options: OpenCorpusStoreOptions): { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } {
  return {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

/** Opens (creating when needed) a corpus store, rebuilding the index if it was built by other feature code. */
export async function openCorpusStore(options: OpenCorpusStoreOptions): Promise<CorpusStore & CorpusCatalog> {
  const db = new CorpusDatabase(options.name, databaseOptions(options));
  await db.open();
  const store = new DexieCorpusStore(db, options.dfCap ?? DEFAULT_DF_CAP, options.features ?? {});
  await store.ensureFeatureVersion();
  return store;
}

interface PreparedRecord {
  record: CorpusRecord;
  hash: string;
  keys: Uint32Array;
}

function validate(records: readonly CorpusRecord[]): void {
  records.forEach((record, index) => {
    if (record === null || typeof record !== 'object') throw new InvalidRecordError(index, 'not an object');
    if (typeof record.id !== 'string' || record.id.trim() === '') throw new InvalidRecordError(index, 'missing id');
    if (typeof record.text !== 'string' || record.text.trim() === '') throw new InvalidRecordError(index, `record "${record.id}" has no text`);
  });
}

export function contentHash(text: string): string {
  return hash64Hex(normalize(text));
}

const toCorpusRecord = catalog.toCorpusRecord;

class DexieCorpusStore implements CorpusStore, CorpusCatalog {
  constructor(
    private readonly db: CorpusDatabase,
    private readonly dfCap: number,
    private readonly featureOptions: Partial<FeatureOptions>,
  ) {}

  async ensureFeatureVersion(): Promise<void> {
    const stored = await this.db.meta.get(META_FEATURE_VERSION);
    if (stored?.value === FEATURE_VERSION) return;
    if ((await this.db.records.count()) > 0) await this.reindex();
    else await this.db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
  }

  private prepare(record: CorpusRecord): PreparedRecord {
    return { record, hash: contentHash(record.text), keys: featuresOf(record.text, record.lang, this.featureOptions) };
  }

  async addRecords(records: readonly CorpusRecord[]): Promise<AddResult> {
    validate(records);
    // Hashing and feature extraction run before the transaction, which must not wait on anything but the database.
    const prepared = records.map((record) => this.prepare(record));
    const db = this.db;
    return db.transaction('rw', db.records, db.docs, db.postings, db.meta, async () => {
      const ids = prepared.map((p) => p.record.id);
      const hashes = prepared.map((p) => p.hash);
      const storedIds = new Set((await db.records.where('id').anyOf(ids).keys()) as string[]);
      const storedByHash = new Map((await db.records.where('hash').anyOf(hashes).toArray()).map((r) => [r.hash, r.id]));
      const skipped: SkippedRecord[] = [];
      const fresh: PreparedRecord[] = [];
      const batchIds = new Set<string>();
      for (const p of prepared) {
        const id = p.record.id;
        if (storedIds.has(id) || batchIds.has(id)) {
          skipped.push({ id, reason: 'same-id', existingId: id });
          continue;
        }
        const existingId = storedByHash.get(p.hash);
        if (existingId !== undefined) {
          skipped.push({ id, reason: 'same-text', existingId });
          continue;
        }
        batchIds.add(id);
        storedByHash.set(p.hash, id);
        fresh.push(p);
      }
      if (fresh.length === 0) return { added: 0, duplicates: skipped.length, skipped, features: 0 };

      let nextDoc = (await db.meta.get(META_NEXT_DOC))?.value ?? 1;
      const storedRecords: StoredRecord[] = [];
      const docRows: DocRow[] = [];
      const entries: [number, number][] = [];
      for (const p of fresh) {
        const doc = nextDoc++;
        storedRecords.push({ ...p.record, doc, hash: p.hash });
        docRows.push({ doc, id: p.record.id, features: p.keys.length });
        for (const key of p.keys) entries.push([key, doc]);
      }
      await this.updateBuckets(groupByBucket(entries), (content, group) => addToBucket(content, group, this.dfCap));
      await db.records.bulkAdd(storedRecords);
      await db.docs.bulkAdd(docRows);
      await db.meta.put({ key: META_NEXT_DOC, value: nextDoc });
      return { added: fresh.length, duplicates: skipped.length, skipped, features: entries.length };
    });
  }

  /** Read-modify-write of the touched buckets; call inside a rw transaction. */
  private async updateBuckets(
    groups: Map<number, [number, number][]>,
    change: (content: ReturnType<typeof decodeRow>, group: [number, number][]) => void,
  ): Promise<void> {
    const buckets = [...groups.keys()].sort((a, b) => a - b);
    const rows = await this.db.postings.bulkGet(buckets);
    const puts: PostingRow[] = [];
    const deletes: number[] = [];
    buckets.forEach((bucket, i) => {
      const content = decodeRow(rows[i]);
      change(content, groups.get(bucket)!);
      const row = encodeRow(bucket, content);
      if (row) puts.push(row);
      else if (rows[i]) deletes.push(bucket);
    });
    if (puts.length) await this.db.postings.bulkPut(puts);
    if (deletes.length) await this.db.postings.bulkDelete(deletes);
  }

  async getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined)[]> {
    if (ids.length === 0) return [];
    const found = await this.db.records.where('id').anyOf([...ids]).toArray();
    const byId = new Map(found.map((r) => [r.id, toCorpusRecord(r)]));
    return ids.map((id) => byId.get(id));
  }

  count(): Promise<number> {
    return this.db.records.count();
  }

  async deleteRecords(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const db = this.db;
    return db.transaction('rw', db.records, db.docs, db.postings, async () => {
      const found = await db.records.where('id').anyOf([...ids]).toArray();
      if (found.length === 0) return 0;
      const entries: [number, number][] = [];
      // Postings are found again from the text: features are deterministic and versioned (ensureFeatureVersion).
      for (const r of found) for (const key of featuresOf(r.text, r.lang, this.featureOptions)) entries.push([key, r.doc]);
      await this.updateBuckets(groupByBucket(entries), removeFromBucket);
      const docs = found.map((r) => r.doc);
      await db.records.bulkDelete(docs);
      await db.docs.bulkDelete(docs);
      return found.length;
    });
  }

  async *records(options: { batchSize?: number } = {}): AsyncIterableIterator<CorpusRecord> {
    const batchSize = options.batchSize ?? 500;
    let after = 0;
    for (;;) {
      const batch = await this.db.records.where('doc').above(after).limit(batchSize).toArray();
      if (batch.length === 0) return;
      for (const r of batch) yield toCorpusRecord(r);
      after = batch[batch.length - 1].doc;
    }
  }

  async clear(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.records, db.docs, db.postings, db.meta, async () => {
      await Promise.all([db.records.clear(), db.docs.clear(), db.postings.clear(), db.meta.clear()]);
      await db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
    });
  }

  close(): void {
    this.db.close();
  }

  async lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    const wanted = new Map<number, Set<number>>();
    for (let i = 0; i < keys.length; i++) {
      const bucket = bucketOf(keys[i]);
      let tails = wanted.get(bucket);
      if (!tails) wanted.set(bucket, (tails = new Set()));
      tails.add(tailOf(keys[i]));
    }
    const buckets = [...wanted.keys()].sort((a, b) => a - b);
    const rows = await this.db.postings.bulkGet(buckets);
    const result = new Map<number, Posting>();
    rows.forEach((row, i) => {
      if (row) collectPostings(row, wanted.get(buckets[i])!, result);
    });
    return result;
  }

  async docStats(docs: readonly number[]): Promise<(DocStat | undefined)[]> {
    if (docs.length === 0) return [];
    return this.db.docs.bulkGet([...docs]);
  }

  async reindex(): Promise<void> {
    const db = this.db;
    await db.postings.clear();
    let after = 0;
    for (;;) {
      const batch = await db.records.where('doc').above(after).limit(500).toArray();
      if (batch.length === 0) break;
      const entries: [number, number][] = [];
      const docRows: DocRow[] = [];
      for (const r of batch) {
        const keys = featuresOf(r.text, r.lang, this.featureOptions);
        docRows.push({ doc: r.doc, id: r.id, features: keys.length });
        for (const key of keys) entries.push([key, r.doc]);
      }
      await db.transaction('rw', db.docs, db.postings, async () => {
        await this.updateBuckets(groupByBucket(entries), (content, group) => addToBucket(content, group, this.dfCap));
        await db.docs.bulkPut(docRows);
      });
      after = batch[batch.length - 1].doc;
    }
    await db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
  }

  // The reader's view of the corpus (lib/store/catalog.ts).

  versionsAt(url: string) {
    return catalog.versionsAt(this.db, url);
  }

  recordPage(after: number, limit: number) {
    return catalog.recordPage(this.db, after, limit);
  }

  findRecords(search: RecordSearch) {
    return catalog.findRecords(this.db, search);
  }

  siteCounts() {
    return catalog.siteCounts(this.db);
  }

  idsWhere(filter: RecordFilter) {
    return catalog.idsWhere(this.db, filter);
  }
}

/** Rebuilds full keys from (bucket, tail): the bucket holds the top bits, the tail the low 16. */
function collectPostings(row: PostingRow, tails: Set<number>, into: Map<number, Posting>): void {
  let i = 0;
  while (i < row.tails.length) {
    const tail = row.tails[i];
    let j = i;
    while (j < row.tails.length && row.tails[j] === tail) j++;
    if (tails.has(tail)) {
      const key = keyOf(row.bucket, tail);
      const docs = row.docs.subarray(i, j);
      into.set(key, docs.includes(STOPPED_DOC) ? 'stopped' : Uint32Array.from(docs));
    }
    i = j;
  }
}
