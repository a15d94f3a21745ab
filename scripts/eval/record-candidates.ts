/**
 * Every candidate the full check lists for the benchmark's queries or the same-outlet set's, with its relation, the
 * measures the relation rests on and how much text it really shares with the page (word 5-grams, measured apart from
 * the engine). A rule for the relation model is weighed on such a file before it is wired in: how many originals it
 * would name against how many stories that are no version of the page it would call copies.
 *
 *   npx tsx scripts/eval/record-candidates.ts --set bench [--size N] [--per-kind N] [--out path]
 *   npx tsx scripts/eval/record-candidates.ts --set outlet [--per-kind N] [--seed S] [--out path]
 *
 * The bench set is the cached corpus and the queries of `npm run bench` (a 100,000-article corpus takes about five
 * minutes to store); the outlet set is `npm run eval:outlet`'s. The texts are written too, so that a measure can be
 * computed on the candidates afterwards without the store. The data is read in place from ../shared; without it the
 * script says so and exits 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loadCorpusFile } from '../../cli/corpus-loader';
import { checkArticle } from '../../lib/engine';
import { openCorpusStore, type CorpusStore } from '../../lib/store';
import type { Match, PageArticle } from '../../lib/types';
import { planCorpus, storyOf, withQueries, type SourceStory } from '../bench/corpus';
import { cachedRecords, generatorVersion } from '../bench/corpus-cache';
import { readReuters, reutersPath } from '../bench/source';
import { buildOutletSet, DEFAULT_OUTLET_OPTIONS } from './outlet-set';
import { positiveInteger, readOptions, runMain } from './options';
import { FALSE_CLAIM_SHARE, REAL_VERSION_SHARE, sharedTextShare } from './shared-text';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = 'usage: npx tsx scripts/eval/record-candidates.ts --set bench|outlet [--size N] [--per-kind N] [--seed S] [--out path]';

interface Options {
  set: 'bench' | 'outlet';
  size: number;
  perKind: number;
  seed: number;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { set: { type: 'string' }, size: { type: 'string' }, 'per-kind': { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (values.set !== 'bench' && values.set !== 'outlet') throw new Error('--set wants "bench" or "outlet"');
  const size = values.size === undefined ? 100_000 : positiveInteger(values.size, '--size');
  const perKind = values['per-kind'] === undefined ? (values.set === 'bench' ? 100 : DEFAULT_OUTLET_OPTIONS.perKind) : positiveInteger(values['per-kind'], '--per-kind');
  const seed = values.seed === undefined ? DEFAULT_OUTLET_OPTIONS.seed : positiveInteger(values.seed, '--seed');
  const name = values.set === 'bench' ? `candidates-bench-${size}.json` : `candidates-outlet-${perKind}.json`;
  return { set: values.set, size, perKind, seed, out: values.out ? path.resolve(values.out) : path.join(repoRoot, 'tests', '.artifacts', name) };
}

/** One query: the page, the stored text it was made from (null for a story with no stored source) and its key. */
interface Query {
  kind: string;
  article: PageArticle;
  truth: string | null;
  /** Records that are versions of the truth (the bench's perturbed copies of it): naming one is no false claim. */
  storyOf: (id: string) => string;
}

/**
 * A candidate's label: the planted original; a stored copy of it; a stored text sharing half of either text or more
 * (a real version: Reuters refiles stories); one sharing under a third of both (a copy claim on it is false); between.
 */
type Label = 'original' | 'copy-of-original' | 'real-version' | 'not-a-version' | 'unclear';

interface CandidateRow {
  id: string;
  relation: Match['relation'];
  direction: Match['direction'];
  measures: Match['measures'];
  label: Label;
  /** Word 5-grams shared, as a share of the page and of the stored text. */
  sharePage: number;
  shareStored: number;
  text: string;
}

interface QueryRow {
  kind: string;
  truth: string | null;
  original: string | null;
  page: string;
  candidates: CandidateRow[];
}

