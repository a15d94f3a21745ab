/**
 * Web archives of news crawls (a gigabyte and more, such as CC-NEWS): a reader worker decompresses and parses the
 * file while extractor workers read the pages side by side; this side puts their steps back in file order for the
 * import runner, which stores them in batches. Memory stays bounded (the reader runs at most WINDOW records
 * ahead), and an interrupted import resumes at the gzip member of the last stored record instead of reading the
 * file again from its start.
 */
import type { ImportProgress } from '../../../lib/import/progress.ts';
import type { Importer, ImportStep } from '../importers.ts';
import type { FromExtractor, FromReader, ToReader } from './messages.ts';

/** Records the reader may run ahead of what is stored: about 15 MB of pages in flight. */
const WINDOW = 256;
/** Acknowledged in steps: one message per this many records taken. */
const ACK_EVERY = 32;
/**
 * A batch is sent when full (BATCH_LIMITS below) or after this long: a full batch is stored for less
 * than its parts — one transaction, one rewrite of a directory row, and its postings go straight into a generation
 * of the index instead of a pending row written and read back (lib/store/posting-index.ts). A page closed mid-import
 * reads at most this much again.
 */
const BATCH_WAIT_MS = 8000;
/**
 * A full batch is 1,000 articles: news pages of about 6,000 characters would fill the default 4 M characters at about
 * 650, whose 220,000 postings fall short of a generation and go through a pending row written and read back.
 */
const BATCH_LIMITS = { maxRecords: 1000, maxChars: 8_000_000 };

/** Extractors beside the reader: the cores the browser reports, less the reader's and the page's, 1 to 4. */
export function extractorCount(cores = navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(4, cores - 2));
}

interface Workers {
  reader: Worker;
  extractors: Worker[];
}

function startWorkers(count: number): Workers {
  const reader = new Worker(new URL('./reader.worker.ts', import.meta.url), { type: 'module' });
  const extractors = Array.from({ length: count }, () => new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' }));
  return { reader, extractors };
}

export function crawlImporter(file: File): Importer {
  let readTo = 0;
  return {
    source: { format: 'warc', name: file.name, size: file.size, lastModified: file.lastModified },
    unit: 'record',
    async *steps(from: ImportProgress | null): AsyncGenerator<ImportStep> {
      // An import begun by the page-by-page reader has no resume point: it passes over the records it stored.
      const resume = from?.resume ?? (from && from.position > 0 ? { offset: 0, skip: from.position } : null);
      const firstRecordNumber = from?.resume ? from.position - from.resume.skip + 1 : 1;
      readTo = resume?.offset ?? 0;
      const workers = startWorkers(extractorCount());
      const arrived = new Map<number, ImportStep>();
      let total: number | null = null;
      let failure: string | null = null;
      let notify: (() => void) | null = null;
      const wakeUp = () => {
        notify?.();
        notify = null;
      };
      for (const extractor of workers.extractors) {
        extractor.onmessage = (event: MessageEvent<FromExtractor>) => {
          arrived.set(event.data.seq, event.data.step);
          wakeUp();
        };
        extractor.onerror = (event) => {
          failure = `an extractor stopped: ${event.message}`;
          wakeUp();
        };
      }
      workers.reader.onmessage = (event: MessageEvent<FromReader>) => {
        if (event.data.kind === 'done') total = event.data.items;
        else failure = event.data.message;
        wakeUp();
      };
      workers.reader.onerror = (event) => {
        failure = `the reader stopped: ${event.message}`;
        wakeUp();
      };
      const ports = workers.extractors.map((extractor) => {
        const channel = new MessageChannel();
        extractor.postMessage({ port: channel.port2 }, [channel.port2]);
        return channel.port1;
      });
      const start: ToReader = { kind: 'start', file, resume, firstRecordNumber, extractors: ports, window: WINDOW };
      workers.reader.postMessage(start, ports);
      try {
        for (let seq = 0; ; seq++) {
          while (!arrived.has(seq)) {
            if (failure !== null) throw new Error(failure);
            if (total !== null && seq >= total) return;
            await new Promise<void>((resolve) => (notify = resolve));
          }
          const step = arrived.get(seq)!;
          arrived.delete(seq);
          if (step.resume) readTo = step.resume.offset;
          if (seq % ACK_EVERY === 0) workers.reader.postMessage({ kind: 'ack', upTo: seq } satisfies ToReader);
          yield step;
        }
      } finally {
        workers.reader.terminate();
        for (const extractor of workers.extractors) extractor.terminate();
      }
    },
    fraction: () => (file.size > 0 ? Math.min(1, readTo / file.size) : 1),
    batchWaitMs: BATCH_WAIT_MS,
    batchLimits: BATCH_LIMITS,
  };
}
