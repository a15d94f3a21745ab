/**
 * An import whose background stops mid-batch (the service worker is stopped or restarted): the lost batch is sent
 * once more (batches are idempotent), and a second loss in a row ends the import with a message the reader can act
 * on, not the browser's own wording. An error the background answered with is passed on as it was, not retried.
 */
import { describe, expect, it } from 'vitest';
import { freshProgress, type ImportProgress, type ImportSource } from '../../../lib/import/progress.ts';
import type { Importer } from '../../../extension/options/importers.ts';
import { INTERRUPTED_MESSAGE, ImportInterrupted, runImport, type BatchRequest } from '../../../extension/options/import-runner.ts';
import { isUndelivered, NoAnswerError, ProtocolError } from '../../../extension/shared/protocol.ts';

const CHANNEL_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const source: ImportSource = { format: 'jsonl', name: 'wire.jsonl', size: 100, lastModified: 1 };

function importerOf(count: number): Importer {
  return {
    source,
    unit: 'line',
    async *steps() {
      for (let line = 1; line <= count; line++) yield { record: { id: `r${line}`, text: `Record ${line}.` }, position: line * 10, line };
    },
    fraction: () => 1,
  };
}

/** A background that stores batches (skipping ids it holds) and fails the calls listed in `failures`. */
function background(failures: Record<number, Error>) {
  const stored = new Set<string>();
  const calls: BatchRequest[] = [];
  let progress: ImportProgress = freshProgress(source, '2026-01-01T00:00:00.000Z');
  const send = async (batch: BatchRequest): Promise<ImportProgress> => {
    calls.push(batch);
    const failure = failures[calls.length];
    if (failure) throw failure;
    const added = batch.records.filter((record) => !stored.has(record.id));
    for (const record of added) stored.add(record.id);
    progress = { ...progress, position: batch.advance.position, added: progress.added + added.length, duplicates: progress.duplicates + batch.records.length - added.length, done: batch.advance.done };
    return progress;
  };
  return { send, calls, stored };
}

const noCallbacks = { onRead: () => undefined, onStored: () => undefined };
const run = (importer: Importer, send: (batch: BatchRequest) => Promise<ImportProgress>) =>
  runImport(importer, null, new AbortController().signal, noCallbacks, { send, retryDelayMs: 0 });

describe('an import whose background stops mid-batch', () => {
  it('sends the lost batch again and finishes with every record stored once', async () => {
    const worker = background({ 1: new Error(CHANNEL_CLOSED) });
    const result = await run(importerOf(3), worker.send);
    expect(worker.calls).toHaveLength(2);
    expect(worker.calls[1]).toEqual(worker.calls[0]);
    expect(result.progress).toMatchObject({ added: 3, duplicates: 0, done: true, position: 30 });
    expect([...worker.stored]).toEqual(['r1', 'r2', 'r3']);
  });

  it('stops with a clear message when the batch is lost twice in a row', async () => {
    const worker = background({ 1: new Error(CHANNEL_CLOSED), 2: new NoAnswerError('import-batch') });
    const failure = run(importerOf(3), worker.send);
    await expect(failure).rejects.toBeInstanceOf(ImportInterrupted);
    await expect(failure).rejects.toThrow(INTERRUPTED_MESSAGE);
    expect(INTERRUPTED_MESSAGE).toBe('The import was interrupted; choose the file again to continue where it stopped.');
    expect(worker.calls).toHaveLength(2);
  });

  it('does not retry an error the background answered with', async () => {
    const full = new ProtocolError('import-batch', 'There is no room left on the disk.');
    const worker = background({ 1: full });
    await expect(run(importerOf(3), worker.send)).rejects.toBe(full);
    expect(worker.calls).toHaveLength(1);
  });

  it('tells a lost message from other failures', () => {
    expect(isUndelivered(new Error(CHANNEL_CLOSED))).toBe(true);
    expect(isUndelivered(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isUndelivered(new Error('Promised response from onMessage listener went out of scope'))).toBe(true);
    expect(isUndelivered(new NoAnswerError('import-batch'))).toBe(true);
    expect(isUndelivered(new ProtocolError('import-batch', 'message channel closed (quoted by the background)'))).toBe(false);
    expect(isUndelivered(new Error('Quota exceeded'))).toBe(false);
    expect(isUndelivered('message channel closed')).toBe(false);
  });
});

describe('the reader’s corrections in an imported file', () => {
  const correction = { kind: 'not-a-version' as const, a: { url: 'https://a.example/story' }, b: { id: 'r1' }, at: '2026-12-05T10:00:00Z' };
  const withCorrection: Importer = {
    ...importerOf(0),
    async *steps() {
      yield { record: { id: 'r1', text: 'Record 1.' }, position: 10, line: 1 };
      yield { correction, position: 20, line: 2 };
    },
  };

  it('travel with the batch, and with it again when it was lost', async () => {
    const worker = background({ 1: new Error(CHANNEL_CLOSED) });
    await run(withCorrection, worker.send);
    expect(worker.calls).toHaveLength(2);
    expect(worker.calls[1]).toEqual(worker.calls[0]);
    expect(worker.calls[0]).toMatchObject({ records: [{ id: 'r1' }], corrections: [correction], advance: { position: 20, done: true } });
  });

  it('leave batches without corrections as they were', async () => {
    const worker = background({});
    await run(importerOf(2), worker.send);
    expect(worker.calls.every((call) => !('corrections' in call))).toBe(true);
  });
});
