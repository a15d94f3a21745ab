/**
 * The reader's budget on the real store (fake-indexeddb): running totals of bytes and languages follow every add
 * and delete, and eviction removes the oldest articles first while passing over the originals of stored versions
 * (marked when they were stored, or the first version stored at an address that holds later ones) and the sample.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpusStore, type OpenedCorpus } from '../../../lib/store/index.ts';
import { recordBytes, stringBytes } from '../../../lib/store/usage.ts';
import type { CorpusRecord } from '../../../lib/types.ts';

let counter = 0;
let open: OpenedCorpus[] = [];
afterEach(() => {
  for (const store of open) store.close();
  open = [];
});

async function freshStore(): Promise<OpenedCorpus> {
  const store = await openCorpusStore({ name: `budget-${process.pid}-${++counter}`, indexedDB, IDBKeyRange });
  open.push(store);
  return store;
}

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T00:00:00Z');

function story(id: string, daysAgo: number, extra: Partial<CorpusRecord> = {}): CorpusRecord {
  return {
    id,
    published: new Date(NOW - daysAgo * DAY).toISOString(),
    lang: 'en',
    text: `Story ${id}: the council of the harbour town ${id} approved a plan to rebuild the quay ${id} after the winter storms damaged it badly.`,
    ...extra,
  };
}

describe('corpus usage', () => {
  it('counts bytes and languages as records come and go', async () => {
    const store = await freshStore();
    expect(await store.usage()).toEqual({ count: 0, bytes: 0, languages: [] });
    await store.addRecords([story('a', 3), story('b', 2, { lang: 'de-AT' }), story('c', 1, { lang: 'ru', text: 'Совет гавани одобрил план восстановления причала после зимних штормов, повредивших его.' })]);
    const usage = await store.usage();
    expect(usage.count).toBe(3);
    expect(usage.languages).toEqual([
      { lang: 'de', count: 1 },
      { lang: 'en', count: 1 },
      { lang: 'ru', count: 1 },
    ]);
    expect(usage.bytes).toBeGreaterThan(3 * 100);
    await store.deleteRecords(['c']);
    const after = await store.usage();
    expect(after.languages.map((entry) => entry.lang)).toEqual(['de', 'en']);
    expect(after.bytes).toBeLessThan(usage.bytes);
    await store.clear();
    expect(await store.usage()).toEqual({ count: 0, bytes: 0, languages: [] });
  });

  it('counts non-Latin-1 text at two bytes a character', () => {
    expect(stringBytes('abc')).toBe(3);
    expect(stringBytes('été')).toBe(3);
    expect(stringBytes('мир')).toBe(6);
    expect(recordBytes({ id: 'x', text: 'мир' }, 10)).toBe(1 + 6 + 80);
  });

  it('counts the stored articles of a host', async () => {
    const store = await freshStore();
    await store.addRecords([story('a', 1, { url: 'https://www.courier.example/a' }), story('b', 1, { url: 'https://courier.example/b?utm_source=x' }), story('c', 1, { url: 'https://other.example/c' })]);
    expect(await store.hostCount('courier.example')).toBe(2);
    expect(await store.hostCount('www.courier.example')).toBe(2);
    expect(await store.hostCount('nowhere.example')).toBe(0);
  });
});

describe('eviction', () => {
  it('removes articles older than the age limit, oldest first, and keeps marked originals and the sample', async () => {
    const store = await freshStore();
    await store.addRecords([story('old-1', 40), story('old-original', 50), story('sample', 900), story('old-2', 35), story('new-1', 5), story('new-2', 1)]);
    await store.markKept(['old-original'], 'original');
    await store.markKept(['sample'], 'sample');
    const result = await store.evict({ maxAgeDays: 30 }, NOW);
    expect(result).toEqual({ deleted: 2, kept: 2, complete: true });
    const left = (await store.getRecords(['old-1', 'old-2', 'old-original', 'sample', 'new-1', 'new-2'])).map((record) => record?.id ?? null);
    expect(left).toEqual([null, null, 'old-original', 'sample', 'new-1', 'new-2']);
  });

  it('keeps the first version stored at an address that holds later versions', async () => {
    const store = await freshStore();
    const url = 'https://courier.example/news/library';
    await store.addRecords([
      story('library-v1', 20, { url, published: undefined, firstSeen: new Date(NOW - 20 * DAY).toISOString() }),
      story('library-v2', 19, { url: `${url}/`, published: undefined, firstSeen: new Date(NOW - 19 * DAY).toISOString() }),
      story('lone', 18, { url: 'https://courier.example/news/lone' }),
    ]);
    const result = await store.evict({ maxAgeDays: 10 }, NOW);
    expect(result.deleted).toBe(2);
    expect((await store.getRecords(['library-v1', 'library-v2', 'lone'])).map((record) => record?.id ?? null)).toEqual(['library-v1', null, null]);
  });

  it('removes the oldest until the corpus is within the size limit, in bounded steps', async () => {
    const store = await freshStore();
    await store.addRecords(Array.from({ length: 30 }, (_, i) => story(`s${i}`, 100 - i)));
    const { bytes } = await store.usage();
    const perRecord = bytes / 30;
    const partial = await store.evict({ maxBytes: perRecord * 10 }, NOW, 5);
    expect(partial).toEqual({ deleted: 5, kept: 0, complete: false });
    const rest = await store.evict({ maxBytes: perRecord * 10 }, NOW);
    expect(rest.complete).toBe(true);
    const usage = await store.usage();
    expect(usage.bytes).toBeLessThanOrEqual(perRecord * 10 + 1);
    expect(usage.count).toBeGreaterThanOrEqual(9);
    // The newest stay.
    expect((await store.getRecords(['s29', 's0'])).map((record) => record?.id ?? null)).toEqual(['s29', null]);
  });

  it('stops when only kept records are over the budget', async () => {
    const store = await freshStore();
    await store.addRecords([story('a', 400), story('b', 300)]);
    await store.markKept(['a', 'b'], 'original');
    expect(await store.evict({ maxBytes: 1 }, NOW)).toEqual({ deleted: 0, kept: 2, complete: true });
  });
});

describe('followed feeds', () => {
  it('adds, changes, lists and schedules feed rows', async () => {
    const store = await freshStore();
    const row = (url: string, nextDue: number) => ({ url, addedAt: '2026-01-01T00:00:00Z', failures: 0, nextDue, stored: 0, seen: [], articleOrigins: [] });
    expect(await store.addFeedRows([row('https://a.example/feed', 10), row('https://b.example/feed', 5), row('https://a.example/feed', 1)])).toBe(2);
    expect(await store.addFeedRows([row('https://a.example/feed', 1)])).toBe(0);
    expect(await store.dueFeeds(7, 10)).toEqual(['https://b.example/feed']);
    expect(await store.changeFeedRow('https://b.example/feed', (feed) => (feed.nextDue = 20))).toBe(true);
    expect(await store.changeFeedRow('https://none.example/feed', () => undefined)).toBe(false);
    expect(await store.dueFeeds(15, 10)).toEqual(['https://a.example/feed']);
    await store.removeFeedRow('https://a.example/feed');
    expect((await store.feedRows()).map((feed) => feed.url)).toEqual(['https://b.example/feed']);
  });
});
