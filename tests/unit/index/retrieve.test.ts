import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieveCandidates } from '../../../lib/index/retrieve';
import type { CorpusStore } from '../../../lib/store';
import type { CorpusRecord } from '../../../lib/types';
import { seedRecord as seed, seedRecords as seeds } from '../helpers/seed-corpus.ts';
import { openTestStore } from '../store/helpers';

// Unrelated articles on other subjects, so that ranking has something to rank against.
const others: CorpusRecord[] = [
  'The city council approved a new budget for public libraries, adding weekend opening hours and a mobile reading van for rural districts.',
  'Researchers reported that the coral reef recovered faster than expected after the marine heatwave, helped by cooler currents in the spring.',
  'The football club confirmed the transfer of its young striker to a Spanish team for a fee that could reach 40 million euros with bonuses.',
  'A new bakery in the old town sells sourdough bread baked overnight in a wood-fired oven, and queues form before dawn every Saturday.',
].map((text, i) => ({ id: `other-${i}`, text, lang: 'en' }));

let store: CorpusStore;
beforeAll(async () => {
  store = await openTestStore();
  await store.addRecords([...others, ...seeds]);
});
afterAll(() => store.close());

const idsFor = async (n: string, limit?: number) =>
  (await retrieveCandidates(seed(n).text, store, { excludeIds: [`seed-${n}`], limit })).map((c) => c.id);

describe('retrieveCandidates on the seed story', () => {
  it('ranks the original first for the back-translated copy, and the copy first for the original', async () => {
    expect((await idsFor('000'))[0]).toBe('seed-001');
    expect((await idsFor('001'))[0]).toBe('seed-000');
  });

  it('lists the same-day coverage 002-004 among the candidates of each other', async () => {
    for (const n of ['002', '003', '004']) {
      const ids = await idsFor(n);
      for (const other of ['002', '003', '004'].filter((m) => m !== n)) expect(ids).toContain(`seed-${other}`);
    }
  });

  it('does not list unrelated articles', async () => {
    for (const n of ['000', '001', '002', '003', '004']) expect((await idsFor(n)).filter((id) => id.startsWith('other-'))).toEqual([]);
  });

  it('returns candidates best first with their shared key counts, within the limit', async () => {
    const candidates = await retrieveCandidates(seed('000').text, store, { limit: 2 });
    expect(candidates).toHaveLength(2);
    expect(candidates.map((c) => c.id)).toEqual(['seed-000', 'seed-001']);
    expect(candidates[0].score).toBeGreaterThanOrEqual(candidates[1].score);
    expect(candidates[1].shared).toBeGreaterThan(10);
  });

  it('finds a paragraph quoted on its own, with its back-translation close behind', async () => {
    const paragraph = seed('001').text.split('\n').find((p) => p.includes('shackles of slavery'))!;
    const candidates = await retrieveCandidates(paragraph, store, { limit: 3 });
    expect(candidates.map((c) => c.id).slice(0, 2).sort()).toEqual(['seed-000', 'seed-001']);
    expect(candidates.find((c) => c.id === 'seed-001')!.shared).toBe(Math.max(...candidates.map((c) => c.shared)));
  });

  it('finds nothing for an empty page or one without content words', async () => {
    expect(await retrieveCandidates('', store)).toEqual([]);
    expect(await retrieveCandidates('and the of it is', store)).toEqual([]);
  });
});

describe('retrieval run again and side by side', () => {
  const ranking = async (n: string) => (await retrieveCandidates(seed(n).text, store, { excludeIds: [`seed-${n}`] })).map((c) => [c.id, c.score, c.shared, c.maxRank]);

  it('ranks a page the same the second time (the tally of the first is cleared)', async () => {
    const first = await ranking('002');
    expect(first.length).toBeGreaterThan(1);
    expect(await ranking('002')).toEqual(first);
  });

  it('ranks pages checked at the same time as it ranks them one by one', async () => {
    const pages = ['000', '001', '002', '003', '004'];
    const alone: unknown[] = [];
    for (const n of pages) alone.push(await ranking(n));
    expect(await Promise.all(pages.map(ranking))).toEqual(alone);
  });
});

describe('candidates named by their records (withRecords)', () => {
  const summary = (candidates: Awaited<ReturnType<typeof retrieveCandidates>>) => candidates.map((c) => [c.id, c.score, c.shared, c.doc]);

  it('are the candidates named by directory entries, each with its record, the excluded ones left out', async () => {
    for (const n of ['000', '001', '003']) {
      const options = { excludeIds: [`seed-${n}`, 'seed-002'], limit: 4 };
      const named = await retrieveCandidates(seed(n).text, store, options);
      const withRecords = await retrieveCandidates(seed(n).text, store, { ...options, withRecords: true });
      expect(summary(withRecords)).toEqual(summary(named));
      expect(withRecords.map((c) => c.record?.id)).toEqual(named.map((c) => c.id));
      expect(withRecords.map((c) => c.record?.text)).toEqual(named.map((c) => seeds.find((r) => r.id === c.id)!.text));
    }
  });

  it('read no directory entries where the store reads records by number', async () => {
    let directoryReads = 0;
    const counting = new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property === 'docStats') directoryReads++;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect((await retrieveCandidates(seed('000').text, counting, { withRecords: true }))[1].record?.id).toBe('seed-001');
    expect(directoryReads).toBe(0);
    await retrieveCandidates(seed('000').text, counting);
    expect(directoryReads).toBeGreaterThan(0);
  });
});