function labelOf(query: Query, id: string, sharePage: number, shareStored: number): Label {
  if (id === query.truth) return 'original';
  if (query.truth && query.storyOf(id) === query.truth) return 'copy-of-original';
  const most = Math.max(sharePage, shareStored);
  return most >= REAL_VERSION_SHARE ? 'real-version' : most < FALSE_CLAIM_SHARE ? 'not-a-version' : 'unclear';
}

async function record(queries: readonly Query[], store: CorpusStore, textOf: (id: string) => string): Promise<QueryRow[]> {
  const rows: QueryRow[] = [];
  for (const [n, query] of queries.entries()) {
    const report = await checkArticle(query.article, store);
    const candidates = report.matches.map((match): CandidateRow => {
      const text = textOf(match.id);
      const sharePage = round(sharedTextShare(query.article.text, text));
      const shareStored = round(sharedTextShare(text, query.article.text));
      return { id: match.id, relation: match.relation, direction: match.direction, measures: match.measures, label: labelOf(query, match.id, sharePage, shareStored), sharePage, shareStored, text };
    });
    rows.push({ kind: query.kind, truth: query.truth, original: report.original, page: query.article.text, candidates });
    if ((n + 1) % 50 === 0) console.error(`  ${n + 1} / ${queries.length}`);
  }
  return rows;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function benchRows(stories: readonly SourceStory[], options: Options): Promise<QueryRow[]> {
  const dataFile = reutersPath(repoRoot);
  const plan = planCorpus(stories);
  const cached = await cachedRecords(plan, options.size, generatorVersion(dataFile));
  const corpus = withQueries(plan, options.size, cached, options.perKind);
  const texts = new Map(corpus.records.map((r) => [r.id, r.text]));
  const store = await openCorpusStore({ name: `record-candidates-${process.pid}`, indexedDB: new IDBFactory(), IDBKeyRange });
  await loadCorpusFile(cached.file, store, { label: `bench corpus (${options.size})`, stderr: process.stderr, now: () => performance.now() });
  const queries = corpus.queries.map((q): Query => ({ kind: q.kind, article: q.article, truth: q.truth, storyOf }));
  try {
    return await record(queries, store, (id) => texts.get(id) ?? '');
  } finally {
    store.close();
  }
}

async function outletRows(stories: readonly SourceStory[], options: Options): Promise<QueryRow[]> {
  const set = buildOutletSet(stories, { ...DEFAULT_OUTLET_OPTIONS, perKind: options.perKind, seed: options.seed });
  const texts = new Map(set.records.map((r) => [r.id, r.text]));
  const store = await openCorpusStore({ name: `record-candidates-${process.pid}`, indexedDB: new IDBFactory(), IDBKeyRange });
  for (let i = 0; i < set.records.length; i += 2000) await store.addRecords(set.records.slice(i, i + 2000));
  await store.settle();
  // A pasted sentence's donor and a held-out story's neighbours have no original: only rewritten and syndicated pages do.
  const truthOf = (kind: string, source?: string) => (kind === 'rewritten' || kind === 'syndicated' ? (source ?? null) : null);
  const queries = set.queries.map((q): Query => ({ kind: q.kind, article: q.article, truth: truthOf(q.kind, q.source), storyOf: (id) => id }));
  try {
    return await record(queries, store, (id) => texts.get(id) ?? '');
  } finally {
    store.close();
  }
}

async function main(): Promise<number> {
  const options = readOptions('record-candidates', USAGE, () => parseOptions(process.argv.slice(2)));
  if (!options) return 2;
  const stories = readReuters(reutersPath(repoRoot));
  if (!stories) {
    console.log(`record-candidates skipped: ${reutersPath(repoRoot)} is not on this machine`);
    return 0;
  }
  const rows = options.set === 'bench' ? await benchRows(stories, options) : await outletRows(stories, options);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify({ options, queries: rows }));
  console.log(`${rows.length} queries, ${rows.reduce((n, row) => n + row.candidates.length, 0)} candidates listed: ${options.out}`);
  return 0;
}

runMain(main);
