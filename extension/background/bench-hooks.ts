/**
 * Measurement hooks for `npm run bench`, present only in builds made with `wxt build --mode bench`.
 * They run the same code as a real check (getCorpus, then checkArticle), so the bench times what a reader waits for;
 * the bench reaches them with Playwright's worker evaluation, which no web page or extension page can do.
 */
import { checkArticle } from '../../lib/engine.ts';
import { likelySources } from '../../lib/sources.ts';
import type { IndexSize } from '../../lib/store/index.ts';
import type { PageArticle } from '../../lib/types.ts';
import { getCorpus } from './corpus.ts';

export interface BenchCheck {
  /** Whole check, corpus opening included: on a fresh worker this is the cold latency. */
  ms: number;
  /** Part of `ms` spent waiting for the corpus store (opening the database on a fresh worker). */
  openMs: number;
  top: string | null;
  topRelation: string | null;
  original: string | null;
}

export interface BenchHooks {
  check(article: PageArticle): Promise<BenchCheck>;
  /** The popup's first answer (lib/sources.ts): the query measured against the baseline. */
  likely(article: PageArticle): Promise<BenchCheck>;
  indexSize(): Promise<IndexSize>;
  count(): Promise<number>;
}

async function check(article: PageArticle): Promise<BenchCheck> {
  const started = performance.now();
  const store = await getCorpus();
  const opened = performance.now();
  const report = await checkArticle(article, store);
  const top = report.matches[0];
  return {
    ms: performance.now() - started,
    openMs: opened - started,
    top: top?.id ?? null,
    topRelation: top?.relation ?? null,
    original: report.original,
  };
}

async function likely(article: PageArticle): Promise<BenchCheck> {
  const started = performance.now();
  const store = await getCorpus();
  const opened = performance.now();
  const [top] = await likelySources(article.text, store, { lang: article.lang });
  return { ms: performance.now() - started, openMs: opened - started, top: top?.id ?? null, topRelation: null, original: null };
}

async function indexSize(): Promise<IndexSize> {
  return (await getCorpus()).indexSize();
}

export function installBenchHooks(): void {
  const hooks: BenchHooks = { check, likely, indexSize, count: async () => (await getCorpus()).count() };
  (globalThis as { palimpsestBench?: BenchHooks }).palimpsestBench = hooks;
}
