import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON_DIR, useLexiconFiles } from '../../../cli/lexicons';
import { glossesOf, glossText, installLexicon, LEXICON_LANGUAGES, lexiconOf, loadLexicons, parseLexicon, resetLexicons, setLexiconSource, ukrainianAsRussian } from '../../../lib/text/lexicon';

afterEach(() => {
  setLexiconSource(null);
  resetLexicons();
});

describe('bilingual lexicons', () => {
  it('ships a compiled list for every language it names, each line a word and its English words', () => {
    for (const lang of LEXICON_LANGUAGES) {
      const file = path.join(LEXICON_DIR, `${lang}.tsv`);
      expect(existsSync(file), file).toBe(true);
      const lexicon = parseLexicon(lang, readFileSync(file, 'utf8'));
      expect(lexicon.words.size, lang).toBeGreaterThan(1000);
    }
  });

  it('finds an inflected form through its dictionary form, but never cuts a word below four letters', () => {
    const lexicon = parseLexicon('is', 'hús\thouse\nforseti\tpresident\nár\tyear');
    expect(glossesOf(lexicon, 'Forsetinn')).toEqual(['president']);
    expect(glossesOf(lexicon, 'Hús')).toEqual(['house']);
    // "hús" is shorter than four letters: "húsinu" is not cut down to it.
    expect(glossesOf(lexicon, 'húsinu')).toBeNull();
    expect(glossesOf(parseLexicon('de', 'haus\thouse'), 'Hauses')).toEqual(['house']);
    expect(glossesOf(parseLexicon('ja', '大統領\tpresident'), '大統領')).toEqual(['president']);
  });

  it('reads each language once from its source, however many ask at the same time, and remembers one it lacks', async () => {
    const asked: string[] = [];
    setLexiconSource(async (lang) => {
      asked.push(lang);
      return lang === 'de' ? 'haus\thouse' : null;
    });
    await Promise.all([loadLexicons(['de', 'de-AT']), loadLexicons(['de', 'fr', 'en', 'xx'])]);
    await loadLexicons(['fr']);
    expect(asked.sort()).toEqual(['de', 'fr']);
    expect(lexiconOf('de-AT')?.words.get('haus')).toEqual(['house']);
    expect(lexiconOf('fr')).toBeNull();
  });

  it('glosses a page in English words where it knows them, keeping names and numbers and leaving function words out', () => {
    const lexicon = installLexicon('de', 'stadt\tcity town\nbürgermeisterin\tmayor\nkosten\tcosts\ndie\tthat who\nvon\tfrom');
    expect(glossText(lexicon, 'Die Stadt Kestrel Bay: Bürgermeisterin Vasquez nennt Kosten von 480 Millionen.')).toBe('city Kestrel Bay: mayor Vasquez nennt costs  480 Millionen.');
  });

  it('looks Ukrainian words up in the Russian list through their Russian spellings, reading that list once', async () => {
    const asked: string[] = [];
    setLexiconSource(async (lang) => {
      asked.push(lang);
      return lang === 'ru' ? 'станция\tstation\nместо\tplace\nбояться\tfear\nмы\twe\nповторить\trepeat' : null;
    });
    await Promise.all([loadLexicons(['uk']), loadLexicons(['ru', 'uk'])]);
    expect(asked.sort()).toEqual(['ru', 'uk']);
    const ukrainian = lexiconOf('uk')!;
    expect(glossesOf(ukrainian, 'станція')).toEqual(['station']);
    expect(glossesOf(ukrainian, 'місто')).toEqual(['place']);
    expect(glossesOf(ukrainian, 'бояться')).toEqual(['fear']);
    expect(glossesOf(ukrainian, 'ми')).toEqual(['we']);
    expect(glossesOf(ukrainian, 'повторити')).toEqual(['repeat']);
    // The Russian list itself is not read through Ukrainian spellings.
    expect(glossesOf(lexiconOf('ru')!, 'станція')).toBeNull();
    expect(ukrainianAsRussian("п'ять")).toContain('пять');
  });

  it('reads a Ukrainian word in its own list first, then in the Russian one, then through a shorter form of either', async () => {
    setLexiconSource(async (lang) => (lang === 'uk' ? 'сльози\ttear\nглядач\tspectator\nмісто\tcity' : lang === 'ru' ? 'место\tplace\nстанция\tstation' : null));
    await loadLexicons(['uk']);
    const ukrainian = lexiconOf('uk')!;
    // Its own list has the word: the Russian spelling of the same letters ("место", place) is not asked.
    expect(glossesOf(ukrainian, 'Місто')).toEqual(['city']);
    expect(glossesOf(ukrainian, 'сльози')).toEqual(['tear']);
    expect(glossesOf(ukrainian, 'станція')).toEqual(['station']);
    expect(glossesOf(ukrainian, 'глядачів')).toEqual(['spectator']);
    expect(glossesOf(ukrainian, 'станціями')).toEqual(['station']);
    expect(glossesOf(ukrainian, 'новину')).toBeNull();
  });

  it('glosses the inflected forms of a Ukrainian sentence through the shipped lists', async () => {
    useLexiconFiles();
    await loadLexicons(['uk']);
    const ukrainian = lexiconOf('uk')!;
    // Plural, genitive and locative forms, past tenses and an adjective's feminine genitive: none is its dictionary form.
    const sentence = 'Глядачі не стримували сліз: у їхніх серцях жила надія, сказав президент міста після відкриття нової станції.';
    const expected: Record<string, string> = {
      Глядачі: 'spectator',
      стримували: 'constrain',
      сліз: 'tear',
      серцях: 'heart',
      надія: 'hope',
      сказав: 'say',
      міста: 'city',
      нової: 'new',
      станції: 'station',
    };
    for (const [word, english] of Object.entries(expected)) expect(glossesOf(ukrainian, word), word).toContain(english);
    expect(glossText(ukrainian, sentence)).toMatch(/^spectator .*tear.*say president city after .* new station\.$/);
  });

  it('has no Ukrainian lexicon where neither its own list nor the Russian one can be read', async () => {
    setLexiconSource(async () => null);
    await loadLexicons(['uk']);
    expect(lexiconOf('uk')).toBeNull();
  });
});
