import { parseArgs } from 'node:util';

export const GENERAL_HELP = `Usage: palimpsest <command> [options]

Find where a news article came from: its original, earlier versions, and how the text drifted.

Commands:
  check <file>...   Check articles (.html, .htm or .txt) against a corpus of stored articles.

Options:
  -h, --help        Show help (also: palimpsest check --help).
  -V, --version     Show the version.

Exit codes: 0 success, 1 error (unreadable file, no article found, unreadable corpus), 2 usage error.
`;

export const CHECK_HELP = `Usage: palimpsest check <file>... [--corpus <corpus.jsonl>]... [--json]

Checks each file against the corpus and reports its original, the other versions of the story,
independent coverage of the same story, and how the wording drifted from the original.

Input files:
  .html, .htm       The article is extracted from the page (navigation, ads and furniture set aside);
                    offsets refer to the extracted article text, given as "article.text" in --json output.
  .txt              The file's content is the article text exactly as read (UTF-8); offsets refer to it.

Options:
  -c, --corpus <file>   Corpus JSONL, one article per line:
                        {"id", "text", "title"?, "url"?, "published"?, "site"?, "lang"?, "byline"?, "firstSeen"?}
                        A line may instead carry a reader's correction, as the extension exports it:
                        {"correction": "not-a-version", "a": {id?, url?, hash?}, "b": {...}, "at"}
                        (a and b are never listed as versions of each other, whichever is checked).
                        Repeat to load several files. Default: the bundled sample corpus
                        (assets/seed-corpus.jsonl). Bad lines are reported on stderr with their line
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

export type ParsedCommand =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'check'; files: string[]; corpusPaths: string[]; json: boolean }
  | { kind: 'usage-error'; message: string; help: string };

export function parseCommand(argv: string[]): ParsedCommand {
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command', help: GENERAL_HELP };
  if (command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help', text: GENERAL_HELP };
  }
  if (command === '-V' || command === '--version') return { kind: 'version' };
  if (command === 'check') return parseCheck(rest);
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
  return { kind: 'check', files: positionals, corpusPaths: values.corpus ?? [], json: values.json ?? false };
}

/** node:util messages end in advice about "--" that does not fit this tool; keep the first sentence. */
function cleanParseError(err: Error): string {
  const firstSentence = err.message.split('. ')[0].replace(/\.$/, '');
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}
