/**
 * `palimpsest import`: files into the stored corpus, a batch at a time. Each batch is stored with the import's
 * progress in one transaction (lib/store/postgres), so an interrupted import resumes after its last stored batch,
 * and bad records are reported with where they are and why while the good ones are kept.
 */
import path from 'node:path';
import { advance, DEFAULT_BATCH_LIMITS, freshProgress, importKey, RecordBatch, type ImportProblem, type ImportProgress } from '../lib/import/progress.ts';
import type { ExtractPage } from '../lib/import/steps.ts';
import { plural } from './corpus-loader.ts';
import { formatOf, ImportFileError, jsonlImport, savedPagesImport, warcImport, type FileImport } from './import-files.ts';
import type { CliIO } from './io.ts';
import { KeyingThread } from './keying-thread.ts';
import { LoadProgress } from './progress.ts';
import type { StoredCorpus } from './stored-corpus.ts';

/** Problems listed one by one per file before the rest are only counted. */
const LISTED_PROBLEMS = 20;

export interface ImportOutcome {
  label: string;
  added: number;
  duplicates: number;
  problems: number;
  skipped?: 'imported already';
}

/** The files as import sources: saved pages together as one set, the others one by one. */
export async function importSources(files: readonly string[], io: CliIO, extract: () => Promise<ExtractPage>): Promise<{ sources: FileImport[]; errors: string[] }> {
  const cwd = io.cwd ?? process.cwd();
  const sources: FileImport[] = [];
  const errors: string[] = [];
  const pages: { file: string; label: string }[] = [];
  for (const label of files) {
    const file = path.resolve(cwd, label);
    const format = formatOf(file);
    try {
      if (format === 'jsonl' || format === 'jsonl.gz') sources.push(await jsonlImport(file, label));
      else if (format === 'warc') sources.push(await warcImport(file, label, await extract()));
      else if (format === 'html') pages.push({ file, label });
      else errors.push(`${label}: unsupported file type (use .jsonl, .jsonl.gz, .warc, .warc.gz, .html or .htm)`);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      errors.push(error.message);
    }
  }
  if (pages.length > 0) {
    try {
      sources.push(await savedPagesImport(pages.map((page) => page.file), pages.map((page) => page.label), await extract()));
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      errors.push(error.message);
    }
  }
  return { sources, errors };
}

/** Imports one source into the corpus, resuming where a previous run stopped. */
export async function importFile(source: FileImport, corpus: StoredCorpus, io: CliIO, options: { again: boolean }): Promise<ImportOutcome> {
  const { store } = corpus;
  const now = io.now ?? (() => performance.now());
  const key = importKey(source.source);
  let progress: ImportProgress | null = await store.importProgress(key);
  if (progress?.done && !options.again) {
    io.stderr.write(`${source.label}: imported already on ${progress.updatedAt.slice(0, 10)} (${plural(progress.added, 'article')} added); --again reads it again\n`);
    return { label: source.label, added: 0, duplicates: 0, problems: 0, skipped: 'imported already' };
  }
  if (progress?.done) progress = null;
  if (progress) {
    io.stderr.write(`${source.label}: resuming after ${source.unit} ${progress.position.toLocaleString('en-US')} (${plural(progress.added, 'article')} stored before)\n`);
  }
  const before = progress;
  const display = new LoadProgress({ stream: io.stderr, label: source.label, sizeBytes: source.totalBytes, now, verbs: { doing: 'Importing', done: 'Imported' } });
  const batch = new RecordBatch(DEFAULT_BATCH_LIMITS);
  let problems: ImportProblem[] = [];
  let problemCount = 0;
  let position = progress?.position ?? 0;
  let line = progress?.line;
  let records = 0;

  // One batch is stored while the next is read and prepared: the database and the feature extraction each keep a
  // core busy. Batches still commit in file order, so the saved progress never runs ahead of what is stored.
  let storing: Promise<unknown> = Promise.resolve();
  // A file of one batch is keyed in this thread; from the second batch on, a thread keys each batch while this one
  // reads the file and stores.
  let keyingThread: KeyingThread | null = null;
  let batches = 0;
  const commit = async (done: boolean) => {
    batches += 1;
    if (batches === 2) keyingThread = KeyingThread.start();
    const prepared = await store.prepareBatch(batch.take(), keyingThread?.keying);
    const step = { position, line, problems, done };
    problems = [];
    await storing;
    const start = progress ?? freshProgress(source.source, new Date().toISOString());
    storing = store.addPrepared(prepared, {
      progress: (stored) => (progress = advance(start, { ...step, added: stored.added, duplicates: stored.duplicates }, new Date().toISOString())),
    });
    // A failure surfaces where the next batch (or the end) waits for this one; until then it is not unhandled.
    storing.catch(() => undefined);
    display.update(records, source.bytesRead());
  };

  try {
    for await (const step of source.steps(progress)) {
      position = step.position;
      if (step.line !== undefined) line = step.line;
      if (step.problem) {
        problemCount += 1;
        problems.push(step.problem);
        if (problemCount <= LISTED_PROBLEMS) io.stderr.write(`${source.label}: ${step.problem.where}: ${step.problem.reason}\n`);
      }
      if (step.record) {
        batch.add(step.record);
        records += 1;
      }
      if (batch.full) await commit(false);
    }
    await commit(true);
    await storing;
  } finally {
    // The cast: TypeScript narrows the variable to its initial null, not seeing commit() assign it.
    await (keyingThread as KeyingThread | null)?.stop();
  }
  // The index is merged once the file is in, so that checks read few rows per key.
  await store.settle();
  await store.tidyAfterImport();
  display.finish(records);
  const finished = progress as ImportProgress | null;
  const added = (finished?.added ?? 0) - (before?.added ?? 0);
  const duplicates = (finished?.duplicates ?? 0) - (before?.duplicates ?? 0);
  if (problemCount > LISTED_PROBLEMS) io.stderr.write(`${source.label}: … ${plural(problemCount - LISTED_PROBLEMS, 'more problem')} not listed\n`);
  return { label: source.label, added, duplicates, problems: problemCount };
}

export function describeOutcome(outcome: ImportOutcome): string {
  const parts = [`${plural(outcome.added, 'article')} added`];
  if (outcome.duplicates > 0) parts.push(`${plural(outcome.duplicates, 'article')} already stored`);
  if (outcome.problems > 0) parts.push(`${plural(outcome.problems, 'problem')} (listed above)`);
  return `${outcome.label}: ${parts.join(', ')}`;
}
