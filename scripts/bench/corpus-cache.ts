/**
 * The generated bench corpora kept on disk between runs: building the 1,000,000-article corpus takes about 13
 * minutes, reading it back well under one. A cached corpus is a JSONL file of its records (the file the CLI path
 * and PostgreSQL import anyway) and a small description beside it, under the system's temp directory, named by
 * its size and the generator's version: a hash of the generator's own source files and of the Reuters file it
 * starts from, so a changed perturbation or seed never serves an old corpus. Never in the repository.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CorpusRecord } from '../../lib/types.ts';
import { buildRecords, type CorpusPlan, type CorpusRecords } from './corpus.ts';
import { writeJsonl } from './node-path.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The files whose code decides what a generated corpus holds. */
const GENERATOR_FILES = ['corpus.ts', 'perturb.ts', 'random.ts'].map((file) => path.join(here, file));

export function defaultCacheDir(): string {
  return process.env.PALIMPSEST_BENCH_CACHE ?? path.join(tmpdir(), 'palimpsest-bench-corpus');
}

/**
 * Hash of the generator's sources and of the source data's bytes. The bytes, not the file's modification time: a
 * copy of the same data (a fresh checkout of ../shared) must find the corpora already built from it, which take up to
 * 25 minutes to build at 1,000,000 articles; hashing the 7 MB file takes milliseconds.
 */
export function generatorVersion(sourceFile: string, generatorFiles: readonly string[] = GENERATOR_FILES): string {
  const hash = createHash('sha256');
  for (const file of generatorFiles) hash.update(readFileSync(file));
  hash.update(readFileSync(sourceFile));
  return hash.digest('hex').slice(0, 12);
}

export interface CachedCorpus extends CorpusRecords {
  /** The records as JSONL, one a line, in corpus order. */
  file: string;
  /** Seconds spent building the records now; null when they were read from the cache. */
  builtSeconds: number | null;
}

interface Description {
  size: number;
  originals: number;
  copies: CorpusRecords['copies'];
}

export function cachePaths(dir: string, size: number, version: string): { records: string; description: string } {
  const stem = path.join(dir, `corpus-${size}-${version}`);
  return { records: `${stem}.jsonl`, description: `${stem}.json` };
}

async function readJsonl(file: string): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line) records.push(JSON.parse(line) as CorpusRecord);
  return records;
}

/**
 * The records of a corpus of `size` articles: read from the cache when a complete copy of this generator version is
 * there, built and written to it otherwise. The description is written last, and only after the records file was
 * renamed into place, so an interrupted write leaves no corpus that looks complete.
 */
export async function cachedRecords(plan: CorpusPlan, size: number, version: string, dir = defaultCacheDir()): Promise<CachedCorpus> {
  const paths = cachePaths(dir, size, version);
  if (existsSync(paths.description) && existsSync(paths.records)) {
    const description = JSON.parse(readFileSync(paths.description, 'utf8')) as Description;
    const records = await readJsonl(paths.records);
    if (description.size === size && records.length === size) return { records, originals: description.originals, copies: description.copies, file: paths.records, builtSeconds: null };
  }
  const started = performance.now();
  const built = buildRecords(plan, size);
  const builtSeconds = (performance.now() - started) / 1000;
  mkdirSync(dir, { recursive: true });
  rmSync(paths.description, { force: true });
  const partial = `${paths.records}.partial-${process.pid}`;
  writeJsonl(built.records, partial);
  renameSync(partial, paths.records);
  const description: Description = { size, originals: built.originals, copies: built.copies };
  writeFileSync(paths.description, JSON.stringify(description));
  return { ...built, file: paths.records, builtSeconds };
}
