/**
 * Every command on the stored corpus, run as a reader runs them (cli/main.ts in-process, or bin/palimpsest.js as a
 * child process where processes matter: a killed import, two imports at once), on PGlite and on a PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { parseCorpus, serializeCorpus } from '../../../lib/corpus/jsonl.ts';
import type { CorpusRecord } from '../../../lib/types.ts';
import { forEachDatabase } from './databases.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'bin', 'palimpsest.js');
const seeds = parseCorpus(readFileSync(path.join(repoRoot, 'assets', 'seed-corpus.jsonl'), 'utf8')).records;
const INJECTION = "x'); DROP TABLE palimpsest_records; --";

const work = mkdtempSync(path.join(os.tmpdir(), 'palimpsest-commands-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(path.join(work, name), content);
  return name;
};

/** Distinct news-like texts, so that every record is stored (none repeats another's text). */
function syntheticRecords(count: number, prefix: string): CorpusRecord[] {
  const words = ['grain', 'tariff', 'minister', 'harbour', 'copper', 'strike', 'budget', 'court', 'rates', 'election', 'pipeline', 'drought', 'shares', 'bank', 'treaty', 'vaccine'];
  return Array.from({ length: count }, (_, i) => {
    const pick = (k: number) => words[(i * 7 + k * 13 + Math.floor(i / 16)) % words.length];
    const text = `${prefix} report ${i}: the ${pick(1)} ${pick(2)} said on day ${i % 28} that ${pick(3)} ${pick(4)} would rise by ${i} percent while ${pick(5)} ${pick(6)} fell ${i * 3} points near the ${pick(7)} ${pick(8)}.`;
    return { id: `${prefix}-${i}`, text, site: i % 2 ? 'Wire A' : 'Wire B', published: `2021-0${1 + (i % 9)}-1${i % 10}` };
  });
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: (chunk: string) => (stderr += chunk) }, cwd: work, env: { ...env } });
  return { code, stdout, stderr };
}

/** bin/palimpsest.js as a child process; `onStderr` sees its stderr as it comes. */
function spawnCli(argv: string[], env: Record<string, string>, onStderr?: (text: string, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, [bin, ...argv], { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr, child);
  });
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  return { child, done };
}

