/**
 * The IndexedDB layout of the corpus, one Dexie version per schema change.
 * A later version adds `db.version(n).stores({...}).upgrade(tx => ...)` below the
 * existing ones and never edits them: browsers upgrade step by step.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusRecord, Correction } from '../types';
import { CHUNK_SIZE, addKeyCounts, regroupKeyCounts, type DirectoryChunk, type KeyCountRow } from './directory';
import type { FeedRow } from './feed-book';
import { primarySubtag } from '../text/language';
import { datedOf, recordBytes } from './usage';
import { urlKey } from './url-key';
import { BUCKET_BITS } from './postings';

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
 * Versions 3–5 (version 6 moves these rows into generations, see GenerationRow). One bucket of the inverted index: the postings of every key whose top BUCKET_BITS bits are `bucket`, as a
 * sorted run of (key, doc) pairs (lib/store/postings.ts) in one buffer. IndexedDB pays per request far more than
 * per byte, so keys share 2^14 rows: a page reads one row per key, and folding new postings in rewrites at most
 * 16,384 rows however many documents arrive. At 100,000 articles of ~200 keys a row holds ~1,200 pairs (10 KB).
 */
export interface BucketRow {
  bucket: number;
  pairs: ArrayBuffer;
}

/**
 * One row of a generation of the index (version 6): the postings of every key whose top `bits` bits (its
 * generation's, see GenerationInfo) are `bucket`, as a sorted run of (key, doc) pairs, under
 * `id` = generationRowId(generation, bucket). A generation is written once, from pending runs or by merging
 * generations of one size, and its row count follows its size (rows of about 1,000 postings), so a lookup reads
 * one row per key in each generation (lib/store/posting-index.ts).
 *
 * Rows are written `packed` (lib/store/packed-runs.ts, about 3 bytes a posting instead of 8: a lookup's read time
 * follows its bytes). Rows written before that hold `pairs`, the run as Uint32 pairs, and are read as they are until
 * a merge or a removal rewrites them packed: neither field is indexed, so this is no new database version and no
 * migration rewrites a large index at once. A row holds one of the two.
 */
export interface GenerationRow {
  id: number;
  pairs?: ArrayBuffer;
  packed?: ArrayBuffer;
}

/** A generation of the index: its number (older generations have smaller ones), bucket bits and postings. */
export interface GenerationInfo {
  generation: number;
  bits: number;
  postings: number;
  /**
   * The keys the generation holds stopped, as sorted Uint32 keys, written with it: a lookup answers "stopped" for them
   * without reading their rows. Generations written before this field have none (it is not indexed: no new database
   * version), and a removal keeps it, since stopped keys stay stopped.
   */
  stopped?: ArrayBuffer;
}

/** Most bucket bits a generation may use: its rows' ids are generation · 2^MAX_GENERATION_BITS + bucket. */
export const MAX_GENERATION_BITS = 20;
export const GENERATION_STRIDE = 2 ** MAX_GENERATION_BITS;

export function generationRowId(generation: number, bucket: number): number {
  return generation * GENERATION_STRIDE + bucket;
}

/**
 * Postings of recent imports, not yet written out as a generation: one sorted run per batch, written in one request.
 * Lookups read them all (a few MB at most), and the store writes them out as a generation once they hold
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

/** Meta row: the number the next generation of the index takes (version 6). */
export const META_NEXT_GENERATION = 'nextGeneration';
/** Bucket bits of the middle tier of versions 3–5. */
const VERSION_5_MID_BUCKET_BITS = 10;
/** Rows copied per step of the version 6 upgrade, so it never holds a whole tier in memory. */
const UPGRADE_STEP_ROWS = 512;

