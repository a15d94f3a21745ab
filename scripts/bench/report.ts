/** Figures per size (medians over runs) and the markdown table the README takes. */
import { cpus, totalmem } from 'node:os';
import type { ChromiumRun } from './chromium-path.ts';
import type { BaselineRun, EngineRun, RetrievalOutcome } from './node-path.ts';
import { accuracyOf, type Accuracy } from './outcomes.ts';
import { median, medianOfRuns, percentile } from './stats.ts';

export interface SizeRuns {
  size: number;
  corpus: string;
  node: EngineRun[];
  baseline: BaselineRun[];
  chromium: ChromiumRun[];
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  chromium: string | null;
}

export function describeMachine(chromium: string | null): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
  };
}

export interface SizeFigures {
  size: number;
  corpus: string;
  runs: { node: number; chromium: number };
  node: {
    importPerSecond: number;
    indexBytesPerArticle: number;
    textCharsPerArticle: number;
    cold: Latency;
    warm: Latency;
    retrieval: Latency;
    full: Latency;
    /** Planted copies whose original is among the candidates retrieval hands to alignment. */
    truthRetrieved: { edited: number; rewritten: number };
    accuracy: Accuracy | null;
    fullAccuracy: Accuracy | null;
  };
  baseline: { indexPerSecond: number; warm: Latency; accuracy: Accuracy | null };
  /** Engine latency over BM25 latency, Node, warm; the median of the per-run ratios. */
  ratio: { p50: number; p95: number };
  chromium: {
    importPerSecond: number;
    indexBytesPerArticle: number;
    diskBytesPerArticle: number;
    cold: Latency;
    coldOpenP50: number;
    warm: Latency;
    full: Latency;
    /** After each full check: the index files reopened (QueryOutcome.reopenMs). */
    reopen: Latency;
    heapAfterImportMB: number;
    heapPeakMB: number;
    /** CPU ms per warm first answer: service worker; the browser's other threads and processes. */
    warmCpuMs: { serviceWorker: number; elsewhere: number };
    clickWarmMs: number;
    clickColdMs: number;
    accuracy: Accuracy | null;
    fullAccuracy: Accuracy | null;
    popup: string | null;
  };
}

export interface Latency {
  p50: number;
  p95: number;
}

