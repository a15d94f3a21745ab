import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { featuresOf } from '../../../lib/index/features';
import { InvalidRecordError } from '../../../lib/store';
import { openPostgresStore, type PostgresCorpusStore } from '../../../lib/store/postgres/store';
import type { SqlClient } from '../../../lib/store/postgres/sql';
import { likelySources } from '../../../lib/sources';
import type { CorpusRecord } from '../../../lib/types';
import { forEachDatabase } from './databases';
import { beijing as baseBeijing, kabul, moscow } from '../store/records';

// The Xinhua report is dated and sited here, for the selections by site and date.
const beijing: CorpusRecord = { ...baseBeijing, site: 'Xinhua', published: '2021-08-18' };

/** Words that look like SQL, in every field: they must be stored and read back as plain text. */
const INJECTION = "'); DROP TABLE palimpsest_records; --";
const hostile: CorpusRecord = {
  id: `hostile ${INJECTION}`,
  text: `Robert${INJECTION} said the embassy would stay open. \\x00 $1 $$ E'\\\\' SELECT * FROM pg_user; \u0000 end.`,
  title: INJECTION,
  url: `https://example.org/?q=${encodeURIComponent(INJECTION)}`,
  site: `Site ${INJECTION}`,
  published: '2021-08-19',
  lang: 'en',
  byline: `By ${INJECTION}`,
  firstSeen: '2021-08-19T00:00:00Z',
};

async function allIds(store: PostgresCorpusStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const record of store.records({ batchSize: 2 })) ids.push(record.id);
  return ids;
}

