/**
 * The corpus in PostgreSQL: the same CorpusStore as the browser's Dexie store (so retrieval, the first answer and
 * the full check run unchanged), on the layout of schema.ts. Every statement takes its values as parameters.
 *
 * Safe to share: several processes may import into one database at once. Each batch is one transaction (records,
 * postings, counters and the import's progress together), document numbers come from a sequence, a record another
 * import stored meanwhile is skipped by the unique constraints (ON CONFLICT DO NOTHING waits for the other
 * transaction to decide), and index merges take an advisory lock so that one runs at a time.
 */
import { FEATURE_VERSION, type FeatureOptions } from '../../index/features';
import { keyTexts, loadRecordLexicons, recordKeys, type KeyedText } from '../record-keys';
import type { ImportProgress } from '../../import/progress';
import type { CorpusRecord } from '../../types';
import type { RecordFilter } from '../catalog';
import { bucketOf, docsOf, mergeRuns, pairCount, sortPairs, withoutDocs } from '../postings';
import { DEFAULT_DF_CAP, validateRecords } from '../record-checks';
import type { AddRecordsOptions, AddResult, CorpusStore, DocStat, IndexSize, Posting, SkippedRecord } from '../types';
import { urlKey } from '../url-key';
import { mergeSorted, packRows, PENDING_BITS, POSTING_BITS, runOf, splitByBucket, type BucketRuns } from './runs';
import { LOCK, migrate, TABLE } from './schema';
import type { SqlClient, SqlQueryable } from './sql';
import { RecordAnalyses, RECORD_ANALYSES_KEPT } from '../../record-analysis';

export interface PostgresStoreOptions {
  dfCap?: number;
  /** Pending pairs that trigger a merge into the postings table (tests use small values). */
  pendingLimit?: number;
  /** Merges after which the postings table is rebuilt with one row per bucket. */
  maxGenerations?: number;
  /** Index selection, for experiments; must match the stored index (see reindex). */
  features?: Partial<FeatureOptions>;
}

/**
 * Pending pairs before a merge: 4 M pairs (about 60,000 news articles, 32 MB of runs) bound what a lookup reads from
 * pending batches while a million-article import merges about fifteen times.
 */
export const DEFAULT_PENDING_LIMIT = 4_000_000;
/** A lookup reads at most this many merged rows per key: after this many merges the postings are rebuilt. */
export const DEFAULT_MAX_GENERATIONS = 8;

const META = {
  featureVersion: 'featureVersion',
  records: 'recordCount',
  pending: 'pendingPostings',
  generations: 'postingGenerations',
} as const;

/** A record as stored: the CorpusRecord's fields under their column names. */
interface RecordRow {
  doc: number;
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  site: string | null;
  lang: string | null;
  byline: string | null;
  first_seen: string | null;
  text: string;
}

const RECORD_COLUMNS = 'doc, id, title, url, published, site, lang, byline, first_seen, text';

interface Prepared extends KeyedText {
  record: CorpusRecord;
}

/**
 * Computes KeyedText for texts where the caller chooses (the command line: in a worker thread, so that the import's
 * own thread only reads and stores), with the store's feature options.
 */
export type Keying = (texts: readonly { text: string; lang?: string }[], featureOptions: Partial<FeatureOptions>) => Promise<readonly KeyedText[]>;

/** A batch checked and reduced to its index keys, ready to store (see prepareBatch). */
export interface PreparedBatch {
  readonly records: readonly Prepared[];
}

/**
 * What a batch stored, plus the import progress written with it when the caller asked for that. `partOfImport` changes
 * nothing here: the server merges on its own policy (DEFAULT_PENDING_LIMIT, DEFAULT_MAX_GENERATIONS).
 */
export interface AddOptions extends AddRecordsOptions {
  /** The import's progress after this batch, given what the batch stored: saved in the batch's own transaction. */
  progress?: (stored: AddResult) => ImportProgress;
}

/** PostgreSQL text cannot hold U+0000; it becomes U+FFFD, one code unit as well, so every offset stays right. */
function storable(value: string | undefined): string | null {
  return value === undefined || value === null ? null : value.replace(/\u0000/g, '\ufffd');
}

