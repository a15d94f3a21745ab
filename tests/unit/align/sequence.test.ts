import { describe, expect, it } from 'vitest';
import { sequenceSpread, sharedSequence, spreadOf } from '../../../lib/align/sequence';

const words = (text: string) => text.split(' ');

describe('sharedSequence and sequenceSpread', () => {
  it('finds the longest run of words in the same order', () => {
    // The textbook pair: B C B A (or B D A B) is a longest common subsequence of four.
    const r = sharedSequence(words('A B C B D A B'), words('B D C A B A'))!;
    expect(r.page).toBeCloseTo(4 / 7);
    expect(r.source).toBeCloseTo(4 / 6);
  });

  it('says a text runs through itself', () => {
    const text = words('council approves harbour budget mayor says piers bridge cost opposition argues construction starts march');
    expect(sharedSequence(text, text)).toEqual({ page: 1, source: 1 });
    expect(sequenceSpread(text, text)).toEqual({ page: 1, source: 1 });
  });

  it('answers nothing shared for an empty text', () => {
    expect(sharedSequence([], words('a b'))).toEqual({ page: 0, source: 0 });
    expect(sequenceSpread([], words('a b'))).toEqual({ page: 0, source: 0 });
  });

  it('answers "too different to tell" beyond its cost limit', () => {
    expect(sharedSequence(words('a b c'), words('a b c'), 8)).toBeNull();
    expect(sequenceSpread(words('a b c'), words('a b c'), 8)).toBeNull();
  });

  it('spreads a rewrite’s kept words through the whole of both texts', () => {
    const source = Array.from({ length: 60 }, (_, i) => `w${i}`);
    // Every fourth word swapped for another story's.
    const rewrite = source.map((w, i) => (i % 4 === 1 ? `other${i}` : w));
    expect(sharedSequence(rewrite, source)!.page).toBeCloseTo(0.75);
    expect(sequenceSpread(rewrite, source)).toEqual({ page: 1, source: 1 });
  });

  it('keeps a shared stretch to its own part of each text', () => {
    // A follow-up: twenty words of its own, then ten of the earlier story's background, then twenty more of its own.
    const background = Array.from({ length: 10 }, (_, i) => `bg${i}`);
    const earlier = [...Array.from({ length: 40 }, (_, i) => `old${i}`), ...background];
    const followUp = [...Array.from({ length: 20 }, (_, i) => `new${i}`), ...background, ...Array.from({ length: 20 }, (_, i) => `more${i}`)];
    expect(sharedSequence(followUp, earlier)!.page).toBeCloseTo(0.2);
    // The stretch and the few words on each side of it that still see three of nine.
    const spread = sequenceSpread(followUp, earlier)!;
    expect(spread.page).toBeCloseTo(14 / 50);
    expect(spread.source).toBeCloseTo(12 / 50);
  });
});

describe('spreadOf', () => {
  it('counts a word when a third of the nine words around it are kept', () => {
    expect(spreadOf([1, 0, 0, 1, 0, 0, 1, 0, 0, 1])).toBe(1);
    expect(spreadOf([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1])).toBeLessThan(1);
    expect(spreadOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    // Near the ends the window is shorter, and a third of it is asked: two kept words hold the first five and six.
    expect(spreadOf([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(2 / 12);
  });

  it('is zero for no words', () => {
    expect(spreadOf([])).toBe(0);
  });
});
