import { FEATURE_VERSION, type FeatureOptions } from '../index/features';
import type { CorpusRecord, Correction } from '../types';

import * as catalog from './catalog';
import * as correctionTable from './correction-table';
import type { CorpusCatalog, RecordFilter, RecordSearch } from './catalog';
import {
  chunkOf,
  chunksOf,
  clearEntry,
  emptyChunk,
  DirectoryRowCache,
  emptyKeyCountRow,
  KEY_COUNT_ROW_DOCS,
  keyCountRowOf,
  keyCountRowsOf,
  packedEntryOf,
  setEntry,
  setKeyCount,
  type DirectoryEntry,
  type PackedDirectoryRow,
} from './directory';
import { PostingIndex } from './posting-index';
import { evictOverBudget, type Budget, type EvictionResult } from './budget';
import * as feedBook from './feed-book';
import { RecordAnalyses, RECORD_ANALYSES_KEPT } from '../record-analysis';
import type { FeedBook, FeedRow } from './feed-book';
import { DEFAULT_DF_CAP, validateRecords } from './record-checks';
import { CorpusDatabase, META_CORPUS_BYTES, META_FEATURE_VERSION, META_LANGUAGE_PREFIX, type KeepReason, type StoredRecord } from './schema';
import type { AddRecordsOptions, AddResult, CorpusStore, CorpusUpkeep, CorpusUsage, CorrectionStore, DocStat, IndexSize, Posting, SkippedRecord } from './types';
import { primarySubtag } from '../text/language';
import { datedOf, recordBytes } from './usage';
import { keyTexts, loadRecordLexicons, recordKeys, type KeyedText } from './record-keys';
import { turnAtOnce } from './reads-first';

export { contentHash, DEFAULT_DF_CAP } from './record-checks';

/**
 * Bytes of directory rows a store keeps between checks. At a million articles of the benchmark (ids of ~30 characters)
 * the whole directory packs into ~37 MB and is kept; a crawl's ids (~115 characters) would take ~120 MB, so the rows
 * least recently read give way, and a first answer whose candidates' rows were dropped reads them again (one request).
 */
export const DIRECTORY_CACHE_BYTES = 48 * 1024 * 1024;

export interface OpenCorpusStoreOptions {
  name: string;
  /** IndexedDB factory; the global one when omitted (browser), fake-indexeddb in Node. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  dfCap?: number;
  /** Index selection, for experiments; stored postings must be rebuilt (reindex) when it changes. */
  features?: Partial<FeatureOptions>;
  /** Postings kept in pending runs before they are written out as a generation of the index (tests use small values). */
  pendingLimit?: number;
  /** Generations of one size merged together (tests use small values). */
  fanout?: number;
  /** Bytes of directory rows kept between reads (DIRECTORY_CACHE_BYTES; tests use small values). */
  directoryCacheBytes?: number;
  /**
   * Awaited before each write transaction of an import (its batches, their merges, its settle), so that a reader's
   * check goes first (see ReadsFirst in lib/store/reads-first.ts). Imports write at once when omitted.
   */
  importWriteTurn?: () => Promise<void>;
}

const META_NEXT_DOC = 'nextDoc';
const META_RECORD_COUNT = 'recordCount';

