import { parseArgs } from 'node:util';

/** Where the corpus lives by default, as help says it (cli/database.ts decides). */
const DEFAULT_DB_HINT = 'the platform\'s data directory (~/.local/share/palimpsest/corpus on Linux)';

export const GENERAL_HELP = `Usage: palimpsest <command> [options]

Find where a news article came from: its original, earlier versions, and how the text drifted.

Commands:
  check <file>...     Check articles (.html, .htm or .txt) against the corpus.
  import <file>...    Store articles in the corpus: JSONL, JSONL.gz, WARC, WARC.gz, saved HTML pages.
  export              Write the whole corpus as JSONL.
  stats               Count the stored articles and the index.
  delete              Delete articles by id, site or date.
  serve               Run the team server: an HTTP JSON API over a shared corpus.

The corpus lives in PostgreSQL: by default embedded (PGlite) in a directory, $PALIMPSEST_DB or
${DEFAULT_DB_HINT}; --db <directory | postgres://user@host/db> picks another, a
postgres:// address a PostgreSQL server shared by a team.

Options:
  -h, --help        Show help (also: palimpsest <command> --help).
  -V, --version     Show the version.

Exit codes: 0 success, 1 error (unreadable file, no article found, unreadable corpus, database unreachable),
2 usage error.
`;

export const CHECK_HELP = `Usage: palimpsest check <file>... [--db <directory | postgres://…>] [--corpus <corpus.jsonl>]... [--json]

Checks each file against the corpus and reports its original, the other versions of the story,
independent coverage of the same story, and how the wording drifted from the original.

Input files:
  .html, .htm       The article is extracted from the page (navigation, ads and furniture set aside);
                    offsets refer to the extracted article text, given as "article.text" in --json output.
  .txt              The file's content is the article text exactly as read (UTF-8); offsets refer to it.

Options:
      --db <where>      The stored corpus (see palimpsest --help). When none was imported yet (and --db is
                        not given), the bundled sample corpus is used, with a note on stderr.
  -c, --corpus <file>   Instead of the stored corpus, a corpus JSONL loaded for this run only, one article per line:
                        {"id", "text", "title"?, "url"?, "published"?, "site"?, "lang"?, "byline"?, "firstSeen"?}
                        A line may instead carry a reader's correction, as the extension exports it:
                        {"correction": "not-a-version", "a": {id?, url?, hash?}, "b": {...}, "at"}
                        (a and b are never listed as versions of each other, whichever is checked).
                        Repeat to load several files. Bad lines are reported on stderr with their line

                        numbers and skipped; good lines are used.
      --json            Machine-readable output: JSON Lines, one object per input file, in argument order:
                          {"input", "article": {title, byline, siteName, publishedTime, modifiedTime, url,
                             lang, text, captions, furniture},
                           "matches": [{id, relation, score, direction, confidence, evidence, title, site,
                             url, published, lang, passages: [{page: [start, end], source: [start, end]}]}],
                           "drift": [{kind, severity, summary, page: {text, start, end},
                             source: {id, text, start, end}}],
                           "original": id or null, "truncated": boolean,
                           "corrected": [{id, title, site, url}]}   (left out by a correction)
                        Matches are best first. Offsets are [start, end) UTF-16 code-unit (JavaScript
                        string) offsets into the input text and into the corpus record's "text".
                        An input that fails gives {"input", "error"} instead.
  -h, --help            Show this help.

Progress while a corpus loads goes to stderr (live on a terminal, else a line every 10 s while loading
takes that long), never to stdout.

Examples:
  npx palimpsest check page.html
  npx palimpsest check a.html b.txt --corpus my-corpus.jsonl --json
`;

export const IMPORT_HELP = `Usage: palimpsest import <file>... [--db <directory | postgres://…>] [--again]

Stores the articles of each file in the corpus, with their index, so later checks need no loading.

Files, by name:
  .jsonl, .ndjson, .json        Corpus JSONL, one article per line (the format export writes).
  .jsonl.gz, .ndjson.gz         The same, gzip-compressed.
  .warc, .warc.gz               Web archives: every archived HTML page with an article, dated when archived.
  .html, .htm, .xhtml           Saved web pages: the article is extracted as from an open tab.

Bad records are reported on stderr with where they are (line, record or file) and why; the good ones are
stored. Each batch of up to 1,000 articles is stored whole or not at all, with the import's progress: an
import that was interrupted (Ctrl-C, a crash, a full disk) continues after its last stored batch when the
same command is run again. Articles already stored (same id, or the same text) are counted, not stored twice.
Progress goes to stderr.

Options:
      --db <where>   The corpus (see palimpsest --help).
      --again        Read files already imported once more (their articles are found stored already).
  -h, --help         Show this help.
`;

