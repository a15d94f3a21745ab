/**
 * The reader's "not a version of this page" on the seed story: the engine leaves the corrected record out of every
 * list and of the original, lists it apart, respects it from either article's side, and the correction survives
 * the corpus database and a JSONL export and import.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { notAVersion } from '../../../lib/corpus/corrections.ts';
import { parseCorpus, serializeCorpus, serializeCorrections } from '../../../lib/corpus/jsonl.ts';
import { checkArticle, findPassage } from '../../../lib/engine.ts';
import { openCorpusStore } from '../../../lib/store/index.ts';
import type { CorpusRecord, Correction, PageArticle, Report } from '../../../lib/types.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const seeds = parseCorpus(readFileSync(path.join(repoRoot, 'assets', 'seed-corpus.jsonl'), 'utf8')).records;
const seed = (id: string): CorpusRecord => seeds.find((record) => record.id === id)!;

function pageOf(record: CorpusRecord, changes: Partial<PageArticle> = {}): PageArticle {
  return { text: record.text, title: record.title, siteName: record.site, publishedTime: record.published, url: record.url, lang: record.lang, ...changes };
}

const AT = '2026-12-05T10:00:00Z';
const page000 = pageOf(seed('seed-000'));
const notSeed001 = notAVersion(page000, seed('seed-001'), AT);

let counter = 0;
const stores: { close(): void }[] = [];
async function storeWith(records: CorpusRecord[]) {
  const store = await openCorpusStore({ name: `engine-corrections-${process.pid}-${++counter}`, indexedDB, IDBKeyRange });
  stores.push(store);
  await store.addRecords(records);
  return store;
}
afterAll(() => stores.forEach((store) => store.close()));

const store = await storeWith(seeds);
const ids = (report: Report) => report.matches.map((match) => match.id);

/** What a check of seed 000 says with these corrections: the corrected record gone, the rest as before. */
function expectSeed001LeftOut(report: Report): void {
  expect(ids(report)).not.toContain('seed-001');
  expect(report.original).not.toBe('seed-001');
  expect(report.comparison?.sourceId).not.toBe('seed-001');
  expect(report.drift.some((item) => item.source.id === 'seed-001')).toBe(false);
  expect(report.corrected.map((record) => record.id)).toEqual(['seed-001']);
}

describe('a correction in a check', async () => {
  const before = await checkArticle(page000, store);
  const after = await checkArticle(page000, store, { corrections: [notSeed001] });

  it('starts from seed 001 named as the original of seed 000', () => {
    expect(before.original).toBe('seed-001');
    expect(before.corrected).toEqual([]);
  });

  it('leaves the record out of the versions and the original, and lists it apart for an undo', () => {
    expectSeed001LeftOut(after);
    expect(after.original).toBeNull();
    expect(after.corrected).toEqual([{ id: 'seed-001', title: seed('seed-001').title, site: 'The Week', url: seed('seed-001').url }]);
  });

  it('changes nothing else: the same-story coverage stays', () => {
    const sameStory = (report: Report) => report.matches.filter((match) => match.relation === 'same-story').map((match) => match.id).sort();
    expect(sameStory(after)).toEqual(sameStory(before));
    expect(sameStory(after)).toEqual(['seed-002', 'seed-003', 'seed-004']);
  });

  it('holds when the record is asked for by the first answer (include)', async () => {
    expectSeed001LeftOut(await checkArticle(page000, store, { corrections: [notSeed001], include: ['seed-001'] }));
  });

  it('holds for another visit of the page: another address form, an edited text', async () => {
    const visit = pageOf(seed('seed-000'), { url: `${page000.url!.replace('https://', 'http://www.')}?utm_source=feed`, text: `${page000.text}\n\nUpdated on Tuesday.` });
    expectSeed001LeftOut(await checkArticle(visit, store, { corrections: [notSeed001] }));
  });

  it('holds for a page without an address but with the same text', async () => {
    expectSeed001LeftOut(await checkArticle(pageOf(seed('seed-000'), { url: undefined }), store, { corrections: [notSeed001] }));
  });

  it('holds when the record is stored under another id (imported again): found by its address', async () => {
    const renamed = await storeWith(seeds.map((record) => (record.id === 'seed-001' ? { ...record, id: 'the-week-copy' } : record)));
    const report = await checkArticle(page000, renamed, { corrections: [notSeed001] });
    expect(ids(report)).not.toContain('the-week-copy');
    expect(report.original).toBeNull();
    expect(report.corrected.map((record) => record.id)).toEqual(['the-week-copy']);
  });

  it('is respected by a check of the other article: seed 001 no longer lists seed 000', async () => {
    const page001 = pageOf(seed('seed-001'));
    const plain = await checkArticle(page001, store);
    expect(ids(plain)).toContain('seed-000');
    const corrected = await checkArticle(page001, store, { corrections: [notSeed001] });
    expect(ids(corrected)).not.toContain('seed-000');
    expect(corrected.corrected.map((record) => record.id)).toEqual(['seed-000']);
    // The correction is about 000 and 001 only.
    expect(ids(corrected).filter((id) => id !== 'seed-000').sort()).toEqual(ids(plain).filter((id) => id !== 'seed-000').sort());
  });

  it('about other articles changes nothing', async () => {
    const elsewhere: Correction = notAVersion(pageOf(seed('seed-002')), seed('seed-003'), AT);
    const report = await checkArticle(page000, store, { corrections: [elsewhere] });
    expect(report.original).toBe('seed-001');
    expect(report.corrected).toEqual([]);
  });

  it('leaves the record out of "Find original" on a selection of the page', async () => {
    const selection = 'Zamir Kabulov, Putin’s special envoy for Afghanistan';
    const plain = await findPassage(selection, store, { excludeIds: ['seed-000'] });
    expect(plain.occurrences.map((occurrence) => occurrence.id)).toContain('seed-001');
    const corrected = await findPassage(selection, store, { excludeIds: ['seed-000'], corrections: [notSeed001], page: page000 });
    expect(corrected.occurrences.map((occurrence) => occurrence.id)).not.toContain('seed-001');
    expect(corrected.occurrences.length).toBeGreaterThan(0);
  });
});

