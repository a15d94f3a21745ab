/**
 * How long a batch waits to fill: every second and a half by default, so a slow import's progress survives a closed
 * page; as long as the importer says (a bulk crawl lets its batches fill, since a full batch is stored for less than
 * its parts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshProgress, type ImportProgress, type ImportSource } from '../../../lib/import/progress.ts';
import type { Importer } from '../../../extension/options/importers.ts';
import { runImport, type BatchRequest } from '../../../extension/options/import-runner.ts';

const source: ImportSource = { format: 'warc', name: 'crawl.warc.gz', size: 100, lastModified: 1 };

/** `count` records read 100 ms apart (the clock is moved, nothing waits). */
function slowImporter(count: number, batchWaitMs?: number): Importer {
  return {
    source,
    unit: 'record',
    async *steps() {
      for (let record = 1; record <= count; record++) {
        vi.setSystemTime(Date.now() + 100);
        yield { record: { id: `r${record}`, text: `Record ${record}.` }, position: record };
      }
    },
    fraction: () => 1,
    ...(batchWaitMs ? { batchWaitMs } : {}),
  };
}

async function batchSizes(importer: Importer): Promise<number[]> {
  const sizes: number[] = [];
  let progress: ImportProgress = freshProgress(source, '2026-01-01T00:00:00.000Z');
  const send = async (batch: BatchRequest): Promise<ImportProgress> => {
    sizes.push(batch.records.length);
    progress = { ...progress, position: batch.advance.position };
    return progress;
  };
  await runImport(importer, null, new AbortController().signal, { onRead: () => undefined, onStored: () => undefined }, { send });
  return sizes;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a batch that fills slowly', () => {
  it('is sent every second and a half by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const sizes = await batchSizes(slowImporter(60));
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
    expect(sizes.reduce((n, size) => n + size, 0)).toBe(60);
  });

  it('waits as long as the importer lets it, after the first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // The first batch goes at the usual pace (a continued import shows it is storing again); the next waits 8 s.
    expect(await batchSizes(slowImporter(100, 8000))).toEqual([16, 81, 3]);
  });
});

describe('when a batch is full', () => {
  /** `count` records of `chars` characters each, read at once. */
  function bigRecords(count: number, chars: number, batchLimits?: Importer['batchLimits']): Importer {
    return {
      source,
      unit: 'record',
      async *steps() {
        for (let record = 1; record <= count; record++) yield { record: { id: `r${record}`, text: 'x'.repeat(chars) }, position: record };
      },
      fraction: () => 1,
      batchWaitMs: 60_000,
      ...(batchLimits ? { batchLimits } : {}),
    };
  }

  it('holds 4 M characters by default, about 650 news articles', async () => {
    const sizes = await batchSizes(bigRecords(1500, 6000));
    expect(sizes.slice(0, 2)).toEqual([667, 667]);
  });

  it('holds what the importer says: a crawl fills 1,000 articles', async () => {
    const sizes = await batchSizes(bigRecords(1500, 6000, { maxRecords: 1000, maxChars: 8_000_000 }));
    expect(sizes).toEqual([1000, 500]);
  });
});
