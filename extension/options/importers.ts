/**
 * The reading side of each import format, in the options page (it has a DOM for article extraction): a file
 * becomes a sequence of steps (lib/import/steps.ts), each a record, a reader's correction (JSONL) or a problem with
 * where it is, and each carrying the position an import can later resume from.
 */
import { extractArticle } from '../../lib/extract/index.ts';
import type { BatchLimits, ImportProgress, ImportSource } from '../../lib/import/progress.ts';
import { fileSetFingerprint } from '../../lib/import/saved-page.ts';
import { jsonlSteps, savedPageSteps, warcSteps, type ImportStep } from '../../lib/import/steps.ts';
import type { PageArticle } from '../../lib/types.ts';
import { breathe, fileChunks } from './file-stream.ts';

export type { ImportStep } from '../../lib/import/steps.ts';


export interface Importer {
  source: ImportSource;
  /** What a position counts, for people: "line", "record", "file". */
  unit: 'line' | 'record' | 'file';
  steps(from: ImportProgress | null): AsyncGenerator<ImportStep>;
  /** Share of the work done, 0..1, for the progress bar. */
  fraction(): number;
  /** Longest a batch waits to fill before it is sent (import-runner.ts; 1.5 s unless set). */
  batchWaitMs?: number;
  /** When a batch is full (lib/import/progress.ts' DEFAULT_BATCH_LIMITS unless set). */
  batchLimits?: BatchLimits;
}

function extractPage(html: string, url: string | undefined): PageArticle | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractArticle(doc, { url });
}

export function jsonlImporter(file: File): Importer {
  let bytesRead = 0;
  return {
    source: { format: 'jsonl', name: file.name, size: file.size, lastModified: file.lastModified },
    unit: 'line',
    steps(from) {
      const start = from?.position ?? 0;
      bytesRead = start;
      const chunks = fileChunks(file.slice(start), (count) => (bytesRead += count));
      return jsonlSteps(chunks, { position: start, line: from?.line ?? 0 });

    },
    fraction: () => (file.size > 0 ? Math.min(1, bytesRead / file.size) : 1),
  };
}

export function warcImporter(file: File): Importer {
  let bytesRead = 0;
  return {
    source: { format: 'warc', name: file.name, size: file.size, lastModified: file.lastModified },
    unit: 'record',
    steps(from) {
      bytesRead = 0;
      const chunks = fileChunks(file, (count) => (bytesRead += count));
      return warcSteps(chunks, from?.position ?? 0, extractPage, breathe);
    },
    fraction: () => (file.size > 0 ? Math.min(1, bytesRead / file.size) : 1),
  };
}

export function htmlImporter(files: File[]): Importer {
  let handled = 0;
  const facts = files.map(({ name, size, lastModified }) => ({ name, size, lastModified }));
  const pages = files.map((file) => ({ name: file.name, lastModified: file.lastModified, bytes: async () => new Uint8Array(await file.arrayBuffer()) }));
  return {
    source: {
      format: 'html',
      name: files.length === 1 ? files[0].name : `${files.length} files`,
      size: files.reduce((total, file) => total + file.size, 0),
      lastModified: Math.max(0, ...files.map((file) => file.lastModified)),
      fingerprint: fileSetFingerprint(facts),
    },
    unit: 'file',
    async *steps(from) {
      handled = from?.position ?? 0;
      for await (const step of savedPageSteps(pages, handled, extractPage, breathe)) {
        handled = step.position;
        yield step;
      }
    },
    fraction: () => (files.length > 0 ? handled / files.length : 1),
  };
}
