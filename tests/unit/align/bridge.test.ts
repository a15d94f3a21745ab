import { afterEach, describe, expect, it } from 'vitest';
import { bridgeTerms } from '../../../lib/align/bridge';
import { bridgeModel } from '../../../lib/align/crosslang';
import { buildModel, Vocabulary, type TextModel } from '../../../lib/align/model';
import { TextAnalysis } from '../../../lib/text/analysis';
import { installLexicon, parseLexicon, resetLexicons, ukrainianAsRussian } from '../../../lib/text/lexicon';

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

describe('bridge models', () => {
  afterEach(() => resetLexicons());

  /** The model's bridge term ids, and whether each term is among its terms. */
  const bridged = (model: TextModel) => {
    const vocab = new Vocabulary();
    const { terms, moreTerms } = bridgeModel(model, vocab);
    const size = vocab.size;
    const has = (term: string) => vocab.id(term) < size;
    return { ids: [...terms].map((id, i) => [id, ...(moreTerms?.get(i) ?? [])]), has };
  };

  it('bridges one analysed text alike each time, and again with a lexicon loaded since', () => {
    const analysis = new TextAnalysis('Die Stadt zahlte 4,5 Millionen Euro an Schmidt.');
    const model = () => buildModel(analysis, new Vocabulary(), 'de');
    const before = bridged(model());
    expect(bridged(model()).ids).toEqual(before.ids);
    expect(before.has('#4500000')).toBe(true);
    expect(before.has('=citi')).toBe(false);
    installLexicon('de', 'stadt\tcity town');
    const after = bridged(model());
    expect(['=citi', '=town', '#4500000'].map(after.has)).toEqual([true, true, true]);
  });
});
