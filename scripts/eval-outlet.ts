/**
 * `npm run eval:outlet`: are the full answer's claims right on one outlet's archive? Reuters-21578 stands for a
 * reader's corpus of one wire service: its stock phrases, template notices, refilings and follow-ups that reuse
 * background. See scripts/eval/outlet-set.ts for the three kinds of page checked.
 *
 *   npm run eval:outlet -- [--per-kind N] [--seed S] [--out path]
 *
 * Reported, with the targets the product is held to:
 * - held-out stories with a copy claim whose shared text (word 5-grams, measured apart from the engine) covers
 *   under a third of both articles (target 0); claims on stored refilings sharing at least half the text count as
 *   real versions, apart;
 * - a pasted sentence's story not called a copy (target ≥ 0.95), and how often it is listed as a shared passage;
 * - syndicated edits whose original is named (target ≥ 0.98), and how often an older story they only borrowed a
 *   paragraph from is named instead.
 * The data is research-licensed and read in place from ../shared; without it the script says so and exits 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { checkArticle, isCopyRelation } from '../lib/engine';
import { likelySources } from '../lib/sources';
import { openCorpusStore, type CorpusStore } from '../lib/store';
import type { CorpusRecord, Match, Report } from '../lib/types';
import { readReuters, reutersPath } from './bench/source';
import { percentile } from './bench/stats';
import { buildOutletSet, DEFAULT_OUTLET_OPTIONS, type OutletQuery, type OutletSetOptions } from './eval/outlet-set';
import { judgeCopyClaim, sharedTextShare } from './eval/shared-text';
import { positiveInteger, readOptions, runMain } from './eval/options';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options extends OutletSetOptions {
  out: string;
}

const USAGE = 'usage: npm run eval:outlet -- [--per-kind N] [--seed S] [--out path]';

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { 'per-kind': { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  return {
    ...DEFAULT_OUTLET_OPTIONS,
    perKind: values['per-kind'] === undefined ? DEFAULT_OUTLET_OPTIONS.perKind : positiveInteger(values['per-kind'], '--per-kind'),
    seed: values.seed === undefined ? DEFAULT_OUTLET_OPTIONS.seed : positiveInteger(values.seed, '--seed'),
    out: values.out ? path.resolve(values.out) : path.join(repoRoot, 'tests', '.artifacts', 'eval-outlet.json'),
  };
}

interface ClaimDetail {
  id: string;
  relation: string;
  direction: string;
  score: number;
  /** Shared text (word 5-grams) as a share of the page and of the stored text. */
  sharePage: number;
  shareStored: number;
  verdict: 'real version' | 'false claim' | 'unclear';
  measures: Match['measures'];
}

interface QueryDetail {
  id: string;
  kind: string;
  original: string | null;
  firstAnswer: string | null;
  claims: ClaimDetail[];
  sharedPassages: string[];
  /** pasted: the donor's relation; syndicated: whether the original named is right. */
  outcome?: string;
  /** How the engine listed the query's source (pasted, syndicated, rewritten). */
  sourceMatch?: { relation: string; direction: string; measures: Match['measures'] } | null;
  checkMs: number;
}

function judgeClaim(page: string, record: CorpusRecord, match: Match): ClaimDetail {
  return { id: match.id, relation: match.relation, direction: match.direction, score: match.score, ...judgeCopyClaim(page, record.text), measures: match.measures };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function claimsOf(report: Report, store: CorpusStore, page: string): Promise<ClaimDetail[]> {
  const copies = report.matches.filter((m) => isCopyRelation(m.relation));
  const records = await store.getRecords(copies.map((m) => m.id));
  return copies.map((m, i) => judgeClaim(page, records[i]!, m));
}

/** The syndicated page's original is right when it is the source, or an earlier stored version of the same text. */
async function syndicatedOutcome(query: OutletQuery, original: string | null, store: CorpusStore): Promise<string> {
  if (original === null) return 'none';
  if (original === query.source) return 'source';
  if (original === query.borrowedFrom) return 'borrowed-from';
  const [named, source] = await store.getRecords([original, query.source!]);
  if (named && source && (named.published ?? '') <= (source.published ?? '') && sharedTextShare(source.text, named.text) >= 0.8) return 'earlier-version';
  return 'other';
}

async function main(): Promise<number> {
  const options = readOptions('eval:outlet', USAGE, () => parseOptions(process.argv.slice(2)));
  if (!options) return 2;
  const stories = readReuters(reutersPath(repoRoot));
  if (!stories) {
    console.log(`eval:outlet skipped: ${reutersPath(repoRoot)} is not on this machine`);
    return 0;
  }
  const set = buildOutletSet(stories, options);
  const store = await openCorpusStore({ name: `eval-outlet-${process.pid}`, indexedDB: new IDBFactory(), IDBKeyRange });
  const importStarted = performance.now();
  for (let i = 0; i < set.records.length; i += 2000) await store.addRecords(set.records.slice(i, i + 2000));
  await store.settle();
  console.error(`stored ${await store.count()} stories in ${((performance.now() - importStarted) / 1000).toFixed(1)} s; ${set.queries.length} queries`);

  const details: QueryDetail[] = [];
  const times: number[] = [];
  for (const [n, query] of set.queries.entries()) {
    const started = performance.now();
    const report = await checkArticle(query.article, store);
    times.push(performance.now() - started);
    const first = await likelySources(query.article.text, store, { lang: 'en' });
    const detail: QueryDetail = {
      id: query.id,
      kind: query.kind,
      original: report.original,
      firstAnswer: first[0]?.id ?? null,
      claims: await claimsOf(report, store, query.article.text),
      sharedPassages: report.matches.filter((m) => m.relation === 'shared-passage').map((m) => m.id),
      checkMs: Math.round(times[times.length - 1]),
    };
    if (query.source) {
      const m = report.matches.find((match) => match.id === query.source);
      detail.sourceMatch = m ? { relation: m.relation, direction: m.direction, measures: m.measures } : null;
    }
    if (query.kind === 'pasted') detail.outcome = report.matches.find((m) => m.id === query.source)?.relation ?? 'not listed';
    if (query.kind === 'syndicated' || query.kind === 'rewritten') detail.outcome = await syndicatedOutcome(query, report.original, store);
    details.push(detail);
    if ((n + 1) % 50 === 0) console.error(`  ${n + 1} / ${set.queries.length}`);
  }
  store.close();
  const summary = summarise(details, times);
  printSummary(summary);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify({ options, summary, details }, null, 1));
  console.log(`details: ${path.relative(process.cwd(), options.out)}`);
  return 0;
}