function toRecord(row: RecordRow): CorpusRecord {
  const record: CorpusRecord = { id: row.id, text: row.text };
  const fields: [keyof CorpusRecord, string | null][] = [
    ['title', row.title],
    ['url', row.url],
    ['published', row.published],
    ['site', row.site],
    ['lang', row.lang],
    ['byline', row.byline],
    ['firstSeen', row.first_seen],
  ];
  for (const [name, value] of fields) if (value !== null) record[name] = value;
  return record;
}

/** Rows written per statement when a merge writes a generation: bounds the size of one parameter. */
const ROWS_PER_STATEMENT = 8192;
/** Buckets folded per step of a rebuild, so it holds a bounded share of the index in memory. */
const REBUILD_SPAN = 4096;

/** Inserts bucket rows from one packed parameter; `extra` is the batch or generation column's value. */
async function insertRuns(db: SqlQueryable, table: string, column: 'batch' | 'generation', rows: BucketRuns, extra: number): Promise<void> {
  for (let from = 0; from < rows.buckets.length; from += ROWS_PER_STATEMENT) {
    const packed = packRows(rows, from, Math.min(rows.buckets.length, from + ROWS_PER_STATEMENT));
    await db.query(
      `INSERT INTO ${table} (bucket, ${column}, pairs)
       SELECT b, $4, substring($1::bytea FROM s + 1 FOR l) FROM unnest($2::integer[], $3::integer[], $5::integer[]) AS u(b, s, l)`,
      [packed.blob, packed.buckets, packed.starts, extra, packed.lengths],
    );
  }
}

export class PostgresCorpusStore implements CorpusStore {
  readonly analyses = new RecordAnalyses(RECORD_ANALYSES_KEPT);
  private readonly dfCap: number;
  private readonly pendingLimit: number;
  private readonly maxGenerations: number;

  private constructor(
    readonly client: SqlClient,
    private readonly featureOptions: Partial<FeatureOptions>,
    options: PostgresStoreOptions,
  ) {
    this.dfCap = options.dfCap ?? DEFAULT_DF_CAP;
    this.pendingLimit = options.pendingLimit ?? DEFAULT_PENDING_LIMIT;
    this.maxGenerations = options.maxGenerations ?? DEFAULT_MAX_GENERATIONS;
  }

  /** Creates or upgrades the schema, and rebuilds the index when it was built by other feature code. */
  static async open(client: SqlClient, options: PostgresStoreOptions = {}): Promise<PostgresCorpusStore> {
    await client.transaction((tx) => migrate(tx));
    const store = new PostgresCorpusStore(client, options.features ?? {}, options);
    await store.ensureFeatureVersion();
    return store;
  }

  private async meta(key: string, db: SqlQueryable = this.client): Promise<number> {
    const { rows } = await db.query<{ value: string }>(`SELECT value FROM ${TABLE.meta} WHERE key = $1`, [key]);
    return rows.length > 0 ? Number(rows[0].value) : 0;
  }

  /** Adds `change` to a counter and returns its new value. */
  private async bump(db: SqlQueryable, key: string, change: number): Promise<number> {
    const { rows } = await db.query<{ value: string }>(
      `INSERT INTO ${TABLE.meta} (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = ${TABLE.meta}.value + excluded.value RETURNING value`,
      [key, change],
    );
    return Number(rows[0].value);
  }

