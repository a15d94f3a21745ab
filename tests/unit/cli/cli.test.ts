import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliEngine } from '../../../cli/main.ts';
import type { JsonInputError, JsonReport } from '../../../cli/json-report.ts';
import { serializeCorpus } from '../../../lib/corpus/jsonl.ts';
import { contentHash } from '../../../lib/store/content-hash.ts';
import { fakeEngine, MemoryStore } from './fake-engine.ts';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

async function run(
  argv: string[],
  options: { engine?: () => Promise<CliEngine>; stderrIsTTY?: boolean; now?: () => number } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.stderrIsTTY ?? false },
      cwd: dir,
      now: options.now,
      // Nothing imported: without --corpus the bundled sample stands in.
      env: { PALIMPSEST_DB: path.join(dir, 'no-corpus-yet') },
    },
    options.engine ?? fakeEngine(),
  );
  return { code, stdout, stderr };
}

const SOURCE_TEXT = 'Prime Minister Imran Khan said on Monday: "They have broken the shackles of slavery in Afghanistan." The embassy has about 100 people.';
const PAGE_TEXT = 'Prime Minister Imran Khan said on Monday: "They have broken the chains of slavery in Afghanistan." The embassy has about 120 people.\n';
const OTHER_TEXT = 'Prime Minister Boris Johnson warned Western nations not to recognize the new rulers in Afghanistan on Monday.';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'palimpsest-cli-'));
  await writeFile(path.join(dir, 'page.txt'), PAGE_TEXT);
  await writeFile(path.join(dir, 'empty.txt'), '  \n');
  await writeFile(path.join(dir, 'notes.md'), PAGE_TEXT);
  await writeFile(
    path.join(dir, 'page.html'),
    `<html><head><title>Khan on slavery</title></head><body><nav>Home</nav><article><p>${PAGE_TEXT}</p></article></body></html>`,
  );
  await writeFile(path.join(dir, 'nav-only.html'), '<html><body><nav>Home</nav></body></html>');
  await writeFile(
    path.join(dir, 'corpus.jsonl'),
    serializeCorpus([
      { id: 'src', text: SOURCE_TEXT, title: 'Khan hails Taliban', site: 'The Source', published: '2021-08-16', lang: 'en' },
      { id: 'other', text: OTHER_TEXT, title: 'Johnson warns', site: 'Elsewhere', published: '2021-08-15' },
    ]),
  );
  await writeFile(
    path.join(dir, 'bad-lines.jsonl'),
    [
      '{"id":"broken","text":',
      JSON.stringify({ id: 'src', text: SOURCE_TEXT, title: 'Khan hails Taliban', site: 'The Source', published: '2021-08-16' }),
      '',
      '["not", "an", "object"]',
      '{"id":"no-text"}',
      '{"id":"src","text":"a second src"}',
      '{"id":"bad-date","text":"x","published":"16 August"}',
    ].join('\r\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('usage', () => {
  it('prints help on stdout with exit 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: palimpsest <command>/);
    expect(result.stderr).toBe('');
  });

  it('prints the check help, which documents the --json shape', async () => {
    const result = await run(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--corpus');
    expect(result.stdout).toContain('JSON Lines, one object per input');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `palimpsest ${version}\n`, stderr: '' });
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['check'], /check needs at least one file/],
    [['check', 'page.txt', '--corpus'], /argument missing/],
    [['check', 'page.txt', '--bogus'], /unknown option '--bogus'/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const result = await run(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: palimpsest');
  });
});

