/**
 * The PostgreSQL layout of the corpus, one numbered migration per schema change; a later version appends a step
 * and never edits the ones before (a store made by an older release upgrades step by step when it opens).
 *
 * - palimpsest_records: the articles, numbered in the order they were stored (`doc`), with the number of index keys
 *   of each (`features`, for score normalisation) so that retrieval reads no text.
 * - palimpsest_pending: postings of recent imports as (key, doc) pairs, indexed by key. An import appends its
 *   batch's pairs here in the batch's own transaction; a lookup reads them with the merged postings.
 * - palimpsest_postings: merged postings, one row of sorted document numbers per key and merge. When pending pairs
 *   pass a limit they move here in one statement (grouped by key, written in key order); after a few merges the
 *   table is rebuilt with one row per key, so a lookup reads a bounded number of rows per key however large the
 *   corpus. `docs` NULL marks a key stopped for being in too many documents.
 * - palimpsest_imports: the progress of each import, written in the same transaction as its batch, so an import
 *   killed at any point resumes after its last stored batch and nothing is ever half-stored.
 * Index keys are unsigned 32-bit numbers; PostgreSQL's integer is signed, so keys are stored as `key | 0`.
 */
import type { SqlQueryable } from './sql';

export const TABLE = {
  meta: 'palimpsest_meta',
  records: 'palimpsest_records',
  pending: 'palimpsest_pending',
  postings: 'palimpsest_postings',
  imports: 'palimpsest_imports',
} as const;

/** Every schema change, in order; the store records how many have run. */
export const MIGRATIONS: readonly string[] = [
  // 1: the first layout.
  `CREATE TABLE palimpsest_meta (key text PRIMARY KEY, value bigint NOT NULL);
   CREATE SEQUENCE palimpsest_doc_seq;
   CREATE TABLE palimpsest_records (
     doc integer PRIMARY KEY,
     id text NOT NULL UNIQUE,
     hash text NOT NULL UNIQUE,
     url_key text,
     title text, url text, published text, site text, lang text, byline text, first_seen text,
     features integer NOT NULL,
     text text NOT NULL
   );
   CREATE INDEX palimpsest_records_url_key ON palimpsest_records (url_key);
   CREATE INDEX palimpsest_records_site ON palimpsest_records (site);
   CREATE TABLE palimpsest_pending (key integer NOT NULL, doc integer NOT NULL);
   CREATE INDEX palimpsest_pending_key ON palimpsest_pending (key);
   CREATE TABLE palimpsest_postings (key integer NOT NULL, docs integer[]);
   CREATE INDEX palimpsest_postings_key ON palimpsest_postings (key);
   CREATE TABLE palimpsest_imports (key text PRIMARY KEY, progress jsonb NOT NULL);`,
];

/** One advisory lock number per purpose: schema changes, and index merges (one merge at a time). */
export const LOCK = { schema: 0x50_61_6c_01, merge: 0x50_61_6c_02 } as const;

const META_SCHEMA_VERSION = 'schemaVersion';

/** Creates or upgrades the schema; safe when several processes open one database at once. */
export async function migrate(tx: SqlQueryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK.schema]);
  const exists = await tx.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [TABLE.meta]);
  let version = 0;
  if (exists.rows[0]?.name) {
    const stored = await tx.query<{ value: string }>(`SELECT value FROM ${TABLE.meta} WHERE key = $1`, [META_SCHEMA_VERSION]);
    version = Number(stored.rows[0]?.value ?? 0);
  }
  if (version > MIGRATIONS.length) {
    throw new Error(`this corpus was written by a newer Palimpsest (schema ${version}; this one knows up to ${MIGRATIONS.length})`);
  }
  for (let step = version; step < MIGRATIONS.length; step++) {
    for (const statement of MIGRATIONS[step].split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
  }
  if (version < MIGRATIONS.length) {
    await tx.query(
      `INSERT INTO ${TABLE.meta} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [META_SCHEMA_VERSION, MIGRATIONS.length],
    );
  }
}