export const EXPORT_HELP = `Usage: palimpsest export [--db <directory | postgres://…>] [-o <file>]

Writes every stored article as JSONL, in the order stored: the format import and the extension read.

Options:
      --db <where>     The corpus (see palimpsest --help).
  -o, --output <file>  Write to this file (gzip-compressed when it ends in .gz) instead of stdout.
  -h, --help           Show this help.
`;

export const STATS_HELP = `Usage: palimpsest stats [--db <directory | postgres://…>] [--json]

Counts the stored articles, their sites and dates, and the size of the index.

Options:
      --db <where>   The corpus (see palimpsest --help).
      --json         One JSON object instead of a summary for people.
  -h, --help         Show this help.
`;

export const DELETE_HELP = `Usage: palimpsest delete [<id>...] [--site <name>] [--before <YYYY-MM-DD>] [--after <YYYY-MM-DD>] [--all] [--yes]
                        [--db <directory | postgres://…>]

Deletes articles and their index entries. Ids are deleted at once; --site, --before and --after (which combine:
all must hold) and --all first say how many articles they cover, and delete them only with --yes.
An article's date is its publication date or, when it has none, when it was first seen.

Options:
      --db <where>      The corpus (see palimpsest --help).
      --site <name>     Articles of this site.
      --before <day>    Articles dated before this day.
      --after <day>     Articles dated after this day.
      --all             Every article.
  -y, --yes             Delete what the filters cover.
  -h, --help            Show this help.
`;

export const SERVE_HELP = `Usage: palimpsest serve [--db <directory | postgres://…>] [--port <n>] [--host <address>]

Runs the team server: an HTTP JSON API over the corpus, for a newsroom sharing one corpus. Every request
needs the token, sent as "Authorization: Bearer <token>". The token is read from $PALIMPSEST_TOKEN, or
made up and printed once on stderr when that is not set.

  POST /v1/check          {"text": "…", "title"?, "url"?, "published"?, "lang"?}  or  {"html": "…", "url"?}
                          -> {"firstAnswer": [likely sources], "report": {matches, drift, original, …}}
  POST /v1/import         JSONL body, one article per line -> {"added", "duplicates", "problems": [{where, reason}]}
  GET  /v1/export         the corpus as JSONL
  GET  /v1/stats          counts of articles, sites and the index
  GET  /v1/record?id=…    one stored article
  GET  /v1/health         no token needed: {"ok": true}

Requests larger than --max-body (default 8 MB; imports 64 MB) are refused with 413. Errors are JSON:
{"error": "…"} with the HTTP status saying what kind.

Options:
      --db <where>       The corpus (see palimpsest --help); a postgres:// server for a team.
      --port <n>         Port to listen on (default 8080).
      --host <address>   Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).
      --max-body <MB>    Largest check request, in megabytes (default 8).
  -h, --help             Show this help.
`;

export type DatabaseOption = { db?: string };

export type ParsedCommand =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | ({ kind: 'check'; files: string[]; corpusPaths: string[]; json: boolean } & DatabaseOption)
  | ({ kind: 'import'; files: string[]; again: boolean } & DatabaseOption)
  | ({ kind: 'export'; output?: string } & DatabaseOption)
  | ({ kind: 'stats'; json: boolean } & DatabaseOption)
  | ({ kind: 'delete'; ids: string[]; site?: string; before?: string; after?: string; all: boolean; yes: boolean } & DatabaseOption)
  | ({ kind: 'serve'; port: number; host: string; maxBodyBytes: number } & DatabaseOption)
  | { kind: 'usage-error'; message: string; help: string };