/** Dexie treats a present-but-undefined `indexedDB` as "none": pass only what the caller set. */
function databaseOptions(options: OpenCorpusStoreOptions): { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } {
  return {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

/** Opens (creating when needed) a corpus store, rebuilding the index if it was built by other feature code. */
export type OpenedCorpus = CorpusStore & CorpusCatalog & CorpusUpkeep & FeedBook & CorrectionStore;

export async function openCorpusStore(options: OpenCorpusStoreOptions): Promise<OpenedCorpus> {

  const db = new CorpusDatabase(options.name, databaseOptions(options));
  await db.open();
  const index = new PostingIndex(db, options.dfCap ?? DEFAULT_DF_CAP, { pendingLimit: options.pendingLimit, fanout: options.fanout });
  const store = new DexieCorpusStore(db, index, options.features ?? {}, options.directoryCacheBytes ?? DIRECTORY_CACHE_BYTES, options.importWriteTurn ?? turnAtOnce);
  await store.ensureFeatureVersion();
  store.startReadingKeyCounts();
  return store;
}

interface PreparedRecord extends KeyedText {
  record: CorpusRecord;
}


const toCorpusRecord = catalog.toCorpusRecord;

function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

/** Running totals a batch of added (sign 1) or deleted (sign -1) records moves. */
function totalsOf(records: readonly StoredRecord[], sign: 1 | -1): Map<string, number> {
  const totals = new Map<string, number>([[META_CORPUS_BYTES, 0]]);
  for (const record of records) {
    totals.set(META_CORPUS_BYTES, totals.get(META_CORPUS_BYTES)! + sign * (record.bytes ?? 0));
    const key = META_LANGUAGE_PREFIX + primarySubtag(record.lang);
    totals.set(key, (totals.get(key) ?? 0) + sign);
  }
  return totals;
}

class DexieCorpusStore implements CorpusStore, CorpusCatalog, CorpusUpkeep, FeedBook, CorrectionStore {

  constructor(
    private readonly db: CorpusDatabase,
    private readonly index: PostingIndex,
    private readonly featureOptions: Partial<FeatureOptions>,
    directoryCacheBytes: number,
    private readonly importWriteTurn: () => Promise<void>,
  ) {
    this.directoryCache = new DirectoryRowCache(directoryCacheBytes);
  }

  readonly analyses = new RecordAnalyses(RECORD_ANALYSES_KEPT);

  /** Directory rows as last read, valid while the stored index version is `directoryVersion`. */
  private readonly directoryCache: DirectoryRowCache;
  private directoryVersion = -1;
  /** The key-count column as last read (see docKeyCounts), with the stored index version it was read at. */
  private keyCountCache: { version: number; rows: Map<number, Uint16Array> } | null = null;
  /** The column's first read, started when the store opens (see startReadingKeyCounts). */
  private keyCountsReading: Promise<unknown> | null = null;

  async ensureFeatureVersion(): Promise<void> {
    const stored = await this.db.meta.get(META_FEATURE_VERSION);
    if (stored?.value === FEATURE_VERSION) return;
    if ((await this.db.records.count()) > 0) await this.reindex();
    else await this.db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
  }

  async addRecords(records: readonly CorpusRecord[], { partOfImport = false }: AddRecordsOptions = {}): Promise<AddResult> {
    validateRecords(records);
    // Hashing and feature extraction run before the transaction, which must not wait on anything but the database.
    const keyed = await keyTexts(records, this.featureOptions);
    const prepared: PreparedRecord[] = records.map((record, i) => ({ record, ...keyed[i] }));
    const db = this.db;
    if (partOfImport) await this.importWriteTurn();
    const result = await db.transaction('rw', [db.records, db.directory, db.keyCounts, db.generations, db.generationRows, db.pending, db.meta], async () => {
      const ids = prepared.map((p) => p.record.id);
      const hashes = prepared.map((p) => p.hash);
      const storedIds = await this.storedIds(ids);
      const storedByHash = await this.storedByHash(hashes);
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
      if (fresh.length === 0) return { added: 0, duplicates: skipped.length, skipped, features: 0, mergeDue: false };

      let nextDoc = (await db.meta.get(META_NEXT_DOC))?.value ?? 1;
      const storedAt = new Date().toISOString();
      const storedRecords: StoredRecord[] = [];
      const entries: DirectoryEntry[] = [];
      const postings = new Uint32Array(2 * fresh.reduce((n, p) => n + p.keys.length, 0));
      let at = 0;
      for (const p of fresh) {
        const doc = nextDoc++;
        storedRecords.push({ ...p.record, doc, hash: p.hash, dated: datedOf(p.record, storedAt), bytes: recordBytes(p.record, p.keys.length) });
        entries.push({ doc, id: p.record.id, features: p.keys.length });
        for (const key of p.keys) {
          postings[at++] = key;
          postings[at++] = doc;
        }
      }
      await db.records.bulkAdd(storedRecords);
      await this.writeDirectory(entries);
      const mergeDue = await this.index.append(postings, { forImport: partOfImport });
      await db.meta.put({ key: META_NEXT_DOC, value: nextDoc });
      await this.countChanged(fresh.length);
      await this.moveTotals(totalsOf(storedRecords, 1));
      return { added: fresh.length, duplicates: skipped.length, skipped, features: postings.length / 2, mergeDue };
    });
    // Merging a full size tier of generations is made in transactions of its own: the batch above is stored either way.
    const { mergeDue, ...added } = result as AddResult & { mergeDue?: boolean };
    if (mergeDue) await this.index.merge(partOfImport ? { forImport: true, turn: this.importWriteTurn } : {});
    return added;
  }

  /** Adds to the running totals (bytes, records per language); call inside a rw transaction over meta. */
  private async moveTotals(totals: Map<string, number>): Promise<void> {
    const keys = [...totals.keys()];
    const rows = await this.db.meta.bulkGet(keys);
    await this.db.meta.bulkPut(keys.map((key, i) => ({ key, value: Math.max(0, (rows[i]?.value ?? 0) + totals.get(key)!) })));
  }

  /** Sets directory entries; call inside a rw transaction. */
  private async writeDirectory(entries: readonly DirectoryEntry[], clear: readonly number[] = []): Promise<void> {
    const chunks = chunksOf([...entries.map((e) => e.doc), ...clear]);
    const rows = await this.db.directory.bulkGet(chunks);
    const byChunk = new Map(chunks.map((chunk, i) => [chunk, rows[i] ?? emptyChunk(chunk)]));
    for (const entry of entries) setEntry(byChunk.get(chunkOf(entry.doc))!, entry);
    for (const doc of clear) clearEntry(byChunk.get(chunkOf(doc))!, doc);
    await this.db.directory.bulkPut([...byChunk.values()]);
    await this.writeKeyCounts(entries, clear);
  }

  /** Sets the key-count column's entries (see KeyCountRow); call inside a rw transaction. */
  private async writeKeyCounts(entries: readonly DirectoryEntry[], clear: readonly number[]): Promise<void> {
    const numbers = keyCountRowsOf([...entries.map((e) => e.doc), ...clear]);
    const rows = await this.db.keyCounts.bulkGet(numbers);
    const byNumber = new Map(numbers.map((row, i) => [row, rows[i] ?? emptyKeyCountRow(row)]));
    for (const entry of entries) setKeyCount(byNumber.get(keyCountRowOf(entry.doc))!, entry.doc, entry.features);
    for (const doc of clear) setKeyCount(byNumber.get(keyCountRowOf(doc))!, doc, 0);
    await this.db.keyCounts.bulkPut([...byNumber.values()]);
  }

  /**
   * Which of `ids` are stored, one index read per id that reads the key alone, not the record: reading each record
   * cost more than storing the batch, and one `anyOf` cursor over the index is a scan of it in fake-indexeddb (the
   * command line's store), which made an import quadratic in the corpus's size (100,000 articles: under a minute
   * before, far over ten after).
   */
  private async storedIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.db.records.where('id').equals(id).count()));
    return new Set(unique.filter((_, i) => found[i] > 0));
  }

  /** The stored record's id for each of `hashes` that is stored: only those records are read (few, or none). */
  private async storedByHash(hashes: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(hashes)];
    const counts = await Promise.all(unique.map((hash) => this.db.records.where('hash').equals(hash).count()));
    const found = unique.filter((_, i) => counts[i] > 0);
    if (found.length === 0) return new Map();
    return new Map(present(await this.recordsWhere('hash', found)).map((r) => [r.hash, r.id]));
  }

  /**
   * Records by a unique field, one index read per value. `anyOf` walks one cursor instead, which fake-indexeddb
   * advances by scanning: 0.1-0.3 s per page at 10,000 records in Node.
   */
  private recordsWhere(field: 'id' | 'hash', values: readonly string[]): Promise<(StoredRecord | undefined)[]> {
    return Promise.all([...new Set(values)].map((value) => this.db.records.where(field).equals(value).first()));
  }

  async getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined)[]> {
    if (ids.length === 0) return [];
    const db = this.db;
    // One transaction for all the reads: a transaction each cost three times the CPU (40 records at 10,000 articles).
    const found = present(await db.transaction('r', db.records, () => this.recordsWhere('id', ids)));
    const byId = new Map(found.map((r) => [r.id, toCorpusRecord(r)]));
    return ids.map((id) => byId.get(id));
  }

  /** The records' primary key is their number: one read each, where a read by id goes through the id index first. */
  async getRecordsOfDocs(docs: readonly number[]): Promise<(CorpusRecord | undefined)[]> {
    if (docs.length === 0) return [];
    const db = this.db;
    const rows = await db.transaction('r', db.records, () => db.records.bulkGet([...docs]));
    return rows.map((row) => row && toCorpusRecord(row));
  }

  /** From a counter kept with the records: IndexedDB counts by walking the whole table, on every page checked. */
  async count(): Promise<number> {
    const db = this.db;
    const counter = await db.meta.get(META_RECORD_COUNT);
    if (counter) return counter.value;
    return db.transaction('rw', db.records, db.meta, async () => {
      const kept = await db.meta.get(META_RECORD_COUNT);
      if (kept) return kept.value;
      const counted = await db.records.count();
      await db.meta.put({ key: META_RECORD_COUNT, value: counted });
      return counted;
    });
  }

  /** Moves the record counter by `change`, when it is kept; call inside a rw transaction over meta. */
  private async countChanged(change: number): Promise<void> {
    const kept = await this.db.meta.get(META_RECORD_COUNT);
    if (kept) await this.db.meta.put({ key: META_RECORD_COUNT, value: kept.value + change });
  }

  async deleteRecords(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const db = this.db;
    // The transaction must not wait on anything but the database: the lexicons recordKeys reads are loaded before it.
    await loadRecordLexicons(present(await this.recordsWhere('id', ids)).map((r) => r.lang));
    return db.transaction('rw', [db.records, db.directory, db.keyCounts, db.generations, db.generationRows, db.pending, db.meta], async () => {
      const found = present(await this.recordsWhere('id', ids));
      if (found.length === 0) return 0;
      // The buckets holding a record's postings are found again from its text: features are deterministic and
      // versioned (ensureFeatureVersion).
      const keys = found.flatMap((r) => [...recordKeys(r.text, r.lang, this.featureOptions)]);
      const docs = found.map((r) => r.doc);
      await this.index.remove(new Set(docs), keys);
      await this.writeDirectory([], docs);
      await db.records.bulkDelete(docs);
      await this.countChanged(-found.length);
      await this.moveTotals(totalsOf(found, -1));
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

  /** Empties the corpus: its records, their index and the reader's corrections about them. */
  async clear(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.records, db.directory, db.keyCounts, db.generations, db.generationRows, db.pending, db.meta, db.corrections], async () => {
      await Promise.all([db.records.clear(), db.directory.clear(), db.keyCounts.clear(), db.corrections.clear()]);
      const totals = (await db.meta.where('key').startsWith(META_LANGUAGE_PREFIX).primaryKeys()) as string[];
      await db.meta.bulkDelete([META_NEXT_DOC, META_RECORD_COUNT, META_CORPUS_BYTES, ...totals]);

      await this.index.clear();
      await db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
    });
    this.analyses.clear();
  }

  close(): void {
    this.db.close();
  }

  lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    return this.index.lookup(keys);
  }

  reopenIndexFiles(): Promise<number> {
    return this.index.reopenFiles();
  }

  async docStats(docs: readonly number[]): Promise<(DocStat | undefined)[]> {
    if (docs.length === 0) return [];
    const rows = await this.directoryRows(chunksOf(docs));
    return docs.map((doc) => packedEntryOf(rows.get(chunkOf(doc)), doc));
  }

  /**
   * Index keys of each document, 0 for a free number, from the key-count column: all of it is read with one request
   * and kept while the index is unchanged (2 MB at a million documents), so ranking a shortlist reads nothing more.
   */
  async docKeyCounts(docs: readonly number[]): Promise<Uint16Array> {
    const counts = new Uint16Array(docs.length);
    if (docs.length === 0) return counts;
    const rows = await this.keyCountRows();
    docs.forEach((doc, i) => (counts[i] = rows.get(keyCountRowOf(doc))?.[doc % KEY_COUNT_ROW_DOCS] ?? 0));
    return counts;
  }

  /**
   * Starts reading the key-count column as the store opens: a fresh worker's first answer otherwise waits on its read
   * (2 MB at a million documents) between ranking and the answer, where it now overlaps the page's analysis and lookup.
   * A failed read is left to docKeyCounts to make again.
   */
  startReadingKeyCounts(): void {
    this.keyCountsReading = this.keyCountRows().catch(() => undefined);
  }

  /** The key-count column by row number, read beside the index version while the cached one may still hold. */
  private async keyCountRows(): Promise<Map<number, Uint16Array>> {
    if (this.keyCountsReading) {
      const reading = this.keyCountsReading;
      this.keyCountsReading = null;
      await reading;
    }
    // Kept at the version the lookup just read: the counts match its postings without a request (the version is read
    // otherwise, a request that waited 12–41 ms in the slowest tenth of warm answers at a million articles).
    if (this.keyCountCache && this.keyCountCache.version === this.index.lookedUpAt) return this.keyCountCache.rows;
    const db = this.db;
    return db.transaction('r', db.keyCounts, db.meta, async () => {
      const cached = this.keyCountCache;
      const [version, read] = await Promise.all([this.index.version(), cached ? null : db.keyCounts.toArray()]);
      if (cached && cached.version === version) return cached.rows;
      const rows = read ?? (await db.keyCounts.toArray());
      this.keyCountCache = { version, rows: new Map(rows.map((row) => [row.row, new Uint16Array(row.counts)])) };
      return this.keyCountCache.rows;
    });
  }

  /** Directory rows, kept between calls while the index is unchanged: retrieval asks for hundreds of documents per page. */
  private async directoryRows(chunks: readonly number[]): Promise<Map<number, PackedDirectoryRow | null>> {
    const cache = this.directoryCache;
    // Rows the cache holds are taken now, with the version they were read at: another call may drop them from it, or
    // move it to another version, while this one waits.
    const heldAt = this.directoryVersion;
    const held = new Map<number, PackedDirectoryRow | null>();
    for (const chunk of chunks) {
      const row = cache.get(chunk);
      if (row !== undefined) held.set(chunk, row);
    }
    // Every row kept at the version the lookup just read: they match its postings, and no request is made.
    if (heldAt === this.index.lookedUpAt && held.size === chunks.length) return held;
    const db = this.db;
    return db.transaction('r', db.directory, db.meta, async () => {
      // The rows the cache lacks are read beside the version that says whether the cache still holds: one round of
      // requests while the index is unchanged.
      const missing = chunks.filter((chunk) => !held.has(chunk));
      const [version, rows] = await Promise.all([this.index.version(), missing.length > 0 ? db.directory.bulkGet(missing) : []]);
      if (version !== this.directoryVersion) {
        cache.clear();
        this.directoryVersion = version;
      }
      const asked = new Map<number, PackedDirectoryRow | null>();
      if (version === heldAt) {
        for (const [chunk, row] of held) asked.set(chunk, row);
      } else {
        // The rows just read are of this version (one transaction); only those held from another are read again. A
        // fresh store held none: its first answer waits on one round, not two.
        const stale = [...held.keys()];
        const reread = stale.length > 0 ? await db.directory.bulkGet(stale) : [];
        stale.forEach((chunk, i) => asked.set(chunk, cache.set(chunk, reread[i])));
      }
      // Taken as read, not from the cache: a call asking for more rows than its budget holds still gets them all.
      missing.forEach((chunk, i) => asked.set(chunk, cache.set(chunk, rows[i])));
      return asked;
    });
  }

  async indexSize(): Promise<IndexSize> {
    const postings = await this.index.size();
    let directoryBytes = 0;
    let docs = 0;
    await this.db.directory.each((row) => {
      for (const id of row.ids) directoryBytes += id.length + 2;
      docs += row.ids.filter((id) => id !== '').length;
    });
    return { docs, postings: postings.postings, bytes: postings.bytes + directoryBytes };
  }

  async reindex(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.directory, db.keyCounts, db.generations, db.generationRows, db.pending, db.meta], async () => {
      await Promise.all([db.directory.clear(), db.keyCounts.clear()]);
      await this.index.clear();
    });
    let after = 0;
    for (;;) {
      const batch = await db.records.where('doc').above(after).limit(500).toArray();
      if (batch.length === 0) break;
      const entries: DirectoryEntry[] = [];
      const postings: number[] = [];
      await loadRecordLexicons(batch.map((r) => r.lang));
      for (const r of batch) {
        const keys = recordKeys(r.text, r.lang, this.featureOptions);
        entries.push({ doc: r.doc, id: r.id, features: keys.length });
        for (const key of keys) postings.push(key, r.doc);
      }
      const mergeDue = await db.transaction('rw', [db.directory, db.keyCounts, db.generations, db.generationRows, db.pending, db.meta], async () => {
        await this.writeDirectory(entries);
        return this.index.append(Uint32Array.from(postings));
      });
      if (mergeDue) await this.index.merge();
      after = batch[batch.length - 1].doc;
    }
    await this.index.merge({ settle: true });
    await db.meta.put({ key: META_FEATURE_VERSION, value: FEATURE_VERSION });
  }

  settle(): Promise<void> {
    return this.index.merge({ settle: true, turn: this.importWriteTurn });
  }

  // Usage and the reader's budget (lib/store/usage.ts, lib/store/budget.ts).

  async usage(): Promise<CorpusUsage> {
    const db = this.db;
    const [count, bytes, languageRows] = await Promise.all([
      this.count(),
      db.meta.get(META_CORPUS_BYTES),
      db.meta.where('key').startsWith(META_LANGUAGE_PREFIX).toArray(),
    ]);
    const languages = languageRows
      .map((row) => ({ lang: row.key.slice(META_LANGUAGE_PREFIX.length), count: row.value }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang));
    return { count, bytes: bytes?.value ?? 0, languages };
  }

  async markKept(ids: readonly string[], reason: KeepReason): Promise<number> {
    const db = this.db;
    return db.transaction('rw', db.records, async () => {
      const found = present(await this.recordsWhere('id', ids)).filter((record) => record.keep !== reason);
      for (const record of found) record.keep = reason;
      await db.records.bulkPut(found);
      return found.length;
    });
  }

  hostCount(host: string): Promise<number> {
    const key = host.toLowerCase().replace(/^www\./, '');
    return this.db.records.where('urlKey').startsWith(`${key}/`).count();
  }

  evict(budget: Budget, now: number, maxDeletes?: number): Promise<EvictionResult> {
    return evictOverBudget(this.db, (ids) => this.deleteRecords(ids), budget, now, maxDeletes);
  }

  // Followed feeds (lib/store/feed-book.ts).

  feedRows() {
    return feedBook.feedRows(this.db);
  }

  feedRow(url: string) {
    return feedBook.feedRow(this.db, url);
  }

  addFeedRows(rows: readonly FeedRow[]) {
    return feedBook.addFeedRows(this.db, rows);
  }

  changeFeedRow(url: string, change: (row: FeedRow) => void) {
    return feedBook.changeFeedRow(this.db, url, change);
  }

  removeFeedRow(url: string) {
    return feedBook.removeFeedRow(this.db, url);
  }

  dueFeeds(now: number, limit: number) {
    return feedBook.dueFeeds(this.db, now, limit);
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

  // The reader's corrections (lib/store/correction-table.ts).

  addCorrections(corrections: readonly Correction[]) {
    return correctionTable.addCorrections(this.db, corrections);
  }

  corrections() {
    return correctionTable.allCorrections(this.db);
  }

  deleteCorrections(corrections: readonly Correction[]) {
    return correctionTable.deleteCorrections(this.db, corrections);
  }

  async idsWhere(filter: RecordFilter): Promise<string[]> {
    const stats = await this.docStats(await catalog.docsWhere(this.db, filter));
    return stats.flatMap((stat) => (stat ? [stat.id] : []));
  }
}
