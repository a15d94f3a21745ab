/**
 * The IndexedDB layout of the corpus, one Dexie version per schema change.
 * A later version adds `db.version(n).stores({...}).upgrade(tx => ...)` below the
 * existing ones and never edits them: browsers upgrade step by step.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusRecord, Correction } from '../types';
import type { DirectoryChunk } from './directory';
import { urlKey } from './url-key';

/** A stored record: the CorpusRecord plus its document number and content hash. */
export interface StoredRecord extends CorpusRecord {
  /** Document number: primary key, assigned in insertion order, never reused. */
  doc: number;
  /** Hash of the normalised text: the same text is stored once. */
  hash: string;
  /** The address as a grouping key (lib/store/url-key.ts): records sharing it are versions of one article. Set on write. */
  urlKey?: string;
}

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

export class CorpusDatabase extends Dexie {
  records!: Table<StoredRecord, number>;
  directory!: Table<DirectoryChunk, number>;
  buckets!: Table<BucketRow, number>;
  midBuckets!: Table<MidBucketRow, number>;
  pending!: Table<PendingRow, number>;
  meta!: Table<MetaRow, string>;
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
    // Version 4: the reader's corrections ("not a version of this page"), kept with the corpus so they survive a
    // restart and travel in its export. A new table: nothing stored before changes.
    this.version(4).stores({ corrections: 'key' });
    this.records.hook('creating', (_doc, record) => {
      const key = urlKey(record.url);
      if (key !== undefined) record.urlKey = key;
    });
    this.records.hook('updating', (changes) => ('url' in changes ? { urlKey: urlKey((changes as Partial<StoredRecord>).url) } : undefined));
  }
}
