/**
 * Runs one import: reads steps from an importer, sends full batches to the background (which stores each in one
 * transaction and saves the progress), and stops cleanly when cancelled. What was read but not yet sent when the
 * import stops is read again next time: the saved progress only ever covers stored batches.
 */
import { importKey, RecordBatch, type ImportProblem, type ImportProgress } from '../../lib/import/progress.ts';
import { sendToBackground } from '../shared/protocol.ts';
import type { Importer, ImportStep } from './importers.ts';

/** A batch that fills slowly (article extraction) is still sent this often, so progress survives a closed page. */
const FLUSH_INTERVAL_MS = 1500;

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

export async function runImport(importer: Importer, from: ImportProgress | null, signal: AbortSignal, callbacks: RunCallbacks): Promise<RunResult> {
  const batch = new RecordBatch();
  let problems: ImportProblem[] = [];
  let last: ImportStep | null = null;
  let progress = from;
  let lastFlush = Date.now();
  const counts = { read: 0, passedOver: 0 };

  const flush = async (done: boolean): Promise<void> => {
    const records = batch.take();
    const sent = problems;
    problems = [];
    const position = last?.position ?? progress?.position ?? 0;
    progress = await sendToBackground('import-batch', { source: importer.source, records, advance: { position, line: last?.line, problems: sent, done } });
    lastFlush = Date.now();
    callbacks.onStored(progress);
  };

  for await (const step of importer.steps(from)) {
    if (signal.aborted) break;
    last = step;
    if (step.record) {
      batch.add(step.record);
      counts.read++;
    }
    if (step.problem) problems.push(step.problem);
    if (step.passedOver) counts.passedOver++;
    callbacks.onRead(importer.fraction(), counts);
    const due = Date.now() - lastFlush > FLUSH_INTERVAL_MS && (batch.size > 0 || problems.length > 0);
    if (batch.full || due) await flush(false);
  }
  if (signal.aborted) return { progress, cancelled: true, passedOver: counts.passedOver };
  await flush(true);
  return { progress, cancelled: false, passedOver: counts.passedOver };
}

export function keyOf(importer: Importer): string {
  return importKey(importer.source);
}