beforeAll(() => {
  file('seeds.jsonl', serializeCorpus(seeds));
  file('seeds.jsonl.gz', gzipSync(serializeCorpus(seeds.slice(0, 2))));
  file(
    'damaged.jsonl',
    [
      JSON.stringify({ id: 'good-1', text: 'Copper prices rose on Monday as the strike at the harbour entered its third week, traders said.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'bad-date', text: 'x', published: 'last Tuesday' }),
      JSON.stringify({ id: `sql ${INJECTION}`, text: `The minister said ${INJECTION} and "SELECT * FROM pg_user;" would not pass.`, title: INJECTION, site: INJECTION, url: `https://example.org/${encodeURIComponent(INJECTION)}`, byline: INJECTION, lang: 'en', published: '2021-08-16', firstSeen: '2021-08-16T10:00:00Z' }),
    ].join('\n'),
  );
  const whole = gzipSync(serializeCorpus(syntheticRecords(400, 'gz')));
  file('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
  file('notes.txt', 'not a corpus');
  file('page-000.html', readFileSync(path.join(repoRoot, 'tests/fixtures/seed-000/page.html')));
  file('archive.warc.gz', readFileSync(path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz')));
  // A damaged line two thirds in: the import reports it as it reads it, with thousands of records stored before.
  const big = serializeCorpus(syntheticRecords(12_000, 'a')).split('\n');
  big.splice(8_000, 0, '{"id": "damaged", ');
  file('big-a.jsonl', big.join('\n'));
  file('big-b.jsonl', serializeCorpus(syntheticRecords(3_000, 'b')));
});

forEachDatabase('palimpsest commands', (backend) => {
  let target: string;
  let dispose: () => Promise<void>;
  let env: Record<string, string>;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    target = fresh.target;
    dispose = fresh.dispose;
    env = { PALIMPSEST_DB: target };
  }, 120_000);
  afterAll(() => dispose?.());
  beforeEach(async () => {
    await run(['delete', '--all', '--yes'], env);
  }, 60_000);

  it('imports JSONL, JSONL.gz, a web archive and saved pages, and says what it stored', async () => {
    const result = await run(['import', 'seeds.jsonl', 'seeds.jsonl.gz', 'archive.warc.gz', 'page-000.html'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('seeds.jsonl: 5 articles added');
    expect(result.stderr).toContain('seeds.jsonl.gz: 0 articles added, 2 articles already stored');
    expect(result.stderr).toMatch(/archive\.warc\.gz: record \d+ \(https:\/\/[^)]+\): no article found in the page/);
    expect(result.stderr).toContain('archive.warc.gz: 4 articles added, 1 problem (listed above)');
    // The saved page is seed 000 as a browser shows it: its extracted text is a version of its own.
    expect(result.stderr).toContain('page-000.html: 1 article added');
    const stats = JSON.parse((await run(['stats', '--json'], env)).stdout);
    expect(stats.articles).toBe(10);
  }, 120_000);

  it('reports bad lines with where and why, keeps the good ones, and stores SQL-looking text as text', async () => {
    const result = await run(['import', 'damaged.jsonl'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('damaged.jsonl: line 2: invalid JSON');
    expect(result.stderr).toContain('damaged.jsonl: line 3: missing "text"');
    expect(result.stderr).toContain('damaged.jsonl: line 4: "published" is not an ISO 8601 date');
    expect(result.stderr).toContain('damaged.jsonl: 2 articles added, 3 problems (listed above)');
    const exported = parseCorpus((await run(['export'], env)).stdout).records;
    expect(exported.map((record) => record.id)).toEqual(['good-1', `sql ${INJECTION}`]);
    expect(exported[1]).toMatchObject({ title: INJECTION, site: INJECTION, byline: INJECTION });
    const bySite = await run(['delete', '--site', INJECTION, '--yes'], env);
    expect(bySite.stderr).toContain('deleted 1 article; 1 article left');
  }, 60_000);

  it('keeps what it could read of a cut-off .jsonl.gz and says where reading stopped', async () => {
    const result = await run(['import', 'cut.jsonl.gz'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/cut\.jsonl\.gz: after line \d+: reading stopped: unexpected end of file/);
    const stored = JSON.parse((await run(['stats', '--json'], env)).stdout).articles;
    expect(stored).toBeGreaterThan(100);
    expect(stored).toBeLessThan(400);
  }, 60_000);

  it('says a file was imported already, and reads it again with --again', async () => {
    await run(['import', 'seeds.jsonl'], env);
    const again = await run(['import', 'seeds.jsonl'], env);
    expect(again.stderr).toMatch(/^seeds\.jsonl: imported already on \d{4}-\d{2}-\d{2} \(5 articles added\); --again reads it again$/m);
    expect((await run(['import', 'seeds.jsonl', '--again'], env)).stderr).toContain('seeds.jsonl: 0 articles added, 5 articles already stored');
  }, 60_000);

  it('refuses files it cannot read, with exit 1, and still imports the others', async () => {
    const result = await run(['import', 'notes.txt', 'missing.jsonl', 'seeds.jsonl'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('palimpsest: notes.txt: unsupported file type');
    expect(result.stderr).toContain('palimpsest: missing.jsonl: cannot read: no such file');
    expect(result.stderr).toContain('seeds.jsonl: 5 articles added');
  }, 60_000);

  it('checks a page against the stored corpus', async () => {
    await run(['import', 'seeds.jsonl'], env);
    const result = await run(['check', 'page-000.html', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).original).toBe('seed-001');
    const viaOption = await run(['check', 'page-000.html', '--json', '--db', target], {});
    expect(JSON.parse(viaOption.stdout).original).toBe('seed-001');
  }, 60_000);

  it('exports what import reads back the same, to stdout or a gzip file', async () => {
    await run(['import', 'seeds.jsonl'], env);
    const exported = await run(['export'], env);
    expect(parseCorpus(exported.stdout).records).toEqual(seeds);
    const toFile = await run(['export', '-o', 'export.jsonl.gz'], env);
    expect(toFile.stderr).toBe('palimpsest: wrote 5 articles to export.jsonl.gz\n');
    await run(['delete', '--all', '--yes'], env);
    expect((await run(['import', 'export.jsonl.gz'], env)).stderr).toContain('export.jsonl.gz: 5 articles added');
  }, 60_000);

  it('counts articles, sites and the index', async () => {
    await run(['import', 'seeds.jsonl'], env);
    const text = await run(['stats'], env);
    expect(text.stdout).toMatch(/5 articles from 5 sites/);
    expect(text.stdout).toMatch(/index: [\d,]+ postings/);
    const json = JSON.parse((await run(['stats', '--json'], env)).stdout);
    expect(json).toMatchObject({ articles: 5, sites: 5, earliestPublished: expect.stringMatching(/^2021-08-16/) });
  }, 60_000);

  it('deletes by id at once, by filter only with --yes', async () => {
    await run(['import', 'seeds.jsonl'], env);
    expect((await run(['delete', 'seed-004', 'nope'], env)).stderr).toBe('palimpsest: deleted 1 article (not stored: "nope"); 4 articles left\n');
    const dry = await run(['delete', '--before', '2021-08-17'], env);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toMatch(/would delete \d+ articles?; add --yes to delete them/);
    expect((await run(['delete', '--before', '2021-08-17', '--yes'], env)).code).toBe(0);
    expect((await run(['delete', '--before', 'yesterday'], env)).code).toBe(2);
    const all = await run(['delete', '--all', '--yes'], env);
    expect(all.stderr).toMatch(/the corpus is empty/);
  }, 60_000);

  it('resumes an import killed midway, storing every record once', async () => {
    let killed = false;
    // Killed as it reports the damaged line 8,001, with batches stored before it and one being stored.
    const first = spawnCli(['import', 'big-a.jsonl'], env, (stderr, child) => {
      if (!killed && /big-a\.jsonl: line 8001: invalid JSON/.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const outcome = await first.done;
    expect(outcome.signal).toBe('SIGKILL');
    const resumed = await run(['import', 'big-a.jsonl'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/big-a\.jsonl: resuming after line [\d,]+ \([\d,]+ articles stored before\)/);
    expect(resumed.stderr).not.toContain('already stored');
    const stats = JSON.parse((await run(['stats', '--json'], env)).stdout);
    expect(stats.articles).toBe(12_000);
    const ids = parseCorpus((await run(['export'], env)).stdout).records.map((record) => record.id);
    expect(new Set(ids).size).toBe(12_000);
  }, 240_000);

  it('runs two imports into one corpus at once without losing or doubling a record', async () => {
    const [a, b] = await Promise.all([spawnCli(['import', 'big-b.jsonl'], env).done, spawnCli(['import', 'seeds.jsonl', 'big-b.jsonl'], env).done]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    if (backend.name === 'PGlite') expect(a.stderr + b.stderr).toMatch(/another palimpsest is using .*; waiting for it to finish/);
    const ids = parseCorpus((await run(['export'], env)).stdout).records.map((record) => record.id);
    expect(ids.length).toBe(3_005);
    expect(new Set(ids).size).toBe(3_005);
  }, 240_000);
});

describe('an unreachable database', () => {
  it('fails with exit 1 and says which server and why', async () => {
    const result = await run(['stats', '--db', 'postgres://palimpsest:secret@127.0.0.1:1/corpus'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('palimpsest: cannot reach the PostgreSQL server at postgres://palimpsest:***@127.0.0.1:1/corpus: connection refused (is the server running, on that port?)\n');
    const check = await run(['check', 'page-000.html', '--db', 'postgres://127.0.0.1:1/corpus'], {});
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/cannot reach the PostgreSQL server/);
  });
});
