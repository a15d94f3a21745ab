/**
 * Lineage accuracy and cost: chains of perturbed copies (an original, an edited copy of it, an edited copy of that
 * copy, and the page, an edited copy of the last) stored among the bench corpus; is each copy placed under its true
 * parent, and what does relating the versions to each other cost beyond the full check? The cost is timed inside the
 * check (CheckOptions.aroundLineage), in wall-clock and CPU time: the same check timed with and without the lineage
 * differed by the check's own variation on a shared machine, seconds at p95.
 */
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { checkArticle } from '../../lib/engine.ts';
import { openCorpusStore } from '../../lib/store/index.ts';
import { PAGE_NODE_ID, type CorpusRecord, type PageArticle } from '../../lib/types.ts';
import { copyOf, MIN_QUERY_WORDS, type CorpusPlan } from './corpus.ts';
import { mulberry32, sample, seedOf } from './random.ts';
import { percentile } from './stats.ts';

export interface LineageRun {
  size: number;
  chains: number;
  /** Copies (two stored, the page) placed under their true parent, of all copies. */
  edgesRight: number;
  edges: number;
  /** Chains whose every copy is under its true parent. */
  chainsRight: number;
  /** Copies left unplaced (uncertain) rather than placed wrong. */
  uncertain: number;
  /** The full check without the lineage, and the time the check spent on the lineage (and quotes across versions), per page. */
  checkMs: { p50: number; p95: number };
  lineageMs: { p50: number; p95: number };
  /** The same step's CPU time (the process's user + system): what it costs whatever else runs on the machine. */
  lineageCpuMs: { p50: number; p95: number };
}

interface Chain {
  original: CorpusRecord;
  copies: CorpusRecord[];
  page: PageArticle;
}

function chainsOf(plan: CorpusPlan, stored: readonly CorpusRecord[], count: number): Chain[] {
  const eligible = stored.filter((record) => record.published && record.text.split(/\s+/).length >= MIN_QUERY_WORDS * 2);
  return sample(eligible, count, mulberry32(seedOf('lineage-chains', stored.length))).map((original) => {
    const first = copyOf(original, `chain-1-${original.id}`, 'edited', plan.vocabulary, seedOf('chain', 1, original.id));
    const second = copyOf(first, `chain-2-${original.id}`, 'edited', plan.vocabulary, seedOf('chain', 2, original.id));
    const page = copyOf(second, `chain-page-${original.id}`, 'edited', plan.vocabulary, seedOf('chain', 3, original.id));
    return { original, copies: [first, second], page: { text: page.text, title: page.title, publishedTime: page.published, lang: 'en' } };
  });
}

export async function runLineage(plan: CorpusPlan, records: readonly CorpusRecord[], chainCount: number, log: (line: string) => void): Promise<LineageRun> {
  const chains = chainsOf(plan, records, chainCount);
  const store = await openCorpusStore({ name: `palimpsest-bench-lineage-${records.length}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const all = [...records, ...chains.flatMap((c) => c.copies)];
  for (let i = 0; i < all.length; i += 2000) await store.addRecords(all.slice(i, i + 2000));
  await store.settle();
  log(`  lineage: ${chains.length} chains stored among ${records.length} articles`);
  let edgesRight = 0;
  let chainsRight = 0;
  let uncertain = 0;
  const checkMs: number[] = [];
  const lineageMs: number[] = [];
  const lineageCpuMs: number[] = [];
  for (const chain of chains) {
    let lineageTook = 0;
    let lineageCpu = 0;
    const begun = performance.now();
    const report = await checkArticle(chain.page, store, {
      aroundLineage: (relateVersions) => {
        const [wall, cpu] = [performance.now(), process.cpuUsage()];
        relateVersions();
        lineageTook = performance.now() - wall;
        const used = process.cpuUsage(cpu);
        lineageCpu = (used.user + used.system) / 1000;
      },
    });
    checkMs.push(performance.now() - begun - lineageTook);
    lineageMs.push(lineageTook);
    lineageCpuMs.push(lineageCpu);
    const parentOf = new Map((report.lineage?.nodes ?? []).map((n) => [n.id, n.parent]));
    const truth: [string, string][] = [
      [chain.copies[0].id, chain.original.id],
      [chain.copies[1].id, chain.copies[0].id],
      [PAGE_NODE_ID, chain.copies[1].id],
    ];
    const right = truth.filter(([child, parent]) => parentOf.get(child) === parent).length;
    uncertain += (report.lineage?.nodes ?? []).filter((n) => n.uncertain && truth.some(([child]) => child === n.id)).length;
    edgesRight += right;
    if (right === truth.length) chainsRight++;
  }
  store.close();
  return {
    size: records.length,
    chains: chains.length,
    edgesRight,
    edges: chains.length * 3,
    chainsRight,
    uncertain,
    checkMs: { p50: Math.round(percentile(checkMs, 50)), p95: Math.round(percentile(checkMs, 95)) },
    lineageMs: { p50: Math.round(percentile(lineageMs, 50)), p95: Math.round(percentile(lineageMs, 95)) },
    lineageCpuMs: { p50: Math.round(percentile(lineageCpuMs, 50)), p95: Math.round(percentile(lineageCpuMs, 95)) },
  };
}

export function lineageTable(runs: readonly LineageRun[]): string {
  const pct = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)}%`;
  return [
    '| articles | chains | copies under their true parent | chains all right | left uncertain | full check p50 / p95 | lineage beyond it p50 / p95 | its CPU time p50 / p95 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map((r) => `| ${r.size.toLocaleString('en-US')} | ${r.chains} | ${pct(r.edgesRight, r.edges)} | ${pct(r.chainsRight, r.chains)} | ${r.uncertain} | ${r.checkMs.p50} / ${r.checkMs.p95} ms | ${r.lineageMs.p50} / ${r.lineageMs.p95} ms | ${r.lineageCpuMs.p50} / ${r.lineageCpuMs.p95} ms |`),
  ].join('\n');
}
