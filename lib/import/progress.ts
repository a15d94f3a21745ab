/**
 * Import bookkeeping shared by the page that reads a file and the background that stores it: what is being
 * imported, how far the stored part reaches, and what went wrong where. Batches are idempotent (record ids are
 * stable and the store skips ids it holds), so a batch that was stored but whose progress was not saved is
 * simply recognised as duplicates when the import resumes.
 */
import type { CorpusRecord } from '../types';
import type { ResumePoint } from './warc';

export type ImportFormat = 'jsonl' | 'html' | 'warc';

/** The file (or set of files) being imported: together these recognise the same file when it is chosen again. */
export interface ImportSource {
  format: ImportFormat;
  /** File name, or "N files" for a set of saved pages. */
  name: string;
  /** Bytes (a set of files: their total). */
  size: number;
  lastModified: number;
  /** Saved pages: a fingerprint of the names and sizes of the set. */
  fingerprint?: string;
}

export interface ImportProblem {
  /** Where, for a person: "line 12", "record 7", "story.html". */
  where: string;
  reason: string;
}

export interface ImportProgress {
  key: string;
  source: ImportSource;
  /**
   * How far the stored part reaches. JSONL: the byte offset just after the last committed line; web archive:
   * records handled; saved pages: files handled.
   */
  position: number;
  /** JSONL: the number of the last line handled, so resumed line numbers stay right. */
  line: number;
  /** Web archive: where in the file reading can start again past `position` records (lib/import/warc.ts). */
  resume?: ResumePoint;
  added: number;
  duplicates: number;
  /** The reader's corrections the file brought that were not stored yet (absent in progress saved before them). */
  corrections?: number;
  /** The first problems found (a broken file could have millions); `problemCount` counts them all. */
  problems: ImportProblem[];
  problemCount: number;
  done: boolean;
  startedAt: string;
  updatedAt: string;
}

export const MAX_KEPT_PROBLEMS = 500;

export function importKey(source: ImportSource): string {
  return [source.format, source.name, source.size, source.lastModified, source.fingerprint ?? ''].join('|');
}

export function freshProgress(source: ImportSource, now: string): ImportProgress {
  return {
    key: importKey(source),
    source,
    position: 0,
    line: 0,
    added: 0,
    duplicates: 0,
    problems: [],
    problemCount: 0,
    done: false,
    startedAt: now,
    updatedAt: now,
  };
}

/** What one committed batch moves forward. */
export interface BatchAdvance {
  position: number;
  line?: number;
  resume?: ResumePoint;
  added: number;
  duplicates: number;
  /** New corrections stored with the batch. */
  corrections?: number;
  problems: ImportProblem[];
  done: boolean;
}

export function advance(progress: ImportProgress, step: BatchAdvance, now: string): ImportProgress {
  const room = Math.max(0, MAX_KEPT_PROBLEMS - progress.problems.length);
  return {
    ...progress,
    position: step.position,
    line: step.line ?? progress.line,
    ...(step.resume ? { resume: step.resume } : {}),
    added: progress.added + step.added,
    duplicates: progress.duplicates + step.duplicates,
    ...(step.corrections || progress.corrections ? { corrections: (progress.corrections ?? 0) + (step.corrections ?? 0) } : {}),
    problems: [...progress.problems, ...step.problems.slice(0, room)],
    problemCount: progress.problemCount + step.problems.length,
    done: step.done,
    updatedAt: now,
  };
}

export interface BatchLimits {
  maxRecords: number;
  /** Characters of text: keeps each message and each database transaction a sensible size. */
  maxChars: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRecords: 1000, maxChars: 4_000_000 };

/** Collects records until a batch is full. */
export class RecordBatch {
  private records: CorpusRecord[] = [];
  private chars = 0;
  constructor(private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS) {}

  add(record: CorpusRecord): void {
    this.records.push(record);
    this.chars += record.text.length;
  }

  get size(): number {
    return this.records.length;
  }

  get full(): boolean {
    return this.records.length >= this.limits.maxRecords || this.chars >= this.limits.maxChars;
  }

  take(): CorpusRecord[] {
    const taken = this.records;
    this.records = [];
    this.chars = 0;
    return taken;
  }
}
