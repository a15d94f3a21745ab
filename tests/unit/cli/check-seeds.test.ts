/**
 * The command line driving the real engine, store and extraction on the seed story.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import type { JsonReport } from '../../../cli/json-report.ts';
import { notAVersion } from '../../../lib/corpus/corrections.ts';
import { serializeCorpus, serializeCorrections } from '../../../lib/corpus/jsonl.ts';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';
import { repoRoot, seedRecords as seeds, seedText } from '../helpers/seed-corpus.ts';

const fixturePage = (id: string) => path.join(repoRoot, 'tests', 'fixtures', id, 'page.html');

let dir: string;

const sampleNote = () =>
  `palimpsest: no articles imported at ${path.join(dir, 'no-corpus-yet')} yet: checking against the bundled sample corpus (palimpsest import stores yours)\n`;

async function check(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd: dir,
    // No corpus imported: the bundled sample stands in, as for a new reader.
    env: { PALIMPSEST_DB: path.join(dir, 'no-corpus-yet') },
  });
  return { code, stdout, stderr };
}

async function checkJson(argv: string[]): Promise<JsonReport> {
  const result = await check([...argv, '--json']);
  expect(result.stderr).toBe(argv.includes('--corpus') ? '' : sampleNote());
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

/** Every drift quote and passage must index the page text and the stored record's text. */
function expectOffsetsSliceBack(report: JsonReport, pageText: string) {
  for (const item of report.drift) {
    expect(pageText.slice(item.page.start, item.page.end)).toBe(item.page.text);
    expect(seedText(item.source.id).slice(item.source.start, item.source.end)).toBe(item.source.text);
  }
  for (const match of report.matches) {
    for (const passage of match.passages) {
      expect(0 <= passage.page[0] && passage.page[0] <= passage.page[1] && passage.page[1] <= pageText.length).toBe(true);
      const source = seedText(match.id);
      expect(0 <= passage.source[0] && passage.source[0] <= passage.source[1] && passage.source[1] <= source.length).toBe(true);
    }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'palimpsest-seeds-'));
  await writeFile(path.join(dir, 'seed-000.txt'), seedText('seed-000'));
  await writeFile(path.join(dir, 'without-000.jsonl'), serializeCorpus(seeds.filter((record) => record.id !== 'seed-000')));
  await writeFile(
    path.join(dir, 'damaged.jsonl'),
    ['{"id": "seed-001", "text": ', serializeCorpus(seeds.filter((record) => record.id === 'seed-001')).trim(), '{"id": "x"}'].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('palimpsest check on the seed story', BOUNDED_HEAVY_WORK, () => {
  it('names The Week as the original of the translated-and-back copy (HTML page, bundled corpus)', async () => {
    const report = await checkJson(['check', fixturePage('seed-000')]);
    expect(report.original).toBe('seed-001');
    expect(report.matches[0]).toMatchObject({ id: 'seed-001', relation: 'rewrite', direction: 'original', site: 'The Week' });
    expect(report.article.siteName).toBe('World News Digest');
    const sameStory = report.matches.filter((match) => match.relation === 'same-story').map((match) => match.id);
    expect(sameStory.sort()).toEqual(['seed-002', 'seed-003', 'seed-004']);
    const shackles = report.drift.find((item) => item.source.text.includes('shackles'));
    expect(shackles?.page.text).toContain('chains');
    expectOffsetsSliceBack(report, report.article.text);
  });

  it('shows no original for The Week and the copy as a later derivative', async () => {
    const report = await checkJson(['check', fixturePage('seed-001')]);
    expect(report.original).toBeNull();
    expect(report.matches.find((match) => match.id === 'seed-000')).toMatchObject({ relation: 'rewrite', direction: 'derivative' });
    expectOffsetsSliceBack(report, report.article.text);
  });

  it('treats independent coverage as the same story, not copies', async () => {
    const report = await checkJson(['check', fixturePage('seed-002')]);
    expect(report.original).toBeNull();
    expect(report.matches.length).toBeGreaterThan(0);
    for (const match of report.matches) expect(match.relation).toBe('same-story');
  });

  it('takes a .txt file as read: drift offsets index the file content', async () => {
    const fileText = readFileSync(path.join(dir, 'seed-000.txt'), 'utf8');
    const report = await checkJson(['check', 'seed-000.txt', '--corpus', 'without-000.jsonl']);
    expect(report.article.text).toBe(fileText);
    expect(report.original).toBe('seed-001');
    expect(report.drift.length).toBeGreaterThan(0);
    expectOffsetsSliceBack(report, fileText);
  });

  it('uses the good lines of a damaged corpus and reports the bad ones', async () => {
    const result = await check(['check', fixturePage('seed-000'), '--corpus', 'damaged.jsonl', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^damaged\.jsonl:1: invalid JSON: .*\ndamaged\.jsonl:3: missing "text"\n/);
    expect((JSON.parse(result.stdout) as JsonReport).original).toBe('seed-001');
  });

  it('prints a readable summary: original, versions, same story, drift by kind', async () => {
    const result = await check(['check', fixturePage('seed-000')]);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/^Original: The Week, 2021-08-16 — “Russia is already tentatively cozying up to the Taliban after Afghan sweep” \[seed-001\]$/m);
    expect(text).toMatch(/^ {2}This page is a machine-translated rewrite of it/m);
    expect(text).toContain('Versions, earliest first:');
    expect(text).toContain('Same story, reported independently (not copies):');
    expect(text).toContain('Drift from the original (seed-001), most serious first:');
    expect(text).toMatch(/page: {3}“They have broken the chains of slavery in Afghanistan,”\n {6}source: “They have broken the shackles of slavery in Afghanistan,”/);
  });

  it('shows the furniture it set aside on The Week page, apart from the compared text', async () => {
    const json = await checkJson(['check', fixturePage('seed-001')]);
    const startsAPiece = (start: string) => json.article.furniture!.some((piece) => piece.startsWith(start));
    expect(startsAPiece('Subscribe to The Week')).toBe(true);
    expect(startsAPiece("Sign up for The Week's Free Newsletters")).toBe(true);
    expect(startsAPiece('Peter has worked as a news and culture writer')).toBe(true);
    expect(json.article.text).not.toContain('Subscribe to The Week');
    expect(json.article.text).not.toContain('Peter has worked as a news and culture writer');

    const text = (await check(['check', fixturePage('seed-001')])).stdout;
    expect(text).toMatch(/^Set aside as page furniture \(\d+; not compared\):$/m);
    expect(text).toMatch(/^ {2}“Subscribe to The Week Escape your echo chamber\./m);
    expect(text).toMatch(/^ {2}“Sign up for The Week's Free Newsletters From our morning news briefing/m);
  });

  it('keeps the added photo caption of the translated copy apart as a caption', async () => {
    const text = (await check(['check', fixturePage('seed-000')])).stdout;
    expect(text).toMatch(/^Captions \(1; kept apart from the text\):\n {2}“Afghans applaud atop captured Soviet tank/m);
  });

  it('reports stored duplicates of the same text under another id', async () => {
    const copy = { ...seeds.find((record) => record.id === 'seed-002')!, id: 'forbes-again' };
    await writeFile(path.join(dir, 'with-copy.jsonl'), serializeCorpus([...seeds, copy]));
    const result = await check(['check', 'seed-000.txt', '--corpus', 'with-copy.jsonl']);
    expect(result.stderr).toBe(
      'with-copy.jsonl: skipped 1 record whose text is already stored under another id (e.g. "forbes-again" repeats "seed-002")\n',
    );
  });

  it('respects a correction line in the corpus file: the marked record is no version of either article', async () => {
    const seed = (id: string) => seeds.find((record) => record.id === id)!;
    const page000 = { text: seed('seed-000').text, url: seed('seed-000').url };
    const correction = notAVersion(page000, seed('seed-001'), '2026-12-05T10:00:00Z');
    await writeFile(path.join(dir, 'corrected.jsonl'), serializeCorpus(seeds) + serializeCorrections([correction]));

    const report = await checkJson(['check', fixturePage('seed-000'), '--corpus', 'corrected.jsonl']);
    expect(report.matches.map((match) => match.id)).not.toContain('seed-001');
    expect(report.original).toBeNull();
    expect(report.corrected).toEqual([{ id: 'seed-001', title: seed('seed-001').title, site: 'The Week', url: seed('seed-001').url }]);

    const other = await checkJson(['check', fixturePage('seed-001'), '--corpus', 'corrected.jsonl']);
    expect(other.matches.map((match) => match.id)).not.toContain('seed-000');
    expect(other.corrected.map((record) => record.id)).toEqual(['seed-000']);

    const text = (await check(['check', fixturePage('seed-000'), '--corpus', 'corrected.jsonl'])).stdout;
    expect(text).toMatch(/^Marked not a version of this page \(a correction in the corpus; left out above\):\n {2}The Week — “Russia is already tentatively cozying up to the Taliban after Afghan sweep” \[seed-001\]$/m);

    const plain = await checkJson(['check', fixturePage('seed-000')]);
    expect(plain.corrected).toEqual([]);
  });

  it('reports a malformed correction line by number and keeps the rest of the file', async () => {
    await writeFile(path.join(dir, 'bad-correction.jsonl'), `${serializeCorpus(seeds)}{"correction":"not-a-version","a":{"id":"seed-000"},"at":"2026-12-05"}\n`);
    const result = await check(['check', fixturePage('seed-000'), '--corpus', 'bad-correction.jsonl', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`bad-correction.jsonl:${seeds.length + 1}: correction: missing "b"\n`);
    expect((JSON.parse(result.stdout) as JsonReport).original).toBe('seed-001');
  });
});
