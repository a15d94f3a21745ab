/**
 * The index keys of an import's batches, computed in a worker thread. An import's own thread reads the file, builds
 * each batch and talks to the database; computing every record's keys there too (0.2 ms a record, two thirds of its
 * work) kept it busy while the second core and the database waited: importing 100,000 articles into PostgreSQL, the
 * Node process used 0.8 of a core, the server 0.3, and the machine was idle 46% of the time (perf, 30 s).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FeatureOptions } from '../lib/index/features.ts';
import type { KeyedText } from '../lib/store/record-keys.ts';

/** A request to the thread: one batch's texts. */
export interface KeyingRequest {
  id: number;
  texts: { text: string; lang?: string }[];
  featureOptions: Partial<FeatureOptions>;
}

/** The thread's answer: each text's hash and keys, or why it could not. */
export type KeyingAnswer = { id: number; keyed: KeyedText[] } | { id: number; error: string };

export class KeyingThread {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (keyed: KeyedText[]) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: KeyingAnswer) => this.settle(answer));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the keying thread stopped (exit code ${code})`)));
  }

  /** A thread, where the machine has a core to spare for it; null on one core, where it would only add copying. */
  static start(): KeyingThread | null {
    if (availableParallelism() < 2) return null;
    // A JavaScript entry that compiles the TypeScript worker as bin/palimpsest.js compiles the command line.
    return new KeyingThread(new Worker(new URL('./keying-worker.mjs', import.meta.url)));
  }

  /** A Keying for PostgresCorpusStore.prepareBatch. */
  readonly keying = (texts: readonly { text: string; lang?: string }[], featureOptions: Partial<FeatureOptions>): Promise<KeyedText[]> => {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<KeyedText[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: KeyingRequest = { id, texts: texts.map(({ text, lang }) => (lang === undefined ? { text } : { text, lang })), featureOptions };
      this.worker.postMessage(request);
    });
  };

  async stop(): Promise<void> {
    this.failure ??= new Error('the keying thread was stopped');
    await this.worker.terminate();
  }

  private settle(answer: KeyingAnswer): void {
    const waiter = this.waiting.get(answer.id);
    if (!waiter) return;
    this.waiting.delete(answer.id);
    if ('error' in answer) waiter.reject(new Error(`computing index keys failed: ${answer.error}`));
    else waiter.resolve(answer.keyed);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
