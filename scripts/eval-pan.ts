/**
 * Measures candidate retrieval and, when the engine is present, end-to-end source
 * detection and passage alignment on the PAN 2013 text-alignment training corpus.
 *
 *   npm run eval:pan -- [--limit N | --sample N [--seed S]] [--candidates N] [--no-engine]
 *                   [--engine-options '{"limit":20}'] [--pair-sampling N] [--pair-reach N]
 *                   [--max-doc-features N] [--batch N] [--oracle-candidates] [--out path]
 *
 * --sample N evaluates N queries drawn (reproducibly, by --seed) from every kind of query in
 * proportion: the first queries of the corpus are not representative of the whole.
 * The output JSON lists, per query, each gold source's retrieval rank and matched relation.
 * --oracle-candidates hands checkArticle every listed source of a query (its gold sources and its
 * negatives) besides the retrieved candidates: alignment and relation are then judged without
 * retrieval misses, and false matches on every negative pair rather than on those retrieval lets through.
 *
 * The corpus is research-licensed and lives outside the repository, in
 * ../shared/corpora/pan13-train; without it the script says so and exits 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { retrieveCandidates } from '../lib/index/retrieve';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from '../lib/index/features';
import { openCorpusStore, type CorpusStore } from '../lib/store';
import { mulberry32 } from './bench/random';
import { positiveInteger, readOptions } from './eval/options';
import type { CorpusRecord, Passage } from '../lib/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const panDir = path.resolve(repoRoot, '..', 'shared', 'corpora', 'pan13-train');

// ------------------------------------------------------------------ options

interface EvalOptions {
  /** Evaluate only the first N queries. */
  limit: number;
  /** Evaluate a stratified sample of this many queries instead (0: all). */
  sample: number;
  seed: number;
  /** Candidates kept for recall@k; also the largest k reported. */
  candidates: number;
  engine: boolean;
  /** Passed to checkArticle as is, so alignment can be tuned from the command line. */
  engineOptions: Record<string, unknown>;
  features: FeatureOptions;
  /** Records per addRecords call (one transaction each). */
  batch: number;
  /** Hand checkArticle the query's listed sources as well as the retrieved candidates. */
  oracleCandidates: boolean;
  out: string;
}

/**
 * The engine settings measured by default: the product's own (checkArticle aligns more candidates while they keep
 * aligning, for pages that quote many sources). Tune with --engine-options, e.g. '{"limit":50}'.
 */
const ENGINE_OPTIONS: Record<string, unknown> = {};

const USAGE = `usage: npm run eval:pan -- [--limit N | --sample N [--seed S]] [--candidates N] [--no-engine]
                   [--engine-options '{"limit":20}'] [--pair-sampling N] [--pair-reach N]
                   [--max-doc-features N] [--batch N] [--oracle-candidates] [--out path]`;