function share(n: number, of: number): number {
  return of ? round(n / of) : 0;
}

function summarise(details: QueryDetail[], times: number[]) {
  const of = (kind: string) => details.filter((d) => d.kind === kind);
  const heldOut = of('held-out');
  const pasted = of('pasted');
  const syndicated = of('syndicated');
  const rewritten = of('rewritten');
  const named = (list: QueryDetail[]) => share(list.filter((d) => d.outcome === 'source' || d.outcome === 'earlier-version').length, list.length);
  const falseClaims = (d: QueryDetail) => d.claims.filter((c) => c.verdict === 'false claim');
  const unreal = (d: QueryDetail) => d.claims.filter((c) => c.verdict !== 'real version');
  const outcomes = (list: QueryDetail[]) => Object.fromEntries([...new Set(list.map((d) => d.outcome!))].map((o) => [o, list.filter((d) => d.outcome === o).length]));
  return {
    heldOut: {
      queries: heldOut.length,
      withFalseCopyClaim: heldOut.filter((d) => falseClaims(d).length > 0).length,
      falseCopyClaims: heldOut.reduce((n, d) => n + falseClaims(d).length, 0),
      unclearClaims: heldOut.reduce((n, d) => n + d.claims.filter((c) => c.verdict === 'unclear').length, 0),
      realVersionClaims: heldOut.reduce((n, d) => n + d.claims.filter((c) => c.verdict === 'real version').length, 0),
      noFalseCopyClaim: share(heldOut.filter((d) => falseClaims(d).length === 0).length, heldOut.length),
      noCopyClaimBeyondRealVersions: share(heldOut.filter((d) => unreal(d).length === 0).length, heldOut.length),
      withSharedPassages: heldOut.filter((d) => d.sharedPassages.length > 0).length,
    },
    pasted: {
      queries: pasted.length,
      notACopy: share(pasted.filter((d) => !isCopyRelation(d.outcome as Match['relation'])).length, pasted.length),
      listedAsSharedPassage: share(pasted.filter((d) => d.outcome === 'shared-passage').length, pasted.length),
      donorRelation: outcomes(pasted),
      withFalseCopyClaim: pasted.filter((d) => falseClaims(d).length > 0).length,
    },
    syndicated: {
      queries: syndicated.length,
      originalNamed: named(syndicated),
      outcomes: outcomes(syndicated),
      firstAnswerRight: share(syndicated.filter((d) => d.firstAnswer !== null && d.outcome !== undefined && (d.firstAnswer === d.id.replace(/^syndicated-/, '') || d.firstAnswer === d.original)).length, syndicated.length),
    },
    rewritten: { queries: rewritten.length, originalNamed: named(rewritten), outcomes: outcomes(rewritten) },
    checkMs: { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)) },
  };
}

function printSummary(s: ReturnType<typeof summarise>): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('Same-outlet evaluation (Reuters-21578)');
  console.log(`held-out stories (${s.heldOut.queries}): no copy claim on a text sharing under a third of both ${pct(s.heldOut.noFalseCopyClaim)} (target >= 98%)`);
  console.log(`  such claims: ${s.heldOut.falseCopyClaims} on ${s.heldOut.withFalseCopyClaim} stories (target 0); claims on texts sharing a third to a half (template notices, partial refilings): ${s.heldOut.unclearClaims}`);
  console.log(`  no copy claim but on stored refilings sharing half or more: ${pct(s.heldOut.noCopyClaimBeyondRealVersions)}; claims on such refilings (real versions): ${s.heldOut.realVersionClaims}`);
  console.log(`  stories listing shared passages: ${s.heldOut.withSharedPassages}`);
  console.log(`pasted sentence (${s.pasted.queries}): not a copy ${pct(s.pasted.notACopy)} (target >= 95%); listed as a shared passage ${pct(s.pasted.listedAsSharedPassage)}`);
  console.log(`  donor relation: ${JSON.stringify(s.pasted.donorRelation)}; stories with a false copy claim ${s.pasted.withFalseCopyClaim}`);
  console.log(`syndicated edits (${s.syndicated.queries}): original named ${pct(s.syndicated.originalNamed)} (target >= 98%); first answer right ${pct(s.syndicated.firstAnswerRight)}`);
  console.log(`  outcomes: ${JSON.stringify(s.syndicated.outcomes)}`);
  console.log(`rewritten copies (${s.rewritten.queries}): original named ${pct(s.rewritten.originalNamed)}; outcomes: ${JSON.stringify(s.rewritten.outcomes)}`);
  console.log(`full check p50 / p95: ${s.checkMs.p50} / ${s.checkMs.p95} ms`);
}

runMain(main);
