import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCorpus, serializeCorpus } from '../../../lib/corpus/jsonl.ts';
import { buildSeedCorpus, seedRecord } from '../../../lib/corpus/seed-corpus.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const bundledPath = path.join(repoRoot, 'assets', 'seed-corpus.jsonl');

describe('bundled seed corpus', () => {
  it('parses without errors into the five seeds', async () => {
    const { records, errors } = parseCorpus(await readFile(bundledPath, 'utf8'));
    expect(errors).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    for (const record of records) {
      expect(record.lang).toBe('en');
      expect(record.published).toMatch(/^2021-08-1[67]T/);
      expect(record.title).toBeTruthy();
      expect(record.url).toMatch(/^https:\/\//);
    }
  });

  it('moves the capture headers and the title line out of the text', async () => {
    const { records } = parseCorpus(await readFile(bundledPath, 'utf8'));
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get('seed-000')).toMatchObject({ published: '2021-08-17T06:12:09Z', site: 'World News Digest' });
    expect(byId.get('seed-000')!.text.startsWith('Afghans applaud atop captured Soviet tank')).toBe(true);
    expect(byId.get('seed-001')).toMatchObject({
      title: 'Russia is already tentatively cozying up to the Taliban after Afghan sweep',
      site: 'The Week',
    });
    expect(byId.get('seed-001')!.text.startsWith('The U.S. and other Western nations')).toBe(true);
    // Page furniture stays in the record as captured; the engine sets it aside.
    expect(byId.get('seed-001')!.text).toContain('Sign up for The Week');
    expect(byId.get('seed-002')).toMatchObject({ byline: 'Robert Hart', site: 'Forbes' });
    expect(byId.get('seed-002')!.url).toMatch(/^https:\/\/www\.forbes\.com\/sites\/roberthart\/2021\/08\/16\/[a-z-]+\/$/);
    expect(byId.get('seed-002')!.text.startsWith('Topline')).toBe(true);
    expect(byId.get('seed-004')).toMatchObject({ site: 'Frankfurter Allgemeine Zeitung', byline: 'Friedrich Schmidt' });
    for (const record of records) expect(record.text).not.toMatch(/^\s*date \d{4}/);
  });

  it('agrees with the metadata of the fixture pages built from the same seeds', async () => {
    const { records } = parseCorpus(await readFile(bundledPath, 'utf8'));
    for (const record of records) {
      const expectedPath = path.join(repoRoot, 'tests', 'fixtures', record.id, 'expected.json');
      if (!existsSync(expectedPath)) continue;
      const page = JSON.parse(await readFile(expectedPath, 'utf8'));
      expect({ id: record.id, title: record.title, url: record.url, site: record.site, byline: record.byline ?? null, lang: record.lang }).toEqual({
        id: record.id,
        title: page.title,
        url: page.url,
        site: page.siteName,
        byline: page.byline ?? null,
        lang: page.lang,
      });
      expect(Date.parse(record.published!)).toBe(Date.parse(page.publishedTime));
    }
  });

  it('rejects a file that is not a known seed', () => {
    expect(() => seedRecord({ name: 'notes.txt', text: 'x' })).toThrow(/Not a known seed/);
  });

  it.skipIf(!existsSync(seedsDir))('is what scripts/build-seed-corpus.ts makes from the seed texts', async () => {
    const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt'));
    const files = await Promise.all(
      names.map(async (name) => ({ name, text: await readFile(path.join(seedsDir, name), 'utf8') })),
    );
    expect(serializeCorpus(buildSeedCorpus(files))).toBe(await readFile(bundledPath, 'utf8'));
  });
});