/** Copies a version 5 tier's rows into generation `generation`; returns the postings copied. */
async function copyRows(from: Table<BucketRow, number>, to: Table<GenerationRow, number>, generation: number): Promise<number> {
  let postings = 0;
  let after = -1;
  for (;;) {
    const rows = await from.where('bucket').above(after).limit(UPGRADE_STEP_ROWS).toArray();
    if (rows.length === 0) return postings;
    await to.bulkPut(rows.map((row) => ({ id: generationRowId(generation, row.bucket), pairs: row.pairs })));
    postings += rows.reduce((n, row) => n + row.pairs.byteLength / 8, 0);
    after = rows[rows.length - 1].bucket;
  }
}

export class CorpusDatabase extends Dexie {
  records!: Table<StoredRecord, number>;
  directory!: Table<DirectoryChunk, number>;
  keyCounts!: Table<KeyCountRow, number>;
  generations!: Table<GenerationInfo, number>;
  generationRows!: Table<GenerationRow, number>;
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
    // Version 6: the index moves from a bucket tier and a middle tier, each rewritten whole when new postings were
    // folded in, to generations written once and merged by size (lib/store/posting-index.ts), so the bytes written
    // per imported article stop growing with the corpus. The stored postings move over as they are: the buckets
    // become generation 0 (14 bits) and the middle tier generation 1 (10 bits); pending runs stay.
    this.version(6)
      .stores({ buckets: null, midBuckets: null, generations: 'generation', generationRows: 'id' })
      .upgrade(async (tx) => {
        const generations: GenerationInfo[] = [];
        for (const [generation, table, bits] of [
          [0, 'buckets', BUCKET_BITS],
          [1, 'midBuckets', VERSION_5_MID_BUCKET_BITS],
        ] as const) {
          const postings = await copyRows(tx.table<BucketRow, number>(table), tx.table<GenerationRow, number>('generationRows'), generation);
          if (postings > 0) generations.push({ generation, bits, postings });
        }
        await tx.table<GenerationInfo, number>('generations').bulkPut(generations);
        const meta = tx.table<MetaRow, string>('meta');
        await meta.put({ key: META_NEXT_GENERATION, value: 2 });
        await meta.delete('midPostings');
      });
    // Version 7: each document's count of index keys also in a binary column (lib/store/directory.ts KeyCountRow), so
    // ranking reads the counts of its shortlist without the directory's ids. Filled from the directory's rows.
    this.version(7)
      .stores({ keyCounts: 'row' })
      .upgrade(async (tx) => {
        const rows = new Map<number, KeyCountRow>();
        await tx.table<DirectoryChunk, number>('directory').each((chunk) => addKeyCounts(rows, chunk));
        await tx.table<KeyCountRow, number>('keyCounts').bulkPut([...rows.values()]);
      });
    // Version 8: the key-count column's rows hold 65,536 counts instead of 8,192 (lib/store/directory.ts
    // KEY_COUNT_ROW_DOCS): rows past 64 KiB are stored beside Chromium's database and read several times faster. Rows
    // are regrouped as they are; a corpus opened by version 7's upgrade above already has rows of the new size.
    this.version(8)
      .stores({ keyCounts: 'row' })
      .upgrade(async (tx) => {
        const table = tx.table<KeyCountRow, number>('keyCounts');
        const rows = regroupKeyCounts(await table.toArray());
        await table.clear();
        await table.bulkPut(rows);
      });
    // Version 9: the records drop two indexes no query reads, each one more
    // LevelDB entry for every record stored. `url` was never read (versions are found by `urlKey`); `firstSeen` served
    // only the date filter's records without a published date, and for those `dated` holds firstSeen (datedOf), so
    // the filter reads `dated` instead (lib/store/catalog.ts). Records keep both fields.
    this.version(9).stores({ records: 'doc, &id, &hash, urlKey, site, published, dated' });
    this.records.hook('creating', (_doc, record) => {
      const key = urlKey(record.url);
      if (key !== undefined) record.urlKey = key;
    });
    this.records.hook('updating', (changes) => ('url' in changes ? { urlKey: urlKey((changes as Partial<StoredRecord>).url) } : undefined));
  }
}
