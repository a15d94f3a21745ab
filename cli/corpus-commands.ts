/** `palimpsest export`, `stats` and `delete`: reading and pruning the stored corpus. */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { serializeCorpusRecord } from '../lib/corpus/jsonl.ts';
import type { RecordFilter } from '../lib/store/catalog.ts';
import type { CorpusSummary } from '../lib/store/postgres/store.ts';
import { describeFsError, plural } from './corpus-loader.ts';
import type { CliIO } from './io.ts';
import type { StoredCorpus } from './stored-corpus.ts';

const EXPORT_PAGE = 1000;

/** The corpus as JSONL lines, a page of records at a time. */
export async function* corpusLines(corpus: StoredCorpus): AsyncGenerator<string> {
  for (let after = 0; ; ) {
    const page = await corpus.store.recordPage(after, EXPORT_PAGE);
    if (page.records.length > 0) yield page.records.map((record) => `${serializeCorpusRecord(record)}\n`).join('');
    if (page.last === null) return;
    after = page.last;
  }
}

export class ExportError extends Error {}

/** Writes the corpus to stdout or a file (gzip when it ends in .gz); returns the number of articles. */
export async function exportCorpus(corpus: StoredCorpus, output: string | undefined, io: CliIO): Promise<number> {
  let count = 0;
  const counted = async function* () {
    for await (const lines of corpusLines(corpus)) {
      count += lines.split('\n').length - 1;
      yield lines;
    }
  };
  if (output === undefined) {
    for await (const lines of counted()) io.stdout.write(lines);
    return count;
  }
  const file = path.resolve(io.cwd ?? process.cwd(), output);
  try {
    const sink = createWriteStream(file);
    await (file.endsWith('.gz') ? pipeline(Readable.from(counted()), createGzip(), sink) : pipeline(Readable.from(counted()), sink));
  } catch (error) {
    throw new ExportError(`cannot write ${output}: ${describeFsError(error)}`);
  }
  return count;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

export function formatSummary(summary: CorpusSummary, where: string): string {
  const lines = [`Corpus at ${where}`, `  ${plural(summary.articles, 'article')} from ${plural(summary.sites, 'site')}`];
  if (summary.earliestPublished) lines.push(`  published ${summary.earliestPublished.slice(0, 10)} to ${(summary.latestPublished ?? '').slice(0, 10)}`);
  for (const site of summary.topSites) lines.push(`    ${site.count.toLocaleString('en-US').padStart(10)}  ${site.site.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}`);
  const perArticle = summary.articles > 0 ? ` (${formatBytes(summary.index.bytes / summary.articles)} per article)` : '';
  lines.push(`  index: ${summary.index.postings.toLocaleString('en-US')} postings, ${formatBytes(summary.index.bytes)}${perArticle}`);
  if (summary.pendingPostings > 0) lines.push(`  ${summary.pendingPostings.toLocaleString('en-US')} postings of recent imports not merged yet`);
  lines.push(`  articles with their text: ${formatBytes(summary.recordBytes)}`);
  return `${lines.join('\n')}\n`;
}

export interface DeleteRequest {
  ids: string[];
  filter: RecordFilter;
  all: boolean;
  yes: boolean;
}

/** Deletes what was asked; filters and --all only with --yes. Returns the message and whether it deleted. */
export async function deleteArticles(corpus: StoredCorpus, request: DeleteRequest): Promise<{ message: string; deleted: boolean }> {
  const { store } = corpus;
  if (request.all) {
    const count = await store.count();
    if (!request.yes) return { message: `would delete all ${plural(count, 'article')} at ${corpus.where}; add --yes to delete them`, deleted: false };
    await store.clear();
    return { message: `deleted ${plural(count, 'article')}; the corpus is empty`, deleted: true };
  }
  const filtered = Object.values(request.filter).some((value) => value !== undefined);
  const byFilter = filtered ? await store.idsWhere(request.filter) : [];
  if (filtered && !request.yes) {
    return { message: `would delete ${plural(byFilter.length, 'article')}; add --yes to delete them`, deleted: false };
  }
  const known = await store.getRecords(request.ids);
  const missing = request.ids.filter((_, i) => known[i] === undefined);
  const deleted = await store.deleteRecords([...new Set([...request.ids, ...byFilter])]);
  const notFound = missing.length > 0 ? ` (not stored: ${missing.slice(0, 5).map((id) => JSON.stringify(id)).join(', ')}${missing.length > 5 ? ', …' : ''})` : '';
  return { message: `deleted ${plural(deleted, 'article')}${notFound}; ${plural(await store.count(), 'article')} left`, deleted: true };
}
