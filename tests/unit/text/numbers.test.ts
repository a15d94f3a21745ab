import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberKeys, type NumberKey } from '../../../lib/text';
import { trickyText } from './arbitraries';
import { seedText as seed } from '../helpers/seed-corpus.ts';

/** "raw=value" strings, with the flags that matter, for readable assertions. */
function show(keys: NumberKey[]): string[] {
  return keys.map((k) => {
    const flags = [k.alt !== undefined ? `alt ${k.alt}` : '', k.percent ? '%' : '', k.year ? 'year' : '', k.qualifier ? `~${k.qualifier}` : '']
      .filter(Boolean)
      .join(', ');
    return `${k.raw}=${k.value}${flags ? ` (${flags})` : ''}`;
  });
}
const read = (text: string, lang?: string) => show(numberKeys(text, lang));

describe('numberKeys: numerals', () => {
  it('reads plain integers and decimals', () => {
    expect(read('about 100 people, 3.5 and 0.300')).toEqual(['100=100 (~about)', '3.5=3.5', '0.300=0.3']);
  });

  it('reads thousands groups written with commas, dots, spaces and apostrophes', () => {
    expect(read('15,000 or 15 000 or 15\u00A0000 or 15\u202F000 or 1’000’000 or 1,234,567')).toEqual([
      '15,000=15000 (alt 15)',
      '15 000=15000',
      '15\u00A0000=15000',
      '15\u202F000=15000',
      '1’000’000=1000000',
      '1,234,567=1234567',
    ]);
  });

  it('resolves one separator before three digits by language and reports the other reading', () => {
    expect(read('a 1,300-kilometer border')).toEqual(['1,300=1300 (alt 1.3)']);
    expect(read('a 1.300-kilometer border')).toEqual(['1.300=1300 (alt 1.3)']);
    expect(read('eine 1.300 Kilometer lange Grenze', 'de')).toEqual(['1.300=1300 (alt 1.3)']);
    expect(read('1,300 Kilometer', 'de')).toEqual(['1,300=1.3 (alt 1300)']);
    expect(read('1.300 million')).toEqual(['1.300 million=1300000 (alt 1300000000)']);
  });

  it('reads mixed grouping and decimal separators', () => {
    expect(read('1.234,56 and 1,234.56 and 1 234,5')).toEqual(['1.234,56=1234.56', '1,234.56=1234.56', '1 234,5=1234.5']);
    expect(read('2,5 Prozent', 'de')).toEqual(['2,5 Prozent=2.5 (%)']);
  });

  it('applies scale words and abbreviations', () => {
    expect(read('5.93 mln, 2.5 million, 1.2bn, 3 billion, 15 Tausend, 1,5 Mrd. and 4 Mio. and $5m and 7 тыс.')).toEqual([
      '5.93 mln=5930000',
      '2.5 million=2500000',
      '1.2bn=1200000000',
      '3 billion=3000000000',
      '15 Tausend=15000',
      '1,5 Mrd.=1500000000',
      '4 Mio.=4000000',
      '5m=5000000',
      '7 тыс.=7000',
    ]);
    expect(read('a 100m sprint')).toEqual(['100=100']);
  });

  it('marks percentages in several spellings', () => {
    expect(read('20%, 20 %, 20 percent, 20 per cent, 20 Prozent, 20 pour cent, 20 процентов')).toEqual([
      '20%=20 (%)', '20 %=20 (%)', '20 percent=20 (%)', '20 per cent=20 (%)', '20 Prozent=20 (%)', '20 pour cent=20 (%)', '20 процентов=20 (%)',
    ]);
  });

  it('keeps years as numbers, both ends of a range included', () => {
    expect(read('from 1996 to 2001')).toEqual(['1996=1996 (year)', '2001=2001 (year)']);
    expect(read('1996-2001 and 1996–2001')).toEqual(['1996=1996 (year)', '2001=2001 (year)', '1996=1996 (year)', '2001=2001 (year)']);
    expect(read('in 1996 100 people')).toEqual(['1996=1996 (year)', '100=100']);
  });

  it('leaves full dates to dateKeys', () => {
    expect(read('on 16 August 2021, Aug. 16, 2021, 2021-08-16 and 16.08.2021')).toEqual([]);
  });

  it('skips codes, names and clock times', () => {
    expect(read('COVID-19, G7, F-16, MH17, at 10:30')).toEqual([]);
  });

  it('keeps ordinal and decade suffixes in raw', () => {
    expect(read('the 16th and the 1980s')).toEqual(['16th=16', '1980s=1980']);
  });

  it('notes hedges and bounds before the number', () => {
    expect(read('more than 15,000 soldiers; around one hundred staff; etwa 100 Mitarbeiter; около 100 человек')).toEqual([
      '15,000=15000 (alt 15, ~more than)',
      'one hundred=100 (~around)',
      '100=100 (~etwa)',
      '100=100 (~около)',
    ]);
  });
});

