import { describe, expect, it } from 'vitest';
import { perturbText } from '../../../scripts/bench/perturb.ts';
import { mulberry32 } from '../../../scripts/bench/random.ts';

const STORY = [
  'The central bank said on Tuesday it would keep its key lending rate at 7.5 pct for the rest of the quarter.',
  'Analysts had expected a cut after exports fell for a third month, to 1,250 mln dlrs in February.',
  'The bank said inflation remained the main risk and that it saw no reason to ease policy before the summer.',
  'Finance ministry officials declined to comment on the decision, which surprised currency dealers in London.',
  'The currency rose 0.4 pct against the dollar after the announcement and shares on the local exchange fell.',
  'Economists said the bank was likely to wait for the April trade figures before making any change to rates.',
].join(' ');

const VOCABULARY = 'harvest tonnes refinery shipment cocoa barrels grain coffee sugar copper steel tanker'.split(' ');

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** Share of the original's words (as a multiset) that survive in the copy. */
function kept(original: string, copy: string): number {
  const left = new Map<string, number>();
  for (const word of words(copy)) left.set(word, (left.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of words(original)) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      found++;
      left.set(word, count - 1);
    }
  }
  return found / words(original).length;
}

function meanKept(strength: 'edited' | 'rewritten'): number {
  const shares = Array.from({ length: 40 }, (_, seed) => kept(STORY, perturbText(STORY, strength, VOCABULARY, mulberry32(seed))));
  return shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

describe('perturbation strength', () => {
  it('an edited copy keeps most of the wording', () => {
    expect(meanKept('edited')).toBeGreaterThan(0.8);
  });

  it('a rewritten copy changes much more, but is still recognisably the story', () => {
    const rewritten = meanKept('rewritten');
    expect(rewritten).toBeLessThan(meanKept('edited') - 0.1);
    expect(rewritten).toBeGreaterThan(0.4);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(perturbText(STORY, 'rewritten', VOCABULARY, mulberry32(7))).toBe(perturbText(STORY, 'rewritten', VOCABULARY, mulberry32(7)));
    expect(perturbText(STORY, 'rewritten', VOCABULARY, mulberry32(7))).not.toBe(perturbText(STORY, 'rewritten', VOCABULARY, mulberry32(8)));
  });

  it('always changes a text, even a short one', () => {
    for (let seed = 0; seed < 20; seed++) {
      const copy = perturbText('Shares rose.', 'edited', VOCABULARY, mulberry32(seed));
      expect(copy).not.toBe('Shares rose.');
      expect(copy.length).toBeGreaterThan(0);
    }
  });
});
