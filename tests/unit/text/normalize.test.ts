import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldWord, normalize } from '../../../lib/text';
import { trickyText } from './arbitraries';

describe('normalize', () => {
  it('straightens curly quotes, guillemets and low-9 quotes', () => {
    expect(normalize('“Hi,” he said. ‘Yes’ – «non» „ja“ ‹x›')).toBe(`"Hi," he said. 'Yes' - "non" "ja" 'x'`);
  });

  it('maps every dash and the minus sign to a hyphen', () => {
    expect(normalize('a–b—c―d‐e‑f−g⸺h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('expands the ellipsis and turns exotic spaces into one space', () => {
    expect(normalize('wait…\u00A0now\u2009and\u202Fthen\u3000end')).toBe('wait... now and then end');
  });

  it('collapses whitespace runs and trims', () => {
    expect(normalize('  a \t\n\n b  ')).toBe('a b');
  });

  it('keeps line structure on request', () => {
    expect(normalize(' a  b \n c\n\n\n d ', { keepLineBreaks: true })).toBe('a b\nc\n\nd');
  });

  it('applies NFKC: full-width forms, ligatures, composed accents', () => {
    expect(normalize('ＡＢＣ１２３ ﬁne Ko\u0308ln')).toBe('ABC123 fine Köln');
  });

  it('drops invisible characters and treats accent apostrophes as apostrophes', () => {
    expect(normalize('in\u00ADvisible zero\u200Bwidth it´s it`s')).toBe("invisible zerowidth it's it's");
  });

  it('leaves other scripts alone', () => {
    expect(normalize('Москва — столица. 北京是首都。 القاهرة')).toBe('Москва - столица. 北京是首都。 القاهرة');
  });

  it('is idempotent, also where NFKC makes an apostrophe ("ŉ")', () => {
    expect(normalize(normalize('ŉ'))).toBe(normalize('ŉ'));
    fc.assert(fc.property(trickyText(), (s) => normalize(normalize(s)) === normalize(s)), { numRuns: 500 });
    fc.assert(
      fc.property(trickyText(), (s) => {
        const once = normalize(s, { keepLineBreaks: true });
        return normalize(once, { keepLineBreaks: true }) === once;
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldWord', () => {
  it('lowercases and strips diacritics', () => {
    expect(foldWord('Köln')).toBe('koln');
    expect(foldWord('Émilie')).toBe('emilie');
    expect(foldWord('Ёлка')).toBe('елка');
    expect(foldWord('Ελλάδα')).toBe('ελλαδα');
  });

  it('folds letters that have no combining mark', () => {
    expect(foldWord('Straße')).toBe('strasse');
    expect(foldWord('Łódź')).toBe('lodz');
    expect(foldWord('Søren')).toBe('soren');
    expect(foldWord('Œuvre')).toBe('oeuvre');
  });

  it('removes Arabic harakat and Hebrew points but keeps Indic vowel signs', () => {
    expect(foldWord('مُحَمَّد')).toBe('محمد');
    expect(foldWord('שָׁלוֹם')).toBe('שלום');
    expect(foldWord('हिन्दी')).toBe('हिन्दी');
  });

  it('keeps Hangul syllables and Japanese voicing marks', () => {
    expect(foldWord('한국어')).toBe('한국어');
    expect(foldWord('が')).toBe('が');
  });

  it('never throws and is idempotent', () => {
    fc.assert(fc.property(trickyText(), (s) => foldWord(foldWord(s)) === foldWord(s)), { numRuns: 500 });
  });
});
