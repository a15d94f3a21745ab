/**
 * The two databases the PostgreSQL store runs on, for tests: PGlite in a temporary directory, and the PostgreSQL
 * server whose address .ci/run exports (PALIMPSEST_TEST_DATABASE_URL; scripts/postgres/throwaway.sh starts one).
 * Without that address the server tests skip, except in CI (CI=true), where they fail: CI must run them.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from '../../../cli/database.ts';
import type { SqlClient } from '../../../lib/store/postgres/sql.ts';

export const SERVER_URL = process.env.PALIMPSEST_TEST_DATABASE_URL;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function readPackageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A new PGlite directory. Creating a PGlite database runs initdb (seconds); a template made once per machine is
 * copied instead.
 */
export async function freshPgliteDirectory(): Promise<string> {
  const version = readPackageVersion('@electric-sql/pglite');
  const template = path.join(os.tmpdir(), `palimpsest-pglite-template-${version}`);
  if (!existsSync(template)) {
    const building = mkdtempSync(path.join(os.tmpdir(), 'palimpsest-pglite-building-'));
    const client = await openDatabase({ kind: 'directory', path: building });
    await client.close();
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // Another test process made it first.
    }
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), 'palimpsest-pglite-'));
  cpSync(path.join(template, 'pgdata'), path.join(directory, 'pgdata'), { recursive: true });
  return directory;
}

/** A database of its own on the test server, dropped by the returned function. */
export async function freshServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const name = `palimpsest_test_${randomUUID().replace(/-/g, '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const closer = new pg.Client({ connectionString: SERVER_URL });
      await closer.connect();
      await closer.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await closer.end();
    },
  };
}

export interface Backend {
  name: 'PGlite' | 'PostgreSQL server';
  /** A fresh, empty database: a directory or a server address. */
  fresh(): Promise<{ target: string; client: () => Promise<SqlClient>; dispose: () => Promise<void> }>;
}

const pglite: Backend = {
  name: 'PGlite',
  async fresh() {
    const directory = await freshPgliteDirectory();
    return {
      target: directory,
      client: () => openDatabase({ kind: 'directory', path: directory }),
      dispose: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
};

const server: Backend = {
  name: 'PostgreSQL server',
  async fresh() {
    const database = await freshServerDatabase();
    return { target: database.url, client: () => openDatabase({ kind: 'server', url: database.url }), dispose: database.drop };
  },
};

/** Database work on a shared two-core machine can take seconds: no test here is timed (npm run bench measures). */
const DATABASE_TEST_TIMEOUT = { timeout: 120_000 };

/** Runs `suite` once on PGlite and once on the test server. */
export function forEachDatabase(title: string, suite: (backend: Backend) => void): void {
  describe(`${title} on PGlite`, DATABASE_TEST_TIMEOUT, () => suite(pglite));
  if (SERVER_URL) describe(`${title} on a PostgreSQL server`, DATABASE_TEST_TIMEOUT, () => suite(server));
  else if (process.env.CI === 'true') {
    describe(`${title} on a PostgreSQL server`, () => {
      it('needs PALIMPSEST_TEST_DATABASE_URL (CI starts a throwaway server: scripts/postgres/throwaway.sh)', () => {
        throw new Error('PALIMPSEST_TEST_DATABASE_URL is not set: the server tests cannot run');
      });
    });
  } else describe.skip(`${title} on a PostgreSQL server (set PALIMPSEST_TEST_DATABASE_URL to run)`, () => suite(server));
}
