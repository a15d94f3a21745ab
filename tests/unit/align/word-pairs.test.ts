import { describe, expect, it } from 'vitest';
import { withAnchors, wordPairs } from '../../../lib/align/anchors';
import { alignPassages, alignSentencePassages, sentencePassagesOf, withWordPairPassages, type ScoredPassage } from '../../../lib/align/passages';
import { buildModel, Vocabulary } from '../../../lib/align/model';
import { bridgeModel } from '../../../lib/align/crosslang';

const source = [
  'Use automatic timers to turn on different lights at different times in the evening.',
  'Have a trusted neighbor pick up your mail and newspapers while you are away on vacation.',
  'During the winter, arrange to have the snow shoveled from the driveway and the front walk.',
  'Most break-ins occur between ten in the morning and three in the afternoon on weekdays.',
  'Put a radio or a television on a timer, and turn the ringer of the telephone down low.',
  'Neighbors watching out for each other is the most effective method of crime prevention.',
].join(' ');

// The same sentences reworded word by word: look-alike substitutions, deletions, swapped neighbours.
const reworded = [
  'Use automatic timers to switch on various lights at different hours in evening.',
  'Have a trusted neighbour pick up your mail and papers while away on holiday.',
  'In the winter, arrange the snow shoveled from driveway and front walk.',
  'Most break-ins happen between ten the morning and three in afternoon weekdays.',
  'Put radio or a television a timer, and turn ringer of telephone down low.',
  'Neighbors watching for each other is most effective method of crime prevention.',
].join(' ');

const filler = [
  'The orchard behind the old mill produces apples, pears and a few plums every autumn.',
  'Volunteers gather on Saturdays to prune the trees and mend the wooden fences.',
  'A local baker buys most of the harvest for pies sold at the weekly market.',
  'Children from the village school visit in spring to learn how bees pollinate blossoms.',
].join(' ');

describe('wordPairs', () => {
  it('keys nearby words regardless of their order, across one inserted word, and skips pairs of function words', () => {
    const model = buildModel('crime prevention of the neighbours prevention crime', new Vocabulary(), 'en');
    const pairs = wordPairs(model);
    expect(pairs.get('crime prevention')).toEqual([0, 5]);
    expect(pairs.has('crime of')).toBe(true);
    expect(pairs.has('of the')).toBe(false);
  });

  it('keeps the pairs of bridge terms apart from those of the same tokens with stemmed terms', () => {
    // Short Russian words have stemmed terms but no bridge term (no lexicon loaded, too short for a skeleton).
    const model = buildModel('Кот ел суп и пил чай у окна', new Vocabulary(), 'ru');
    expect(wordPairs(bridgeModel(model, new Vocabulary())).has('ел суп')).toBe(false);
    expect(wordPairs(model).has('ел суп')).toBe(true);
  });
});

describe('alignPassages with word pairs', () => {
  it('finds text reworded word by word as a word-pair passage', () => {
    const page = `${filler} ${reworded} ${filler}`;
    const result = alignPassages(page, source, { pageLang: 'en', sourceLang: 'en', wordPairs: true });
    const start = page.indexOf(reworded);
    const end = start + reworded.length;
    const found = result.withWordPairs?.find((p) => p.page[0] < end && start < p.page[1]);
    expect(found).toBeDefined();
    expect(found!.page[1] - found!.page[0]).toBeGreaterThan(0.5 * reworded.length);
  });

  it('finds no word-pair passage in unrelated text', () => {
    const result = alignPassages(filler, source, { pageLang: 'en', sourceLang: 'en', wordPairs: true });
    expect(result.withWordPairs).toBeUndefined();
  });

  it('looks for word pairs only when asked, and asking later with the sentence alignment in hand gives what asking at once does', () => {
    const page = `${filler} ${reworded} ${filler}`;
    const options = { pageLang: 'en', sourceLang: 'en' };
    expect(alignPassages(page, source, options).withWordPairs).toBeUndefined();
    const sentences = alignSentencePassages(page, source, options);
    const first = sentencePassagesOf(sentences);
    expect(first.withWordPairs).toBeUndefined();
    const later = withWordPairPassages(sentences);
    expect(later.passages).toEqual(first.passages);
    // Other texts aligned in between change nothing: nothing is kept between calls.
    for (let k = 0; k < 6; k++) alignPassages(`${filler} ${k}`, source, options);
    const afresh = alignPassages(page, source, { ...options, wordPairs: true });
    expect(afresh).toEqual(later);
    expect(later.withWordPairs?.length).toBeGreaterThan(0);
  });

  it('keeps the word-pair cost limit: too many shared pairs give what was found, truncated', () => {
    const page = `${filler} ${reworded} ${filler}`;
    const result = alignPassages(page, source, { pageLang: 'en', sourceLang: 'en', maxAnchors: 5, wordPairs: true });
    expect(result.truncated).toBe(true);
    expect(alignPassages(page, source, { pageLang: 'en', sourceLang: 'en', maxAnchors: 5 }).truncated).toBe(false);
  });
});

describe('withAnchors', () => {
  const passage = (page: [number, number], source: [number, number], seeds: number): ScoredPassage => ({ page, source, similarity: 0.5, seeds });

  it('adds a word-pair passage where no sentence passage lies on the page', () => {
    const out = withAnchors([passage([0, 100], [0, 100], 2)], [passage([300, 400], [200, 300], 12)]);
    expect(out.map((p) => p.page)).toEqual([
      [0, 100],
      [300, 400],
    ]);
  });

  it('adds the pairs of an overlapping cluster to the sentence passage as evidence, keeping its extent', () => {
    const out = withAnchors([passage([0, 100], [0, 100], 2)], [passage([50, 180], [40, 170], 12)]);
    expect(out).toEqual([passage([0, 100], [0, 100], 14)]);
  });

  it('ignores a cluster that overlaps a sentence passage on the page but pairs it with other source text', () => {
    const out = withAnchors([passage([0, 100], [0, 100], 2)], [passage([50, 180], [500, 600], 12)]);
    expect(out).toEqual([passage([0, 100], [0, 100], 2)]);
  });
});
