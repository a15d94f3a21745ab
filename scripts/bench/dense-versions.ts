/**
 * The full check on pages with many stored versions, without a million-article import: at 1,000,000 articles the
 * bench pads its 18,300 originals with about 54 perturbed copies each, so an edited or rewritten page's candidates are
 * nearly all versions of it. Here a few hundred originals are stored with as many copies each (and a few thousand
 * other stories), in the store `palimpsest check --corpus` opens, and each check's CPU time is measured
 * (process.cpuUsage: the machine is shared). The reports can be written out to compare two versions of the engine.
 *
 *   npx tsx scripts/bench/dense-versions.ts [--originals 300] [--versions 54] [--reports FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { checkArticle } from '../../lib/engine.ts';
import { openCorpusStore } from '../../lib/store/index.ts';
import type { CorpusRecord, PageArticle } from '../../lib/types.ts';
import { copyOf, MIN_QUERY_WORDS, planCorpus, type QueryKind } from './corpus.ts';
import { mulberry32, sample, seedOf } from './random.ts';
import { readReuters, reutersPath } from './source.ts';
import { percentile } from './stats.ts';

const OTHER_STORIES = 3000;
const QUERIES_PER_KIND = 40;
const NO_SOURCE_QUERIES = 20;
const IMPORT_BATCH = 2000;

const { values } = parseArgs({ options: { originals: { type: 'string', default: '300' }, versions: { type: 'string', default: '54' }, reports: { type: 'string' } } });
const originals = Number(values.originals);
const versions = Number(values.versions);
const stories = readReuters(reutersPath(process.cwd()));
if (!stories) throw new Error('the Reuters-21578 corpus is not in ../shared (see scripts/bench/source.ts)');
const plan = planCorpus(stories);
const long = (text: string) => text.split(/\s+/).filter(Boolean).length >= MIN_QUERY_WORDS;
const stored = plan.originals.filter((record) => long(record.text)).slice(0, originals);
const storedIds = new Set(stored.map((record) => record.id));
const records: CorpusRecord[] = [...stored];
for (const [k, original] of stored.entries()) {
  for (let v = 0; v < versions; v++) {
    const n = k * versions + v;
    const strength = mulberry32(seedOf('filler', n))() < 0.5 ? 'edited' : 'rewritten';
    records.push(copyOf(original, `bench-copy-${n}-${original.id}`, strength, plan.vocabulary, seedOf('filler-text', n)));
  }
}
records.push(...plan.originals.filter((record) => !storedIds.has(record.id)).slice(0, OTHER_STORIES));

const store = await openCorpusStore({ name: 'dense-versions', indexedDB: new IDBFactory(), IDBKeyRange });
for (let start = 0; start < records.length; start += IMPORT_BATCH) await store.addRecords(records.slice(start, start + IMPORT_BATCH));
await store.settle();

const queries: { kind: QueryKind; article: PageArticle }[] = [];
const picked = sample(stored, 2 * QUERIES_PER_KIND, mulberry32(seedOf('dense-queries')));
for (const [k, kind] of (['edited', 'rewritten'] as const).entries()) {
  for (const original of picked.slice(k * QUERIES_PER_KIND, (k + 1) * QUERIES_PER_KIND)) {
    const copy = copyOf(original, `query-${kind}-${original.id}`, kind, plan.vocabulary, seedOf('dense-query-text', kind, original.id));
    queries.push({ kind, article: { text: copy.text, ...(copy.title ? { title: copy.title } : {}), ...(copy.published ? { publishedTime: copy.published } : {}) } });
  }
}
for (const story of sample(plan.heldOut.filter((s) => long(s.text)), NO_SOURCE_QUERIES, mulberry32(seedOf('dense-no-source')))) {
  queries.push({ kind: 'no-source', article: { text: story.text, ...(story.title ? { title: story.title } : {}) } });
}

// The first checks load lexicons and compile code paths: not what a check costs.
for (const query of queries.slice(0, 3)) await checkArticle(query.article, store);
const cpu: { kind: QueryKind; ms: number }[] = [];
const reports: string[] = [];
for (const query of queries) {
  const started = process.cpuUsage();
  const report = await checkArticle(query.article, store);
  const used = process.cpuUsage(started);
  cpu.push({ kind: query.kind, ms: (used.user + used.system) / 1000 });
  reports.push(JSON.stringify(report));
}
if (values.reports) writeFileSync(values.reports, `${reports.join('\n')}\n`);

const row = (label: string, ms: number[]) => `${label.padEnd(10)} ${String(ms.length).padStart(3)} checks  CPU p50 ${percentile(ms, 50).toFixed(0)} ms  p95 ${percentile(ms, 95).toFixed(0)} ms  total ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms`;
console.log(`${records.length.toLocaleString('en-US')} articles: ${stored.length} originals with ${versions} versions each, ${records.length - stored.length * (versions + 1)} other stories`);
console.log(row('all', cpu.map((c) => c.ms)));
for (const kind of ['edited', 'rewritten', 'no-source'] as const) console.log(row(kind, cpu.filter((c) => c.kind === kind).map((c) => c.ms)));
