import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { crawlFloorRows, RAW_WRITES, type CrawlFloor } from '../../../scripts/bench/crawl-floor';

const floor: CrawlFloor = {
  articles: 77_565,
  readerMs: 1.1,
  keysMs: 0.6,
  keysPerArticle: 334,
  indexedDb: { perThousand: 1.8, byRole: { 'browser process': 1.2, page: 0.5, 'other processes': 0.01 }, articlesPerSecond: 1100 },
  storePath: { perThousand: 4.1, byRole: { 'service worker': 1.5, 'browser process': 2 }, articlesPerSecond: 400 },
  cores: 2,
};

describe('the bulk import floor rows', () => {
  it('adds the reader, the keys and IndexedDB alone into the work, and gives the rate it allows on the cores', () => {
    const rows = crawlFloorRows(floor);
    const work = rows.find((row) => row.startsWith('| The work alone'))!;
    // 1.1 + 0.6 + 1.8 = 3.5 s per 1,000 articles; two cores allow 2,000 / 3.5 = 571 a second.
    expect(work).toContain('| 3.50 s | 571 |');
  });

  it('names each busy thread role, busiest first, and leaves out those under 0.05 s', () => {
    const row = crawlFloorRows(floor).find((line) => line.startsWith('| IndexedDB alone'))!;
    expect(row).toContain('1.80 s (browser process 1.20, page 0.50)');
    expect(row).not.toContain('other processes');
  });
});

describe('the raw IndexedDB writes of the floor', () => {
  async function written(total: number): Promise<{ records: { id: string; hash: string; urlKey: string }[]; rows: ArrayBuffer[] }> {
    const factory = new IDBFactory();
    const globals = globalThis as unknown as Record<string, unknown>;
    const saved = { indexedDB: globals.indexedDB, IDBKeyRange: globals.IDBKeyRange };
    Object.assign(globals, { indexedDB: factory, IDBKeyRange });
    try {
      const write = (0, eval)(RAW_WRITES) as (options: object) => Promise<number>;
      await write({ total, texts: ['one text', 'another text'], batch: 10, rowsPerBatch: 4, rowBytes: 3072 });
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = factory.open('crawl-floor', 1);
        open.onsuccess = () => resolve(open.result);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
        });
      const records = await all<{ id: string; hash: string; urlKey: string }>('records');
      const rows = (await all<{ packed: ArrayBuffer }>('rows')).map((row) => row.packed);
      db.close();
      return { records, rows };
    } finally {
      Object.assign(globals, saved);
    }
  }

  it('gives every record its own id, url key and 16-digit hash, not in the order written', async () => {
    const { records } = await written(40);
    expect(records).toHaveLength(40);
    for (const field of ['id', 'hash', 'urlKey'] as const) expect(new Set(records.map((r) => r[field])).size).toBe(40);
    for (const r of records) expect(r.hash).toMatch(/^[0-9a-f]{16}$/);
    // Records come back in the order written; a hash led by the record's number would sort the same way.
    const hashes = records.map((r) => r.hash);
    expect([...hashes].sort()).not.toEqual(hashes);
  });

  it('fills index rows with bytes that do not repeat in a short cycle', async () => {
    // Four batches: their rows and the rows of their merge, past the 15,000 draws after which the old generator cycled.
    const { rows } = await written(40);
    const bytes = new Uint8Array(rows.at(-1)!);
    const random = Array.from(bytes.filter((_, i) => i % 2 === 0));
    // The earlier generator cycled every 419 values: a row of 1,536 random bytes then repeats itself.
    const repeatsAt = (period: number) => random.slice(period).every((b, i) => b === random[i]);
    expect(Array.from({ length: 1000 }, (_, p) => p + 1).some(repeatsAt)).toBe(false);
  });
});
