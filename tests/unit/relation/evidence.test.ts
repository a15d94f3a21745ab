/**
 * Stock keys are judged against the size of the corpus: a key a dozen records hold is a stock phrase among two
 * thousand stories, and a company's name among a hundred thousand, where each story is stored in several versions.
 */
import { describe, expect, it } from 'vitest';
import { corpusEvidence, STOCK_SPREAD, stockSpread } from '../../../lib/relation/evidence';
import { queryKeyOffsets } from '../../../lib/index/features';

const page = 'Central Capital Corp said it planned a three-for-two split of its common and class A subordinate voting shares, subject to shareholder approval at the April 28 annual meeting.';
const record = page.replace('April 28', 'April 26');

/** The page's keys, each held by `holders` stored records, in a corpus of `total`. */
function evidenceWith(holders: number, total: number) {
  const offsets = queryKeyOffsets(page, 'en');
  const recordKeys = queryKeyOffsets(record, 'en');
  const spread = new Map([...offsets.keys()].map((key) => [key, holders] as [number, number]));
  const keys = [...offsets.keys()].filter((key) => recordKeys.has(key));
  return corpusEvidence({ total, offsets, spread }, { keys, features: recordKeys.size, capped: false, maxRank: 0 });
}

describe('stock keys', () => {
  it('are held by more than ten records in a small corpus', () => {
    expect(stockSpread(2_000)).toBe(STOCK_SPREAD);
    const evidence = evidenceWith(12, 2_000);
    expect(evidence.distinctive).toBe(0);
    expect(evidence.stock).toBeGreaterThan(5);
  });

  it('are held by a share of a large corpus: a dozen records of a hundred thousand hold a story’s own words', () => {
    expect(stockSpread(100_000)).toBeGreaterThan(50);
    const evidence = evidenceWith(12, 100_000);
    expect(evidence.stock).toBe(0);
    expect(evidence.pageShare).toBeGreaterThan(0.5);
    expect(evidenceWith(500, 100_000).distinctive).toBe(0);
  });
});
