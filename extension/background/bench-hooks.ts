/**
 * Measurement hooks for `npm run bench`, present only in builds made with `wxt build --mode bench`.
 * They run the same code as a real check (getCorpus, then checkArticle, going before an import's writes as a reader's
 * check does), so the bench times what a reader waits for;
 * the bench reaches them with Playwright's worker evaluation, which no web page or extension page can do.
 */
import { checkArticle } from '../../lib/engine.ts';
import { likelySources, type LikelySourceOptions } from '../../lib/sources.ts';
import type { IndexSize } from '../../lib/store/index.ts';
import type { PageArticle } from '../../lib/types.ts';
import { getCorpus, readerFirst, reopenIndexFilesAfterCheck } from './corpus.ts';

export interface BenchCheck {
  /** Whole check, corpus opening included: on a fresh worker this is the cold latency. */
  ms: number;
  /** Part of `ms` spent waiting for the corpus store (opening the database on a fresh worker). */
  openMs: number;
  top: string | null;
  topRelation: string | null;
  original: string | null;
  /** Full checks: the index files reopened after the report (reopenIndexFilesAfterCheck), not part of `ms`. */
  reopenMs?: number;
}

/** Wall time of each store call a first answer made, summed by method, and how many calls. */
export interface StorePhases {
  ms: Record<string, number>;
  calls: Record<string, number>;
  /** Each call: method, start and end, ms after the answer began (what overlapped, and the worker's own time between). */
  spans: [string, number, number][];
}

export interface BenchHooks {
  check(article: PageArticle): Promise<BenchCheck>;
  /** The popup's first answer (lib/sources.ts): the query measured against the baseline. */
  likely(article: PageArticle): Promise<BenchCheck>;
  /** The first answer with the time it waited on each store method (for finding where its time goes). */
  likelyPhases(article: PageArticle, options?: Pick<LikelySourceOptions, 'maxKeys'>): Promise<BenchCheck & { phases: StorePhases }>;
  indexSize(): Promise<IndexSize>;
  count(): Promise<number>;
}

async function check(article: PageArticle): Promise<BenchCheck> {
  const started = performance.now();
  const store = await getCorpus();
  const opened = performance.now();
  const report = await readerFirst(() => checkArticle(article, store));
  const ms = performance.now() - started;
  // What the worker does once a reader's full check is answered (check-tab.ts), before the bench's next page, as a
  // reader's next page comes seconds later; timed apart, since the report does not wait on it.
  const reopening = performance.now();
  await reopenIndexFilesAfterCheck(store);
  const top = report.matches[0];
  return {
    ms,
    openMs: opened - started,
    top: top?.id ?? null,
    topRelation: top?.relation ?? null,
    original: report.original,
    reopenMs: performance.now() - reopening,
  };
}

async function likely(article: PageArticle): Promise<BenchCheck> {
  const started = performance.now();
  const store = await getCorpus();
  const opened = performance.now();
  const [top] = await readerFirst(() => likelySources(article.text, store, { lang: article.lang }));
  return { ms: performance.now() - started, openMs: opened - started, top: top?.id ?? null, topRelation: null, original: null };
}

const TIMED_METHODS = new Set(['lookup', 'count', 'docStats', 'docKeyCounts', 'getRecords', 'getRecordsOfDocs']);

/** The store, with the wall time of every call of TIMED_METHODS added to `phases`; times are ms after `origin`. */
function timedStore<T extends object>(store: T, phases: StorePhases, origin: number): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || typeof property !== 'string' || !TIMED_METHODS.has(property)) return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const began = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const ended = performance.now();
          phases.ms[property] = (phases.ms[property] ?? 0) + ended - began;
          phases.calls[property] = (phases.calls[property] ?? 0) + 1;
          phases.spans.push([property, began - origin, ended - origin]);
        }
      };
    },
  });
}

/** `options.maxKeys`: another bound on the keys looked up, for measuring one against the default on a stored corpus. */
async function likelyPhases(article: PageArticle, options: Pick<LikelySourceOptions, 'maxKeys'> = {}): Promise<BenchCheck & { phases: StorePhases }> {
  const phases: StorePhases = { ms: {}, calls: {}, spans: [] };
  const started = performance.now();
  const store = await getCorpus();
  const opened = performance.now();
  const [top] = await readerFirst(() => likelySources(article.text, timedStore(store, phases, started), { lang: article.lang, ...options }));
  return { ms: performance.now() - started, openMs: opened - started, top: top?.id ?? null, topRelation: null, original: null, phases };
}

async function indexSize(): Promise<IndexSize> {
  return (await getCorpus()).indexSize();
}

export function installBenchHooks(): void {
  const hooks: BenchHooks = { check, likely, likelyPhases, indexSize, count: async () => (await getCorpus()).count() };
  (globalThis as { palimpsestBench?: BenchHooks }).palimpsestBench = hooks;
}
