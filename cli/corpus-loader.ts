import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CorpusJsonlParser } from '../lib/corpus/jsonl.ts';
import type { CorpusRecord, Correction } from '../lib/types.ts';
import type { OutputStream } from './io.ts';
import { LoadProgress } from './progress.ts';

/** The part of the corpus store that loading needs. */
export interface CorpusSink {
  /** `partOfImport`: the loader settles the store once the whole file is in (CorpusStore.addRecords). */
  addRecords(records: CorpusRecord[], options?: { partOfImport?: boolean }): Promise<{
    added: number;
    duplicates: number;
    /** Why each duplicate was left out; a store that does not say is taken to mean "same id". */
    skipped?: { id: string; reason: 'same-id' | 'same-text'; existingId: string }[];
  }>;
  /** Called once the whole file is in (CorpusStore.settle). */
  settle?(): Promise<void>;
}

export interface CorpusLoadResult {
  records: number;
  added: number;
  /** Records left out because their id was already loaded. */
  duplicates: number;
  /** Records left out because the same text was already stored under another id. */
  sameText: number;
  badLines: number;
  /** The reader's corrections the file holds (lib/corpus/corrections.ts), for the checks to respect. */
  corrections: Correction[];
}

export interface CorpusLoadOptions {
  /** Name used in messages: the path as the user typed it. */
  label: string;
  stderr: OutputStream;
  now: () => number;
  /** Records handed to the store per write: large enough to amortise a transaction, small enough to show progress. */
  batchSize?: number;
  /** Bad lines listed one by one before the rest are only counted. */
  maxListedErrors?: number;
}

export class CorpusFileError extends Error {}

/** Streams a corpus JSONL file into the store; bad lines go to stderr with their line numbers and are skipped. */
export async function loadCorpusFile(
  filePath: string,
  store: CorpusSink,
  options: CorpusLoadOptions,
): Promise<CorpusLoadResult> {
  const { label, stderr } = options;
  const batchSize = options.batchSize ?? 1000;
  const maxListedErrors = options.maxListedErrors ?? 20;

  let sizeBytes: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new CorpusFileError(`corpus ${label} is not a file`);
    sizeBytes = info.size;
  } catch (err) {
    if (err instanceof CorpusFileError) throw err;
    throw new CorpusFileError(`cannot read corpus ${label}: ${describeFsError(err)}`);
  }

  const progress = new LoadProgress({ stream: stderr, label, sizeBytes, now: options.now });
  const parser = new CorpusJsonlParser();
  const result: CorpusLoadResult = { records: 0, added: 0, duplicates: 0, sameText: 0, badLines: 0, corrections: [] };
  let sameTextExample: { id: string; existingId: string } | undefined;
  let bytesRead = 0;
  let batch: CorpusRecord[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const written = await store.addRecords(batch, { partOfImport: store.settle !== undefined });
    result.added += written.added;
    const sameText = written.skipped?.filter((skip) => skip.reason === 'same-text') ?? [];
    result.sameText += sameText.length;
    result.duplicates += written.duplicates - sameText.length;
    sameTextExample ??= sameText[0];
    batch = [];
    progress.update(result.records, bytesRead);
  };

  const take = async (results: ReturnType<CorpusJsonlParser['push']>) => {
    for (const item of results) {
      if ('record' in item) {
        batch.push(item.record);
        result.records += 1;
        if (batch.length >= batchSize) await flush();
        continue;
      }
      if ('correction' in item) {
        result.corrections.push(item.correction);
        continue;
      }
      result.badLines += 1;
      if (result.badLines <= maxListedErrors) {
        stderr.write(`${label}:${item.error.line}: ${item.error.reason}\n`);
      }
    }
  };

  const chunks: AsyncIterator<Buffer> = createReadStream(filePath, { highWaterMark: 1 << 20 })[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer>;
    // Only read failures are the file's fault; a failing store write should surface as itself.
    try {
      next = await chunks.next();
    } catch (err) {
      throw new CorpusFileError(`cannot read corpus ${label}: ${describeFsError(err)}`);
    }
    if (next.done) break;
    bytesRead += next.value.length;
    await take(parser.push(next.value));
  }
  await take(parser.end());
  await flush();
  await store.settle?.();
  progress.finish(result.records);

  if (result.badLines > maxListedErrors) {
    stderr.write(`${label}: … ${result.badLines - maxListedErrors} more bad lines not listed\n`);
  }
  if (result.badLines > 0) {
    stderr.write(
      `${label}: skipped ${plural(result.badLines, 'bad line')}; using the other ${plural(result.records, 'record')}\n`,
    );
  }
  if (result.duplicates > 0) {
    stderr.write(`${label}: skipped ${plural(result.duplicates, 'record')} whose id was already loaded\n`);
  }
  if (sameTextExample) {
    const example = `e.g. ${JSON.stringify(sameTextExample.id)} repeats ${JSON.stringify(sameTextExample.existingId)}`;
    stderr.write(`${label}: skipped ${plural(result.sameText, 'record')} whose text is already stored under another id (${example})\n`);
  }
  return result;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error)?.message ?? String(err);
}
