/**
 * Each import format read as a sequence of steps: a record or a problem with where it is, each carrying the position
 * an import resumes from once it is stored (see ImportProgress.position). The extension's options page and the
 * command line read files differently (File slices, Node streams) and extract articles with different DOMs; the
 * steps are the same.
 */
import type { PageArticle } from '../types';
import type { CorpusRecord, Correction } from '../types';
import { decodeHtml } from './charset';
import { readJsonlRecords } from './jsonl';
import type { ImportProblem } from './progress';
import { recordFromArticle } from './records';
import { isHtmlFileName, savedFromUrl } from './saved-page';
import { readWarcPages, type ResumePoint } from './warc';

export interface ImportStep {
  record?: CorpusRecord;
  /** A reader's "not a version" from an exported corpus: stored with the records. */
  correction?: Correction;
  problem?: ImportProblem;
  /** Something that is not an article and not a problem (a request record, an image). */
  passedOver?: boolean;
  /** Where an import resumes once this step is stored. */
  position: number;
  line?: number;
  /** Web archives: where in the file to read on from (lib/import/warc.ts). */
  resume?: ResumePoint;
}

/** Article extraction from a page's HTML (DOMParser in the browser, linkedom in Node). */
export type ExtractPage = (html: string, url: string | undefined) => PageArticle | null | Promise<PageArticle | null>;

type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** JSONL lines from `chunks`, which start at byte `start` of the file, after line `line`. */
export async function* jsonlSteps(chunks: Chunks, start: { position: number; line: number }): AsyncGenerator<ImportStep> {
  for await (const item of readJsonlRecords(chunks, { startOffset: start.position, startLine: start.line })) {
    if (item.kind === 'record') yield { record: item.record, position: item.end, line: item.line };
    else if (item.kind === 'correction') yield { correction: item.correction, position: item.end, line: item.line };
    else yield { problem: { where: `line ${item.line}`, reason: item.reason }, position: item.end, line: item.line };
  }
}

/** Article pages of a web archive read from its start; records up to `skipRecords` were stored by an earlier run. */
export async function* warcSteps(chunks: Chunks, skipRecords: number, extract: ExtractPage, pause?: () => Promise<void>): AsyncGenerator<ImportStep> {
  for await (const item of readWarcPages(chunks, { skipRecords })) {
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
    await pause?.();
    const article = await extract(item.html, item.url);
    if (!article) {
      yield { problem: { where, reason: 'no article found in the page' }, position };
      continue;
    }
    const made = recordFromArticle(article, { url: item.url, firstSeen: item.date });
    yield 'record' in made ? { record: made.record, position } : { problem: { where, reason: made.tooLarge }, position };
  }
}

/** A saved page: its name, when it was saved (the file's time) and its bytes. */
export interface SavedPageFile {
  name: string;
  lastModified: number;
  bytes(): Promise<Uint8Array>;
}

/** Saved pages from file number `skipFiles` on: each file is one step. */
export async function* savedPageSteps(files: readonly SavedPageFile[], skipFiles: number, extract: ExtractPage, pause?: () => Promise<void>): AsyncGenerator<ImportStep> {
  for (let handled = skipFiles; handled < files.length; handled++) {
    const file = files[handled];
    const position = handled + 1;
    if (!isHtmlFileName(file.name)) {
      yield { problem: { where: file.name, reason: 'not a saved web page (.html or .htm)' }, position };
      continue;
    }
    await pause?.();
    const html = decodeHtml(await file.bytes());
    const article = await extract(html, savedFromUrl(html));
    if (!article) {
      yield { problem: { where: file.name, reason: 'no article found in the page' }, position };
      continue;
    }
    const made = recordFromArticle(article, { url: savedFromUrl(html), firstSeen: new Date(file.lastModified).toISOString(), fallbackName: file.name });
    yield 'record' in made ? { record: made.record, position } : { problem: { where: file.name, reason: made.tooLarge }, position };
  }
}
