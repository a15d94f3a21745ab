/**
 * Claims a reader can trust, on one outlet's archive (tests/fixtures/trust): stock phrases carry no evidence, a pasted
 * sentence is a shared passage, the original of a syndicated edit is the near-identical story and not an older one it
 * borrowed a paragraph from, an edited copy from the same site is a version with its drift, only the same address with
 * the same text is the page itself, and a page mixing thirty sources finds them all with the product's defaults.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { checkArticle, isCopyRelation } from '../../../lib/engine';
import { openCorpusStore, type CorpusStore } from '../../../lib/store';
import type { CorpusRecord, PageArticle, Report } from '../../../lib/types';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'trust');
const SITE = 'Harbour Gazette';

/** The archive: "## id | date | title" lines, each followed by its paragraphs. */
function readArchive(): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  for (const block of readFileSync(path.join(fixtures, 'stories.txt'), 'utf8').split(/^## /m).slice(1)) {
    const [head, ...paragraphs] = block.trim().split('\n');
    const [id, published, title] = head.split('|').map((part) => part.trim());
    records.push({ id, published, title, site: SITE, url: `https://harbourgazette.example/news/${id}`, lang: 'en', text: paragraphs.join('\n\n') });
  }
  return records;
}

interface Case {
  name: string;
  about: string;
  page: PageArticle;
  expect: { original: string | null; versions: string[]; sharedPassages: string[]; notListed?: string[]; driftKinds?: string[] };
}

const cases = JSON.parse(readFileSync(path.join(fixtures, 'pages.json'), 'utf8')) as Case[];
const archive = readArchive();
let store: CorpusStore;

beforeAll(async () => {
  store = await openCorpusStore({ name: 'trust', indexedDB: new IDBFactory(), IDBKeyRange });
  await store.addRecords(archive);
});

/** The report as the expected JSON describes it. */
function described(report: Report) {
  return {
    original: report.original,
    versions: report.matches.filter((m) => isCopyRelation(m.relation)).map((m) => m.id).sort(),
    sharedPassages: report.matches.filter((m) => m.relation === 'shared-passage').map((m) => m.id).sort(),
  };
}

/** The first field of the expectation that the report does not meet, or null. */
function firstDifference(report: Report, expected: Case['expect']): string | null {
  const actual = described(report);
  for (const field of ['original', 'versions', 'sharedPassages'] as const) {
    const want = Array.isArray(expected[field]) ? [...(expected[field] as string[])].sort() : expected[field];
    if (JSON.stringify(actual[field]) !== JSON.stringify(want)) return `${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual[field])}`;
  }
  const listed = new Set(report.matches.map((m) => m.id));
  for (const id of expected.notListed ?? []) if (listed.has(id)) return `notListed: ${id} is listed`;
  const kinds = new Set(report.drift.map((item) => item.kind));
  for (const kind of expected.driftKinds ?? []) if (!kinds.has(kind as never)) return `driftKinds: no ${kind} item in ${JSON.stringify([...kinds])}`;
  return null;
}

describe('answers a reader can trust on one outlet’s archive', () => {
  it('holds forty stored stories that share the outlet’s attribution formula', () => {
    const formula = archive.filter((record) => record.text.includes("told the Gazette's Morning Briefing programme"));
    expect(formula.length).toBeGreaterThanOrEqual(35);
  });

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.about}`, async () => {
      const report = await checkArticle(testCase.page, store);
      expect(firstDifference(report, testCase.expect), JSON.stringify(report.matches.map((m) => [m.id, m.relation, m.evidence]), null, 1)).toBeNull();
    });
  }

  it('aligns the stock formula with stored stories, and the corpus takes the evidence away', async () => {
    for (const name of ['stock-phrase', 'edited-copy-same-site']) {
      const { page, expect: expected } = cases.find((c) => c.name === name)!;
      // Alone, each pair of texts shares an aligned passage: the formula, with a word or two around it.
      const aligned = archive.filter((record) => {
        const align = alignPassages(page.text, record.text, { wordPairs: true });
        return align.passages.length > 0 || (align.withWordPairs?.length ?? 0) > 0;
      });
      const formulaOnly = aligned.filter((record) => !expected.versions.includes(record.id));
      expect(formulaOnly.length, name).toBeGreaterThan(0);
      // Against the archive it is a phrase forty stories use: none of them is listed as sharing a passage.
      const report = await checkArticle(page, store);
      const listed = report.matches.filter((m) => m.relation !== 'same-story').map((m) => m.id);
      expect(formulaOnly.filter((record) => listed.includes(record.id)).map((record) => record.id), name).toEqual([]);
    }
  });

  it('finds every source of a page that quotes a paragraph of thirty stories, with the product’s defaults', async () => {
    const sources = archive.slice(0, 30);
    const page: PageArticle = { text: sources.map((record) => record.text.split('\n\n')[0]).join('\n\n'), publishedTime: '2024-05-01', lang: 'en' };
    const report = await checkArticle(page, store);
    const found = new Set(report.matches.filter((m) => m.relation === 'shared-passage' || isCopyRelation(m.relation)).map((m) => m.id));
    expect(sources.filter((record) => !found.has(record.id)).map((record) => record.id)).toEqual([]);
    // None of them is the page's original: each holds a thirtieth of it.
    expect(report.original).toBeNull();
  });
});