describe('a stored correction', () => {
  it('is kept once per pair, in either order, and can be removed', async () => {
    const own = await storeWith(seeds.slice(0, 2));
    expect(await own.addCorrections([notSeed001])).toBe(1);
    const mirrored: Correction = { ...notSeed001, a: notSeed001.b, b: notSeed001.a, at: '2027-01-01T00:00:00Z' };
    expect(await own.addCorrections([mirrored, notSeed001])).toBe(0);
    expect(await own.corrections()).toEqual([notSeed001]);
    expect(await own.deleteCorrections([mirrored])).toBe(1);
    expect(await own.corrections()).toEqual([]);
    expect(await own.deleteCorrections([mirrored])).toBe(0);
  });

  it('refuses a correction that names no article, or one article twice', async () => {
    const own = await storeWith([]);
    await expect(own.addCorrections([{ ...notSeed001, b: { title: 'No identity' } }])).rejects.toThrow(/id, an address or a text hash/);
    await expect(own.addCorrections([{ ...notSeed001, b: notSeed001.a }])).rejects.toThrow(/same article/);
    expect(await own.corrections()).toEqual([]);
  });

  it('goes when the corpus is emptied, with the records it is about', async () => {
    const own = await storeWith(seeds);
    await own.addCorrections([notSeed001]);
    await own.clear();
    expect(await own.corrections()).toEqual([]);
  });

  it('survives the database closing, then a JSONL export and an import into an empty corpus', async () => {
    const name = `engine-corrections-roundtrip-${process.pid}`;
    const first = await openCorpusStore({ name, indexedDB, IDBKeyRange });
    await first.addRecords(seeds);
    await first.addCorrections([notSeed001]);
    first.close();

    // A restarted worker opens the database again.
    const reopened = await openCorpusStore({ name, indexedDB, IDBKeyRange });
    stores.push(reopened);
    expectSeed001LeftOut(await checkArticle(page000, reopened, { corrections: await reopened.corrections() }));

    const records: CorpusRecord[] = [];
    for await (const record of reopened.records()) records.push(record);
    const exported = serializeCorpus(records) + serializeCorrections(await reopened.corrections());
    await reopened.clear();
    expect(await reopened.corrections()).toEqual([]);

    const parsed = parseCorpus(exported);
    expect(parsed.errors).toEqual([]);
    await reopened.addRecords(parsed.records);
    expect(await reopened.addCorrections(parsed.corrections)).toBe(1);
    expectSeed001LeftOut(await checkArticle(page000, reopened, { corrections: await reopened.corrections() }));

    // Undo: the correction removed, seed 001 is the original again.
    await reopened.deleteCorrections(await reopened.corrections());
    const undone = await checkArticle(page000, reopened, { corrections: await reopened.corrections() });
    expect(undone.original).toBe('seed-001');
    expect(undone.corrected).toEqual([]);
  });
});
