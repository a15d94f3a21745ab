/**
 * `npm run bench`: import throughput, index size, query latency (cold and warm), service worker memory and the
 * time from the toolbar click to the first result, at 1k, 10k and 100k articles, in Chromium (the built
 * extension) and in Node (the command line's code path), against a BM25 baseline answering the same queries.
 * Progress goes to stderr; the results table (markdown, for the README) to stdout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BATCH_LIMITS } from '../../lib/import/progress.ts';
import { parseBenchArgs, USAGE, type BenchOptions } from './args.ts';
import { chromiumUnavailable, runChromium, type ChromiumSetup } from './chromium-path.ts';
import { lineageTable, runLineage, type LineageRun } from './lineage.ts';
import { crawlRows, runCrawlImport, type CrawlRun } from './crawl-import.ts';
import { crawlFloorRows, runCrawlFloor } from './crawl-floor.ts';
import { crossLanguageTable, FOREIGN_EVERY, runCrossLanguage, type CrossLanguageRun } from './crosslang.ts';
import { describeCorpus, planCorpus, withQueries, MIN_QUERY_WORDS } from './corpus.ts';
import { cachedRecords, defaultCacheDir, generatorVersion } from './corpus-cache.ts';
import { runBaseline, runEngine } from './node-path.ts';
import { postgresTable, runPostgres, startPostgres, type PostgresRun, type PostgresServer } from './postgres-path.ts';
import { describeMachine, figuresOf, machineLine, markdownTable, pathDisagreements, type SizeRuns } from './report.ts';
import { readReuters, reutersPath } from './source.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const benchBuildDir = path.join(repoRoot, '.output', 'chrome-mv3-bench');
const productionBackground = path.join(repoRoot, '.output', 'chrome-mv3', 'background.js');

const log = (line: string) => process.stderr.write(`${line}\n`);

function chromiumVersion(): string | null {
  try {
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function buildBenchExtension(): boolean {
  log('building the extension in bench mode (wxt build --mode bench → .output/chrome-mv3-bench)…');
  const built = spawnSync('npx', ['wxt', 'build', '--mode', 'bench'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return built.status === 0;
}

/** The hooks must never ship: a normal build of the background has no trace of them. */
function productionBuildNote(): string {
  if (!existsSync(productionBackground)) return 'no production build at .output/chrome-mv3 to check for bench hooks';
  const wiring = [path.join(repoRoot, 'entrypoints', 'background.ts'), path.join(repoRoot, 'extension', 'background', 'bench-hooks.ts')];
  if (wiring.some((file) => statSync(file).mtimeMs > statSync(productionBackground).mtimeMs)) {
    return '.output/chrome-mv3 is older than the bench wiring: run `npm run build` to check it carries no bench hooks';
  }
  return readFileSync(productionBackground, 'utf8').includes('palimpsestBench')
    ? 'WARNING: .output/chrome-mv3/background.js contains the bench hooks'
    : '.output/chrome-mv3/background.js (production build) has no bench hooks';
}

async function chromiumSetup(options: BenchOptions): Promise<{ setup: ChromiumSetup | null; note: string }> {
  if (options.only === 'node' || options.only === 'postgres' || options.only === 'lineage' || options.only === 'crosslang' || options.only === 'corpus') return { setup: null, note: `Chromium not measured (--only ${options.only})` };
  if (!existsSync(chromiumPath)) return { setup: null, note: `Chromium not measured: no browser at ${chromiumPath} (set CHROMIUM_PATH)` };
  if (options.build && !options.extensionDir && !buildBenchExtension()) return { setup: null, note: 'Chromium not measured: the bench build failed' };
  const extensionDir = options.extensionDir ? path.resolve(options.extensionDir) : benchBuildDir;
  const setup: ChromiumSetup = {
    extensionDir,
    chromiumPath,
    repoRoot,
    coldSamples: options.coldSamples,
    warmClicks: 5,
    coldClicks: 3,
    ...(options.profileDir === null ? {} : { keptProfile: path.resolve(options.profileDir) }),
  };
  const missing = chromiumUnavailable(setup);
  return missing ? { setup: null, note: `Chromium not measured: ${missing}` } : { setup, note: productionBuildNote() };
}

