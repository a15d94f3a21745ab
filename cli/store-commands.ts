/** The commands on the stored corpus: import, export, stats, delete and serve. Loaded only when one of them runs. */
import { randomBytes } from 'node:crypto';
import type { ParsedCommand } from './args.ts';
import { deleteArticles, ExportError, exportCorpus, formatSummary } from './corpus-commands.ts';
import { describeOutcome, importFile, importSources } from './import-command.ts';
import type { CliIO } from './io.ts';
import { DEFAULT_MAX_IMPORT_BYTES } from './server.ts';
import { DatabaseError, openStoredCorpus, targetFor, type StoredCorpus } from './stored-corpus.ts';

type StoreCommand = Extract<ParsedCommand, { kind: 'import' | 'export' | 'stats' | 'delete' | 'serve' }>;

const EXIT_OK = 0;
const EXIT_ERROR = 1;

export async function runStoreCommand(command: StoreCommand, io: CliIO): Promise<number> {
  let corpus: StoredCorpus;
  try {
    corpus = await openStoredCorpus(targetFor(command.db, io), io);
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    io.stderr.write(`palimpsest: ${error.message}\n`);
    return EXIT_ERROR;
  }
  let closeWhenDone = true;
  try {
    switch (command.kind) {
      case 'import':
        return await runImport(command, corpus, io);
      case 'export': {
        const count = await exportCorpus(corpus, command.output, io);
        if (command.output !== undefined) io.stderr.write(`palimpsest: wrote ${count.toLocaleString('en-US')} articles to ${command.output}\n`);
        return EXIT_OK;
      }
      case 'stats': {
        const summary = await corpus.store.summary();
        io.stdout.write(command.json ? `${JSON.stringify({ where: corpus.where, ...summary })}\n` : formatSummary(summary, corpus.where));
        return EXIT_OK;
      }
      case 'delete': {
        const outcome = await deleteArticles(corpus, {
          ids: command.ids,
          filter: { site: command.site, before: command.before, after: command.after },
          all: command.all,
          yes: command.yes,
        });
        io.stderr.write(`palimpsest: ${outcome.message}\n`);
        return outcome.deleted ? EXIT_OK : EXIT_ERROR;
      }
      case 'serve':
        closeWhenDone = false;
        return await serve(command, corpus, io);
      default:
        return command satisfies never;
    }
  } catch (error) {
    if (error instanceof ExportError || error instanceof DatabaseError) {
      io.stderr.write(`palimpsest: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  } finally {
    if (closeWhenDone) await corpus.close();
  }
}

async function runImport(command: Extract<StoreCommand, { kind: 'import' }>, corpus: StoredCorpus, io: CliIO): Promise<number> {
  const extract = async () => (await import('../lib/extract/html.ts')).extractFromHtml;
  const { sources, errors } = await importSources(command.files, io, extract);
  for (const error of errors) io.stderr.write(`palimpsest: ${error}\n`);
  for (const source of sources) {
    const outcome = await importFile(source, corpus, io, { again: command.again });
    if (!outcome.skipped) io.stderr.write(`${describeOutcome(outcome)}\n`);
  }
  io.stderr.write(`palimpsest: ${(await corpus.store.count()).toLocaleString('en-US')} articles in the corpus at ${corpus.where}\n`);
  return errors.length > 0 ? EXIT_ERROR : EXIT_OK;
}

/** Runs until the process is told to stop (SIGINT, SIGTERM); resolves with the exit code then. */
async function serve(command: Extract<StoreCommand, { kind: 'serve' }>, corpus: StoredCorpus, io: CliIO): Promise<number> {
  const { createTeamServer } = await import('./server.ts');
  const env = io.env ?? process.env;
  const token = env.PALIMPSEST_TOKEN?.trim() || randomBytes(24).toString('base64url');
  if (!env.PALIMPSEST_TOKEN?.trim()) io.stderr.write(`palimpsest: no PALIMPSEST_TOKEN set; the token for this run is ${token}\n`);
  const server = createTeamServer(corpus, {
    token,
    maxCheckBytes: command.maxBodyBytes,
    maxImportBytes: Math.max(command.maxBodyBytes, DEFAULT_MAX_IMPORT_BYTES),
    log: (line) => io.stderr.write(`palimpsest: ${line}\n`),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(command.port, command.host, () => resolve());
    });
  } catch (error) {
    await corpus.close();
    io.stderr.write(`palimpsest: cannot listen on ${command.host}:${command.port}: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : command.port;
  io.stderr.write(`palimpsest: serving the corpus at ${corpus.where} on http://${command.host}:${port} (${(await corpus.store.count()).toLocaleString('en-US')} articles)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.stderr.write('palimpsest: stopping the server\n');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await corpus.close();
  return EXIT_OK;
}
