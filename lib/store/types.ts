import type { RecordAnalyses } from '../record-analysis';
import type { CorpusRecord, Correction } from '../types';
import type { Budget, EvictionResult } from './budget';
import type { KeepReason } from './schema';

/** Why a record of a batch was not stored. */
export interface SkippedRecord {
  id: string;
  /** "same-id": a record with this id is stored; "same-text": the same text is stored under `existingId`. */
  reason: 'same-id' | 'same-text';
  existingId: string;
}

export interface AddResult {
  /** Records stored by this call. */
  added: number;
  /** Records left out because the store (or an earlier record of the batch) already holds them. */
  duplicates: number;
  skipped: SkippedRecord[];
  /** Index keys written for the added records. */
  features: number;
}

/** Index facts about one stored record, without its text. */
export interface DocStat {
  doc: number;
  id: string;
  /** Number of index keys of the record, for score normalisation. */
  features: number;
}

/** What the index takes, beyond the stored texts. */
export interface IndexSize {
  /** Records in the directory. */
  docs: number;
  postings: number;
  /** Bytes of posting runs and directory entries, without the database's own overhead. */
  bytes: number;
}

/** Postings of one feature key: document numbers, or "stopped" when the key is in too many documents to be useful. */
export type Posting = Uint32Array | 'stopped';

/** How a batch is added. */
export interface AddRecordsOptions {
  /**
   * The batch is one of a file import's, which settles the index once its last batch is stored (CorpusStore.settle):
   * the index may leave more of its merging to that settle (lib/store/posting-index.ts, IMPORT_FANOUT).
   */
  partOfImport?: boolean;
}

/**
 * The local corpus: stored articles plus the inverted index that finds them.
 * One implementation (Dexie over IndexedDB); Node runs the same code on fake-indexeddb.
 */
export interface CorpusStore {
  /**
   * Analyses of the records the checks read (lib/record-analysis.ts), the most recently used kept: the same records come
   * up for page after page, and a record's sentences, words and facts do not change while its text does not.
   */
  readonly analyses?: RecordAnalyses;
  /** Validates the whole batch first, then stores and indexes it in one transaction: all of it or nothing. */
  addRecords(records: readonly CorpusRecord[], options?: AddRecordsOptions): Promise<AddResult>;
  /** Records in the order of `ids`; undefined where an id is not stored. */
  getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined)[]>;
  /**
   * Records by document number, in the order given; undefined for numbers no record holds. For a store whose records
   * are keyed by number: retrieval then names its best documents by their records (RetrieveOptions.withRecords).
   */
  getRecordsOfDocs?(docs: readonly number[]): Promise<(CorpusRecord | undefined)[]>;
  count(): Promise<number>;
  /** Removes records and their postings. Returns how many were stored. */
  deleteRecords(ids: readonly string[]): Promise<number>;
  /** Every record, in the order it was first stored. */
  records(options?: { batchSize?: number }): AsyncIterableIterator<CorpusRecord>;
  clear(): Promise<void>;
  close(): void;
  /** Postings of feature keys (lib/index). Keys not in the index are absent from the map. */
  lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>>;
  /**
   * Reads a few rows spread over the index, so that the database has the files holding the index open again
   * after other reads (a full check's records) pushed them out; returns how many rows it found. For a store whose
   * database keeps a bounded number of files open (IndexedDB in Chromium); the others need not have it.
   */
  reopenIndexFiles?(): Promise<number>;
  /** Index facts of document numbers, in the order given; undefined for unknown numbers. */
  docStats(docs: readonly number[]): Promise<(DocStat | undefined)[]>;
  /**
   * DocStat.features alone, in the order given, 0 for unknown numbers: ranking needs it for every shortlisted document
   * and the id only for the few it returns. A store that keeps the counts apart from the ids reads them cheaper.
   */
  docKeyCounts?(docs: readonly number[]): Promise<ArrayLike<number>>;
  /** The size of the index (for the benchmark and the storage panel). */
  indexSize(): Promise<IndexSize>;
  /** Rebuilds every posting from the stored texts (after a feature change). */
  reindex(): Promise<void>;
  /**
   * Folds recently added postings into the main index, so that a lookup reads one row per key instead of one per
   * tier. It rewrites much of the index: call it when a bulk import ends, not after each batch.
   */
  settle(): Promise<void>;
}

/** The reader's corrections (lib/corpus/corrections.ts), kept in the corpus database beside the records. */
export interface CorrectionStore {
  /** Stores corrections; a pair of articles already corrected keeps its first correction. Returns how many were new. */
  addCorrections(corrections: readonly Correction[]): Promise<number>;
  /** Every stored correction, oldest first. */
  corrections(): Promise<Correction[]>;
  /** Removes the stored corrections of these pairs; returns how many there were. */
  deleteCorrections(corrections: readonly Correction[]): Promise<number>;
}

export class InvalidCorrectionError extends Error {
  constructor(reason: string) {
    super(`Correction: ${reason}`);
    this.name = 'InvalidCorrectionError';
  }
}

export class InvalidRecordError extends Error {
  readonly index: number;
  readonly reason: string;
  constructor(index: number, reason: string) {
    super(`Record ${index}: ${reason}`);
    this.name = 'InvalidRecordError';
    this.index = index;
    this.reason = reason;
  }
}

/** What the corpus holds, from the running totals (no walk over the records). */
export interface CorpusUsage {
  count: number;
  /** Bytes as the budget counts them (lib/store/usage.ts). */
  bytes: number;
  /** Records per language (primary subtag; "" for records without one), most first. */
  languages: { lang: string; count: number }[];
}

/** Keeping the corpus within the reader's budget, and what the popup says about it. */
export interface CorpusUpkeep {
  usage(): Promise<CorpusUsage>;
  /** Marks records eviction must pass over (lib/store/budget.ts); returns how many changed. */
  markKept(ids: readonly string[], reason: KeepReason): Promise<number>;
  /** Records stored from this host (a leading "www." aside). */
  hostCount(host: string): Promise<number>;
  /** Removes the oldest records until the corpus is within the budget (at most `maxDeletes` in one call). */
  evict(budget: Budget, now: number, maxDeletes?: number): Promise<EvictionResult>;
}
