import { describe, expect, it } from 'vitest';
import { bridgeTerms } from '../../../lib/align/bridge';
import { parseLexicon, ukrainianAsRussian } from '../../../lib/text/lexicon';

describe('bridge terms', () => {
  it('gives a content word its English words and its skeleton', () => {
    const lexicon = parseLexicon('de', 'stadt\tcity town');
    expect(bridgeTerms('Stadt', 'stadt', { lang: 'de', lexicon })).toEqual(expect.arrayContaining(['=citi', '=town']));
  });

  it('gives a function word no English word, whatever sense the lexicon has for its spelling', () => {
    // "він" (he) read through its Russian spellings is "вон" (out), which a dictionary glosses "abroad".
    const russian = { ...parseLexicon('ru', 'вон\tabroad outside'), lang: 'uk', spellings: ukrainianAsRussian };
    expect(bridgeTerms('він', 'він', { lang: 'uk', lexicon: russian })).toEqual([]);
    // A Japanese particle written in kana is also the reading of a noun: "は" of 歯, tooth.
    const japanese = parseLexicon('ja', 'は\ttooth edge\nの\tplain field\n大統領\tpresident');
    expect(bridgeTerms('は', 'は', { lang: 'ja', lexicon: japanese })).toEqual([]);
    expect(bridgeTerms('の', 'の', { lang: 'ja', lexicon: japanese })).toEqual([]);
    expect(bridgeTerms('大統領', '大統領', { lang: 'ja', lexicon: japanese })).toEqual(['=presid']);
  });
});