describe('numberKeys: number words', () => {
  it('reads English number words', () => {
    expect(read('one hundred and twenty-five; twenty five; a hundred; a thousand; two million three hundred thousand and five')).toEqual([
      'one hundred and twenty-five=125',
      'twenty five=25',
      'a hundred=100',
      'a thousand=1000',
      'two million three hundred thousand and five=2300005',
    ]);
    expect(read('a dozen eggs, two dozen, twenty per cent')).toEqual(['a dozen=12', 'two dozen=24', 'twenty per cent=20 (%)']);
  });

  it('splits adjacent number words that do not form one number', () => {
    expect(read('five six')).toEqual(['five=5', 'six=6']);
    expect(read('five and six')).toEqual(['five=5', 'six=6']);
  });

  it('does not read articles and pronouns as numbers', () => {
    expect(read('one of them said a word; it was one; thousands of people; hundreds')).toEqual([]);
  });

  it('reads German, French and Russian number words', () => {
    expect(read('fünfundzwanzig Menschen, einhundert, zwei Millionen', 'de')).toEqual(['fünfundzwanzig=25', 'einhundert=100', 'zwei Millionen=2000000']);
    expect(read('sept personnes, deux mille', 'fr')).toEqual(['sept=7', 'deux mille=2000']);
    expect(read('Sept. 30 and twenty-two')).toEqual(['twenty-two=22']);
    expect(read('двадцать пять человек', 'ru')).toEqual(['двадцать пять=25']);
  });
});

describe('numberKeys on the seeds', () => {
  it('finds "100 people" in 001 and "around one hundred" in 004 with the same value', () => {
    const original = numberKeys(seed('001'));
    const german = numberKeys(seed('004'));
    expect(original.find((k) => k.raw === '100')?.value).toBe(100);
    const hundred = german.find((k) => k.raw === 'one hundred');
    expect(hundred).toMatchObject({ value: 100, qualifier: 'around', words: true });
    expect(german.find((k) => k.raw === '1,300')?.value).toBe(1300);
    expect(german.find((k) => k.raw === '15,000')).toMatchObject({ value: 15000, qualifier: 'more than' });
    expect(german.filter((k) => k.year).map((k) => k.value)).toEqual([2001, 2001]);
  });

  it('finds the 1996-2001 span in both 000 and 001', () => {
    for (const id of ['000', '001']) {
      const years = numberKeys(seed(id)).filter((k) => k.year).map((k) => k.value);
      expect(years).toEqual(expect.arrayContaining([1996, 2001]));
    }
  });
});

describe('numberKeys: robustness', () => {
  it('never throws; keys are ordered, inside the text and raw matches the offsets', () => {
    fc.assert(
      fc.property(
        fc.oneof(trickyText(80), fc.array(fc.constantFrom('1', '0', ',', '.', ' ', '000', 'one', 'hundred', 'and', '-', '%', 'million', 'a', '$'), { maxLength: 40 }).map((p) => p.join(''))),
        fc.constantFrom(undefined, 'en', 'de'),
        (text, lang) => {
          let last = 0;
          for (const k of numberKeys(text, lang)) {
            if (k.start < last || k.end <= k.start || k.end > text.length || text.slice(k.start, k.end) !== k.raw) return false;
            if (!Number.isFinite(k.value)) return false;
            last = k.start;
          }
          return true;
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles long digit runs and long runs of number words', () => {
    expect(numberKeys('9'.repeat(100_000))).toEqual([]);
    expect(read('ID 123456789012345678901234')).toEqual([]);
    expect(numberKeys('1,'.repeat(30_000)).length).toBeLessThan(30_000);
    expect(numberKeys('one hundred and '.repeat(5_000)).length).toBeGreaterThan(0);
    expect(numberKeys('5 000 '.repeat(10_000)).length).toBeGreaterThan(0);
    expect(numberKeys(`1${' 000'.repeat(30_000)}`)).toEqual([]);
    expect(read('1,000 000 and 1 000,000')).toEqual(['1,000=1000 (alt 1)', '000=0', '1 000,000=1000']);
    expect(numberKeys(`about${' '.repeat(100_000)}100`).map((k) => k.value)).toEqual([100]);
  });
});

describe('numberKeys: numbers in every script', () => {
  const values = (text: string, lang: string) => numberKeys(text, lang).map((n) => n.value);

  it('reads Chinese and Japanese myriads, alone and compound', () => {
    expect(values('1日4万5000人の乗客', 'ja')).toEqual([1, 45000]);
    expect(values('事業費は4億8000万ユーロ', 'ja')).toEqual([480_000_000]);
    expect(values('该项目耗资4.8亿欧元，比计划多出约6000万欧元', 'zh')).toEqual([480_000_000, 60_000_000]);
    expect(values('約3億円', 'ja')).toEqual([300_000_000]);
  });

  it('reads Arabic-Indic and full-width digits, and keeps their text as written', () => {
    const keys = numberKeys('كلف ٤٨٠ مليون يورو و ٢٢ محطة', 'ar');
    expect(keys.map((n) => n.value)).toEqual([480_000_000, 22]);
    expect(keys[0].raw).toBe('٤٨٠ مليون');
    expect(values('全長１４キロ', 'ja')).toEqual([14]);
  });

  it('reads scale words of Ukrainian, Polish, Spanish and German with decimal commas', () => {
    expect(values('1,5 млн гривень', 'uk')).toEqual([1_500_000]);
    expect(values('480 млн євро', 'uk')).toEqual([480_000_000]);
    expect(values('1,5 mln zł', 'pl')).toEqual([1_500_000]);
    expect(values('480 millones de euros', 'es')).toEqual([480_000_000]);
    expect(values('1.5 Mio. Euro', 'de')).toEqual([1_500_000]);
  });
});
