/**
 * The PostgreSQL measurements, through the command line's own code: the corpus file imported by `palimpsest import`'s
 * importer (cli/import-command.ts) into a PostgreSQL server (a database of its own per size), then the first answer
 * (lib/sources.ts) and the full check (lib/engine.ts) on the stored corpus, as `palimpsest check --db postgres://…`
 * and the team server run them. The server is the throwaway cluster of scripts/postgres/throwaway.sh unless
 * PALIMPSEST_TEST_DATABASE_URL names one.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../cli/database.ts';
import { importFile } from '../../cli/import-command.ts';
import { jsonlImport } from '../../cli/import-files.ts';
import type { StoredCorpus } from '../../cli/stored-corpus.ts';
import { openPostgresStore } from '../../lib/store/postgres/store.ts';
import type { IndexSize } from '../../lib/store/types.ts';
import type { BenchCorpus } from './corpus.ts';
import { answer, likely, spread } from './node-path.ts';
import { accuracyOf, type Accuracy, type QueryOutcome } from './outcomes.ts';
import { percentile } from './stats.ts';

export interface PostgresRun {
  size: number;
  importMs: number;
  articlesPerSecond: number;
  stored: number;
  indexSize: IndexSize;
  /** Records table with its text and indexes, per article. */
  recordBytesPerArticle: number;
  databaseBytes: number;
  cold: QueryOutcome[];
  warm: QueryOutcome[];
  fullWarm: QueryOutcome[];
  /** 1-minute load average of the machine when the import started and when the queries ended. */
  load: { before: number; after: number };
}

type Log = (line: string) => void;

export interface PostgresServer {
  url: string;
  settings: string;
  stop(): void;
}

