import { describe, expect, it } from 'vitest';
import { englishToForeign, FOREIGN_EVERY, renderer, withForeignTenth } from '../../../scripts/bench/crosslang';
import type { BenchCorpus } from '../../../scripts/bench/corpus';

const GERMAN = 'stadt\tcity town\nbürgermeisterin\tmayor\nkosten\tcosts cost\nmillionen\tmillions\nstädtchen\tcity';

describe('bench: the foreign tenth', () => {
  it('renders English word by word into the language, keeping names and numbers, with its decimal comma', () => {
    const toGerman = englishToForeign(GERMAN);
    // The shortest word whose first sense is the English word: "stadt", not "städtchen".
    expect(toGerman.get('city')).toBe('stadt');
    expect(renderer('de', toGerman)('Mayor Vasquez: the city costs 1.5 millions.')).toBe('Bürgermeisterin Vasquez: the stadt kosten 1,5 millionen.');
    expect(renderer('ja', new Map([['city', '市'], ['mayor', '市長']]))('the city mayor')).toBe('the 市市長');
  });

  it('stores one original in ten in another language, never a planted query\'s, and asks for each from its English', () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, text: `story ${i} city ${'word '.repeat(60)}` }));
    const corpus: BenchCorpus = { size: 40, records, originals: 40, copies: { edited: 0, rewritten: 0 }, queries: [{ kind: 'edited', article: { text: 'x' }, truth: 'r9' }] };
    const german = renderer('de', englishToForeign(GERMAN));
    const foreign = withForeignTenth(corpus, new Map([['de', german]]), 10);
    const rendered = foreign.records.filter((record) => record.lang === 'de');
    // r9 is a planted query's original and stays English; r19, r29, r39 take turns through the languages: only the first turn is German here.
    expect(rendered.map((record) => record.id)).toEqual(['r19']);
    expect(rendered[0].text).toContain('stadt');
    expect(foreign.records).toHaveLength(40);
    expect(foreign.queries).toEqual([{ text: records[19].text, lang: 'en', truth: 'r19', truthLang: 'de' }]);
    expect(FOREIGN_EVERY).toBe(10);
  });
});
