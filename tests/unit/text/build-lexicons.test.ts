import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../../cli/lexicons';
import { parseLexicon } from '../../../lib/text/lexicon';
import { sensesByAgreement, ukrainianForms, withoutFoundForms } from '../../../scripts/build-lexicons';

describe('lexicon senses read through other dictionaries', () => {
  it('puts first the English word most dictionaries agree on, not the first one found', () => {
    const senses = sensesByAgreement([
      // One dictionary lists the word under a rare sense first (its headwords come in alphabetical order)…
      { word: 'президент', glosses: ['mayor', 'president'], rank: 10, from: 'pol-rus' },
      // …three others under the common one.
      { word: 'президент', glosses: ['president'], rank: 10, from: 'deu-rus' },
      { word: 'президент', glosses: ['chairman', 'president'], rank: 10, from: 'fra-rus' },
      { word: 'президент', glosses: ['president'], rank: 10, from: 'ita-rus' },
      { word: 'улица', glosses: ['alley'], rank: 6, from: 'deu-rus' },
    ]);
    expect(senses.get('президент')).toEqual(['president', 'mayor']);
    expect(senses.get('улица')).toEqual(['alley']);
  });

  it('counts one dictionary once for a sense, however many of its entries give it', () => {
    const senses = sensesByAgreement([
      { word: 'путь', glosses: ['track'], rank: 4, from: 'deu-rus' },
      { word: 'путь', glosses: ['track'], rank: 4, from: 'deu-rus' },
      { word: 'путь', glosses: ['way'], rank: 4, from: 'fra-rus' },
      { word: 'путь', glosses: ['way'], rank: 4, from: 'pol-rus' },
    ]);
    expect(senses.get('путь')).toEqual(['way', 'track']);
  });

  it('ships a Russian list whose common words have their common sense first', () => {
    const russian = parseLexicon('ru', readFileSync(path.join(LEXICON_DIR, 'ru.tsv'), 'utf8'));
    expect(russian.words.get('президент')?.[0]).toBe('president');
    expect(russian.words.get('улица')?.[0]).toBe('street');
  });
});

describe('the Ukrainian list, from Apertium\'s Russian–Ukrainian pair', () => {
  const russian = parseLexicon('ru', 'станция\tstation\nместо\tplace');

  it('keeps only the forms the lookup would not find anyway through a shorter form or a Russian spelling', () => {
    const forms = new Map([
      ['глядач', ['spectator']],
      ['глядачів', ['spectator']],
      ['глядачами', ['spectator']],
      ['станція', ['station']],
      ['місто', ['city']],
      ['сліз', ['tear']],
      ['сльози', ['tear']],
    ]);
    // "глядачів" and "глядачами" are found through "глядач", "станція" through "станция"; "місто" is not the Russian
    // "место" (place), and "сліз" and "сльози" have no shorter form to be found through.
    expect([...withoutFoundForms(forms, russian).keys()].sort()).toEqual(['глядач', 'місто', 'сльози', 'сліз']);
    // A shorter form kept with other English words is no way to a longer one: "глядачі" is read as itself.
    const viewers = withoutFoundForms(new Map([...forms, ['глядачі', ['viewer']]]), russian);
    expect(viewers.has('глядачів')).toBe(true);
  });

  const apertium = '/usr/share/apertium/apertium-rus-ukr';
  it.skipIf(!existsSync(apertium))('reads every form Apertium generates, through its analyser and dictionary into Russian', () => {
    const forms = ukrainianForms(apertium, parseLexicon('ru', readFileSync(path.join(LEXICON_DIR, 'ru.tsv'), 'utf8')));
    expect(forms.get('глядачів')).toContain('spectator');
    expect(forms.get('сльози')).toContain('tear');
    // The generator lists "новий" without the tag the dictionary files it under; it is translated all the same.
    expect(forms.get('новоі')).toContain('new');
    expect(forms.size).toBeGreaterThan(50_000);
  });
});
