/**
 * The IndexedDB layout of the corpus, one Dexie version per schema change.
 * A later version adds `db.version(n).stores({...}).upgrade(tx => ...)` below the
 * existing ones and never edits them: browsers upgrade step by step.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusRecord, Correction } from '../types';
import { CHUNK_SIZE, type DirectoryChunk } from './directory';
import type { FeedRow } from './feed-book';
import { primarySubtag } from '../text/language';
import { datedOf, recordBytes } from './usage';
import { urlKey } from './url-key';

/** A stored record: the CorpusRecord plus its document number and content hash. */
export interface StoredRecord extends CorpusRecord {
  /** Document number: primary key, assigned in insertion order, never reused. */
  doc: number;
  /** Hash of the normalised text: the same text is stored once. */
  hash: string;
  /** The address as a grouping key (lib/store/url-key.ts): records sharing it are versions of one article. Set on write. */
  urlKey?: string;
  /**
   * The record's date for the reader's budget, ISO 8601: published, else first seen, else when it was stored.
   * Eviction removes the oldest first along this index. Set on write (version 4).
   */
  dated?: string;
  /** What the record takes in the corpus, in bytes, as counted for the budget (lib/store/usage.ts). Set on write. */
  bytes?: number;
  /**
   * Why eviction must pass this record over: "original" – it is the original of a later stored version (see
   * lib/store/budget.ts); "sample" – it belongs to the bundled sample corpus.
   */
  keep?: KeepReason;
}

export type KeepReason = 'original' | 'sample';

/**
 * One bucket of the inverted index: the postings of every key whose top BUCKET_BITS bits are `bucket`, as a
 * sorted run of (key, doc) pairs (lib/store/postings.ts) in one buffer. IndexedDB pays per request far more than
 * per byte, so keys share 2^14 rows: a page reads one row per key, and folding new postings in rewrites at most
 * 16,384 rows however many documents arrive. At 100,000 articles of ~200 keys a row holds ~1,200 pairs (10 KB).
 */
export interface BucketRow {
  bucket: number;
  pairs: ArrayBuffer;
}

/**
 * The middle tier between pending runs and buckets: the same layout with 2^10 rows. Pending runs are folded in
 * here often and cheaply (1,024 rows); these rows are folded into the 16,384 buckets only once they hold
 * MID_LIMIT postings, so the big rewrite happens a few times per 100,000 articles rather than every few thousand.
 */
export type MidBucketRow = BucketRow;

/**
 * Postings of recent imports, not yet folded into the buckets: one sorted run per batch, written in one request.
 * Lookups read them all (a few MB at most), and the store folds them into the buckets once they hold
 * PENDING_LIMIT postings, so importing costs a handful of requests per batch instead of one per bucket touched.
 */
export interface PendingRow {
  segment: number;
  pairs: ArrayBuffer;
}

/** A reader's correction, stored once per pair of articles. */
export interface StoredCorrection extends Correction {
  /** correctionKey (lib/corpus/corrections.ts): the same for the pair in either order. */
  key: string;
}

export interface MetaRow {
  key: string;
  value: number;
}

/** Meta row holding the feature code version the index was built with. */
export const META_FEATURE_VERSION = 'featureVersion';
/** Meta row: the sum of the records' `bytes` (version 4). */
export const META_CORPUS_BYTES = 'corpusBytes';
/** Meta rows "lang:<primary subtag>": records per language ("lang:" for records without one) (version 4). */
export const META_LANGUAGE_PREFIX = 'lang:';

export class CorpusDatabase extends Dexie {
  records!: Table<StoredRecord, number>;
  directory!: Table<DirectoryChunk, number>;
  buckets!: Table<BucketRow, number>;
  midBuckets!: Table<MidBucketRow, number>;
  pending!: Table<PendingRow, number>;
  meta!: Table<MetaRow, string>;
  feeds!: Table<FeedRow, string>;
  corrections!: Table<StoredCorrection, string>;

  constructor(name: string, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({
      records: 'doc, &id, &hash, url, site, published, firstSeen',
      docs: 'doc',
      postings: 'bucket',
      meta: 'key',
    });
    // Version 2: index the address key, so the versions of one article (a page visited again after an edit)
    // are found together. Existing records keep everything and gain their key.
    this.version(2)
      .stores({ records: 'doc, &id, &hash, url, urlKey, site, published, firstSeen' })
      .upgrade((tx) =>
        tx
          .table<StoredRecord, number>('records')
          .toCollection()
          .modify((record) => {
            const key = urlKey(record.url);
            if (key !== undefined) record.urlKey = key;
          }),
      );
    // Version 3: the index moves to posting runs (buckets of sorted pairs, a middle tier, pending runs of imports) and
    // a chunked document directory. Records are untouched; the old index tables go, and clearing the stored
    // feature version makes the store rebuild the index from the records when it opens (openCorpusStore).
    this.version(3)
      .stores({ docs: null, postings: null, directory: 'chunk', buckets: 'bucket', midBuckets: 'bucket', pending: 'segment' })
      .upgrade((tx) => tx.table<MetaRow, string>('meta').delete(META_FEATURE_VERSION));
    // Version 4: the reader's budget and followed feeds. Records gain their date for eviction (`dated`), their
    // counted size (`bytes`), and the corpus keeps running totals of bytes and of records per language, so the
    // storage panel and the popup read them without walking the records. Followed feeds move from
    // storage.local into their own table (the background moves them over when it first opens this version).
    this.version(4)
      .stores({ records: 'doc, &id, &hash, url, urlKey, site, published, firstSeen, dated', feeds: 'url, nextDue' })
      .upgrade(async (tx) => {
        const upgradedAt = new Date().toISOString();
        // Index keys per document, from the directory, for each record's size.
        const keyCounts = new Map<number, number>();
        await tx.table<DirectoryChunk, number>('directory').each((row) => {
          row.features.forEach((features, slot) => {
            if (row.ids[slot]) keyCounts.set(row.chunk * CHUNK_SIZE + slot, features);
          });
        });
        let total = 0;
        const languages = new Map<string, number>();
        await tx
          .table<StoredRecord, number>('records')
          .toCollection()
          .modify((record) => {
            record.dated = datedOf(record, upgradedAt);
            record.bytes = recordBytes(record, keyCounts.get(record.doc) ?? 0);
            total += record.bytes;
            const lang = primarySubtag(record.lang);
            languages.set(lang, (languages.get(lang) ?? 0) + 1);
          });
        const meta = tx.table<MetaRow, string>('meta');
        await meta.put({ key: META_CORPUS_BYTES, value: total });
        await meta.bulkPut([...languages].map(([lang, count]) => ({ key: META_LANGUAGE_PREFIX + lang, value: count })));
      });
    // Version 5: the reader's corrections ("not a version of this page"), kept with the corpus so they survive a
    // restart and travel in its export. A new table: nothing stored before changes.
    this.version(5).stores({ corrections: 'key' });
    this.records.hook('creating', (_doc, record) => {
      const key = urlKey(record.url);
      if (key !== undefined) record.urlKey = key;
    });
    this.records.hook('updating', (changes) => ('url' in changes ? { urlKey: urlKey((changes as Partial<StoredRecord>).url) } : undefined));
  }
}
