/**
 * Where the command line keeps its corpus, and the two database drivers behind lib/store/postgres:
 * - a directory (the default): PostgreSQL embedded in this process with PGlite, nothing to install. PGlite is one
 *   process's database, so a lock file beside the data makes a second `palimpsest` wait for the first;
 * - a postgres:// address: a PostgreSQL server through node-postgres, shared by any number of processes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import lockfile from 'proper-lockfile';
import type { SqlClient, SqlQueryable, SqlResult } from '../lib/store/postgres/sql.ts';

export type DatabaseTarget = { kind: 'directory'; path: string } | { kind: 'server'; url: string };

/** Thrown for a database that cannot be opened or reached, with a message for people. */
export class DatabaseError extends Error {}

const SERVER_URL = /^postgres(ql)?:\/\//i;

/** The platform's data directory for Palimpsest (XDG_DATA_HOME or ~/.local/share on Linux, Application Support on macOS, %LOCALAPPDATA% on Windows). */
export function defaultDatabaseDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PALIMPSEST_DB) return env.PALIMPSEST_DB;
  return path.join(envPaths('palimpsest', { suffix: '' }).data, 'corpus');
}

/** `--db` as given (a directory or a postgres:// address), else $PALIMPSEST_DB, else the platform's data directory. */
export function databaseTarget(option: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const given = option ?? env.PALIMPSEST_DB;
  if (given && SERVER_URL.test(given)) return { kind: 'server', url: given };
  return { kind: 'directory', path: path.resolve(cwd, given ?? defaultDatabaseDirectory(env)) };
}

/** The address without its password, for messages. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'directory') return target.path;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'the PostgreSQL server (unreadable address)';
  }
}

export interface OpenOptions {
  /** Called once when another process holds the embedded database and this one waits for it. */
  onWait?: (message: string) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<SqlClient> {
  return target.kind === 'server' ? openServer(target.url) : openDirectory(target.path, options);
}

// ------------------------------------------------------------------------------------------------ PGlite

const LOCK_RETRY = { forever: true, minTimeout: 200, maxTimeout: 2000 } as const;

async function openDirectory(directory: string, options: OpenOptions): Promise<SqlClient> {
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new DatabaseError(`cannot create the corpus directory ${directory}: ${(error as Error).message}`);
  }
  const release = await lockDirectory(directory, options);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: path.join(directory, 'pgdata') });
    return {
      kind: 'pglite',
      location: directory,
      query: <Row>(sql: string, params?: readonly unknown[]) => db.query<Row>(sql, params as unknown[]) as Promise<SqlResult<Row>>,
      transaction: (work) => db.transaction((tx) => work(tx as unknown as SqlQueryable)),
      close: async () => {
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw new DatabaseError(`cannot open the corpus in ${directory}: ${(error as Error).message}`);
  }
}

/**
 * The lock is refreshed every 5 s and counts as abandoned (a process that died) after 30 s without refresh: long
 * enough for the longest query an embedded database runs in this process's only thread.
 */
const LOCK_TIMING = { stale: 30_000, update: 5_000 } as const;

/** Holds the directory's lock, waiting (and saying so) while another process has it. */
async function lockDirectory(directory: string, options: OpenOptions): Promise<() => Promise<void>> {
  const settings = {
    ...LOCK_TIMING,
    lockfilePath: path.join(directory, 'palimpsest.lock'),
    onCompromised: (error: Error) => process.stderr.write(`palimpsest: warning: the lock on ${directory} was lost (${error.message})\n`),
  };
  try {
    return await lockfile.lock(directory, settings);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw new DatabaseError(`cannot lock ${directory}: ${(error as Error).message}`);
  }
  options.onWait?.(`another palimpsest is using ${directory}; waiting for it to finish…`);
  return lockfile.lock(directory, { ...settings, retries: LOCK_RETRY });
}

// ------------------------------------------------------------------------------------------------ a server

/** Connections per process: an import uses one at a time; the team server answers a few requests at once. */
const POOL_SIZE = 4;

async function openServer(url: string): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (restart, timeout) must not take the process down.
  pool.on('error', () => undefined);
  const location = describeTarget({ kind: 'server', url });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseError(`cannot reach the PostgreSQL server at ${location}: ${serverProblem(error)}`);
  }
  return {
    kind: 'postgres',
    location,
    query: async <Row>(sql: string, params?: readonly unknown[]) => (await pool.query(sql, params as unknown[])) as unknown as SqlResult<Row>,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(sql: string, params?: readonly unknown[]) => (await client.query(sql, params as unknown[])) as unknown as SqlResult<Row> });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function serverProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is the server running, on that port?)';
  if (code === 'ENOTFOUND') return 'no such host';
  if (code === '28P01' || code === '28000') return 'the server refused the user name or password';
  if (code === '3D000') return 'no such database on the server';
  return (error as Error)?.message ?? String(error);
}
