/**
 * The corpus in PostgreSQL: the same CorpusStore as the browser's Dexie store (so retrieval, the first answer and
 * the full check run unchanged), on the layout of schema.ts. Every statement takes its values as parameters.
 *
 * Safe to share: several processes may import into one database at once. Each batch is one transaction (records,
 * postings, counters and the import's progress together), document numbers come from a sequence, a record another
 * import stored meanwhile is skipped by the unique constraints (ON CONFLICT DO NOTHING waits for the other
 * transaction to decide), and index merges take an advisory lock so that one runs at a time.
 */
import { FEATURE_VERSION, featuresOf, type FeatureOptions } from '../../index/features';
import type { ImportProgress } from '../../import/progress';
import type { CorpusRecord } from '../../types';
import type { RecordFilter } from '../catalog';
import { contentHash, DEFAULT_DF_CAP, validateRecords } from '../record-checks';
import type { AddResult, CorpusStore, DocStat, IndexSize, Posting, SkippedRecord } from '../types';
import { urlKey } from '../url-key';
import { LOCK, migrate, TABLE } from './schema';
import type { SqlClient, SqlQueryable } from './sql';

export interface PostgresStoreOptions {
  dfCap?: number;
  /** Pending pairs that trigger a merge into the postings table (tests use small values). */
  pendingLimit?: number;
  /** Merges after which the postings table is rebuilt with one row per key. */
  maxGenerations?: number;
  /** Index selection, for experiments; must match the stored index (see reindex). */
  features?: Partial<FeatureOptions>;
}

/**
 * Pending pairs before a merge: 4 M pairs (about 60,000 news articles) keep the pending index in memory while
 * letting a million-article import merge about fifteen times.
 */
export const DEFAULT_PENDING_LIMIT = 4_000_000;
/** A lookup reads at most this many rows per key: after this many merges the postings are rebuilt. */
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

interface Prepared {
  record: CorpusRecord;
  hash: string;
  keys: Uint32Array;
}

/** What a batch stored, plus the import progress written with it when the caller asked for that. */
export interface AddOptions {
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

/** Index keys are unsigned; the integer column is signed. */
const toColumn = (key: number) => key | 0;
const fromColumn = (key: number) => key >>> 0;

export class PostgresCorpusStore implements CorpusStore {
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

  private prepare(record: CorpusRecord): Prepared {
    return { record, hash: contentHash(record.text), keys: featuresOf(record.text, record.lang, this.featureOptions) };
  }

  async addRecords(records: readonly CorpusRecord[], options: AddOptions = {}): Promise<AddResult> {
    validateRecords(records);
    // Feature extraction runs before the transaction, which then holds its locks only for the writes.
    const prepared = records.map((record) => this.prepare(record));
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
    const keys: number[] = [];
    const docs: number[] = [];
    rows.forEach((row, i) => {
      if (!added.has(row.doc)) {
        skipped.push({ id: fresh[i].record.id, reason: 'same-id', existingId: fresh[i].record.id });
        return;
      }
      for (const key of fresh[i].keys) {
        keys.push(toColumn(key));
        docs.push(row.doc);
      }
    });
    if (keys.length > 0) await tx.query(`INSERT INTO ${TABLE.pending} (key, doc) SELECT * FROM unnest($1::integer[], $2::integer[])`, [keys, docs]);
    // Counters last: their rows are where concurrent imports wait for each other, so they are held briefly.
    const pending = await this.bump(tx, META.pending, keys.length);
    await this.bump(tx, META.records, added.size);
    return { result: { added: added.size, duplicates: skipped.length, skipped, features: keys.length }, pending };
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
      const keys = [...new Set(rows.flatMap((row) => [...featuresOf(row.text, row.lang ?? undefined, this.featureOptions)].map(toColumn)))];
      const docs = rows.map((row) => row.doc);
      await tx.query(
        `UPDATE ${TABLE.postings} SET docs = coalesce((SELECT array_agg(d ORDER BY d) FROM unnest(docs) AS d WHERE NOT d = ANY($2::integer[])), '{}')
         WHERE key = ANY($1::integer[]) AND docs && $2::integer[]`,
        [keys, docs],
      );
      await tx.query(`DELETE FROM ${TABLE.postings} WHERE key = ANY($1::integer[]) AND cardinality(docs) = 0`, [keys]);
      const removed = await tx.query<{ n: string }>(`WITH gone AS (DELETE FROM ${TABLE.pending} WHERE doc = ANY($1::integer[]) RETURNING 1) SELECT count(*) AS n FROM gone`, [docs]);
      await this.bump(tx, META.pending, -Number(removed.rows[0].n));
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
  }

  close(): void {
    void this.client.close();
  }