describe('input files', () => {
  it('reports a missing file and exits 1', async () => {
    const result = await run(['check', 'nowhere.txt', '--corpus', 'corpus.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('palimpsest: nowhere.txt: cannot read: no such file\n');
  });

  it('rejects unsupported file types and empty files', async () => {
    expect((await run(['check', 'notes.md'])).stderr).toMatch(/notes\.md: unsupported file type '\.md'/);
    expect((await run(['check', 'empty.txt'])).stderr).toMatch(/empty\.txt: the file is empty/);
  });

  it('reports a page without an article', async () => {
    const result = await run(['check', 'nav-only.html', '--corpus', 'corpus.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nav-only.html: no article found in the page');
  });

  it('still checks the good inputs when one fails, and exits 1', async () => {
    const result = await run(['check', 'nowhere.txt', 'page.txt', '--corpus', 'corpus.jsonl', '--json']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ input: 'nowhere.txt', error: 'nowhere.txt: cannot read: no such file' } satisfies JsonInputError);
    expect(lines[1].input).toBe('page.txt');
    expect(lines[1].original).toBe('src');
  });

  it('uses a .txt file exactly as read', async () => {
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl', '--json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.article.text).toBe(PAGE_TEXT);
  });

  it('extracts the article from an .html page', async () => {
    const result = await run(['check', 'page.html', '--corpus', 'corpus.jsonl', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.article.title).toBe('Khan on slavery');
    expect(report.article.text).toBe(PAGE_TEXT.trim());
    expect(report.article.url).toBe(`file://${path.join(dir, 'page.html')}`);
  });
});

describe('corpus loading', () => {
  it('reports bad lines with their numbers on stderr and uses the good ones', async () => {
    const store = new MemoryStore();
    const result = await run(['check', 'page.txt', '--corpus', 'bad-lines.jsonl', '--json'], { engine: fakeEngine(store) });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^bad-lines\.jsonl:1: invalid JSON: /),
      'bad-lines.jsonl:4: not a JSON object (found array)',
      'bad-lines.jsonl:5: missing "text"',
      'bad-lines.jsonl:6: duplicate id "src" (first on line 2)',
      'bad-lines.jsonl:7: "published" is not an ISO 8601 date: "16 August"',
      'bad-lines.jsonl: skipped 5 bad lines; using the other 1 record',
      '',
    ]);
    expect([...store.records.keys()]).toEqual(['src']);
    expect(store.records.get('src')!.text).toBe(SOURCE_TEXT);
    expect((JSON.parse(result.stdout) as JsonReport).original).toBe('src');
    expect(store.closed).toBe(true);
  });

  it('loads several corpus files and reports ids already loaded', async () => {
    const store = new MemoryStore();
    const result = await run(['check', 'page.txt', '-c', 'corpus.jsonl', '-c', 'corpus.jsonl'], { engine: fakeEngine(store) });
    expect(result.code).toBe(0);
    expect(store.records.size).toBe(2);
    expect(store.settled).toBe(2);
    expect(result.stderr).toBe('corpus.jsonl: skipped 2 records whose id was already loaded\n');
  });

  it('uses the bundled sample corpus by default', async () => {
    const store = new MemoryStore();
    await run(['check', 'page.txt'], { engine: fakeEngine(store) });
    expect([...store.records.keys()]).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
  });

  it('fails with exit 1 when a corpus file cannot be read', async () => {
    const result = await run(['check', 'page.txt', '--corpus', 'missing.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('palimpsest: cannot read corpus missing.jsonl: no such file\n');
    expect(result.stdout).toBe('');
  });

  it('shows progress on a terminal stderr, never on stdout', async () => {
    let clock = 0;
    const slowClock = () => (clock += 1000);
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl', '--json'], {
      stderrIsTTY: true,
      now: slowClock,
    });
    expect(result.stderr).toMatch(/\r\x1b\[KLoading corpus\.jsonl: 2 records \([\d,]+ records\/s, 100% read\)/);
    expect(result.stderr).toMatch(/Loaded 2 records from corpus\.jsonl in [\d.]+ s \([\d,]+ records\/s\)\n$/);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('stays quiet about a quick load when stderr is not a terminal', async () => {
    let clock = 0;
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl'], { now: () => (clock += 1) });
    expect(result.stderr).toBe('');
  });

  it('logs progress lines off a terminal when loading is slow', async () => {
    let clock = 0;
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl'], { now: () => (clock += 10_000) });
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^Loading corpus\.jsonl: 2 records \([\d,]+ records\/s, 100% read\)$/),
      expect.stringMatching(/^Loaded 2 records from corpus\.jsonl in [\d.]+ s/),
      '',
    ]);
  });
});

