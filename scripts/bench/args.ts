/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';
import { positiveInteger } from '../eval/options.ts';

export type Part = 'node' | 'chromium' | 'postgres' | 'crawl' | 'crawl-floor' | 'lineage' | 'crosslang' | 'corpus';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  only: Part | null;
  /** Queries of each kind (edited copies, rewritten copies, no-source stories). */
  queries: number;
  coldSamples: number;
  out: string;
  build: boolean;
  /** The bench build to load (default .output/chrome-mv3-bench); another build's copy for A/B runs. */
  extensionDir: string | null;
  /** Size of the generated news crawl for the bulk-import row, in MB. */
  crawlMegabytes: number;
  /** Chains of copies per size for the lineage rows. */
  chains: number;
  /** Whether the BM25 baseline answers the same queries (it takes seconds a query at 100k on two cores). */
  baseline: boolean;
  /**
   * A browser profile directory kept between runs (Chromium path): the corpus is imported into it only when it does
   * not already hold that many articles, so builds copied in turn into the same extension directory (the same
   * extension id, so the same IndexedDB) are measured on one import.
   */
  profileDir: string | null;
}

export const USAGE = `usage: npm run bench -- [options]
  --sizes 1000,10000,100000   corpus sizes (articles)
  --runs N                    repeat each size N times and report medians (default 1)
  --only node|chromium|postgres|crawl|crawl-floor|lineage|crosslang|corpus
                              measure one part only (postgres: the stored corpus on a PostgreSQL server;
                              crawl: the bulk import of a generated WARC.gz; crawl-floor: what its work costs
                              apart, for as many articles as the crawl holds (not in a run without --only); lineage: chains of copies placed
                              in the lineage, and its cost beyond the full check; crosslang: a tenth of the
                              corpus in other languages, English pages checked against their foreign originals;
                              corpus: build the generated corpora into their cache and measure nothing)
                              Generated corpora are kept in $PALIMPSEST_BENCH_CACHE or <tmpdir>/palimpsest-bench-corpus,
                              named by size and generator version, and reused by later runs
  --chains N                  lineage chains per size (default 40)
  --crawl-mb N                size of the generated news crawl in MB (default 1024)
  --queries N                 queries of each kind: edited copies, rewritten copies, no-source stories (default 100)
  --cold N                    cold query samples per size and path (default 20)
  --out FILE                  results as JSON (default tests/.artifacts/bench.json)
  --no-build                  use the existing .output/chrome-mv3-bench build
  --extension DIR             load this bench build instead (with --no-build), e.g. a copy of another branch's
                              build for an A/B run beside this one
  --profile DIR               keep the browser profile in DIR and reuse it: the import runs only when DIR does not
                              hold the corpus of that size yet (its import rows then read n/a); with one size and a
                              fixed --extension directory, so that builds copied into it keep the same IndexedDB
  --no-baseline               leave out the BM25 baseline (MiniSearch): its rows stay empty; for comparing
                              two versions of the engine at 100k, where BM25 takes seconds a query
`;

const PARTS: readonly Part[] = ['node', 'chromium', 'postgres', 'crawl', 'crawl-floor', 'lineage', 'crosslang', 'corpus'];

function isPart(value: string): value is Part {
  return (PARTS as readonly string[]).includes(value);
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      runs: { type: 'string', default: '1' },
      only: { type: 'string' },
      queries: { type: 'string', default: '100' },
      cold: { type: 'string', default: '20' },
      out: { type: 'string', default: 'tests/.artifacts/bench.json' },
      'no-build': { type: 'boolean', default: false },
      extension: { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'crawl-mb': { type: 'string', default: '1024' },
      chains: { type: 'string', default: '40' },
    },
    strict: true,
  });
  const only = values.only ?? null;
  if (only !== null && !isPart(only)) throw new Error(`--only wants node, chromium, postgres, crawl, crawl-floor, lineage, crosslang or corpus, not "${only}"`);
  if (values.profile !== undefined && values.sizes.includes(',')) throw new Error('--profile keeps the corpus of one size: give one --sizes');
  // Sizes are separated by commas, so a size itself is written without thousands separators (or with "_").
  const sizes = values.sizes.split(',').map((size) => positiveInteger(size.trim(), '--sizes'));
  return {
    sizes,
    runs: positiveInteger(values.runs, '--runs'),
    only,
    queries: positiveInteger(values.queries, '--queries'),
    coldSamples: positiveInteger(values.cold, '--cold'),
    out: values.out,
    build: !values['no-build'],
    extensionDir: values.extension ?? null,
    crawlMegabytes: positiveInteger(values['crawl-mb'], '--crawl-mb'),
    chains: positiveInteger(values.chains, '--chains'),
    baseline: !values['no-baseline'],
    profileDir: values.profile ?? null,
  };
}