function latency(outcomes: readonly { ms: number }[]): Latency {
  const ms = outcomes.map((outcome) => outcome.ms);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

function medianLatency(runs: readonly (readonly { ms: number }[])[]): Latency {
  const each = runs.map(latency);
  return { p50: medianOfRuns(each.map((l) => l.p50)), p95: medianOfRuns(each.map((l) => l.p95)) };
}

const MB = 2 ** 20;

function retrievedRate(retrieval: readonly RetrievalOutcome[], kind: 'edited' | 'rewritten'): number {
  const planted = retrieval.filter((outcome) => outcome.kind === kind);
  return planted.length === 0 ? Number.NaN : planted.filter((outcome) => outcome.truthRetrieved).length / planted.length;
}

/** Answers are deterministic, so accuracy comes from the first run (later runs only repeat the timings). */
export function figuresOf(runs: SizeRuns): SizeFigures {
  const { node, baseline, chromium } = runs;
  const perArticle = (size: { bytes: number; docs: number }) => size.bytes / size.docs;
  return {
    size: runs.size,
    corpus: runs.corpus,
    runs: { node: node.length, chromium: chromium.length },
    node: {
      importPerSecond: medianOfRuns(node.map((run) => run.articlesPerSecond)),
      indexBytesPerArticle: medianOfRuns(node.map((run) => perArticle(run.indexSize))),
      textCharsPerArticle: medianOfRuns(node.map((run) => run.textCharsPerArticle)),
      cold: medianLatency(node.map((run) => run.cold)),
      warm: medianLatency(node.map((run) => run.warm)),
      retrieval: medianLatency(node.map((run) => run.retrieval)),
      truthRetrieved: {
        edited: retrievedRate(node[0]?.retrieval ?? [], 'edited'),
        rewritten: retrievedRate(node[0]?.retrieval ?? [], 'rewritten'),
      },
      full: medianLatency(node.map((run) => run.fullWarm)),
      accuracy: node[0] ? accuracyOf(node[0].warm, false) : null,
      fullAccuracy: node[0] ? accuracyOf(node[0].fullWarm, true) : null,
    },
    baseline: {
      indexPerSecond: medianOfRuns(baseline.map((run) => run.articlesPerSecond)),
      warm: medianLatency(baseline.map((run) => run.warm)),
      accuracy: baseline[0] ? accuracyOf(baseline[0].warm, false) : null,
    },
    ratio: {
      p50: medianOfRuns(node.map((run, i) => (baseline[i] ? latency(run.warm).p50 / latency(baseline[i].warm).p50 : null))),
      p95: medianOfRuns(node.map((run, i) => (baseline[i] ? latency(run.warm).p95 / latency(baseline[i].warm).p95 : null))),
    },
    chromium: {
      importPerSecond: medianOfRuns(chromium.map((run) => run.articlesPerSecond)),
      indexBytesPerArticle: medianOfRuns(chromium.map((run) => perArticle(run.indexSize))),
      diskBytesPerArticle: medianOfRuns(chromium.map((run) => run.diskBytesPerArticle)),
      cold: medianLatency(chromium.map((run) => run.cold)),
      coldOpenP50: medianOfRuns(chromium.map((run) => median(run.coldOpenMs))),
      warm: medianLatency(chromium.map((run) => run.warm)),
      full: medianLatency(chromium.map((run) => run.fullWarm)),
      reopen: medianLatency(chromium.map((run) => run.fullWarm.flatMap((outcome) => (outcome.reopenMs === undefined ? [] : [{ ms: outcome.reopenMs }])))),
      heapAfterImportMB: medianOfRuns(chromium.map((run) => run.heapAfterImport / MB)),
      heapPeakMB: medianOfRuns(chromium.map((run) => run.heapPeak / MB)),
      warmCpuMs: {
        serviceWorker: medianOfRuns(chromium.map((run) => run.warmCpuMs?.serviceWorker ?? Number.NaN)),
        elsewhere: medianOfRuns(chromium.map((run) => run.warmCpuMs?.elsewhere ?? Number.NaN)),
      },
      clickWarmMs: medianOfRuns(chromium.map((run) => median(run.clickWarmMs))),
      clickColdMs: medianOfRuns(chromium.map((run) => median(run.clickColdMs))),
      accuracy: chromium[0] ? accuracyOf(chromium[0].warm, false) : null,
      fullAccuracy: chromium[0] ? accuracyOf(chromium[0].fullWarm, true) : null,
      popup: chromium[0]?.popup ?? null,
    },
  };
}

// ------------------------------------------------------------------------------------------------ formatting

function num(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? `${num(value, 1)} ms` : `${num(value)} ms`;
}

function pct(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a';
}

function pair(a: string, b: string): string {
  return a === 'n/a' && b === 'n/a' ? 'n/a' : `${a} / ${b}`;
}

function sizeLabel(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  return size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

interface Row {
  label: string;
  value: (figures: SizeFigures) => string;
  target?: string;
}

const ROWS: Row[] = [
  { label: 'Import, extension (articles/s)', value: (f) => num(f.chromium.importPerSecond), target: '≥ 500' },
  { label: 'Import, CLI path (articles/s)', value: (f) => num(f.node.importPerSecond) },
  { label: 'Index bytes per article beyond the text (extension / CLI)', value: (f) => pair(num(f.chromium.indexBytesPerArticle), num(f.node.indexBytesPerArticle)), target: '≤ 2,048' },
  { label: 'IndexedDB disk per article, text included (extension)', value: (f) => num(f.chromium.diskBytesPerArticle) },
  { label: 'Query = first answer (likely sources); p50 / p95, cold (extension, fresh worker)', value: (f) => pair(ms(f.chromium.cold.p50), ms(f.chromium.cold.p95)), target: 'p95 ≤ 150 ms' },
  { label: '… of which opening the corpus, p50', value: (f) => ms(f.chromium.coldOpenP50) },
  { label: 'Query p50 / p95, warm (extension)', value: (f) => pair(ms(f.chromium.warm.p50), ms(f.chromium.warm.p95)), target: 'p95 ≤ 30 ms' },
  { label: '… CPU per warm query: service worker / rest of the browser (IndexedDB), ms', value: (f) => pair(num(f.chromium.warmCpuMs.serviceWorker, 1), num(f.chromium.warmCpuMs.elsewhere, 1)) },
  { label: 'Query p50 / p95, cold (CLI path, store reopened)', value: (f) => pair(ms(f.node.cold.p50), ms(f.node.cold.p95)) },
  { label: 'Query p50 / p95, warm (CLI path)', value: (f) => pair(ms(f.node.warm.p50), ms(f.node.warm.p95)) },
  { label: '… of which candidate retrieval, p50 / p95 (CLI path, warm)', value: (f) => pair(ms(f.node.retrieval.p50), ms(f.node.retrieval.p95)) },
  { label: 'Full check (alignment, relation, drift) p50 / p95, warm (extension / CLI path)', value: (f) => `${pair(ms(f.chromium.full.p50), ms(f.chromium.full.p95))}; ${pair(ms(f.node.full.p50), ms(f.node.full.p95))}` },
  {
    label: '… after each full check, the index files reopened (not in its time: the report does not wait on it), p50 / p95 (extension)',
    value: (f) => pair(ms(f.chromium.reopen.p50), ms(f.chromium.reopen.p95)),
  },
  { label: 'BM25 query p50 / p95 (MiniSearch, Node)', value: (f) => pair(ms(f.baseline.warm.p50), ms(f.baseline.warm.p95)) },
  { label: 'Latency ratio engine / BM25, p50 / p95 (Node, warm)', value: (f) => pair(num(f.ratio.p50, 2), num(f.ratio.p95, 2)), target: '≤ 1' },
  { label: 'Service worker JS heap after import / peak (MB)', value: (f) => pair(num(f.chromium.heapAfterImportMB, 1), num(f.chromium.heapPeakMB, 1)), target: '< 150' },
  { label: 'Toolbar click → first result, seed 000 (worker running / stopped)', value: (f) => pair(ms(f.chromium.clickWarmMs), ms(f.chromium.clickColdMs)), target: '≤ 300 ms' },
  { label: 'Recall@1 edited copies: engine / BM25', value: (f) => pair(pct(engineAccuracy(f)?.recallAt1.edited), pct(f.baseline.accuracy?.recallAt1.edited)), target: 'engine > BM25' },
  { label: 'Recall@1 rewritten copies: engine / BM25', value: (f) => pair(pct(engineAccuracy(f)?.recallAt1.rewritten), pct(f.baseline.accuracy?.recallAt1.rewritten)), target: 'engine > BM25' },
  {
    label: 'Any version of the story at top 1, edited / rewritten: engine; BM25',
    value: (f) =>
      `${pair(pct(engineAccuracy(f)?.anyVersionAt1.edited), pct(engineAccuracy(f)?.anyVersionAt1.rewritten))}; ${pair(pct(f.baseline.accuracy?.anyVersionAt1.edited), pct(f.baseline.accuracy?.anyVersionAt1.rewritten))}`,
  },
  {
    label: 'Original among the 20 retrieved candidates, edited / rewritten',
    value: (f) => pair(pct(f.node.truthRetrieved.edited), pct(f.node.truthRetrieved.rewritten)),
  },
  { label: 'No-source stories answered with a source: engine / BM25', value: (f) => pair(pct(engineAccuracy(f)?.noSourceAnswered), pct(f.baseline.accuracy?.noSourceAnswered)) },
  { label: 'Full check: recall@1, edited / rewritten', value: (f) => pair(pct(fullAccuracy(f)?.recallAt1.edited), pct(fullAccuracy(f)?.recallAt1.rewritten)) },
  { label: 'Full check names the original, edited / rewritten', value: (f) => pair(pct(fullAccuracy(f)?.originalNamed?.edited), pct(fullAccuracy(f)?.originalNamed?.rewritten)) },
  { label: '… of the others, a stored refiling of the original named (Reuters refiled the story), edited / rewritten', value: (f) => pair(pct(fullAccuracy(f)?.refilingNamed?.edited), pct(fullAccuracy(f)?.refilingNamed?.rewritten)) },
  { label: 'Full check: no-source stories called a copy (stored refilings sharing half the text or more counted apart)', value: (f) => pct(fullAccuracy(f)?.noSourceCalledCopy) },
  { label: 'Full check: no-source stories whose stored refiling is named a version', value: (f) => pct(fullAccuracy(f)?.noSourceRealVersion) },
];

function fullAccuracy(figures: SizeFigures): Accuracy | null {
  return figures.chromium.fullAccuracy ?? figures.node.fullAccuracy;
}

/** The extension's answers when measured there, else the CLI path's (the same engine and store code). */
function engineAccuracy(figures: SizeFigures): Accuracy | null {
  return figures.chromium.accuracy ?? figures.node.accuracy;
}

export function markdownTable(all: readonly SizeFigures[]): string {
  const header = `| Measure | ${all.map((f) => `${sizeLabel(f.size)} articles`).join(' | ')} | Target (at 100k and 1M) |`;
  const rule = `|---|${all.map(() => '---:').join('|')}|---|`;
  const rows = ROWS.map((row) => `| ${row.label} | ${all.map(row.value).join(' | ')} | ${row.target ?? ''} |`);
  return [header, rule, ...rows].join('\n');
}

export function machineLine(machine: Machine): string {
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM; Node ${machine.node}; ${machine.chromium ?? 'Chromium not measured'}.`;
}

/** Where the engine's and the baseline's top-1 answers differ between the two paths (they should not). */
export function pathDisagreements(runs: SizeRuns): number {
  const node = runs.node[0]?.warm;
  const chromium = runs.chromium[0]?.warm;
  if (!node || !chromium) return 0;
  return node.filter((outcome, i) => chromium[i] && chromium[i].top !== outcome.top).length;
}