  async lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    const distinct = [...new Set(Array.from(keys, (key) => toColumn(key)))];
    const result = new Map<number, Posting>();
    if (distinct.length === 0) return result;
    const { rows } = await this.client.query<{ key: number; docs: number[] | null }>(
      `SELECT key, docs FROM ${TABLE.postings} WHERE key = ANY($1::integer[])
       UNION ALL
       SELECT key, array_agg(doc) FROM ${TABLE.pending} WHERE key = ANY($1::integer[]) GROUP BY key`,
      [distinct],
    );
    const found = new Map<number, number[] | 'stopped'>();
    for (const row of rows) {
      const key = fromColumn(row.key);
      const known = found.get(key);
      if (known === 'stopped') continue;
      if (row.docs === null) found.set(key, 'stopped');
      else if (known) known.push(...row.docs);
      else found.set(key, [...row.docs]);
    }
    for (const [key, docs] of found) {
      // Rows of several merges have not met the cap together yet; the next rebuild will stop such a key, so stop it now.
      if (docs === 'stopped' || docs.length > this.dfCap) result.set(key, 'stopped');
      else if (docs.length > 0) result.set(key, Uint32Array.from(docs).sort());
    }
    return result;
  }

  async docStats(docs: readonly number[]): Promise<(DocStat | undefined)[]> {
    if (docs.length === 0) return [];
    const { rows } = await this.client.query<DocStat>(`SELECT doc, id, features FROM ${TABLE.records} WHERE doc = ANY($1::integer[])`, [[...new Set(docs)]]);
    const byDoc = new Map(rows.map((row) => [row.doc, row]));
    return docs.map((doc) => byDoc.get(doc));
  }

  /** Postings stored, and the bytes their tables and indexes take on disk (PostgreSQL's own overhead included). */
  async indexSize(): Promise<IndexSize> {
    const { rows } = await this.client.query<{ merged: string | null; pending: string; bytes: string }>(
      `SELECT (SELECT sum(cardinality(docs)) FROM ${TABLE.postings}) AS merged,
              (SELECT count(*) FROM ${TABLE.pending}) AS pending,
              pg_total_relation_size($1) + pg_total_relation_size($2) AS bytes`,
      [TABLE.postings, TABLE.pending],
    );
    const [row] = rows;
    return { docs: await this.count(), postings: Number(row.merged ?? 0) + Number(row.pending), bytes: Number(row.bytes) };
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
      const keys: number[] = [];
      const docs: number[] = [];
      const counts: number[] = [];
      for (const row of rows) {
        const features = featuresOf(row.text, row.lang ?? undefined, this.featureOptions);
        counts.push(features.length);
        for (const key of features) {
          keys.push(toColumn(key));
          docs.push(row.doc);
        }
      }
      await this.client.transaction(async (tx) => {
        await tx.query(`UPDATE ${TABLE.records} AS r SET features = f.n FROM unnest($1::integer[], $2::integer[]) AS f(doc, n) WHERE r.doc = f.doc`, [
          rows.map((row) => row.doc),
          counts,
        ]);
        await tx.query(`INSERT INTO ${TABLE.pending} (key, doc) SELECT * FROM unnest($1::integer[], $2::integer[])`, [keys, docs]);
        await this.bump(tx, META.pending, keys.length);
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
   * Moves the pending pairs into the postings table as one new row per key, and rebuilds the table with one row per
   * key once it holds `maxGenerations` merges (or always, with `rebuild`). One transaction: a merge stopped midway
   * leaves the index as it was.
   */
  async merge({ rebuild = false } = {}): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.merge]);
      // Pairs of imports still running are not visible here: they stay pending for the next merge.
      const moved = await tx.query<{ n: string }>(
        `WITH moved AS (DELETE FROM ${TABLE.pending} RETURNING key, doc),
              merged AS (INSERT INTO ${TABLE.postings} (key, docs) SELECT key, array_agg(doc ORDER BY doc) FROM moved GROUP BY key ORDER BY key RETURNING 1)
         SELECT (SELECT count(*) FROM moved) AS n`,
      );
      const movedPairs = Number(moved.rows[0].n);
      await this.bump(tx, META.pending, -movedPairs);
      const generations = movedPairs > 0 ? await this.bump(tx, META.generations, 1) : await this.meta(META.generations, tx);
      if (generations >= this.maxGenerations || (rebuild && generations > 1)) await this.rebuild(tx);
    });
  }

  /** One row per key, stopped keys marked, written in key order into a fresh table that replaces the old one. */
  private async rebuild(tx: SqlQueryable): Promise<void> {
    const next = `${TABLE.postings}_next`;
    await tx.query(`DROP TABLE IF EXISTS ${next}`);
    await tx.query(`CREATE TABLE ${next} (key integer NOT NULL, docs integer[])`);
    await tx.query(
      `INSERT INTO ${next} (key, docs)
       SELECT key, CASE WHEN bool_or(stopped) OR count(doc) > $1 THEN NULL ELSE array_agg(doc ORDER BY doc) FILTER (WHERE doc IS NOT NULL) END
       FROM (SELECT p.key, p.docs IS NULL AS stopped, d.doc FROM ${TABLE.postings} AS p LEFT JOIN LATERAL unnest(p.docs) AS d(doc) ON true) AS pairs
       GROUP BY key HAVING bool_or(stopped) OR count(doc) > 0 ORDER BY key`,
      [this.dfCap],
    );
    await tx.query(`CREATE INDEX ${next}_key ON ${next} (key)`);
    await tx.query(`DROP TABLE ${TABLE.postings}`);
    await tx.query(`ALTER TABLE ${next} RENAME TO ${TABLE.postings}`);
    await tx.query(`ALTER INDEX ${next}_key RENAME TO ${TABLE.postings}_key`);
    await tx.query(`ANALYZE ${TABLE.postings}`);
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
