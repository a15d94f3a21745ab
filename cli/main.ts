import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Correction, PageArticle, Report } from '../lib/types.ts';
import { parseCommand } from './args.ts';
import { CorpusFileError, loadCorpusFile, type CorpusSink } from './corpus-loader.ts';
import { readInputArticle, InputError, type HtmlExtractor } from './input.ts';
import type { CliIO } from './io.ts';
import { loadEngine } from './engine.ts';
import { toJsonReport, type JsonInputError } from './json-report.ts';
import { formatTextReport } from './text-report.ts';

export type { CliIO } from './io.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS_PATH = path.join(repoRoot, 'assets', 'seed-corpus.jsonl');

/** A corpus store the CLI can fill and the engine can search. */
export interface CliStore extends CorpusSink {
  count(): Promise<number>;
  close?(): void | Promise<void>;
}

/** The engine pieces the CLI drives. Loaded lazily so --help and --version stay instant. */
export interface CliEngine {
  openStore(): Promise<CliStore>;
  checkArticle(page: PageArticle, store: CliStore, options?: { corrections?: readonly Correction[] }): Promise<Report>;
  extractFromHtml: HtmlExtractor;
}

export async function main(argv: string[], io: CliIO, engine: () => Promise<CliEngine> = loadEngine): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(command.text);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`palimpsest ${packageVersion()}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr.write(`palimpsest: ${command.message}\n\n${command.help}`);
      return EXIT_USAGE;
    case 'check':
      return runCheck(command, io, engine);
    case 'import':
    case 'export':
    case 'stats':
    case 'delete':
    case 'serve':
      return (await import('./store-commands.ts')).runStoreCommand(command, io);
  }
}

interface CheckCommand {
  files: string[];
  corpusPaths: string[];
  json: boolean;
  db?: string;
}

/** Says, on stderr, why the bundled sample stands in for the reader's own corpus. */
function sampleNote(where: string): string {
  return `palimpsest: no articles imported at ${where} yet: checking against the bundled sample corpus (palimpsest import stores yours)\n`;
}

/**
 * The corpus a check runs against: corpus files loaded for this run (--corpus), else the stored corpus (--db, or the
 * default one). When no --db was given and nothing was imported yet, the bundled sample stands in, with a note.
 */
async function openCheckCorpus(command: CheckCommand, io: CliIO, engine: CliEngine): Promise<{ store: CliStore; files: string[] } | { error: string }> {
  if (command.corpusPaths.length > 0) return { store: await engine.openStore(), files: command.corpusPaths };
  const { targetFor, neverCreated, openStoredCorpus, DatabaseError } = await import('./stored-corpus.ts');
  const target = targetFor(command.db, io);
  const where = target.kind === 'directory' ? target.path : 'the server';
  if (command.db === undefined && neverCreated(target)) {
    io.stderr.write(sampleNote(where));
    return { store: await engine.openStore(), files: [DEFAULT_CORPUS_PATH] };
  }
  try {
    const stored = await openStoredCorpus(target, io);
    if (command.db === undefined && (await stored.store.count()) === 0) {
      await stored.close();
      io.stderr.write(sampleNote(stored.where));
      return { store: await engine.openStore(), files: [DEFAULT_CORPUS_PATH] };
    }
    return { store: Object.assign(stored.store, { close: () => stored.close() }), files: [] };
  } catch (error) {
    if (error instanceof DatabaseError) return { error: error.message };
    throw error;
  }
}

type InputOutcome = { input: string; article: PageArticle } | { input: string; error: string };

async function runCheck(command: CheckCommand, io: CliIO, loadEngineParts: () => Promise<CliEngine>): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const now = io.now ?? (() => performance.now());
  let enginePromise: Promise<CliEngine> | undefined;
  const getEngine = () => (enginePromise ??= loadEngineParts());

  const inputs: InputOutcome[] = [];
  for (const input of command.files) {
    try {
      const article = await readInputArticle(path.resolve(cwd, input), input, async () => (await getEngine()).extractFromHtml);
      inputs.push({ input, article });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      inputs.push({ input, error: err.message });
    }
  }

  const reportError = (outcome: { input: string; error: string }) => {
    io.stderr.write(`palimpsest: ${outcome.error}\n`);
    if (command.json) io.stdout.write(`${JSON.stringify({ input: outcome.input, error: outcome.error } satisfies JsonInputError)}\n`);
  };

  if (inputs.every((outcome) => 'error' in outcome)) {
    for (const outcome of inputs) if ('error' in outcome) reportError(outcome);
    return EXIT_ERROR;
  }

  const engine = await getEngine();
  const opened = await openCheckCorpus(command, io, engine);
  if ('error' in opened) {
    io.stderr.write(`palimpsest: ${opened.error}\n`);
    return EXIT_ERROR;
  }
  const { store } = opened;
  try {
    const corrections: Correction[] = [];
    for (const corpusPath of opened.files) {

      const label = corpusPath === DEFAULT_CORPUS_PATH ? 'the sample corpus' : corpusPath;
      try {
        const loaded = await loadCorpusFile(path.resolve(cwd, corpusPath), store, { label, stderr: io.stderr, now });
        corrections.push(...loaded.corrections);
      } catch (err) {
        if (!(err instanceof CorpusFileError)) throw err;
        io.stderr.write(`palimpsest: ${err.message}\n`);
        return EXIT_ERROR;
      }
    }
    const corpusSize = await store.count();
    if (corpusSize === 0) io.stderr.write('palimpsest: warning: the corpus is empty; nothing to compare with\n');

    let failed = false;
    for (const [index, outcome] of inputs.entries()) {
      if ('error' in outcome) {
        reportError(outcome);
        failed = true;
        continue;
      }
      let report: Report;
      try {
        report = await engine.checkArticle(outcome.article, store, { corrections });
      } catch (err) {
        // An engine failure on one input should not cost the reports of the others.
        io.stderr.write(`palimpsest: ${outcome.input}: check failed: ${(err as Error)?.stack ?? String(err)}\n`);
        if (command.json) io.stdout.write(`${JSON.stringify({ input: outcome.input, error: `check failed: ${(err as Error)?.message ?? String(err)}` })}\n`);
        failed = true;
        continue;
      }
      if (command.json) {
        io.stdout.write(`${JSON.stringify(toJsonReport(outcome.input, report))}\n`);
      } else {
        if (index > 0) io.stdout.write('\n');
        io.stdout.write(formatTextReport(report, { input: outcome.input, corpusSize }));
      }
    }
    return failed ? EXIT_ERROR : EXIT_OK;
  } finally {
    await store.close?.();
  }
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Entry point for bin/palimpsest.js. */
export async function runFromProcess(): Promise<void> {
  // A reader that stops early (| head) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  try {
    process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
  } catch (err) {
    process.stderr.write(`palimpsest: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = EXIT_ERROR;
  }
}
