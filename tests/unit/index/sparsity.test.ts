import { describe, expect, it } from 'vitest';
import { featuresOf, keepRank, queryFeaturesOf, queryKeyOffsets } from '../../../lib/index/features';
import { retrieveCandidates } from '../../../lib/index/retrieve';
import type { CorpusStore, DocStat, Posting } from '../../../lib/store';

const page =
  'Kabulov said Moscow will decide on whether to recognize the Taliban-led government based on its conduct and how responsibly they govern the country in the near future. ' +
  'The embassy in Kabul kept working through the evacuation, while diplomats from other countries left the capital in a hurry and handed their keys to local staff.';

/** Just enough of a store for retrieval: postings and key counts given per document. */
function storeOf(docs: { id: string; keys: number[]; features: number }[]): CorpusStore {
  const postings = new Map<number, number[]>();
  docs.forEach((d, doc) => {
    for (const key of d.keys) postings.set(key, [...(postings.get(key) ?? []), doc]);
  });
  const store = {
    lookup: async (keys: ArrayLike<number>) => {
      const found = new Map<number, Posting>();
      for (const key of Array.from(keys)) if (postings.has(key)) found.set(key, Uint32Array.from(postings.get(key)!));
      return found;
    },
    count: async () => 1000,
    docStats: async (ids: readonly number[]): Promise<(DocStat | undefined)[]> => ids.map((doc) => ({ doc, id: docs[doc].id, features: docs[doc].features })),
  };
  return store as unknown as CorpusStore;
}

describe('keepRank', () => {
  it('orders the keys a capped document keeps before every key it drops', () => {
    const long = Array.from({ length: 30 }, (_, i) => `${page} Paragraph ${i} mentions ${['grain', 'oil', 'steel', 'cotton', 'coffee'][i % 5]} exports number ${i * 17 + 11}.`).join(' ');
    const kept = featuresOf(long, 'en', { maxDocFeatures: 40 });
    const dropped = [...featuresOf(long, 'en', { maxDocFeatures: 100_000 })].filter((k) => !kept.includes(k));
    expect(kept).toHaveLength(40);
    expect(Math.max(...[...kept].map(keepRank))).toBeLessThan(Math.min(...dropped.map(keepRank)));
  });
});

describe('retrieveCandidates on capped documents', () => {
  const keys = [...queryFeaturesOf(page)].sort((a, b) => keepRank(a) - keepRank(b));
  const lowest = keys.slice(0, 6);
  const spread = [0, 1, 2, 3, 4, keys.length - 1].map((i) => keys[i]);
  const features = { maxDocFeatures: 40 };

  it('ranks a capped document above an uncapped one with the same shared keys: its keys stand for more text', async () => {
    const store = storeOf([
      { id: 'short', keys: lowest, features: 39 },
      { id: 'long', keys: lowest, features: 40 },
    ]);
    const candidates = await retrieveCandidates(page, store, { features });
    expect(candidates.map((c) => c.id)).toEqual(['long', 'short']);
  });

  it('does not lift a capped document whose shared keys show it dense', async () => {
    const store = storeOf([
      { id: 'short', keys: spread, features: 39 },
      { id: 'long', keys: spread, features: 40 },
    ]);
    // Both are below the length-normalisation floor: without a lift their scores are equal.
    const [first, second] = await retrieveCandidates(page, store, { features });
    expect(first.score).toBeCloseTo(second.score, 9);
  });
});

describe('retrieveCandidates on a page quoting many sources', () => {
  // Made-up words, each used once, so that every key of the page occurs at one place.
  const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ro', 'si', 'tu', 'va', 'ze'];
  const word = (n: number) => syllables[n % 10] + syllables[Math.floor(n / 10) % 10] + syllables[Math.floor(n / 100) % 10] + 'n';
  const longPage = Array.from({ length: 60 }, (_, i) => Array.from({ length: 8 }, (_, j) => word(i * 8 + j)).join(' ') + '.').join(' ');
  const byOffset = [...queryKeyOffsets(longPage)].filter(([, at]) => at.length === 1).sort((a, b) => a[1][0] - b[1][0]);

  it('ranks a document whose few shared keys sit together above one whose as many keys scatter over the page', async () => {
    const together = byOffset.slice(0, 4).map(([key]) => key);
    const step = Math.floor(byOffset.length / 4);
    const scatteredAt = [1, 2, 3, 4].map((i) => byOffset[i * step - 1]);
    const scattered = scatteredAt.map(([key]) => key);
    expect(byOffset[3][1][0] - byOffset[0][1][0]).toBeLessThan(300);
    for (let i = 1; i < 4; i++) expect(scatteredAt[i][1][0] - scatteredAt[i - 1][1][0]).toBeGreaterThan(600);
    const store = storeOf([
      { id: 'scattered', keys: scattered, features: 120 },
      { id: 'together', keys: together, features: 120 },
    ]);
    const candidates = await retrieveCandidates(longPage, store);
    expect(candidates.map((c) => c.id)).toEqual(['together', 'scattered']);
    expect(candidates[0].shared).toBe(candidates[1].shared);
  });
});