export function parseCommand(argv: string[]): ParsedCommand {
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command', help: GENERAL_HELP };
  if (command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help', text: GENERAL_HELP };
  }
  if (command === '-V' || command === '--version') return { kind: 'version' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'import') return parseImport(rest);
  if (command === 'export') return parseExport(rest);
  if (command === 'stats') return parseStats(rest);
  if (command === 'delete') return parseDelete(rest);
  if (command === 'serve') return parseServe(rest);
  const message = command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`;
  return { kind: 'usage-error', message, help: GENERAL_HELP };
}

function parseCheck(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        corpus: { type: 'string', short: 'c', multiple: true },
        db: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { kind: 'usage-error', message: cleanParseError(err as Error), help: CHECK_HELP };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: CHECK_HELP };
  if (positionals.length === 0) {
    return { kind: 'usage-error', message: 'check needs at least one file to check', help: CHECK_HELP };
  }
  if (values.db !== undefined && values.corpus !== undefined) {
    return { kind: 'usage-error', message: 'use either --db or --corpus, not both', help: CHECK_HELP };
  }
  return { kind: 'check', files: positionals, corpusPaths: values.corpus ?? [], json: values.json ?? false, db: values.db };
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** parseArgs with --db and --help added, or the usage error to show. */
function parseWith<O extends OptionSpec>(argv: string[], options: O, help: string) {
  try {
    const parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) return { help: { kind: 'help', text: help } as ParsedCommand };
    return { values, positionals: parsed.positionals };
  } catch (err) {
    return { help: { kind: 'usage-error', message: cleanParseError(err as Error), help } as ParsedCommand };
  }
}

const asString = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function parseImport(argv: string[]): ParsedCommand {
  const parsed = parseWith(argv, { again: { type: 'boolean' } }, IMPORT_HELP);
  if ('help' in parsed) return parsed.help!;
  if (parsed.positionals.length === 0) return { kind: 'usage-error', message: 'import needs at least one file', help: IMPORT_HELP };
  return { kind: 'import', files: parsed.positionals, again: parsed.values.again === true, db: asString(parsed.values.db) };
}

function noPositionals(positionals: string[], command: string, help: string): ParsedCommand | null {
  return positionals.length > 0 ? { kind: 'usage-error', message: `${command} takes no file arguments (found '${positionals[0]}')`, help } : null;
}

function parseExport(argv: string[]): ParsedCommand {
  const parsed = parseWith(argv, { output: { type: 'string', short: 'o' } }, EXPORT_HELP);
  if ('help' in parsed) return parsed.help!;
  return noPositionals(parsed.positionals, 'export', EXPORT_HELP) ?? { kind: 'export', output: asString(parsed.values.output), db: asString(parsed.values.db) };
}

function parseStats(argv: string[]): ParsedCommand {
  const parsed = parseWith(argv, { json: { type: 'boolean' } }, STATS_HELP);
  if ('help' in parsed) return parsed.help!;
  return noPositionals(parsed.positionals, 'stats', STATS_HELP) ?? { kind: 'stats', json: parsed.values.json === true, db: asString(parsed.values.db) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDelete(argv: string[]): ParsedCommand {
  const parsed = parseWith(
    argv,
    { site: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' }, all: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
    DELETE_HELP,
  );
  if ('help' in parsed) return parsed.help!;
  const { values, positionals } = parsed;
  const [site, before, after] = [asString(values.site), asString(values.before), asString(values.after)];
  for (const [name, day] of [['--before', before], ['--after', after]] as const) {
    if (day !== undefined && !DAY.test(day)) return { kind: 'usage-error', message: `${name} wants a day as YYYY-MM-DD, not '${day}'`, help: DELETE_HELP };
  }
  const filtered = site !== undefined || before !== undefined || after !== undefined;
  const all = values.all === true;
  if (positionals.length === 0 && !filtered && !all) return { kind: 'usage-error', message: 'delete needs ids, a filter (--site, --before, --after) or --all', help: DELETE_HELP };
  if (all && (filtered || positionals.length > 0)) return { kind: 'usage-error', message: '--all deletes everything: give it alone', help: DELETE_HELP };
  return { kind: 'delete', ids: positionals, site, before, after, all, yes: values.yes === true, db: asString(values.db) };
}

function parseServe(argv: string[]): ParsedCommand {
  const parsed = parseWith(argv, { port: { type: 'string' }, host: { type: 'string' }, 'max-body': { type: 'string' } }, SERVE_HELP);
  if ('help' in parsed) return parsed.help!;
  const refused = noPositionals(parsed.positionals, 'serve', SERVE_HELP);
  if (refused) return refused;
  const port = Number(asString(parsed.values.port) ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { kind: 'usage-error', message: `--port wants a port number, not '${parsed.values.port}'`, help: SERVE_HELP };
  const megabytes = Number(asString(parsed.values['max-body']) ?? 8);
  if (!(megabytes > 0 && megabytes <= 1024)) return { kind: 'usage-error', message: `--max-body wants megabytes between 0 and 1024, not '${parsed.values['max-body']}'`, help: SERVE_HELP };
  return { kind: 'serve', port, host: asString(parsed.values.host) ?? '127.0.0.1', maxBodyBytes: Math.round(megabytes * 1024 * 1024), db: asString(parsed.values.db) };
}

/** node:util messages end in advice about "--" that does not fit this tool; keep the first sentence. */
function cleanParseError(err: Error): string {
  const firstSentence = err.message.split('. ')[0].replace(/\.$/, '');
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}
