/**
 * Runs one import: reads steps from an importer, sends full batches to the background (which stores each in one
 * transaction and saves the progress), and stops cleanly when cancelled. What was read but not yet sent when the
 * import stops is read again next time: the saved progress only ever covers stored batches. A batch lost because
 * the service worker stopped is sent once more before the import gives up.
 */
import { importKey, RecordBatch, type ImportProblem, type ImportProgress } from '../../lib/import/progress.ts';
import { backgroundWorker, isUndelivered, postToBackground, sendToBackground, type BackgroundProtocol, type RequestOf } from '../shared/protocol.ts';
import type { Correction } from '../../lib/types.ts';
import type { Importer, ImportStep } from './importers.ts';

/** A batch that fills slowly (article extraction) is still sent this often, so progress survives a closed page. */
const FLUSH_INTERVAL_MS = 1500;
/**
 * Reading is reported this often at most: a bulk import reads hundreds of records a second, and redrawing the
 * progress bar and status for each cost the page as much CPU as storing them.
 */
const READ_REPORT_MS = 200;
/** Time for a stopped background to start again before a lost batch is sent once more. */
const RETRY_DELAY_MS = 1000;

export const INTERRUPTED_MESSAGE = 'The import was interrupted; choose the file again to continue where it stopped.';

/** The background stopped (or restarted) twice while storing one batch: the import cannot go on by itself. */
export class ImportInterrupted extends Error {
  constructor(cause: unknown) {
    super(INTERRUPTED_MESSAGE, { cause });
    this.name = 'ImportInterrupted';
  }
}

export type BatchRequest = RequestOf<BackgroundProtocol, 'import-batch'>;
export type SendBatch = (batch: BatchRequest) => Promise<ImportProgress>;

export interface RunOptions {
  /** Stores one batch; the background's 'import-batch' request unless a test says otherwise. */
  send?: SendBatch;
  retryDelayMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a batch, and sends it once more when it never reached an answer (the service worker was stopped while
 * storing it, or was restarting). Sending twice is safe: batches are idempotent, a stored batch comes back as
 * duplicates. An error the background answered with (the disk is full) is not retried.
 */
export async function sendBatchWithRetry(send: SendBatch, batch: BatchRequest, retryDelayMs = RETRY_DELAY_MS): Promise<ImportProgress> {
  try {
    return await send(batch);
  } catch (error) {
    if (!isUndelivered(error)) throw error;
  }
  await wait(retryDelayMs);
  try {
    return await send(batch);
  } catch (error) {
    throw isUndelivered(error) ? new ImportInterrupted(error) : error;
  }
}

/**
 * The background's 'import-batch': posted to its service worker where it is one (a structured clone answered on a
 * port, no JSON relayed through the browser process), else through runtime.sendMessage.
 */
export async function sendBatch(batch: BatchRequest): Promise<ImportProgress> {
  const worker = await backgroundWorker();
  return worker ? postToBackground(worker, 'import-batch', batch) : sendToBackground('import-batch', batch);
}

export interface RunCallbacks {
  /** Called as the file is read: share done, records read and records passed over in this run. */
  onRead(fraction: number, counts: { read: number; passedOver: number }): void;
  /** Called after each stored batch. */
  onStored(progress: ImportProgress): void;
}

export interface RunResult {
  progress: ImportProgress | null;
  cancelled: boolean;
  passedOver: number;
}

/**
 * Reads the importer's steps and stores them in batches. Reading goes on while a batch is being stored (one batch
 * in flight at a time, so they land in order and the saved progress only ever covers stored batches): the file is
 * read and its articles extracted here while the background indexes the batch before.
 */
export async function runImport(importer: Importer, from: ImportProgress | null, signal: AbortSignal, callbacks: RunCallbacks, options: RunOptions = {}): Promise<RunResult> {
  const send = options.send ?? sendBatch;
  const batch = new RecordBatch(importer.batchLimits);
  // Corrections are a few lines after the records: they go with the batch that is sent next.
  let corrections: Correction[] = [];
  let problems: ImportProblem[] = [];
  let last: ImportStep | null = null;
  let progress = from;
  let lastFlush = Date.now();
  let lastReport = 0;
  let storing: Promise<void> | null = null;
  const counts = { read: 0, passedOver: 0 };
  const batchWait = importer.batchWaitMs ?? FLUSH_INTERVAL_MS;

  /** Sends what was read so far once the batch before it is stored. */
  const flush = async (done: boolean): Promise<void> => {
    if (storing) await storing;
    const records = batch.take();
    const sent = problems;
    const sentCorrections = corrections;
    problems = [];
    corrections = [];
    const position = last?.position ?? progress?.position ?? 0;
    const resume = last?.resume ?? progress?.resume;
    const request: BatchRequest = { source: importer.source, records, advance: { position, line: last?.line, problems: sent, done, ...(resume ? { resume } : {}) } };
    if (sentCorrections.length > 0) request.corrections = sentCorrections;

    lastFlush = Date.now();
    storing = sendBatchWithRetry(send, request, options.retryDelayMs).then((stored) => {
      progress = stored;
      callbacks.onStored(stored);
    });
    // A failure surfaces where the batch is awaited (the next flush, or the end): not as an unhandled rejection.
    void storing.catch(() => undefined);
    if (done) await storing;
  };

  for await (const step of importer.steps(from)) {
    if (signal.aborted) break;
    last = step;
    if (step.record) {
      batch.add(step.record);
      counts.read++;
    }
    if (step.correction) corrections.push(step.correction);
    if (step.problem) problems.push(step.problem);
    if (step.passedOver) counts.passedOver++;
    if (Date.now() - lastReport >= READ_REPORT_MS) {
      lastReport = Date.now();
      callbacks.onRead(importer.fraction(), counts);
    }
    // The first batch of a run goes at the usual pace, so a continued import shows it is storing again.
    const wait = progress === from ? FLUSH_INTERVAL_MS : batchWait;
    const due = Date.now() - lastFlush > wait && (batch.size > 0 || problems.length > 0 || corrections.length > 0);
    if (batch.full || due) await flush(false);
  }
  // A batch on its way is stored (or fails) before the import reports where it stands.
  if (storing) await storing;
  if (signal.aborted) return { progress, cancelled: true, passedOver: counts.passedOver };
  await flush(true);
  return { progress, cancelled: false, passedOver: counts.passedOver };
}

export function keyOf(importer: Importer): string {
  return importKey(importer.source);
}
