/**
 * The PostgreSQL layout of the corpus, one numbered migration per schema change; a later version appends a step
 * and never edits the ones before (a store made by an older release upgrades step by step when it opens).
 *
 * - palimpsest_records: the articles, numbered in the order they were stored (`doc`), with the number of index keys
 *   of each (`features`, for score normalisation) so that retrieval reads no text.
 * - The inverted index holds sorted runs of (key, document) pairs (lib/store/postings.ts, the layout the browser's
 *   store uses), stored as bytea: PostgreSQL pays per row and per index entry far more than per byte, so keys
 *   share rows by the top bits of their hash.
 * - palimpsest_pending: the pairs of recent import batches, one row per batch and 1,024-way bucket. A batch adds
 *   at most 1,024 rows in its own transaction; a lookup reads its keys' buckets of every pending batch.
 * - palimpsest_postings: merged runs, one row per 262,144-way bucket and merge ("generation"). When pending pairs
 *   pass a limit they are merged (in sorted order) into one new generation; after a few generations the table is
 *   rebuilt with one row per bucket, keys in too many documents stopped, so a lookup reads a bounded number of
 *   rows per key however large the corpus grows.
 * - palimpsest_imports: the progress of each import, written in the same transaction as its batch, so an import
 *   killed at any point resumes after its last stored batch and nothing is ever half-stored.
 * Runs are stored as the bytes of a Uint32Array, little-endian as on every platform Palimpsest runs on.
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
   CREATE SEQUENCE palimpsest_batch_seq;
   CREATE TABLE palimpsest_pending (bucket integer NOT NULL, batch bigint NOT NULL, pairs bytea NOT NULL, PRIMARY KEY (bucket, batch));
   CREATE TABLE palimpsest_postings (bucket integer NOT NULL, generation integer NOT NULL, pairs bytea NOT NULL, PRIMARY KEY (bucket, generation));
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
