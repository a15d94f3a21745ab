import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundKeys, featuresOf, keepRank, queryFeaturesOf, queryKeyOffsets } from '../../../lib/index/features';
import { fnv1a32, hash64Hex, mix32 } from '../../../lib/index/hash';
import { retrievalTerms } from '../../../lib/text/terms';

const original =
  'Kabulov said Moscow will decide on whether to recognize the Taliban-led government based on its conduct and how responsibly they govern the country in the near future.';
const backTranslated =
  'Kabulov said Moscow had decided whether or not to recognize the Taliban-led government on the basis of its conduct and the responsibility with which they would rule the country in the near future.';

function shared(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  return [...b].filter((k) => set.has(k)).length;
}

function longText(paragraphs: number): string {
  const words = ['embassy', 'evacuation', 'capital', 'government', 'militant', 'ambassador', 'withdrawal', 'influence', 'uprising', 'analyst', 'privilege', 'neighbour'];
  const out: string[] = [];
  const suffixes = ['', 'al', 'ist', 'ward', 'ness', 'ship', 'like', 'hood', 'dom', 'ery', 'ling', 'wise', 'ite'];
  for (let i = 0; i < paragraphs * 60; i++) out.push(words[(i * 7 + (i >> 3)) % words.length] + suffixes[(i * 5 + (i >> 4)) % suffixes.length]);
  return out.join(' ');
}

describe('retrievalTerms', () => {
  it('stems content words and leaves out stopwords, numbers and possessives', () => {
    expect(retrievalTerms("Russia's ambassador is scheduled to meet 100 Taliban leaders on Tuesday")).toEqual(['russia', 'ambassador', 'schedul', 'meet', 'taliban', 'leader', 'tuesdai']);
  });
});

describe('featuresOf', () => {
  it('is deterministic, sorted and without repeats', () => {
    const a = featuresOf(original);
    expect(featuresOf(original)).toEqual(a);
    expect([...a]).toEqual([...new Set(a)].sort((x, y) => x - y));
    expect(a.length).toBeGreaterThan(0);
  });

  it('keeps a bounded number of keys however long the text', () => {
    const sizes = [1, 10, 100].map((n) => featuresOf(longText(n)).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(400);
    expect(featuresOf(longText(100), undefined, { maxDocFeatures: 50 }).length).toBe(50);
  });

  it('keeps, from a long document, keys that a page quoting part of it also has', () => {
    const doc = longText(100) + ' ' + original;
    const page = queryFeaturesOf('Some introduction. ' + original);
    expect(shared(featuresOf(doc), page)).toBeGreaterThan(0);
  });

  it('selects the same keys on both sides: every stored key of a text is among its page keys', () => {
    const stored = featuresOf(original);
    expect(shared(stored, queryFeaturesOf(original))).toBe(stored.length);
  });

  it('shares keys between a text and its back-translation, and few with an unrelated text', () => {
    const unrelated = 'The recipe calls for two cups of flour, a pinch of salt and butter softened at room temperature overnight.';
    expect(shared(featuresOf(original), queryFeaturesOf(backTranslated))).toBeGreaterThanOrEqual(3);
    expect(shared(featuresOf(original), queryFeaturesOf(unrelated))).toBe(0);
  });

  it('survives shuffled word order within a phrase', () => {
    const shuffled = 'Moscow Kabulov said decide whether recognize government Taliban-led will its conduct based the near future country govern responsibly how.';
    expect(shared(featuresOf(original), queryFeaturesOf(shuffled))).toBeGreaterThanOrEqual(4);
  });

  it('matches names and numbers across transliterations and spellings', () => {
    const german = 'Samir Kabulow sprach mit Echo Moskwy über die Botschaft mit rund 1.300 Mitarbeitern.';
    const english = 'Zamir Kabulov told Echo of Moscow about the embassy with some 1,300 employees.';
    expect(shared(featuresOf(german, 'de'), queryFeaturesOf(english, 'en'))).toBeGreaterThanOrEqual(3);
  });

  it('looks up the names of a long page all through, not only those of its opening', () => {
    const names = ['Ashford', 'Belmont', 'Carrick', 'Dunmore', 'Elgin', 'Fenwick', 'Galloway', 'Hartley', 'Inverness', 'Jarrow'];
    const opening = Array.from({ length: 60 }, (_, i) => `${names[i % 10]}${'abcdefghij'[Math.floor(i / 10)]}ton`).join(', ');
    const quoted = 'Wexbridge and Quillmoor signed with Thornaby.';
    const stored = featuresOf(quoted, 'en', { pairSampling: 1_000_000 });
    expect(stored.length).toBe(3);
    expect(shared(stored, queryFeaturesOf(`${opening}. ${quoted}`, 'en', { pairSampling: 1_000_000 }))).toBe(3);
  });

  it('has no keys for a text without content', () => {
    expect(featuresOf('').length).toBe(0);
    expect(featuresOf('and the of it is').length).toBe(0);
  });
});

describe('queryKeyOffsets', () => {
  it('has the keys of queryFeaturesOf, each with where it occurs', () => {
    const page = `${original} ${backTranslated}`;
    const offsets = queryKeyOffsets(page);
    expect([...offsets.keys()].sort((a, b) => a - b)).toEqual([...queryFeaturesOf(page)]);
    for (const at of offsets.values()) {
      expect(at).toEqual([...at].sort((a, b) => a - b));
      for (const offset of at) expect(page.slice(offset)).toMatch(/^[\p{L}\p{N}]/u);
    }
  });

  it('places a name key on the name, once per occurrence', () => {
    const quoted = 'Wexbridge met the press, and then Wexbridge left.';
    const nameOnly = queryKeyOffsets(quoted, 'en', { pairSampling: 1_000_000 });
    expect([...nameOnly.values()]).toEqual([[0, quoted.lastIndexOf('Wexbridge')]]);
  });
});

describe('boundKeys', () => {
  /** The selection as first written: every key ranked through a comparator, the `limit` lowest kept, sorted. */
  function boundByComparator(keys: Iterable<number>, limit: number): Uint32Array {
    const sorted = Uint32Array.from(keys).sort();
    if (sorted.length <= limit) return sorted;
    return Uint32Array.from(Array.from(sorted).sort((a, b) => keepRank(a) - keepRank(b)).slice(0, limit)).sort();
  }

  it('keeps the keys of lowest rank, as ranking every key through a comparator does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 600 }), fc.nat({ max: 700 }), (keys, limit) => {
        expect(boundKeys(new Set(keys), limit)).toEqual(boundByComparator(keys, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps exactly the limit from a long document', () => {
    const keys = new Set(Array.from({ length: 5000 }, (_, i) => mix32(i)));
    expect(boundKeys(keys, 400)).toHaveLength(400);
  });
});

describe('hash64Hex', () => {
  it('is the two FNV hashes it is defined by, computed in one pass', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const expected = fnv1a32(text).toString(16).padStart(8, '0') + mix32(fnv1a32(text, 0x9747b28c) ^ text.length).toString(16).padStart(8, '0');
        expect(hash64Hex(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