/** The bulk-import row: a generated news crawl imported through the options page (needs no research data). */
async function crawlPart(options: BenchOptions, setup: ChromiumSetup | null, note: string): Promise<{ run: CrawlRun | null; lines: string[] }> {
  if (!setup) return { run: null, lines: [`Bulk import not measured: ${note}.`] };
  const run = await runCrawlImport({ extensionDir: setup.extensionDir, chromiumPath: setup.chromiumPath, repoRoot, megabytes: options.crawlMegabytes }, log);
  return {
    run,
    lines: [
      '',
      ...crawlRows(run),
      '',
      `Bulk import: a WARC.gz of generated news pages (about 50 KB of HTML each, request and response records, one gzip member per record, as CC-NEWS files), written into the temp directory${run.generatedSeconds !== null ? ` in ${run.generatedSeconds.toFixed(0)} s` : ' (kept from an earlier run)'}, chosen in the options page's web-archive card and imported with its Import button; ${run.extractors} extractor worker${run.extractors === 1 ? '' : 's'} beside the reader worker. The rate counts stored articles over the time importing (the pause while the page was closed left out). Heaps are V8's used JS heap.`,
    ],
  };
}

/** What the bulk import's work costs apart: the reader and keys in Node, IndexedDB alone, the store's path. */
async function crawlFloorPart(options: BenchOptions, setup: ChromiumSetup | null, note: string): Promise<number> {
  if (!setup) {
    process.stdout.write(`Bulk import's work not measured apart: ${note}.\n`);
    return 0;
  }
  const floor = await runCrawlFloor({ extensionDir: setup.extensionDir, chromiumPath: setup.chromiumPath, repoRoot, megabytes: options.crawlMegabytes }, log);
  const lines = [
    '',
    ...crawlFloorRows(floor),
    '',
    `The bulk import's work apart, for as many generated news articles as the crawl of ${options.crawlMegabytes} MB holds (the crawl row's pages): each row in a fresh browser (the bench build), CPU of all the browser's processes read from /proc. IndexedDB alone is an extension page's own script, no Dexie and none of the store's code; the store's path is the options page's import-batch requests to the service worker. ${note}.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeResults(options, { crawlFloor: floor });
  return 0;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { setup, note } = await chromiumSetup(options);
  log(note);
  if (options.only === 'crawl-floor') return crawlFloorPart(options, setup, note);
  const crawl = options.only === null || options.only === 'crawl' ? await crawlPart(options, setup, note) : { run: null, lines: [] };
  const dataFile = reutersPath(repoRoot);
  const stories = options.only === 'crawl' ? null : readReuters(dataFile);
  if (!stories) {
    const skipped = options.only === 'crawl' ? [] : [`Search benchmarks skipped: ${dataFile} is not on this machine (the corpora are built from it).`];
    process.stdout.write(`${[...skipped, ...crawl.lines].join('\n')}\n`);
    writeResults(options, { crawl: crawl.run });
    return 0;
  }
  const plan = planCorpus(stories);
  const version = generatorVersion(dataFile);
  const results: SizeRuns[] = [];
  const measureNode = options.only === null || options.only === 'node';
  const measureLineage = options.only === null || options.only === 'lineage';
  const lineageRuns: LineageRun[] = [];
  const measureCrossLanguage = options.only === null || options.only === 'crosslang';
  const crossRuns: CrossLanguageRun[] = [];
  const measurePostgres = options.only === null || options.only === 'postgres';
  const postgres: PostgresServer | null = measurePostgres ? startPostgres(repoRoot, log) : null;
  const postgresRuns: PostgresRun[] = [];
  try {
    for (const size of options.sizes) {
      const cached = await cachedRecords(plan, size, version);
      log(
        cached.builtSeconds === null
          ? `\n[${size}] corpus read from ${cached.file}`
          : `\n[${size}] corpus built in ${cached.builtSeconds.toFixed(0)} s and kept in ${cached.file} (under ${defaultCacheDir()}, reused while the generator is unchanged)`,
      );
      if (options.only === 'corpus') continue;
      const corpus = withQueries(plan, size, cached, options.queries);
      const description = describeCorpus(corpus, plan);
      log(`[${size}] ${description}`);
      // The cached records file is the corpus file the CLI path and PostgreSQL import.
      const file = cached.file;
      const runs: SizeRuns = { size, corpus: description, node: [], baseline: [], chromium: [] };
      for (let run = 1; run <= options.runs; run++) {
        if (options.runs > 1) log(`[${size}] run ${run}/${options.runs}`);
        if (postgres) postgresRuns.push(await runPostgres(corpus, file, postgres, options.coldSamples, log));
        if (measureNode) {
          runs.node.push(await runEngine(corpus, file, options.coldSamples, log));
          if (options.baseline) {
            runs.baseline.push(runBaseline(corpus));
            log(`  baseline: MiniSearch indexed and answered ${corpus.queries.length} queries`);
          }
        }
        if (setup) runs.chromium.push(await runChromium(corpus, setup, log));
      }
      if (measureLineage) lineageRuns.push(await runLineage(plan, corpus.records, options.chains, log));
      if (measureCrossLanguage) crossRuns.push(await runCrossLanguage(corpus, options.queries, log));
      results.push(runs);
    }
  } finally {
    postgres?.stop();
  }
  if (options.only === 'corpus') {
    process.stdout.write(`Corpora of ${options.sizes.join(', ')} articles kept in ${defaultCacheDir()} (generator version ${version}).\n`);
    return 0;
  }

  const figures = results.map(figuresOf);
  const machine = describeMachine(setup ? chromiumVersion() : null);
  const lineageLines = lineageRuns.length
    ? [lineageTable(lineageRuns), '', 'Lineage: chains of an original (stored), an edited copy of it and an edited copy of that copy (both stored, dated a day or more apart) and the page, an edited copy of the last; a copy is right when the lineage places it under its true parent. The cost is the time the check spends relating the versions to each other (the lineage, and the quotes across versions), timed inside checkArticle (CheckOptions.aroundLineage), per page, on the CLI path, in wall-clock time and in CPU time of the process (which other jobs on the machine do not lengthen); the full check is the rest of the same check.', '']
    : [];
  const crossLines = crossRuns.length
    ? [
        crossLanguageTable(crossRuns),
        '',
        `Cross-language: the same corpora with one stored original in ${FOREIGN_EVERY} (and its stored copies) in another language (German, French, Spanish, Italian, Portuguese, Polish, Russian, Greek, Arabic, Japanese in turn), rendered word by word through the offline lexicons (public/lexicons: each English word as the word whose first sense it is; names and numbers kept, decimal commas where the language writes them); the English queries' own originals stay English. Translation found first: an English original, never stored, checked in full; its top match is its foreign original or a stored copy of it, called a translation. Lexicons are loaded once before the timed checks (their loading is reported apart). English planted copies: the other rows' edited and rewritten queries among the foreign records. CLI path (lib/store on fake-indexeddb), warm.`,
        '',
      ]
    : [];
  const lines = [
    ...(options.only === 'postgres' || options.only === 'lineage' || options.only === 'crosslang' ? [] : [markdownTable(figures), '']),
    ...lineageLines,
    ...crossLines,
    ...(postgres ? [postgresTable(postgresRuns), '', `PostgreSQL: ${postgres.settings}; the same corpora and queries; cold = the first query on a new connection (the server's caches stay warm).`, ''] : []),
    machineLine(machine),
    `Runs per size: ${options.runs} (figures are medians over runs; latency percentiles are per run). ${note}.`,
    ...results.map((runs) => `- ${runs.corpus}.`),
    `Copies are word-level perturbations (words swapped for words of other stories, dropped, inserted and shuffled; sentences dropped or swapped; numbers changed). Queries come from stories of at least ${MIN_QUERY_WORDS} words. Top 1 is the engine's first answer (the closest likely source, lib/sources.ts; the full check's report.matches[0] is reported apart) and BM25's best hit (MiniSearch 7.2.0, fields title+text, queried with the article text).`,
    'Extension: the bench build (wxt build --mode bench); import through the options page\'s import-batch requests (batches of ' + DEFAULT_BATCH_LIMITS.maxRecords + ' records; reading the file is not timed); queries through the worker\'s real getCorpus + likelySources, full checks through checkArticle; cold = first query on a freshly started worker; memory = the worker\'s V8 heap (Runtime.getHeapUsage); click = Extensions.triggerAction on the seed 000 page until the real popup marks its first result (its first look or its full answer).',
    'CLI path: cli/corpus-loader.ts into lib/store on fake-indexeddb (in memory, as the CLI runs); cold = first query after reopening the store in the same process.',
  ];
  for (const runs of results) {
    const differ = pathDisagreements(runs);
    if (differ > 0) lines.push(`Note: at ${runs.size} the extension and the CLI path gave a different top 1 for ${differ} queries.`);
  }
  lines.push(...crawl.lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  writeResults(options, { machine, figures, runs: results, postgres: postgresRuns, crawl: crawl.run, lineage: lineageRuns, crossLanguage: crossRuns });
  return 0;
}

function writeResults(options: BenchOptions, results: object): void {
  mkdirSync(path.dirname(path.resolve(repoRoot, options.out)), { recursive: true });
  writeFileSync(path.resolve(repoRoot, options.out), JSON.stringify({ options, ...results }, null, 1));
  log(`\nresults written to ${options.out}`);
}

process.exitCode = await main();
