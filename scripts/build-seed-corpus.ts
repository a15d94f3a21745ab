/**
 * Rebuilds assets/seed-corpus.jsonl from the seed texts in ../shared/seeds.
 * Usage: npx tsx scripts/build-seed-corpus.ts [--check]
 *   --check  exit 1 when the committed file differs from what the seeds produce, instead of writing it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSeedCorpus } from '../lib/corpus/seed-corpus.ts';
import { serializeCorpus } from '../lib/corpus/jsonl.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const outputPath = path.join(repoRoot, 'assets', 'seed-corpus.jsonl');

async function readSeedFiles(dir: string) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt'));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })));
}

async function run(checkOnly: boolean): Promise<number> {
  const records = buildSeedCorpus(await readSeedFiles(seedsDir));
  const jsonl = serializeCorpus(records);
  if (checkOnly) {
    const committed = await readFile(outputPath, 'utf8').catch(() => '');
    if (committed === jsonl) return 0;
    process.stderr.write(`${path.relative(repoRoot, outputPath)} is out of date; run npx tsx scripts/build-seed-corpus.ts\n`);
    return 1;
  }
  await writeFile(outputPath, jsonl);
  process.stdout.write(`Wrote ${records.length} records to ${path.relative(repoRoot, outputPath)}\n`);
  return 0;
}

process.exitCode = await run(process.argv.includes('--check'));
