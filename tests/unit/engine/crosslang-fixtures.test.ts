/**
 * A story and its translations into eight languages (tests/fixtures/crosslang-tram), stored in the real store and
 * checked as the extension checks a page: each translation finds its English original without a translator, an
 * independent report of the same event stays the same story, an unrelated page finds nothing.
 */
import { readFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLexiconFiles } from '../../../cli/lexicons';
import { checkArticle, isCopyRelation } from '../../../lib/engine';
import { openCorpusStore } from '../../../lib/store';
import { languageName } from '../../../lib/wording/render';
import type { CorpusStore } from '../../../lib/store/types';
import { TRAM_FIXTURE, tramCorpus, tramPages } from '../helpers/crosslang-tram';

const corpus = tramCorpus();
const pages = tramPages();
const expected = JSON.parse(readFileSync(path.join(TRAM_FIXTURE, 'expected.json'), 'utf8')) as Record<string, { original: string | null; relations: Record<string, string> }>;

let store: CorpusStore;
beforeAll(async () => {
  useLexiconFiles();
  store = await openCorpusStore({ name: `crosslang-fixtures-${process.pid}`, indexedDB, IDBKeyRange });
  await store.addRecords(corpus);
  await store.settle();
});

async function check(id: string) {
  const { id: _id, ...page } = pages.get(id)!;
  const report = await checkArticle(page, store);
  const relations = Object.fromEntries(report.matches.map((m) => [m.id, m.relation]));
  return { report, relations };
}

function expectAsFixtureSays(id: string, found: Awaited<ReturnType<typeof check>>): void {
  const want = expected[id];
  expect(found.relations, id).toMatchObject(want.relations);
  expect(found.report.original, id).toBe(want.original);
}

const FAMILIES: Record<string, string[]> = {
  Cyrillic: ['ru-translation', 'uk-translation'],
  Latin: ['de-translation', 'fr-translation', 'es-translation'],
  CJK: ['ja-translation', 'zh-translation'],
  Arabic: ['ar-translation'],
};

describe.each(Object.entries(FAMILIES))('a %s translation finds its English original offline', (_family, ids) => {
  it.each(ids)('%s', async (id) => {
    const found = await check(id);
    expectAsFixtureSays(id, found);
    const match = found.report.matches.find((m) => m.id === 'en-original')!;
    // The languages by their English names, as the command line prints them.
    expect(match.evidence[0]).toMatch(new RegExp(`^Translation \\(English → ${languageName(pages.get(id)!.lang ?? '', 'en')}\\)`));
    // A faithful translation keeps every figure, name and negation, and drops no sentence.
    expect(found.report.drift.map((d) => d.summary), id).toEqual([]);
  });
});

describe('drift across languages', () => {
  it('reports the figures, names and sentences a translation changed, on both sides', async () => {
    const { report } = await check('fr-drift');
    expectAsFixtureSays('fr-drift', { report, relations: Object.fromEntries(report.matches.map((m) => [m.id, m.relation])) });
    const of = (kind: string) => report.drift.filter((d) => d.kind === kind).map((d) => [d.source.text, d.page.text]);
    expect(of('number')).toEqual([
      ['480 million', '420 millions'],
      ['45,000', '54 000'],
    ]);
    expect(of('name')).toEqual([['Brenner', 'Bremer']]);
    const dropped = report.drift.filter((d) => d.kind === 'dropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0].source.text).toMatch(/^Trams will run every six minutes/);
    // Source offsets point into the stored original, page offsets into the page.
    const original = corpus.find((r) => r.id === 'en-original')!;
    for (const d of report.drift) {
      expect(original.text.slice(d.source.start, d.source.end)).toBe(d.source.text);
      expect(pages.get('fr-drift')!.text.slice(d.page.start, d.page.end)).toBe(d.page.text);
    }
  });
});

describe('with a translator', () => {
  it('finds the original of a page the offline path cannot align, and says so', async () => {
    const offline = await check('ko-translation');
    expectAsFixtureSays('ko-translation', offline);
    const english = corpus.find((r) => r.id === 'en-original')!.text;
    const asked: string[] = [];
    const { id: _id, ...page } = pages.get('ko-translation')!;
    const report = await checkArticle(page, store, { translate: async (text, from, to) => (asked.push(`${from}>${to}`), to === 'en' ? english : text) });
    const want = expected['ko-translation'] as unknown as { withTranslator: { original: string; relations: Record<string, string> } };
    expect(Object.fromEntries(report.matches.map((m) => [m.id, m.relation]))).toMatchObject(want.withTranslator.relations);
    expect(report.original).toBe(want.withTranslator.original);
    expect(report.matches[0].evidence).toContain('Aligned through the on-device translator');
    expect(asked).toContain('ko>en');
  });
});

describe('what is not a translation', () => {
  it('an independent report of the same event in another language is the same story', async () => {
    const found = await check('de-report');
    expectAsFixtureSays('de-report', found);
    expect(found.report.matches.some((m) => isCopyRelation(m.relation))).toBe(false);
  });

  it('an unrelated page in another language finds no original', async () => {
    const found = await check('ru-unrelated');
    expect(found.report.original).toBeNull();
    expect(found.report.matches.filter((m) => m.relation !== 'unrelated')).toEqual([]);
  });
});