  private async setMeta(db: SqlQueryable, key: string, value: number): Promise<void> {
    await db.query(`INSERT INTO ${TABLE.meta} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
  }

  private async ensureFeatureVersion(): Promise<void> {
    if ((await this.meta(META.featureVersion)) === FEATURE_VERSION) return;
    if ((await this.count()) > 0) await this.reindex();
    else await this.setMeta(this.client, META.featureVersion, FEATURE_VERSION);
  }

  async addRecords(records: readonly CorpusRecord[], options: AddOptions = {}): Promise<AddResult> {
    return this.addPrepared(await this.prepareBatch(records), options);
  }

  /**
   * Validates a batch and computes its hashes and index keys: the CPU half of addRecords. An import prepares the next
   * batch while the database stores the one before (addPrepared), so both cores work.
   */
  async prepareBatch(records: readonly CorpusRecord[], keying: Keying = keyTexts): Promise<PreparedBatch> {
    validateRecords(records);
    const keyed = await keying(
      records.map((record) => ({ text: record.text, lang: record.lang })),
      this.featureOptions,
    );
    if (keyed.length !== records.length) throw new Error(`keying answered for ${keyed.length} of ${records.length} records`);
    return { records: records.map((record, i) => ({ record, hash: keyed[i].hash, keys: keyed[i].keys })) };
  }

  /** Stores a prepared batch in one transaction: all of it or nothing, with the import's progress when given. */
  async addPrepared(batch: PreparedBatch, options: AddOptions = {}): Promise<AddResult> {
    const prepared = batch.records;
    const { result, pending } = await this.client.transaction(async (tx) => {
      const stored = await this.storeBatch(tx, prepared);
      if (options.progress) {
        const progress = options.progress(stored.result);
        await tx.query(
          `INSERT INTO ${TABLE.imports} (key, progress) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET progress = excluded.progress`,
          [progress.key, JSON.stringify(progress)],
        );
      }
      return stored;
    });
    // The merge is its own transaction: the batch above is stored either way.
    if (pending >= this.pendingLimit) await this.merge();
    return result;
  }

  private async storeBatch(tx: SqlQueryable, prepared: readonly Prepared[]): Promise<{ result: AddResult; pending: number }> {
    const skipped: SkippedRecord[] = [];
    const existing = await tx.query<{ id: string; hash: string }>(`SELECT id, hash FROM ${TABLE.records} WHERE id = ANY($1::text[]) OR hash = ANY($2::text[])`, [
      prepared.map((p) => storable(p.record.id)),
      prepared.map((p) => p.hash),
    ]);
    const storedIds = new Set(existing.rows.map((row) => row.id));
    const storedByHash = new Map(existing.rows.map((row) => [row.hash, row.id]));
    const fresh: Prepared[] = [];
    const batchIds = new Set<string>();
    for (const p of prepared) {
      const id = storable(p.record.id)!;
      if (storedIds.has(id) || batchIds.has(id)) {
        skipped.push({ id: p.record.id, reason: 'same-id', existingId: p.record.id });
        continue;
      }
      const existingId = storedByHash.get(p.hash);
      if (existingId !== undefined) {
        skipped.push({ id: p.record.id, reason: 'same-text', existingId });
        continue;
      }
      batchIds.add(id);
      storedByHash.set(p.hash, p.record.id);
      fresh.push(p);
    }
    if (fresh.length === 0) return { result: { added: 0, duplicates: skipped.length, skipped, features: 0 }, pending: 0 };

    const numbers = await tx.query<{ doc: number }>(`SELECT nextval('palimpsest_doc_seq')::integer AS doc FROM generate_series(1, $1::integer)`, [fresh.length]);
    const rows = fresh.map((p, i) => ({
      doc: numbers.rows[i].doc,
      id: storable(p.record.id),
      hash: p.hash,
      url_key: storable(urlKey(p.record.url)),
      title: storable(p.record.title),
      url: storable(p.record.url),
      published: storable(p.record.published),
      site: storable(p.record.site),
      lang: storable(p.record.lang),
      byline: storable(p.record.byline),
      first_seen: storable(p.record.firstSeen),
      features: p.keys.length,
      text: storable(p.record.text),
    }));
    // A concurrent import may have stored one of these ids or texts since the check above: the unique constraints
    // decide, and only the rows actually inserted get postings.
    const inserted = await tx.query<{ doc: number }>(
      `INSERT INTO ${TABLE.records} (doc, id, hash, url_key, title, url, published, site, lang, byline, first_seen, features, text)
       SELECT doc, id, hash, url_key, title, url, published, site, lang, byline, first_seen, features, text
       FROM jsonb_to_recordset($1::jsonb) AS r(doc integer, id text, hash text, url_key text, title text, url text, published text,
         site text, lang text, byline text, first_seen text, features integer, text text)
       ON CONFLICT DO NOTHING RETURNING doc`,
      [JSON.stringify(rows)],
    );
    const added = new Set(inserted.rows.map((row) => row.doc));
    const pairs: [number, number][] = [];
    rows.forEach((row, i) => {
      if (!added.has(row.doc)) {
        skipped.push({ id: fresh[i].record.id, reason: 'same-id', existingId: fresh[i].record.id });
        return;
      }
      for (const key of fresh[i].keys) pairs.push([key, row.doc]);
    });
    if (pairs.length > 0) {
      const batch = await tx.query<{ n: string }>(`SELECT nextval('palimpsest_batch_seq') AS n`);
      await insertRuns(tx, TABLE.pending, 'batch', splitByBucket(sortPairs(pairs), PENDING_BITS), Number(batch.rows[0].n));
    }
    // Counters last: their rows are where concurrent imports wait for each other, so they are held briefly.
    const pending = await this.bump(tx, META.pending, pairs.length);
    await this.bump(tx, META.records, added.size);
    return { result: { added: added.size, duplicates: skipped.length, skipped, features: pairs.length }, pending };
  }

  async getRecords(ids: readonly string[]): Promise<(CorpusRecord | undefined)[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.client.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM ${TABLE.records} WHERE id = ANY($1::text[])`, [
      [...new Set(ids.map(storable))],
    ]);
    const byId = new Map(rows.map((row) => [row.id, toRecord(row)]));
    return ids.map((id) => byId.get(storable(id)!));
  }

