/**
 * The reading side of each import format, in the options page (it has a DOM for article extraction): a file
 * becomes a sequence of steps, each a record, a reader's correction (JSONL) or a problem with where it is, and each
 * carrying the position an import can later resume from.
 */
import { extractArticle } from '../../lib/extract/index.ts';
import { decodeHtml } from '../../lib/import/charset.ts';
import { readJsonlRecords } from '../../lib/import/jsonl.ts';
import type { ImportProblem, ImportProgress, ImportSource } from '../../lib/import/progress.ts';
import { recordFromArticle } from '../../lib/import/records.ts';
import { fileSetFingerprint, isHtmlFileName, savedFromUrl } from '../../lib/import/saved-page.ts';
import { readWarcPages } from '../../lib/import/warc.ts';
import type { CorpusRecord, Correction, PageArticle } from '../../lib/types.ts';
import { breathe, fileChunks } from './file-stream.ts';

export interface ImportStep {
  record?: CorpusRecord;
  /** A reader's "not a version" from an exported corpus: stored with the records. */
  correction?: Correction;
  problem?: ImportProblem;
  /** Something that is not an article and not a problem (a request record, an image). */
  passedOver?: boolean;
  /** Where an import resumes once this step is stored (see ImportProgress.position). */
  position: number;
  line?: number;
}

export interface Importer {
  source: ImportSource;
  /** What a position counts, for people: "line", "record", "file". */
  unit: 'line' | 'record' | 'file';
  steps(from: ImportProgress | null): AsyncGenerator<ImportStep>;
  /** Share of the work done, 0..1, for the progress bar. */
  fraction(): number;
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
    async *steps(from) {
      const start = from?.position ?? 0;
      bytesRead = start;
      const chunks = fileChunks(file.slice(start), (count) => (bytesRead += count));
      for await (const item of readJsonlRecords(chunks, { startOffset: start, startLine: from?.line ?? 0 })) {
        if (item.kind === 'record') yield { record: item.record, position: item.end, line: item.line };
        else if (item.kind === 'correction') yield { correction: item.correction, position: item.end, line: item.line };
        else yield { problem: { where: `line ${item.line}`, reason: item.reason }, position: item.end, line: item.line };
      }
    },
    fraction: () => (file.size > 0 ? Math.min(1, bytesRead / file.size) : 1),
  };
}

export function warcImporter(file: File): Importer {
  let bytesRead = 0;
  return {
    source: { format: 'warc', name: file.name, size: file.size, lastModified: file.lastModified },
    unit: 'record',
    async *steps(from) {
      bytesRead = 0;
      const chunks = fileChunks(file, (count) => (bytesRead += count));
      for await (const item of readWarcPages(chunks, { skipRecords: from?.position ?? 0 })) {
        const position = item.recordNumber;
        if (item.kind === 'passed-over') {
          yield { passedOver: true, position };
          continue;
        }
        const where = `record ${item.recordNumber}${item.url ? ` (${item.url})` : ''}`;
        if (item.kind === 'problem') {
          yield { problem: { where, reason: item.reason }, position };
          continue;
        }
        await breathe();
        const article = extractPage(item.html, item.url);
        if (!article) {
          yield { problem: { where, reason: 'no article found in the page' }, position };
          continue;
        }
        const made = recordFromArticle(article, { url: item.url, firstSeen: item.date });
        yield 'record' in made ? { record: made.record, position } : { problem: { where, reason: made.tooLarge }, position };
      }
    },
    fraction: () => (file.size > 0 ? Math.min(1, bytesRead / file.size) : 1),
  };
}

export function htmlImporter(files: File[]): Importer {
  let handled = 0;
  const facts = files.map(({ name, size, lastModified }) => ({ name, size, lastModified }));
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
      for (handled = from?.position ?? 0; handled < files.length; ) {
        const file = files[handled];
        const position = handled + 1;
        handled = position;
        if (!isHtmlFileName(file.name)) {
          yield { problem: { where: file.name, reason: 'not a saved web page (.html or .htm)' }, position };
          continue;
        }
        await breathe();
        const html = decodeHtml(new Uint8Array(await file.arrayBuffer()));
        const article = extractPage(html, savedFromUrl(html));
        if (!article) {
          yield { problem: { where: file.name, reason: 'no article found in the page' }, position };
          continue;
        }
        const made = recordFromArticle(article, { url: savedFromUrl(html), firstSeen: new Date(file.lastModified).toISOString(), fallbackName: file.name });
        yield 'record' in made ? { record: made.record, position } : { problem: { where: file.name, reason: made.tooLarge }, position };
      }
    },
    fraction: () => (files.length > 0 ? handled / files.length : 1),
  };
}
