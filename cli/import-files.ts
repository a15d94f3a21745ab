/**
 * The files `palimpsest import` reads, as import sources (lib/import): corpus JSONL (plain or gzip), web archives
 * (WARC, plain or gzip; warcio reads both) and saved HTML pages. Each source knows how to resume: JSONL from the
 * byte after the last stored line (counted in the decompressed stream for .gz), a web archive after its last stored
 * record, saved pages after the last stored file.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { ImportProgress, ImportSource } from '../lib/import/progress.ts';
import { fileSetFingerprint, isHtmlFileName } from '../lib/import/saved-page.ts';
import { jsonlSteps, savedPageSteps, warcSteps, type ExtractPage, type ImportStep } from '../lib/import/steps.ts';
import { describeFsError } from './corpus-loader.ts';

export interface FileImport {
  source: ImportSource;
  /** The file as the user named it, for messages. */
  label: string;
  /** What a position counts: "line", "record", "file". */
  unit: 'line' | 'record' | 'file';
  steps(from: ImportProgress | null): AsyncGenerator<ImportStep>;
  /** Bytes of the files read so far, and in all, for the progress line. */
  bytesRead(): number;
  totalBytes: number;
}

export class ImportFileError extends Error {}

type Format = 'jsonl' | 'jsonl.gz' | 'warc' | 'html';

export function formatOf(file: string): Format | null {
  const name = file.toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (/\.(jsonl|ndjson|json)\.gz$/.test(name)) return 'jsonl.gz';
  if (/\.warc(\.gz)?$/.test(name)) return 'warc';
  if (isHtmlFileName(name)) return 'html';
  return null;
}

async function fileFacts(file: string, label: string): Promise<{ size: number; lastModified: number }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportFileError(`${label}: not a file`);
    return { size: info.size, lastModified: Math.floor(info.mtimeMs) };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`${label}: cannot read: ${describeFsError(error)}`);
  }
}

/** The chunks of a file (decompressed with `gunzip`), counting the bytes read from disk. */
async function* chunksOf(file: string, counter: { bytes: number }, gunzip: boolean): AsyncGenerator<Uint8Array> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!gunzip) {
    for await (const chunk of raw) {
      counter.bytes += (chunk as Buffer).length;
      yield chunk as Uint8Array;
    }
    return;
  }
  // The file stream flows into the decompressor: its own chunks are counted as they pass.
  raw.on('data', (chunk) => (counter.bytes += chunk.length));
  const stream = raw.pipe(createGunzip());
  raw.on('error', (error) => stream.destroy(error));
  for await (const chunk of stream) yield chunk as Uint8Array;
}

/** The stream from byte `skip` on: a gzip stream cannot be entered in the middle, so it is read past. */
async function* skipBytes(chunks: AsyncIterable<Uint8Array>, skip: number): AsyncGenerator<Uint8Array> {
  let left = skip;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/**
 * Wraps a read failure (a damaged gzip stream, a file removed while read) as a problem of the import, so the
 * records before it are kept and the message says where reading stopped.
 */
async function* readFailuresAsProblems(steps: AsyncGenerator<ImportStep>, last: () => { position: number; where: string }): AsyncGenerator<ImportStep> {
  try {
    yield* steps;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { position, where } = last();
    yield { problem: { where, reason: `reading stopped: ${reason}` }, position };
  }
}

export async function jsonlImport(file: string, label: string): Promise<FileImport> {
  const gzip = formatOf(file) === 'jsonl.gz';
  const facts = await fileFacts(file, label);
  const counter = { bytes: 0 };
  let position = 0;
  return {
    source: { format: 'jsonl', name: path.resolve(file), ...facts },
    label,
    unit: 'line',
    async *steps(from) {
      const start = from?.position ?? 0;
      position = start;
      // A plain file is read from the resume point; a compressed one is decompressed from its start and read past.
      counter.bytes = gzip ? 0 : start;
      const plain = gzip ? skipBytes(chunksOf(file, counter, true), start) : rangeOf(file, start, counter);
      let line = from?.line ?? 0;
      for await (const step of readFailuresAsProblems(jsonlSteps(plain, { position: start, line }), () => ({ position, where: `after line ${line}` }))) {
        position = step.position;
        line = step.line ?? line;
        yield step;
      }
    },
    bytesRead: () => counter.bytes,
    totalBytes: facts.size,
  };
}

async function* rangeOf(file: string, start: number, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(file, { start, highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    counter.bytes += (chunk as Buffer).length;
    yield chunk as Uint8Array;
  }
}

export async function warcImport(file: string, label: string, extract: ExtractPage): Promise<FileImport> {
  const facts = await fileFacts(file, label);
  const counter = { bytes: 0 };
  let position = 0;
  return {
    source: { format: 'warc', name: path.resolve(file), ...facts },
    label,
    unit: 'record',
    async *steps(from) {
      position = from?.position ?? 0;
      counter.bytes = 0;
      for await (const step of readFailuresAsProblems(warcSteps(chunksOf(file, counter, false), position, extract), () => ({ position, where: `after record ${position}` }))) {
        position = step.position;
        yield step;
      }
    },
    bytesRead: () => counter.bytes,
    totalBytes: facts.size,
  };
}

/** Saved pages are imported as one set, as the extension does: the set's progress says which files are stored. */
export async function savedPagesImport(files: readonly string[], labels: readonly string[], extract: ExtractPage): Promise<FileImport> {
  const facts = await Promise.all(files.map((file, i) => fileFacts(file, labels[i])));
  const sizes = facts.map((fact) => fact.size);
  let read = 0;
  const pages = files.map((file, i) => ({
    name: labels[i],
    lastModified: facts[i].lastModified,
    bytes: async () => {
      read += sizes[i];
      return new Uint8Array(await readFile(file));
    },
  }));
  const named = files.map((file, i) => ({ name: path.resolve(file), ...facts[i] }));
  return {
    source: {
      format: 'html',
      name: files.length === 1 ? path.resolve(files[0]) : `${files.length} files`,
      size: sizes.reduce((total, size) => total + size, 0),
      lastModified: Math.max(0, ...facts.map((fact) => fact.lastModified)),
      fingerprint: fileSetFingerprint(named),
    },
    label: files.length === 1 ? labels[0] : `${files.length} saved pages`,
    unit: 'file',
    steps: (from) => savedPageSteps(pages, from?.position ?? 0, extract),
    bytesRead: () => read,
    totalBytes: sizes.reduce((total, size) => total + size, 0),
  };
}
