/**
 * The bundled sample corpus (assets/seed-corpus.jsonl): the five seed reports of one story, as records with their
 * metadata moved out of the text. It ships with the repository, so tests on the seeds run in every checkout;
 * tests/unit/corpus/seed-corpus.test.ts checks it is what the research seeds in ../shared make.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpus } from '../../../lib/corpus/jsonl.ts';
import type { CorpusRecord } from '../../../lib/types.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const seedRecords: CorpusRecord[] = parseCorpus(readFileSync(path.join(repoRoot, 'assets', 'seed-corpus.jsonl'), 'utf8')).records;

/** A seed's record by its id ("seed-001") or number ("001"). */
export function seedRecord(idOrNumber: string): CorpusRecord {
  const id = idOrNumber.startsWith('seed-') ? idOrNumber : `seed-${idOrNumber}`;
  const record = seedRecords.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no seed ${idOrNumber} in assets/seed-corpus.jsonl`);
  return record;
}

/** A seed's article text by its number ("000"…"004") or id. */
export function seedText(idOrNumber: string): string {
  return seedRecord(idOrNumber).text;
}

/** The first lines the seed files carry above their text, which the sample corpus keeps as record metadata. */
const CAPTURE_HEADERS: Record<string, (record: CorpusRecord) => string> = {
  '000': (record) => ` date ${record.published!.slice(0, 10)} \n\n\n\n`,
  '001': (record) => `${record.title}\n\n\n`,
  '002': (record) => ` date ${record.published!.slice(0, 10)} ${record.url}\n\n`,
};

/**
 * A seed as its file was captured: a " date YYYY-MM-DD [address]" line (000, 002) or the title line (001) above
 * the article, the way plain text often arrives. For tests of how such a header is set aside.
 */
export function seedAsCaptured(number: string): string {
  const record = seedRecord(number);
  return `${CAPTURE_HEADERS[number]?.(record) ?? ''}${record.text}`;
}
