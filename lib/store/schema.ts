/**
 * The IndexedDB layout of the corpus, one Dexie version per schema change.
 * A later version adds `db.version(n).stores({...}).upgrade(tx => ...)` below the
 * existing ones and never edits them: browsers upgrade step by step.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusRecord } from '../types';
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

/** Per-document index facts, kept apart from the text so retrieval never loads texts. */
export interface DocRow {
  doc: number;
  id: string;
  features: number;
}

/**
 * One bucket of the inverted index. A feature key's top BUCKET_BITS bits choose the
 * bucket; `tails` holds its low 16 bits and `docs` the document number, pairwise.
 * Document number 0 marks a key stopped for being too common.
 * IndexedDB pays per row on every read and write, so keys share 2^16 bucket rows
 * instead of one row each: an import batch touches at most 65,536 rows, a page reads
 * one row per key, and a posting costs 6 bytes. At 100,000 articles of ~200 keys a
 * row holds ~300 postings (1.8 KB).
 */
export interface PostingRow {
  bucket: number;
  tails: Uint16Array;
  docs: Uint32Array;
}

export interface MetaRow {
  key: string;
  value: number;
}

export const BUCKET_BITS = 16;
export const STOPPED_DOC = 0;

export class CorpusDatabase extends Dexie {
  records!: Table<StoredRecord, number>;
  docs!: Table<DocRow, number>;
  postings!: Table<PostingRow, number>;
  meta!: Table<MetaRow, string>;

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
    this.records.hook('creating', (_doc, record) => {
      const key = urlKey(record.url);
      if (key !== undefined) record.urlKey = key;
    });
    this.records.hook('updating', (changes) => ('url' in changes ? { urlKey: urlKey((changes as Partial<StoredRecord>).url) } : undefined));
  }
}
