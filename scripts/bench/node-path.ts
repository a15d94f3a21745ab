/**
 * The Node measurements, through the command line's code path: the corpus file loaded by the CLI's loader into the
 * store the CLI opens (lib/store on fake-indexeddb), each query answered by the engine call the CLI makes.
 * The baseline, MiniSearch's BM25 over the same records, answers the same queries in the same process.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import MiniSearch from 'minisearch';
import { loadCorpusFile } from '../../cli/corpus-loader.ts';
import { checkArticle } from '../../lib/engine.ts';
import { likelySources } from '../../lib/sources.ts';
import { retrieveCandidates } from '../../lib/index/retrieve.ts';
import { openCorpusStore, type CorpusStore, type IndexSize } from '../../lib/store/index.ts';
import type { CorpusRecord } from '../../lib/types.ts';
import type { BenchCorpus, BenchQuery } from './corpus.ts';
import { markRealVersions, type QueryOutcome } from './outcomes.ts';

export interface EngineRun {
  importMs: number;
  articlesPerSecond: number;
  stored: number;
  /** The store's own account of its index (null: the store cannot say yet). */
  indexSize: IndexSize;
  /** UTF-16 code units of stored text, per stored article, for scale. */
  textCharsPerArticle: number;
  /** The query (likely sources), on a reopened store and warm. */
  cold: QueryOutcome[];
  warm: QueryOutcome[];
  /** The full check (alignment, relation, drift), warm. */
  fullWarm: QueryOutcome[];
  /** Candidate retrieval alone (lib/index, as checkArticle calls it), warm: what the rest of the check costs is the difference. */
  retrieval: RetrievalOutcome[];
}

export interface RetrievalOutcome {
  kind: BenchQuery['kind'];
  ms: number;
  /** The truth is among the candidates handed to alignment. */
  truthRetrieved: boolean;
}

/** Candidates checkArticle asks retrieval for (lib/engine.ts DEFAULT_LIMIT). */
const ENGINE_CANDIDATES = 20;

export interface BaselineRun {
  indexMs: number;
  articlesPerSecond: number;
  warm: QueryOutcome[];
}

/** Written a slice at a time: a million records make one string longer than V8 allows. */
export function writeJsonl(records: readonly CorpusRecord[], file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (let start = 0; start < records.length; start += 10_000) {
      writeSync(fd, records.slice(start, start + 10_000).map((record) => `${JSON.stringify(record)}\n`).join(''));
    }
  } finally {
    closeSync(fd);
  }
}

/** Queries spread over all kinds, for the cold samples. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** The query: the popup's first answer, the stored versions found from the index (lib/sources.ts). */
export async function likely(query: BenchQuery, store: CorpusStore): Promise<QueryOutcome> {
  const started = performance.now();
  const [top] = await likelySources(query.article.text, store, { lang: query.article.lang });
  return { kind: query.kind, truth: query.truth, top: top?.id ?? null, ms: performance.now() - started };
}

/** The full check: alignment, relation, direction and drift. */
export async function answer(query: BenchQuery, store: CorpusStore): Promise<QueryOutcome> {
  const started = performance.now();
  const report = await checkArticle(query.article, store);
  const ms = performance.now() - started;
  const top = report.matches[0];
  return { kind: query.kind, truth: query.truth, top: top?.id ?? null, topRelation: top?.relation ?? null, original: report.original, ms };
}

export async function runEngine(corpus: BenchCorpus, file: string, coldSamples: number, log: (line: string) => void): Promise<EngineRun> {
  // One factory for the run: reopening the database by name is how a cold query is measured in one process.
  const factory = new IDBFactory();
  const name = `palimpsest-bench-${randomUUID()}`;
  const open = () => openCorpusStore({ name, indexedDB: factory, IDBKeyRange });

  let store = await open();
  const loaderMessages: string[] = [];
  const started = performance.now();
  const loaded = await loadCorpusFile(file, store, {
    label: `bench corpus (${corpus.size})`,
    stderr: { write: (text: string) => void loaderMessages.push(text) },
    now: () => performance.now(),
  });
  const importMs = performance.now() - started;
  for (const message of loaderMessages.join('').split(/[\r\n]+/)) if (/skipped/.test(message)) log(`  loader: ${message.trim()}`);
  const stored = await store.count();
  const indexSize = await store.indexSize();
  const textChars = corpus.records.reduce((sum, record) => sum + record.text.length, 0);
  log(`  node engine: imported ${loaded.records} records (${stored} stored) in ${(importMs / 1000).toFixed(1)} s`);

  const cold: QueryOutcome[] = [];
  for (const query of spread(corpus.queries, coldSamples)) {
    store.close();
    store = await open();
    cold.push(await likely(query, store));
  }
  // Not timed: the first query after the last reopen would be cold again.
  await likely(corpus.queries[0], store);
  const warm: QueryOutcome[] = [];
  const fullWarm: QueryOutcome[] = [];
  for (const [i, query] of corpus.queries.entries()) {
    warm.push(await likely(query, store));
    fullWarm.push(await answer(query, store));
    if ((i + 1) % 50 === 0) log(`  node engine: ${i + 1}/${corpus.queries.length} queries`);
  }
  const texts = new Map(corpus.records.map((record) => [record.id, record.text]));
  markRealVersions(fullWarm, corpus.queries.map((query) => query.article), (id) => texts.get(id));
  const retrieval: RetrievalOutcome[] = [];
  for (const query of corpus.queries) {
    const begun = performance.now();
    const candidates = await retrieveCandidates(query.article.text, store, { limit: ENGINE_CANDIDATES, lang: query.article.lang });
    const ms = performance.now() - begun;
    retrieval.push({ kind: query.kind, ms, truthRetrieved: candidates.some((candidate) => candidate.id === query.truth) });
  }
  store.close();
  return {
    importMs,
    articlesPerSecond: (loaded.records / importMs) * 1000,
    stored,
    indexSize,
    textCharsPerArticle: textChars / corpus.records.length,
    cold,
    warm,
    fullWarm,
    retrieval,
  };
}

export function runBaseline(corpus: BenchCorpus): BaselineRun {
  const started = performance.now();
  const search = new MiniSearch<CorpusRecord>({ fields: ['title', 'text'], storeFields: ['id'] });
  search.addAll(corpus.records);
  const indexMs = performance.now() - started;
  const warm = corpus.queries.map((query): QueryOutcome => {
    const begun = performance.now();
    const [best] = search.search(query.article.text);
    const ms = performance.now() - begun;
    return { kind: query.kind, truth: query.truth, top: best ? String(best.id) : null, ms };
  });
  return { indexMs, articlesPerSecond: (corpus.records.length / indexMs) * 1000, warm };
}