function parseOptions(argv: string[]): EvalOptions {
  const number = { type: 'string' } as const;
  const { values } = parseArgs({
    args: argv,
    options: {
      limit: number,
      sample: number,
      seed: number,
      candidates: number,
      'no-engine': { type: 'boolean', default: false },
      'engine-options': { type: 'string', multiple: true },
      'pair-sampling': number,
      'pair-reach': number,
      'max-doc-features': number,
      batch: number,
      'oracle-candidates': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    strict: true,
  });
  const count = (option: keyof typeof values, fallback: number) => {
    const value = values[option];
    return typeof value === 'string' ? positiveInteger(value, `--${option}`) : fallback;
  };
  const engineOptions = { ...ENGINE_OPTIONS };
  for (const json of values['engine-options'] ?? []) {
    try {
      Object.assign(engineOptions, JSON.parse(json));
    } catch {
      throw new Error(`--engine-options wants a JSON object, not ${json}`);
    }
  }
  return {
    limit: count('limit', Infinity),
    sample: count('sample', 0),
    seed: count('seed', 1),
    candidates: count('candidates', 50),
    engine: !values['no-engine'],
    engineOptions,
    features: {
      ...DEFAULT_FEATURE_OPTIONS,
      pairSampling: count('pair-sampling', DEFAULT_FEATURE_OPTIONS.pairSampling),
      pairReach: count('pair-reach', DEFAULT_FEATURE_OPTIONS.pairReach),
      maxDocFeatures: count('max-doc-features', DEFAULT_FEATURE_OPTIONS.maxDocFeatures),
    },
    batch: count('batch', 5000),
    oracleCandidates: values['oracle-candidates'],
    out: path.resolve(values.out ?? path.join(repoRoot, 'tests', '.artifacts', 'eval-pan.json')),
  };
}

// ------------------------------------------------------------------ data

interface GoldCase {
  category: string;
  passages: Passage[];
}

interface GoldQuery {
  reuses: Record<string, GoldCase>;
  negatives: string[];
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The kind of a query: the category of its listed reuses (one per query in PAN), or "negative" without any. */
function queryKind(g: GoldQuery): string {
  return Object.values(g.reuses)[0]?.category ?? 'negative';
}

/** n items drawn from every kind in proportion to its size (at least one of each), kept in their original order. */
export function stratifiedSample<T>(items: T[], kindOf: (item: T) => string, n: number, seed: number): T[] {
  if (n >= items.length) return items;
  const byKind = new Map<string, number[]>();
  items.forEach((item, i) => {
    const kind = kindOf(item);
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(i);
  });
  const random = mulberry32(seed);
  const quotas = [...byKind.entries()].map(([kind, list]) => {
    const exact = (n * list.length) / items.length;
    return { kind, list, take: Math.max(1, Math.floor(exact)), rest: exact - Math.floor(exact) };
  });
  // Largest remainders take the seats that rounding down left over.
  let left = n - quotas.reduce((sum, q) => sum + q.take, 0);
  for (const q of [...quotas].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    if (q.take < q.list.length) {
      q.take++;
      left--;
    }
  }
  const chosen: number[] = [];
  for (const q of quotas) {
    const list = [...q.list];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    chosen.push(...list.slice(0, Math.min(q.take, list.length)));
  }
  return chosen.sort((a, b) => a - b).map((i) => items[i]);
}

/** What happened to one query's listed sources, written out so that misses can be read one by one. */
interface QueryDetail {
  kind: string;
  retrievalMs?: number;
  checkMs?: number;
  /** Per listed source (gold reuses, then negatives): rank among candidates and the relation found, null when not. */
  sources: Record<string, { category: string; rank: number | null; relation: string | null; score?: number; alignedChars?: number }>;
}

function detailOf(details: Map<string, QueryDetail>, id: string, g: GoldQuery): QueryDetail {
  let detail = details.get(id);
  if (!detail) {
    const sources: QueryDetail['sources'] = {};
    for (const [sourceId, reuse] of Object.entries(g.reuses)) sources[sourceId] = { category: reuse.category, rank: null, relation: null };
    for (const negative of g.negatives) sources[negative] = { category: 'negative', rank: null, relation: null };
    details.set(id, (detail = { kind: queryKind(g), sources }));
  }
  return detail;
}

const CATEGORIES = ['verbatim', 'random', 'translation-chain', 'summary'];
const KS = [1, 5, 10, 20, 50];

// ------------------------------------------------------------------ plagdet

type Range = [number, number];

function overlap(a: Range, b: Range): Range | null {
  const s = Math.max(a[0], b[0]);
  const e = Math.min(a[1], b[1]);
  return e > s ? [s, e] : null;
}

function unionLength(ranges: Range[]): number {
  const sorted = ranges.filter((r) => r[1] > r[0]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** A reuse case or a detection: passages of one (query, source) pair, as page and source character sets. */
interface Span {
  query: string;
  source: string;
  page: Range;
  src: Range;
}

const spanSize = (s: Span) => s.page[1] - s.page[0] + (s.src[1] - s.src[0]);

/** In PAN, r detects s when they share characters on the page side and on the source side. */
function detects(r: Span, s: Span): boolean {
  return r.query === s.query && r.source === s.source && overlap(r.page, s.page) !== null && overlap(r.src, s.src) !== null;
}

function coveredShare(target: Span, others: Span[]): number {
  const page: Range[] = [];
  const src: Range[] = [];
  for (const o of others) {
    if (!detects(o, target)) continue;
    page.push(overlap(o.page, target.page)!);
    src.push(overlap(o.src, target.src)!);
  }
  const size = spanSize(target);
  return size === 0 ? 0 : (unionLength(page) + unionLength(src)) / size;
}

/** PAN's plagdet: F1 of macro precision and recall over characters, divided by log2(1 + granularity). */
export function plagdet(cases: Span[], detections: Span[]): { precision: number; recall: number; granularity: number; plagdet: number } {
  const byPair = (spans: Span[]) => {
    const map = new Map<string, Span[]>();
    for (const s of spans) {
      const key = `${s.query}\u0000${s.source}`;
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push(s);
    }
    return map;
  };
  const casesByPair = byPair(cases);
  const detectionsByPair = byPair(detections);
  const pairKey = (s: Span) => `${s.query}\u0000${s.source}`;
  const recall = cases.length ? cases.reduce((sum, s) => sum + coveredShare(s, detectionsByPair.get(pairKey(s)) ?? []), 0) / cases.length : 0;
  const precision = detections.length
    ? detections.reduce((sum, r) => sum + coveredShare(r, casesByPair.get(pairKey(r)) ?? []), 0) / detections.length
    : 0;
  let detected = 0;
  let detectionsOfDetected = 0;
  for (const s of cases) {
    const n = (detectionsByPair.get(pairKey(s)) ?? []).filter((r) => detects(r, s)).length;
    if (n > 0) {
      detected++;
      detectionsOfDetected += n;
    }
  }
  const granularity = detected ? detectionsOfDetected / detected : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, granularity, plagdet: f1 / Math.log2(1 + granularity) };
}

// ------------------------------------------------------------------ measuring

interface CategoryCount {
  total: number;
  found: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

interface Loaded {
  ms: number;
  added: number;
  features: number;
  /** Source ids whose text is stored under another id (the corpus holds a few identical texts). */
  aliases: Map<string, string>;
}

async function loadSources(store: CorpusStore, sources: CorpusRecord[], batch: number): Promise<Loaded> {
  const started = performance.now();
  let added = 0;
  let features = 0;
  const aliases = new Map<string, string>();
  for (let i = 0; i < sources.length; i += batch) {
    const result = await store.addRecords(sources.slice(i, i + batch));
    added += result.added;
    features += result.features;
    for (const s of result.skipped) if (s.reason === 'same-text') aliases.set(s.id, s.existingId);
  }
  return { ms: performance.now() - started, added, features, aliases };
}

/** A gold source counts as listed when the record holding its text is. */
function canonical(aliases: Map<string, string>, id: string): string {
  return aliases.get(id) ?? id;
}

async function evaluateRetrieval(
  store: CorpusStore,
  queries: { id: string; text: string }[],
  gold: Record<string, GoldQuery>,
  options: EvalOptions,
  aliases: Map<string, string>,
  details: Map<string, QueryDetail>,
) {
  const hits: Record<string, number[]> = {};
  const hitsAmongOthers: Record<string, number[]> = {};
  const totals: Record<string, number> = {};
  let negatives = 0;
  let negativesListed = 0;
  const times: number[] = [];
  for (const query of queries) {
    const g = gold[query.id];
    const started = performance.now();
    const candidates = await retrieveCandidates(query.text, store, { limit: options.candidates, features: options.features });
    times.push(performance.now() - started);
    const rank = new Map(candidates.map((c, i) => [c.id, i]));
    const detail = detailOf(details, query.id, g);
    detail.retrievalMs = Math.round(times[times.length - 1]);
    for (const [sourceId, d] of Object.entries(detail.sources)) d.rank = rank.get(canonical(aliases, sourceId)) ?? null;
    const goldIds = new Set(Object.keys(g.reuses).map((id) => canonical(aliases, id)));
    for (const [sourceId, reuse] of Object.entries(g.reuses)) {
      const c = reuse.category;
      totals[c] = (totals[c] ?? 0) + 1;
      hits[c] ??= KS.map(() => 0);
      hitsAmongOthers[c] ??= KS.map(() => 0);
      const r = rank.get(canonical(aliases, sourceId));
      if (r === undefined) continue;
      // Rank ignoring the query's other listed sources, which compete legitimately.
      const othersAhead = candidates.slice(0, r).filter((x) => !goldIds.has(x.id)).length;
      KS.forEach((k, j) => {
        if (r < k) hits[c][j]++;
        if (othersAhead < k) hitsAmongOthers[c][j]++;
      });
    }
    for (const negative of g.negatives) {
      negatives++;
      if (rank.has(canonical(aliases, negative))) negativesListed++;
    }
  }
  const byCategory = Object.fromEntries(
    CATEGORIES.filter((c) => totals[c]).map((c) => [
      c,
      {
        total: totals[c],
        recallAtK: Object.fromEntries(KS.map((k, j) => [k, hits[c][j] / totals[c]])),
        recallAtKAmongNonGold: Object.fromEntries(KS.map((k, j) => [k, hitsAmongOthers[c][j] / totals[c]])),
      },
    ]),
  );
  return {
    candidates: options.candidates,
    byCategory,
    negativesInCandidates: negatives ? negativesListed / negatives : 0,
    negatives,
    msPerQuery: { mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), p50: percentile(times, 50), p95: percentile(times, 95) },
  };
}

type CheckArticle = (
  page: { text: string },
  store: CorpusStore,
  opts?: Record<string, unknown>,
) => Promise<{ matches: { id: string; relation: string; score: number; passages: Passage[] }[] }>;

async function loadEngine(): Promise<CheckArticle | null> {
  const enginePath = path.join(repoRoot, 'lib', 'engine.ts');
  if (!fs.existsSync(enginePath)) return null;
  const engine = (await import('../lib/engine')) as { checkArticle?: CheckArticle };
  return engine.checkArticle ?? null;
}

/** Retrieval as the engine does it, followed by the query's listed sources that it missed. */
function withListedSources(g: GoldQuery, aliases: Map<string, string>) {
  return async (text: string, store: CorpusStore, opts: { limit: number; lang?: string }) => {
    const candidates: { id: string; score: number }[] = await retrieveCandidates(text, store, opts);
    const seen = new Set(candidates.map((c) => c.id));
    for (const id of [...Object.keys(g.reuses), ...g.negatives].map((listed) => canonical(aliases, listed))) {
      if (seen.has(id)) continue;
      seen.add(id);
      candidates.push({ id, score: 0 });
    }
    return candidates;
  };
}

async function evaluateEngine(
  checkArticle: CheckArticle,
  store: CorpusStore,
  queries: { id: string; text: string }[],
  gold: Record<string, GoldQuery>,
  options: EvalOptions,
  aliases: Map<string, string>,
  details: Map<string, QueryDetail>,
) {
  const counts: Record<string, CategoryCount> = {};
  let negatives = 0;
  let falseMatches = 0;
  let unlistedMatches = 0;
  const cases: Span[] = [];
  const detections: Span[] = [];
  const times: number[] = [];
  for (const query of queries) {
    const g = gold[query.id];
    const started = performance.now();
    const engineOptions = options.oracleCandidates ? { ...options.engineOptions, retrieve: withListedSources(g, aliases) } : options.engineOptions;
    const report = await checkArticle({ text: query.text }, store, engineOptions);
    times.push(performance.now() - started);
    const matched = new Map(report.matches.filter((m) => m.relation !== 'unrelated').map((m) => [m.id, m]));
    const detail = detailOf(details, query.id, g);
    detail.checkMs = Math.round(times[times.length - 1]);
    for (const [sourceId, d] of Object.entries(detail.sources)) {
      const m = matched.get(canonical(aliases, sourceId));
      if (!m) continue;
      d.relation = m.relation;
      d.score = m.score;
      d.alignedChars = m.passages.reduce((n, p) => n + p.page[1] - p.page[0], 0);
    }
    const aliasOf = new Map<string, string>();
    const listedIds = new Set([...Object.keys(g.reuses), ...g.negatives]);
    for (const id of listedIds) {
      const holder = aliases.get(id);
      if (holder && !listedIds.has(holder) && !aliasOf.has(holder)) aliasOf.set(holder, id);
    }
    for (const [sourceId, reuse] of Object.entries(g.reuses)) {
      const count = (counts[reuse.category] ??= { total: 0, found: 0 });
      count.total++;
      if (matched.has(canonical(aliases, sourceId))) count.found++;
      for (const p of reuse.passages) cases.push({ query: query.id, source: sourceId, page: p.page, src: p.source });
    }
    const negativeIds = new Set(g.negatives);
    for (const negative of negativeIds) {
      negatives++;
      if (matched.has(canonical(aliases, negative))) falseMatches++;
    }
    // As in PAN, passages are judged on the listed pairs only: the corpus does not list every real reuse.
    for (const [matchedId, match] of matched) {
      // Passages of a record holding an aliased source's text are that source's passages (identical text, same offsets).
      const sourceId = aliasOf.get(matchedId) ?? matchedId;
      const listed = sourceId in g.reuses || negativeIds.has(sourceId);
      if (!listed) {
        unlistedMatches++;
        continue;
      }
      for (const p of match.passages) detections.push({ query: query.id, source: sourceId, page: p.page, src: p.source });
    }
  }
  return {
    engineOptions: options.engineOptions,
    oracleCandidates: options.oracleCandidates,
    recall: Object.fromEntries(CATEGORIES.filter((c) => counts[c]).map((c) => [c, { ...counts[c], recall: counts[c].found / counts[c].total }])),
    falseMatchRate: negatives ? falseMatches / negatives : 0,
    falseMatches,
    negatives,
    unlistedMatches,
    passages: plagdet(cases, detections),
    msPerQuery: { mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), p50: percentile(times, 50), p95: percentile(times, 95) },
  };
}

// ------------------------------------------------------------------ report

function printRetrieval(r: Awaited<ReturnType<typeof evaluateRetrieval>>): void {
  console.log(`\nCandidate retrieval (top ${r.candidates}): recall@k of gold sources`);
  console.log(['category'.padEnd(18), 'n'.padStart(5), ...KS.map((k) => `@${k}`.padStart(7)), '   among non-gold @1/@5/@10'].join(' '));
  for (const [c, v] of Object.entries(r.byCategory)) {
    const others = [1, 5, 10].map((k) => fmt(v.recallAtKAmongNonGold[k])).join('/');
    console.log([c.padEnd(18), String(v.total).padStart(5), ...KS.map((k) => fmt(v.recallAtK[k]).padStart(7)), '   ' + others].join(' '));
  }
  console.log(`negative pairs among candidates: ${fmt(r.negativesInCandidates)} of ${r.negatives}`);
  console.log(`retrieval ms/query: mean ${fmt(r.msPerQuery.mean, 1)}, p50 ${fmt(r.msPerQuery.p50, 1)}, p95 ${fmt(r.msPerQuery.p95, 1)}`);
}

function printEngine(e: Awaited<ReturnType<typeof evaluateEngine>>): void {
  const oracle = e.oracleCandidates ? ', handed every listed source besides the retrieved ones' : '';
  console.log(`\nEnd to end (checkArticle ${JSON.stringify(e.engineOptions)}${oracle}): a gold source is found when it is a listed match`);
  console.log(['category'.padEnd(18), 'n'.padStart(5), 'recall'.padStart(8), 'target'.padStart(8)].join(' '));
  const targets: Record<string, number> = { verbatim: 0.99, random: 0.95, 'translation-chain': 0.9, summary: 0.5 };
  for (const [c, v] of Object.entries(e.recall)) {
    console.log([c.padEnd(18), String(v.total).padStart(5), fmt(v.recall).padStart(8), fmt(targets[c] ?? NaN, 2).padStart(8)].join(' '));
  }
  console.log(`false matches on negative pairs: ${fmt(e.falseMatchRate)} (${e.falseMatches} of ${e.negatives}; target <= 0.02)`);
  console.log(`matches on pairs gold does not list: ${e.unlistedMatches}`);
  const p = e.passages;
  console.log(`passages: plagdet ${fmt(p.plagdet)} (target >= 0.85), precision ${fmt(p.precision)}, recall ${fmt(p.recall)}, granularity ${fmt(p.granularity)}`);
  console.log(`checkArticle ms/query: mean ${fmt(e.msPerQuery.mean, 1)}, p50 ${fmt(e.msPerQuery.p50, 1)}, p95 ${fmt(e.msPerQuery.p95, 1)}`);
}

async function main(): Promise<void> {
  const options = readOptions('eval:pan', USAGE, () => parseOptions(process.argv.slice(2)));
  if (!options) {
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(path.join(panDir, 'gold.json'))) {
    console.log(`PAN corpus not found at ${panDir}: nothing to evaluate.`);
    return;
  }
  const sources = readJsonl<CorpusRecord>(path.join(panDir, 'corpus.jsonl'));
  const gold = JSON.parse(fs.readFileSync(path.join(panDir, 'gold.json'), 'utf8')) as Record<string, GoldQuery>;
  const allQueries = readJsonl<{ id: string; text: string }>(path.join(panDir, 'queries.jsonl'))
    .filter((q) => gold[q.id])
    .slice(0, options.limit);
  const queries = options.sample > 0 ? stratifiedSample(allQueries, (q) => queryKind(gold[q.id]), options.sample, options.seed) : allQueries;

  const store = await openCorpusStore({ name: `eval-pan-${process.pid}`, indexedDB, IDBKeyRange, features: options.features });
  const load = await loadSources(store, sources, options.batch);
  // A stored posting is a (key, document) pair of two 32-bit numbers.
  const indexBytes = load.features * 8;
  console.log(
    `Loaded ${load.added} sources in ${fmt(load.ms / 1000, 1)} s (${fmt(load.added / (load.ms / 1000), 0)} records/s on fake-indexeddb); ` +
      `${load.aliases.size} duplicate texts; ${fmt(load.features / load.added, 1)} keys/record, ~${fmt(indexBytes / load.added, 0)} bytes of postings/record. ` +
      `Features ${JSON.stringify(options.features)}. ` +
      `Queries: ${queries.length}${options.sample > 0 ? ` (stratified sample, seed ${options.seed})` : ''}.`,
  );

  const details = new Map<string, QueryDetail>();
  const retrieval = await evaluateRetrieval(store, queries, gold, options, load.aliases, details);
  printRetrieval(retrieval);

  let endToEnd: Awaited<ReturnType<typeof evaluateEngine>> | null = null;
  const checkArticle = options.engine ? await loadEngine() : null;
  if (checkArticle) {
    endToEnd = await evaluateEngine(checkArticle, store, queries, gold, options, load.aliases, details);
    printEngine(endToEnd);
  } else {
    console.log(options.engine ? '\nlib/engine.ts not found: end-to-end section skipped.' : '\nEnd-to-end section skipped (--no-engine).');
  }

  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  const result = {
    corpus: 'pan13-train',
    queries: queries.length,
    sample: options.sample > 0 ? { size: options.sample, seed: options.seed } : null,
    sources: load.added,
    load: { ms: load.ms, recordsPerSecond: load.added / (load.ms / 1000), keysPerRecord: load.features / load.added, postingBytesPerRecord: indexBytes / load.added },
    features: options.features,
    retrieval,
    endToEnd,
    perQuery: Object.fromEntries(details),
  };
  fs.writeFileSync(options.out, JSON.stringify(result, null, 2));
  console.log(`\nResults written to ${path.relative(repoRoot, options.out)}`);
  store.close();
}

await main();
