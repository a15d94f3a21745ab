import { describe, expect, it } from 'vitest';
import { stillAligning, type AlignedCandidate } from '../../../lib/engine';
import type { Relation } from '../../../lib/types';

const aligned = (relation: Relation, ...spans: [number, number][]): AlignedCandidate => ({ result: { relation, passages: spans.map((page) => ({ page })) } });
const unrelated = (n: number) => Array.from({ length: n }, () => aligned('unrelated'));

describe('another batch of candidates', () => {
  it('is not aligned for many stored versions of one text: they are one source', () => {
    // An edited copy's first candidates: six versions of its text, each aligned over the whole page, then nothing.
    const versions = Array.from({ length: 6 }, (_, i) => aligned(i % 2 ? 'rewrite' : 'edited-copy', [0, 1200]));
    expect(stillAligning([...versions, ...unrelated(14)])).toBe(false);
  });

  it('is aligned when many candidates share different parts of the page', () => {
    const sources = Array.from({ length: 6 }, (_, i) => aligned('shared-passage', [i * 300, i * 300 + 250]));
    expect(stillAligning([...sources, ...unrelated(14)])).toBe(true);
  });

  it('is aligned when a late candidate shares page text no candidate before it shares', () => {
    const copy = aligned('edited-copy', [0, 1000]);
    expect(stillAligning([copy, ...unrelated(13), aligned('shared-passage', [1100, 1400]), ...unrelated(5)])).toBe(true);
    expect(stillAligning([copy, ...unrelated(13), aligned('shared-passage', [200, 500]), ...unrelated(5)])).toBe(false);
  });
});