describe('--json', () => {
  it('prints one JSON object per input, in argument order', async () => {
    const result = await run(['check', 'page.txt', 'page.html', '--corpus', 'corpus.jsonl', '--json']);
    const lines = result.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    const reports = lines.slice(0, -1).map((line) => JSON.parse(line) as JsonReport);
    expect(reports.map((report) => report.input)).toEqual(['page.txt', 'page.html']);
  });

  it('passes the corrections of every corpus file to the check, and lists the records they left out', async () => {
    const correction = { correction: 'not-a-version', a: { hash: contentHash(PAGE_TEXT) }, b: { id: 'src', title: 'Khan hails Taliban' }, at: '2026-12-05T10:00:00Z' };
    await writeFile(path.join(dir, 'corrections.jsonl'), `${JSON.stringify(correction)}\n`);
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl', '--corpus', 'corrections.jsonl', '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.matches.map((match) => match.id)).toEqual(['other']);
    expect(report.original).toBeNull();
    expect(report.corrected).toEqual([{ id: 'src', title: 'Khan hails Taliban', site: 'The Source', url: null }]);
  });

  it('has the documented shape', async () => {
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl', '--json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['input', 'article', 'matches', 'drift', 'original', 'truncated', 'corrected', 'lineage', 'quotes']);
    expect(report.quotes).toEqual([]);
    expect(report.corrected).toEqual([]);
    expect(report.lineage?.root).toBe('src');
    expect(report.lineage?.edges).toEqual([expect.objectContaining({ from: 'src', to: 'page' })]);
    expect(Object.keys(report.lineage!.nodes[0])).toEqual(['id', 'isPage', 'title', 'site', 'url', 'lang', 'date', 'parent', 'uncertain', 'candidates']);
    expect(Object.keys(report.article)).toEqual([
      'title', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'url', 'lang', 'text', 'captions', 'furniture',
    ]);
    expect(report.article).toMatchObject({ title: null, captions: [], furniture: [] });
    expect(report.matches.map((match) => [match.id, match.relation, match.direction])).toEqual([
      ['src', 'edited-copy', 'original'],
      ['other', 'same-story', 'unknown'],
    ]);
    expect(Object.keys(report.matches[0])).toEqual([
      'id', 'relation', 'score', 'direction', 'confidence', 'evidence', 'title', 'site', 'url', 'published', 'lang', 'passages',
    ]);
    expect(report.matches[0]).toMatchObject({ title: 'Khan hails Taliban', site: 'The Source', published: '2021-08-16' });
    expect(report.original).toBe('src');
    for (const item of report.drift) {
      expect(Object.keys(item)).toEqual(['kind', 'severity', 'summary', 'page', 'source']);
      expect(Object.keys(item.page)).toEqual(['text', 'start', 'end']);
      expect(Object.keys(item.source)).toEqual(['id', 'text', 'start', 'end']);
    }
  });

  it('gives offsets that slice back to the quoted text', async () => {
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl', '--json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.drift.length).toBeGreaterThan(0);
    for (const item of report.drift) {
      expect(PAGE_TEXT.slice(item.page.start, item.page.end)).toBe(item.page.text);
      expect(SOURCE_TEXT.slice(item.source.start, item.source.end)).toBe(item.source.text);
    }
    const quoted = report.drift.map((item) => `${item.source.text.trim()} -> ${item.page.text.trim()}`);
    expect(quoted).toEqual(['shackles -> chains', '100 -> 120']);
  });
});

describe('summary for a person', () => {
  it('names the original, the versions, same-story coverage, and drift by kind', async () => {
    const result = await run(['check', 'page.txt', '--corpus', 'corpus.jsonl']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toEqual([
      'page.txt',
      '',
      'Original: The Source, 2021-08-16 — “Khan hails Taliban” [src]',
      expect.stringMatching(/^ {2}This page is an edited copy of it \(\d+% of its wording shared\)\.$/),
      '',
      'Versions, earliest first:',
      '  2021-08-16  The Source — “Khan hails Taliban” [src]',
      '      edited copy; the original',
      expect.stringMatching(/^ {6}· Shares \d+% of its wording with this page$/),
      '      · shares most of its wording',
      '      · Palimpsest is sure of this relation; of which came first, moderate confidence (75%).',
      '',
      'Lineage (who copied whom, earliest at the top):',
      '  The Source, 2021-08-16 [src]',
      '  └─ edit: this page, undated',
      '',
      'Same story, reported independently (not copies):',
      '  2021-08-15  Elsewhere — “Johnson warns” [other]',
      '',
      'Drift from the original (src), most serious first:',
      '  Numbers (1)',
      '    [severity 4] “100” became “120”',
      '      page:   “120”',
      '      source: “100”',
      '  Reworded (1)',
      '    [severity 2] “shackles” became “chains”',
      '      page:   “chains”',
      '      source: “shackles”',
      '',
    ]);
  });

  it('says when the original is unknown', async () => {
    await writeFile(path.join(dir, 'unrelated.txt'), 'Completely different words about gardening and tomatoes.');
    const result = await run(['check', 'unrelated.txt', '--corpus', 'corpus.jsonl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Original unknown: no stored article is an earlier version of this page.');
    expect(result.stdout).toContain('No related article among the 2 stored.');
  });

  it('keeps control characters from page text out of the terminal', async () => {
    await writeFile(path.join(dir, 'escape.txt'), PAGE_TEXT.replace('chains', 'chains\u001b[2J'));
    const result = await run(['check', 'escape.txt', '--corpus', 'corpus.jsonl']);
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('engine failures', () => {
  it('reports a failing check for that input and still reports the others', async () => {
    const base = fakeEngine();
    const engine = async () => {
      const parts = await base();
      return {
        ...parts,
        checkArticle: async (page: Parameters<CliEngine['checkArticle']>[0], store: Parameters<CliEngine['checkArticle']>[1]) => {
          if (page.text.includes('gardening')) throw new Error('alignment exploded');
          return parts.checkArticle(page, store);
        },
      };
    };
    await writeFile(path.join(dir, 'garden.txt'), 'Words about gardening.');
    const result = await run(['check', 'garden.txt', 'page.txt', '--corpus', 'corpus.jsonl', '--json'], { engine });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^palimpsest: garden\.txt: check failed: Error: alignment exploded/);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ input: 'garden.txt', error: 'check failed: alignment exploded' });
    expect(lines[1].original).toBe('src');
  });
});