forEachDatabase('PostgreSQL corpus store', (backend) => {
  let dispose: () => Promise<void>;
  let client: SqlClient;
  let store: PostgresCorpusStore;
  let connect: () => Promise<SqlClient>;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    dispose = fresh.dispose;
    connect = fresh.client;
    client = await connect();
    // Small limits, so that merges and rebuilds happen within a test.
    store = await openPostgresStore(client, { pendingLimit: 40, maxGenerations: 3 });
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await dispose?.();
  });
  beforeEach(() => store.clear());

  it('stores records and gives them back unchanged, in insertion order', async () => {
    expect(await store.addRecords([kabul, moscow, beijing])).toMatchObject({ added: 3, duplicates: 0, skipped: [] });
    expect(await store.count()).toBe(3);
    expect(await store.getRecords(['moscow', 'nope', 'kabul'])).toEqual([moscow, undefined, kabul]);
    expect(await allIds(store)).toEqual(['kabul', 'moscow', 'beijing']);
  });

  it('leaves the tables an import wrote vacuumed and analysed, so that autovacuum need not start on them during checks', async () => {
    await store.addRecords([kabul, moscow, beijing]);
    const analysed = async () => (await client.query<{ n: number }>(`SELECT reltuples::integer AS n FROM pg_class WHERE relname = 'palimpsest_records'`)).rows[0].n;
    // A table never vacuumed nor analysed has no row estimate (-1), or 0 where an earlier test's clear left one.
    expect(await analysed()).toBeLessThan(3);
    await store.tidyAfterImport();
    expect(await analysed()).toBe(3);
  });

  it('stores nothing from a batch holding an invalid record, and says which one', async () => {
    const bad = { id: 'bad', text: '  ' } as CorpusRecord;
    await expect(store.addRecords([kabul, bad])).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await store.count()).toBe(0);
  });

  it('never stores the same id or the same text twice', async () => {
    await store.addRecords([kabul]);
    const result = await store.addRecords([kabul, { ...moscow, id: 'kabul' }, { ...kabul, id: 'kabul-again' }, moscow, moscow]);
    expect(result.added).toBe(1);
    expect(result.skipped).toEqual([
      { id: 'kabul', reason: 'same-id', existingId: 'kabul' },
      { id: 'kabul', reason: 'same-id', existingId: 'kabul' },
      { id: 'kabul-again', reason: 'same-text', existingId: 'kabul' },
      { id: 'moscow', reason: 'same-id', existingId: 'moscow' },
    ]);
    expect(await store.count()).toBe(2);
  });

  it('indexes every feature of a record under its document number, pending or merged', async () => {
    await store.addRecords([kabul, moscow]);
    const keys = [...featuresOf(kabul.text, kabul.lang)];
    const before = await store.lookup(keys);
    expect([...before.keys()].sort()).toEqual([...new Set(keys)].sort());
    await store.merge({ rebuild: true });
    expect(await store.lookup(keys)).toEqual(before);
    const [stat] = await store.docStats([...(before.values().next().value as Uint32Array)]);
    expect(stat).toMatchObject({ id: 'kabul', features: keys.length });
  });

  it('answers the same across merges and rebuilds', async () => {
    const records = Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, text: `${kabul.text} Story ${i} about ${['wheat', 'oil', 'gold', 'tin'][i % 4]} prices number ${i * 7}.` }));
    for (const record of records) await store.addRecords([record]);
    const keys = [...new Set(records.flatMap((record) => [...featuresOf(record.text)]))];
    const merged = await store.lookup(keys);
    await store.merge({ rebuild: true });
    expect(await store.lookup(keys)).toEqual(merged);
    expect((await store.summary()).postingGenerations).toBe(1);
  });

  it('stops a key once it is in more documents than the cap', async () => {
    const capped = await openPostgresStore(client, { dfCap: 2 });
    const texts = ['Kabul embassy staff', 'Kabul embassy guards', 'Kabul embassy doors'].map((text, i) => ({ id: `k${i}`, text: `${text} ${i} remain open tonight` }));
    await capped.addRecords(texts);
    const key = [...featuresOf(texts[0].text)].find((k) => featuresOf(texts[1].text).includes(k) && featuresOf(texts[2].text).includes(k))!;
    expect((await capped.lookup([key])).get(key)).toBe('stopped');
    await capped.merge({ rebuild: true });
    expect((await capped.lookup([key])).get(key)).toBe('stopped');
  });

  it('removes a deleted record and its postings, keeping the others', async () => {
    await store.addRecords([kabul, moscow]);
    await store.merge({ rebuild: true });
    await store.addRecords([beijing]);
    expect(await store.deleteRecords(['kabul', 'beijing', 'nope'])).toBe(2);
    expect(await allIds(store)).toEqual(['moscow']);
    const postings = await store.lookup([...featuresOf(kabul.text, 'en'), ...featuresOf(beijing.text)]);
    const moscowKeys = new Set(featuresOf(moscow.text));
    for (const key of postings.keys()) expect(moscowKeys.has(key)).toBe(true);
    expect(await store.count()).toBe(1);
  });

  it('rebuilds the same postings on reindex', async () => {
    await store.addRecords([kabul, moscow, beijing]);
    const keys = [...featuresOf(moscow.text)];
    const before = await store.lookup(keys);
    await store.reindex();
    expect(await store.lookup(keys)).toEqual(before);
  });

  it('stores SQL-looking text in every field as plain text, and finds it', async () => {
    await store.addRecords([hostile, kabul]);
    const [back] = await store.getRecords([hostile.id]);
    // PostgreSQL text cannot hold U+0000: it is stored as U+FFFD, keeping every offset.
    expect(back).toEqual({ ...hostile, text: hostile.text.replace('\u0000', '\ufffd') });
    expect(await store.count()).toBe(2);
    expect(await store.idsWhere({ site: hostile.site })).toEqual([hostile.id]);
    const [found] = await likelySources(hostile.text, store);
    expect(found.id).toBe(hostile.id);
    expect(await store.deleteRecords([hostile.id])).toBe(1);
  });

  it('selects records by site and by date as the extension does', async () => {
    await store.addRecords([kabul, moscow, beijing]);
    expect(await store.idsWhere({})).toEqual([]);
    expect(await store.idsWhere({ before: '2021-08-17' })).toEqual(['kabul']);
    expect(await store.idsWhere({ after: '2021-08-16' })).toEqual(['moscow', 'beijing']);
    expect(await store.idsWhere({ site: 'Xinhua', after: '2021-08-01' })).toEqual(['beijing']);
  });

  it('keeps every record when two imports write at once, and each text once', async () => {
    // PGlite is one process's database (a second process waits for the lock, see the CLI tests): two stores share
    // its client. On a server the two imports have connections of their own.
    const secondClient = backend.name === 'PGlite' ? client : await connect();
    const second = await openPostgresStore(secondClient);
    try {
      const batch = (prefix: string) => Array.from({ length: 30 }, (_, i) => ({ id: `${prefix}-${i}`, text: `Shared story ${i}: ${moscow.text} Number ${i}.` }));
      const [a, b] = await Promise.all([store.addRecords(batch('a')), second.addRecords(batch('b'))]);
      // The same 30 texts arrived twice: each is stored once, under one import's id.
      expect(a.added + b.added).toBe(30);
      expect(a.duplicates + b.duplicates).toBe(30);
      expect(await store.count()).toBe(30);
      expect(new Set(await allIds(store)).size).toBe(30);
    } finally {
      if (secondClient !== client) await secondClient.close();
    }
  });
});