  /** From a counter kept with the records: counting a million rows on every check would cost more than the check. */
  count(): Promise<number> {
    return this.meta(META.records);
  }

  async deleteRecords(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.merge]);
      const { rows } = await tx.query<{ doc: number; text: string; lang: string | null }>(
        `DELETE FROM ${TABLE.records} WHERE id = ANY($1::text[]) RETURNING doc, text, lang`,
        [[...new Set(ids.map(storable))]],
      );
      if (rows.length === 0) return 0;
      // The rows holding a record's postings are found again from its text: features are deterministic and versioned.
      await loadRecordLexicons(rows.map((row) => row.lang));
      const keys = rows.flatMap((row) => [...recordKeys(row.text, row.lang, this.featureOptions)]);
      const docs = new Set(rows.map((row) => row.doc));
      let removedPending = 0;
      for (const [table, bits] of [[TABLE.postings, POSTING_BITS], [TABLE.pending, PENDING_BITS]] as const) {
        const buckets = [...new Set(keys.map((key) => bucketOf(key, bits)))];
        const found = await tx.query<{ bucket: number; tag: string; pairs: Uint8Array }>(
          `SELECT bucket, ${table === TABLE.pending ? 'batch' : 'generation'}::text AS tag, pairs FROM ${table} WHERE bucket = ANY($1::integer[])`,
          [buckets],
        );
        for (const row of found.rows) {
          const run = runOf(row.pairs);
          const kept = withoutDocs(run, docs);
          if (kept === run) continue;
          if (table === TABLE.pending) removedPending += pairCount(run) - pairCount(kept);
          const where = `bucket = $1 AND ${table === TABLE.pending ? 'batch' : 'generation'} = $2::bigint`;
          if (kept.length === 0) await tx.query(`DELETE FROM ${table} WHERE ${where}`, [row.bucket, row.tag]);
          else await tx.query(`UPDATE ${table} SET pairs = $3 WHERE ${where}`, [row.bucket, row.tag, new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength)]);
        }
      }
      await this.bump(tx, META.pending, -removedPending);
      await this.bump(tx, META.records, -rows.length);
      return rows.length;
    });
  }

  async *records(options: { batchSize?: number } = {}): AsyncIterableIterator<CorpusRecord> {
    const batchSize = options.batchSize ?? 500;
    for (let after = 0; ; ) {
      const page = await this.recordPage(after, batchSize);
      for (const record of page.records) yield record;
      if (page.last === null) return;
      after = page.last;
    }
  }

  /** Records in storage order after document number `after`; `last` is null at the end. */
  async recordPage(after: number, limit: number): Promise<{ records: CorpusRecord[]; last: number | null }> {
    const { rows } = await this.client.query<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM ${TABLE.records} WHERE doc > $1 ORDER BY doc LIMIT $2`, [after, limit]);
    return { records: rows.map(toRecord), last: rows.length === limit ? rows[rows.length - 1].doc : null };
  }

  async clear(): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.merge]);
      await tx.query(`TRUNCATE ${TABLE.records}, ${TABLE.pending}, ${TABLE.postings}, ${TABLE.imports}`);
      for (const key of [META.records, META.pending, META.generations]) await this.setMeta(tx, key, 0);
      await this.setMeta(tx, META.featureVersion, FEATURE_VERSION);
    });
    this.analyses.clear();
  }

  close(): void {
    void this.client.close();
  }

  /**
   * Postings of `keys`: the merged rows of their buckets (one per generation) and the pending rows of every batch
   * not merged yet, one query.
   */
  async lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    const distinct = [...new Set(Array.from(keys, (key) => key >>> 0))];
    const result = new Map<number, Posting>();
    if (distinct.length === 0) return result;
    const { rows } = await this.client.query<{ merged: boolean; bucket: number; pairs: Uint8Array }>(
      `SELECT true AS merged, bucket, pairs FROM ${TABLE.postings} WHERE bucket = ANY($1::integer[])
       UNION ALL
       SELECT false, bucket, pairs FROM ${TABLE.pending} WHERE bucket = ANY($2::integer[])`,
      [[...new Set(distinct.map((key) => bucketOf(key, POSTING_BITS)))], [...new Set(distinct.map((key) => bucketOf(key, PENDING_BITS)))]],
    );
    const runsOf = new Map<string, Uint32Array[]>();
    for (const row of rows) {
      const tag = `${row.merged ? 'm' : 'p'}${row.bucket}`;
      const runs = runsOf.get(tag) ?? [];
      runs.push(runOf(row.pairs));
      runsOf.set(tag, runs);
    }
    for (const key of distinct) {
      const runs = [...(runsOf.get(`m${bucketOf(key, POSTING_BITS)}`) ?? []), ...(runsOf.get(`p${bucketOf(key, PENDING_BITS)}`) ?? [])];
      const posting = this.postingOf(key, runs);
      if (posting !== null) result.set(key, posting);
    }
    return result;
  }

  private postingOf(key: number, runs: readonly Uint32Array[]): Posting | null {
    const docs: number[] = [];
    for (const run of runs) {
      const found = docsOf(run, key);
      if (found === 'stopped') return 'stopped';
      docs.push(...found);
    }
    if (docs.length === 0) return null;
    // Runs of several generations have not met the cap together yet; the next rebuild will stop such a key, so stop it now.
    return docs.length > this.dfCap ? 'stopped' : Uint32Array.from(docs).sort();
  }

  async docStats(docs: readonly number[]): Promise<(DocStat | undefined)[]> {
    if (docs.length === 0) return [];
    const { rows } = await this.client.query<DocStat>(`SELECT doc, id, features FROM ${TABLE.records} WHERE doc = ANY($1::integer[])`, [[...new Set(docs)]]);
    const byDoc = new Map(rows.map((row) => [row.doc, row]));
    return docs.map((doc) => byDoc.get(doc));
  }

  /** Postings stored, and the bytes their tables and indexes take on disk (PostgreSQL's own overhead included). */
  async indexSize(): Promise<IndexSize> {
    const { rows } = await this.client.query<{ pairs: string | null; bytes: string }>(
      `SELECT (SELECT sum(length(pairs)) FROM ${TABLE.postings}) + (SELECT coalesce(sum(length(pairs)), 0) FROM ${TABLE.pending}) AS pairs,
              pg_total_relation_size($1) + pg_total_relation_size($2) AS bytes`,
      [TABLE.postings, TABLE.pending],
    );
    const [row] = rows;
    return { docs: await this.count(), postings: Number(row.pairs ?? 0) / 8, bytes: Number(row.bytes) };
  }

  async reindex(): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.merge]);
      await tx.query(`TRUNCATE ${TABLE.pending}, ${TABLE.postings}`);
      await this.setMeta(tx, META.pending, 0);
      await this.setMeta(tx, META.generations, 0);
    });
    for (let after = 0; ; ) {
      const { rows } = await this.client.query<{ doc: number; text: string; lang: string | null }>(
        `SELECT doc, text, lang FROM ${TABLE.records} WHERE doc > $1 ORDER BY doc LIMIT 500`,
        [after],
      );
      if (rows.length === 0) break;
      const pairs: [number, number][] = [];
      const counts: number[] = [];
      await loadRecordLexicons(rows.map((row) => row.lang));
      for (const row of rows) {
        const features = recordKeys(row.text, row.lang, this.featureOptions);
        counts.push(features.length);
        for (const key of features) pairs.push([key, row.doc]);
      }
      await this.client.transaction(async (tx) => {
        await tx.query(`UPDATE ${TABLE.records} AS r SET features = f.n FROM unnest($1::integer[], $2::integer[]) AS f(doc, n) WHERE r.doc = f.doc`, [
          rows.map((row) => row.doc),
          counts,
        ]);
        const batch = await tx.query<{ n: string }>(`SELECT nextval('palimpsest_batch_seq') AS n`);
        await insertRuns(tx, TABLE.pending, 'batch', splitByBucket(sortPairs(pairs), PENDING_BITS), Number(batch.rows[0].n));
        await this.bump(tx, META.pending, pairs.length);
      });
      after = rows[rows.length - 1].doc;
    }
    await this.merge({ rebuild: true });
    await this.setMeta(this.client, META.featureVersion, FEATURE_VERSION);
  }

  /** Moves pending pairs into the postings; an import calls it when it ends, so later checks read few rows per key. */
  settle(): Promise<void> {
    return this.merge();
  }

  /**
   * After a bulk import: vacuums and analyses the tables it wrote, as PostgreSQL advises after loading many rows. Left
   * to autovacuum, which starts on a table once a fifth of its rows are new, the vacuum of a freshly imported million
   * articles (1.4 GB) would run while the first checks do.
   */
  async tidyAfterImport(): Promise<void> {
    await this.client.query(`VACUUM (ANALYZE) ${TABLE.records}, ${TABLE.postings}, ${TABLE.pending}`);
  }

  /**
   * Merges the pending runs into one new generation of merged rows, and rebuilds the merged rows with one per
   * bucket once they hold `maxGenerations` generations (or always, with `rebuild`). One transaction: a merge stopped
   * midway leaves the index as it was.
   */
  async merge({ rebuild = false } = {}): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.merge]);
      // Batches of imports still running are not visible here: they stay pending for the next merge.
      const moved = await tx.query<{ pairs: Uint8Array }>(`DELETE FROM ${TABLE.pending} RETURNING pairs`);
      let generations = await this.meta(META.generations, tx);
      if (moved.rows.length > 0) {
        const additions = mergeSorted(moved.rows.map((row) => runOf(row.pairs)));
        generations = await this.bump(tx, META.generations, 1);
        await insertRuns(tx, TABLE.postings, 'generation', splitByBucket(additions, POSTING_BITS), generations);
        await this.bump(tx, META.pending, -moved.rows.reduce((total, row) => total + row.pairs.byteLength / 8, 0));
      }
      if (generations >= this.maxGenerations || (rebuild && generations > 1)) await this.rebuild(tx);
    });
  }

  /**
   * Every bucket's generations folded into one run, keys over the cap stopped (lib/store/postings.ts mergeRuns),
   * written in bucket order into a fresh table that replaces the old one: no dead rows are left behind.
   */
  private async rebuild(tx: SqlQueryable): Promise<void> {
    const next = `${TABLE.postings}_next`;
    await tx.query(`DROP TABLE IF EXISTS ${next}`);
    await tx.query(`CREATE TABLE ${next} (bucket integer NOT NULL, generation integer NOT NULL, pairs bytea NOT NULL)`);
    for (let start = 0; start < 1 << POSTING_BITS; start += REBUILD_SPAN) {
      const { rows } = await tx.query<{ bucket: number; pairs: Uint8Array }>(
        `SELECT bucket, pairs FROM ${TABLE.postings} WHERE bucket >= $1 AND bucket < $2 ORDER BY bucket, generation`,
        [start, start + REBUILD_SPAN],
      );
      const folded: BucketRuns = { buckets: [], runs: [] };
      for (const row of rows) {
        const last = folded.buckets.length - 1;
        if (last >= 0 && folded.buckets[last] === row.bucket) folded.runs[last] = mergeRuns(folded.runs[last], runOf(row.pairs), this.dfCap);
        else {
          folded.buckets.push(row.bucket);
          folded.runs.push(mergeRuns(undefined, runOf(row.pairs), this.dfCap));
        }
      }
      await insertRuns(tx, next, 'generation', folded, 1);
    }
    await tx.query(`ALTER TABLE ${next} ADD PRIMARY KEY (bucket, generation)`);
    await tx.query(`DROP TABLE ${TABLE.postings}`);
    await tx.query(`ALTER TABLE ${next} RENAME TO ${TABLE.postings}`);
    await tx.query(`ALTER INDEX ${next}_pkey RENAME TO ${TABLE.postings}_pkey`);
    await this.setMeta(tx, META.generations, 1);
  }

  // The command line's and the team server's view of the corpus.

  /** The saved progress of an import, or null. */
  async importProgress(key: string): Promise<ImportProgress | null> {
    const { rows } = await this.client.query<{ progress: ImportProgress }>(`SELECT progress FROM ${TABLE.imports} WHERE key = $1`, [key]);
    return rows[0]?.progress ?? null;
  }

  async forgetImport(key: string): Promise<void> {
    await this.client.query(`DELETE FROM ${TABLE.imports} WHERE key = $1`, [key]);
  }

  /** Ids of the records a filter covers (as the extension's Manage panel reads it); an empty filter covers none. */
  async idsWhere(filter: RecordFilter): Promise<string[]> {
    const byDate = filter.before !== undefined || filter.after !== undefined;
    if (!byDate && filter.site === undefined) return [];
    // A record is dated by its publication date, else by when it was first seen; "after a day" starts past every
    // string of that day.
    const { rows } = await this.client.query<{ id: string }>(
      `SELECT id FROM ${TABLE.records}
       WHERE ($1::text IS NULL OR site = $1)
         AND ($2::text IS NULL OR coalesce(published, first_seen) < $2)
         AND ($3::text IS NULL OR coalesce(published, first_seen) > $3)
       ORDER BY doc`,
      [filter.site ?? null, filter.before ?? null, filter.after === undefined ? null : `${filter.after}\uffff`],
    );
    return rows.map((row) => row.id);
  }

  /** Counts for `palimpsest stats` and the server's /stats. */
  async summary(): Promise<CorpusSummary> {
    const { rows } = await this.client.query<{ earliest: string | null; latest: string | null; bytes: string; sites: string }>(
      `SELECT min(published) AS earliest, max(published) AS latest, count(DISTINCT site) AS sites,
              pg_total_relation_size($1) AS bytes FROM ${TABLE.records}`,
      [TABLE.records],
    );
    const top = await this.client.query<{ site: string; n: string }>(
      `SELECT site, count(*) AS n FROM ${TABLE.records} WHERE site IS NOT NULL GROUP BY site ORDER BY n DESC, site LIMIT 10`,
    );
    const index = await this.indexSize();
    const [row] = rows;
    return {
      articles: await this.count(),
      sites: Number(row.sites),
      topSites: top.rows.map((site) => ({ site: site.site, count: Number(site.n) })),
      earliestPublished: row.earliest,
      latestPublished: row.latest,
      recordBytes: Number(row.bytes),
      index,
      pendingPostings: await this.meta(META.pending),
      postingGenerations: await this.meta(META.generations),
    };
  }
}

export interface CorpusSummary {
  articles: number;
  sites: number;
  topSites: { site: string; count: number }[];
  earliestPublished: string | null;
  latestPublished: string | null;
  /** Bytes of the records table with its indexes and stored text. */
  recordBytes: number;
  index: IndexSize;
  pendingPostings: number;
  postingGenerations: number;
}

export function openPostgresStore(client: SqlClient, options?: PostgresStoreOptions): Promise<PostgresCorpusStore> {
  return PostgresCorpusStore.open(client, options);
}
