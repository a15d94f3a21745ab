import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../../cli/lexicons';
import { parseLexicon } from '../../../lib/text/lexicon';
import { sensesByAgreement } from '../../../scripts/build-lexicons';

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