/** The server to measure on: the one named in the environment, or a throwaway cluster started for the run. */
export function startPostgres(repoRoot: string, log: Log): PostgresServer {
  const given = process.env.PALIMPSEST_TEST_DATABASE_URL;
  if (given) return { url: given, settings: 'the server named by PALIMPSEST_TEST_DATABASE_URL', stop: () => undefined };
  const script = path.join(repoRoot, 'scripts', 'postgres', 'throwaway.sh');
  log('starting a throwaway PostgreSQL cluster (scripts/postgres/throwaway.sh)…');
  const exports = execFileSync(script, ['start'], { encoding: 'utf8' });
  const url = /PALIMPSEST_TEST_DATABASE_URL=(\S+)/.exec(exports)?.[1];
  const dir = /PALIMPSEST_PG_DIR=(\S+)/.exec(exports)?.[1];
  const bin = /PALIMPSEST_PG_BIN=(\S+)/.exec(exports)?.[1];
  if (!url || !dir || !bin) throw new Error(`the throwaway cluster did not say where it runs: ${exports}`);
  let version: string;
  try {
    // The binaries of the server the script started, as it found them.
    version = execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    execFileSync(script, ['stop', dir]);
    throw error;
  }
  return {
    url,
    settings: `${version}, a throwaway cluster (scripts/postgres/throwaway.sh: shared_buffers 1GB, work_mem 64MB, maintenance_work_mem 512MB, max_wal_size 4GB, fsync on)`,
    stop: () => execFileSync(script, ['stop', dir]),
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const silent = { write: () => true };

export async function runPostgres(corpus: BenchCorpus, file: string, server: PostgresServer, coldSamples: number, log: Log): Promise<PostgresRun> {
  const name = `palimpsest_bench_${corpus.size}_${Date.now()}`;
  await withAdmin(server.url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(server.url, name);
  try {
    const open = async (): Promise<StoredCorpus> => {
      const client = await openDatabase({ kind: 'server', url });
      return { store: await openPostgresStore(client), target: { kind: 'server', url }, where: name, close: () => client.close() };
    };
    let corpusOnServer = await open();
    const loadBefore = loadavg()[0];
    const started = performance.now();
    let lastLog = started;
    const io = {
      stdout: silent,
      stderr: {
        write: (text: string) => {
          if (performance.now() - lastLog > 30_000 || /problem/.test(text)) {
            log(`  postgres: ${text.trim()}`);
            lastLog = performance.now();
          }
          return true;
        },
      },
    };
    const source = await jsonlImport(file, `bench corpus (${corpus.size})`);
    const outcome = await importFile(source, corpusOnServer, io, { again: false });
    const importMs = performance.now() - started;
    const { store } = corpusOnServer;
    const stored = await store.count();
    const indexSize = await store.indexSize();
    const summary = await store.summary();
    const databaseBytes = await withAdmin(url, async (admin) => Number((await admin.query('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes));
    log(`  postgres: imported ${outcome.added} articles (${stored} stored) in ${(importMs / 1000).toFixed(1)} s`);

    const cold: QueryOutcome[] = [];
    for (const query of spread(corpus.queries, coldSamples)) {
      await corpusOnServer.close();
      corpusOnServer = await open();
      cold.push(await likely(query, corpusOnServer.store));
    }
    const warmStore = corpusOnServer.store;
    await likely(corpus.queries[0], warmStore);
    const warm: QueryOutcome[] = [];
    const fullWarm: QueryOutcome[] = [];
    for (const [i, query] of corpus.queries.entries()) {
      warm.push(await likely(query, warmStore));
      fullWarm.push(await answer(query, warmStore));
      if ((i + 1) % 50 === 0) log(`  postgres: ${i + 1}/${corpus.queries.length} queries`);
    }
    await corpusOnServer.close();
    return {
      size: corpus.size,
      importMs,
      articlesPerSecond: (outcome.added / importMs) * 1000,
      stored,
      indexSize,
      recordBytesPerArticle: summary.recordBytes / stored,
      databaseBytes,
      cold,
      warm,
      fullWarm,
      load: { before: loadBefore, after: loadavg()[0] },
    };
  } finally {
    await withAdmin(server.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

// ------------------------------------------------------------------------------------------------ the table

interface Figures {
  run: PostgresRun;
  accuracy: Accuracy;
  full: Accuracy;
}

function p(outcomes: readonly QueryOutcome[], at: number): number {
  return percentile(
    outcomes.map((outcome) => outcome.ms),
    at,
  );
}

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const ms = (value: number) => (value < 10 ? `${fmt(value, 1)} ms` : `${fmt(value)} ms`);
const pct = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a');
const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

export function postgresTable(runs: readonly PostgresRun[]): string {
  const figures: Figures[] = runs.map((run) => ({ run, accuracy: accuracyOf(run.warm, false), full: accuracyOf(run.fullWarm, true) }));
  const rows: [string, (f: Figures) => string, string][] = [
    ['Import (articles/s, `palimpsest import` into the server, index merged)', (f) => fmt(f.run.articlesPerSecond), '≥ 2,000'],
    ['Index per article: postings tables and indexes on disk', (f) => `${fmt(f.run.indexSize.bytes / f.run.stored)} B`, ''],
    ['Articles table per article (text, metadata, indexes)', (f) => `${fmt(f.run.recordBytesPerArticle)} B`, ''],
    ['Whole database', (f) => `${fmt(f.run.databaseBytes / 2 ** 20)} MB`, ''],
    ['First answer p50 / p95, cold (new connection)', (f) => `${ms(p(f.run.cold, 50))} / ${ms(p(f.run.cold, 95))}`, ''],
    ['First answer p50 / p95, warm', (f) => `${ms(p(f.run.warm, 50))} / ${ms(p(f.run.warm, 95))}`, 'p95 ≤ 100 ms'],
    ['Full check p50 / p95, warm', (f) => `${ms(p(f.run.fullWarm, 50))} / ${ms(p(f.run.fullWarm, 95))}`, 'p95 ≤ 300 ms'],
    ['First answer recall@1, edited / rewritten copies', (f) => `${pct(f.accuracy.recallAt1.edited)} / ${pct(f.accuracy.recallAt1.rewritten)}`, ''],
    ['Full check recall@1, edited / rewritten copies', (f) => `${pct(f.full.recallAt1.edited)} / ${pct(f.full.recallAt1.rewritten)}`, ''],
    ['Machine load (1-min average) at import start / after the queries', (f) => `${fmt(f.run.load.before, 1)} / ${fmt(f.run.load.after, 1)}`, ''],
  ];
  const header = `| PostgreSQL server | ${figures.map((f) => `${label(f.run.size)} articles`).join(' | ')} | Target at 1M |`;
  const rule = `|---|${figures.map(() => '---:').join('|')}|---|`;
  return [header, rule, ...rows.map(([name, value, target]) => `| ${name} | ${figures.map(value).join(' | ')} | ${target} |`)].join('\n');
}
