import { describe, expect, it } from 'vitest';
import { sameName } from '../../../lib/drift/detect';
import { nameCandidates } from '../../../lib/text/names';
import { drift, only, show } from './helpers';

describe('detectDrift: numbers and dates', () => {
  it('does not report "about 100" written as "around one hundred"', () => {
    const items = drift('The embassy has about 100 people, the ambassador said.', 'The embassy has around one hundred people, the ambassador said.');
    expect(items.filter((d) => d.kind === 'number'), show(items)).toEqual([]);
    expect(items.every((d) => d.severity <= 1), show(items)).toBe(true);
  });

  it('reports 100 becoming 200 as a number change, and only once', () => {
    const items = drift('The embassy has about 100 people, the ambassador said.', 'The embassy has about 200 people, the ambassador said.');
    const item = only(items, 'number');
    expect(item.severity).toBe(5);
    expect([item.source.text, item.page.text]).toEqual(['100', '200']);
    expect(items, show(items)).toHaveLength(1);
  });

  it('reports a changed date', () => {
    const item = only(drift('The talks resume on 16 August 2021 in Doha.', 'The talks resume on 18 August 2021 in Doha.'), 'date');
    expect(item.summary).toBe('Date changed: “16 August 2021” became “18 August 2021”');
  });

  it('reports a figure changed on a line of its own, between sentences both texts keep', () => {
    const around = (figure: string) => `The results were published on Monday after a long delay.\n\n${figure}\n\nThe committee will meet again next month to review them.`;
    const items = drift(around('102'), around('84'));
    const item = only(items, 'number');
    expect([item.source.text, item.page.text]).toEqual(['102', '84']);
    expect(items.filter((d) => d.kind === 'added' || d.kind === 'dropped'), show(items)).toEqual([]);
  });

  it('reads two changed cells of a table, side by side, as those cells changed', () => {
    // Every row gives a size in MB: the unit says little about which cell is which, only their places do.
    const rows = ['Farm Heroes', '71.1 MB', 'Google Maps', '32.7 MB', 'Gmail', '17.8 MB', 'Photos', '12.4 MB', 'Chrome', '44.0 MB', 'Drive', '21.3 MB', 'Keep', '8.9 MB'];
    const table = (cells: string[]) => ['Patch sizes fell sharply for the most popular apps this year.', ...cells, 'The new patches reach phones in the next update.'].join('\n\n');
    const edited = rows.map((cell) => (cell === 'Google Maps' ? 'Google Mups' : cell === '32.7 MB' ? '48.7 MB' : cell));
    const items = drift(table(rows), table(edited));
    const number = only(items, 'number');
    expect([number.source.text, number.page.text]).toEqual(['32.7', '48.7']);
    expect(items.filter((d) => d.kind === 'added' || d.kind === 'dropped'), show(items)).toEqual([]);
  });

  it('reports a code whose number changed as a name changed, and not a code written another way', () => {
    const item = only(drift('The air force will buy 40 F-16 jets from the maker next year, officials said.', 'The air force will buy 40 F-18 jets from the maker next year, officials said.'), 'name');
    expect(item.summary).toBe('Name changed: “F-16” became “F-18”');
    expect(item.severity).toBe(4);
    const same = drift('The air force will buy 40 F-16 jets from the maker next year, officials said.', 'The air force will buy 40 F16 jets from the maker next year, officials said.');
    expect(same.every((d) => d.severity <= 1), show(same)).toBe(true);
  });

  it('reports a changed clock time, and not a time written another way', () => {
    const item = only(drift('Officials said martial law was declared around 10:30 p.m. on Tuesday.', 'Officials said martial law was declared around 6:30 p.m. on Tuesday.'), 'date');
    expect(item.summary).toBe('Time changed: “10:30 p.m.” became “6:30 p.m.”');
    expect(item.severity).toBe(4);
    for (const [before, after] of [
      ['10:30 p.m.', '22:30'],
      ['10:30', '10:30 p.m.'],
    ]) {
      const same = drift(`The vote closed at ${before} in the capital, officials said.`, `The vote closed at ${after} in the capital, officials said.`);
      expect(same.filter((d) => d.kind === 'date'), show(same)).toEqual([]);
    }
    const otherHalf = only(drift('The vote closed at 10:30 a.m. in the capital.', 'The vote closed at 10:30 p.m. in the capital.'), 'date');
    expect(otherHalf.summary).toBe('Time changed: “10:30 a.m.” became “10:30 p.m.”');
  });
});

describe('detectDrift: meaning', () => {
  it('reports a dropped negation', () => {
    const item = only(drift('The government does not recognise the new rulers, the minister said.', 'The government recognises the new rulers, the minister said.'), 'negation');
    expect(item.summary).toBe('Negation removed: “does not recognise” became “recognises”');
    expect(item.severity).toBe(5);
  });

  it('does not take "whether or not" for a negation', () => {
    const items = drift('Moscow will decide whether to recognise the government.', 'Moscow will decide whether or not to recognise the government.');
    expect(items.filter((d) => d.kind === 'negation'), show(items)).toEqual([]);
  });

  it('reports "will decide" becoming "had decided" as a tense change', () => {
    const item = only(drift('Moscow will decide on recognition later, officials said.', 'Moscow had decided on recognition later, officials said.'), 'tense');
    expect([item.source.text, item.page.text]).toEqual(['will decide', 'had decided']);
  });

  it('reads the typo "with decide" as "will decide"', () => {
    const item = only(drift('Kabulov said Moscow with decide on whether to recognize the government.', 'Kabulov said Moscow had decided whether to recognize the government.'), 'tense');
    expect(item.summary).toBe('Tense or modality changed: “with decide” (read as “will decide”) became “had decided”');
  });
});

describe('detectDrift: quotes, names and attribution', () => {
  it('reports an altered quote with the changed words', () => {
    const item = only(drift('"We are ready for talks," Sergei Lavrov told reporters in Moscow.', '"We are ready for negotiations," Sergei Lavrov told reporters in Moscow.'), 'quote');
    expect(item.summary).toBe('Quote altered: “talks” became “negotiations”');
    expect(item.page.text).toBe('We are ready for negotiations,');
  });

  it('reports a quotation whose every word changed, where it stands in the sentence', () => {
    // No word shared: only its place tells which quotation it replaced (a scare quote, a short phrase).
    const scare = only(drift('The suit accuses the company of "misappropriating" trade secrets, its lawyers said.', 'The suit accuses the company of "borrowing" trade secrets, its lawyers said.'), 'quote');
    expect(scare.summary).toBe('Quote altered: “misappropriating” became “borrowing”');
    const phrase = only(drift('A vote is needed for a sale of “all” or “substantially all” of the assets.', 'A vote is needed for a sale of “all” or “nearly all” of the assets.'), 'quote');
    expect([phrase.source.text, phrase.page.text]).toEqual(['substantially all', 'nearly all']);
  });

  it('reports a changed name', () => {
    const item = only(drift('Hua Chunying, a spokesperson for the ministry, spoke on Monday.', 'Wang Wenbin, a spokesperson for the ministry, spoke on Monday.'), 'name');
    expect([item.source.text, item.page.text]).toEqual(['Hua Chunying', 'Wang Wenbin']);
  });

  it('reports a changed news source as attribution', () => {
    const item = only(drift('The talks were held in a calm atmosphere, according to Reuters.', 'The talks were held in a calm atmosphere, according to AFP.'), 'attribution');
    expect(item.summary).toBe('Attribution changed: “Reuters” became “AFP”');
  });

  it('treats transliterations, demonyms and acronyms as the same name', () => {
    const [kabulov] = nameCandidates('Zamir Kabulov spoke.');
    const [kabulow] = nameCandidates('Samir Kabulow spoke.');
    expect(sameName(kabulov, kabulow)).toBe(true);
    const [us] = nameCandidates('They met the U.S. envoy.');
    const [unitedStates] = nameCandidates('They met the United States envoy.');
    expect(sameName(us, unitedStates)).toBe(true);
    const items = drift('The U.S. and Russia evacuated staff.', 'The United States and Russia evacuated staff.');
    expect(items.filter((d) => d.kind === 'name' || d.kind === 'attribution'), show(items)).toEqual([]);
  });
});

describe('detectDrift: sentences and wording', () => {
  it('reports a dropped sentence', () => {
    const item = only(drift('The delegates met in a large hall. The meeting lasted four hours and ended without agreement.', 'The delegates met in a large hall.'), 'dropped');
    expect(item.source.text).toBe('The meeting lasted four hours and ended without agreement.');
  });

  it('reports an added photo caption', () => {
    const items = drift('The delegates met in a large hall near the river.', 'Delegates arrive at the hall Jane Doe / Reuters\nThe delegates met in a large hall near the river.');
    expect(only(items, 'added').summary).toMatch(/^Photo caption added/);
  });

  it('rates plain rewording as cosmetic', () => {
    const item = only(drift('The delegates met in a large hall near the river.', 'The delegates gathered in a big hall close to the river.'), 'reworded');
    expect(item.severity).toBe(1);
    expect(item.summary).toBe('Reworded: “met in a large hall near” became “gathered in a big hall close to”');
  });

  it('reports nothing for identical texts', () => {
    expect(drift('One sentence here. And “a quote” there.', 'One sentence here. And "a quote" there.')).toEqual([]);
  });

  it('ranks the most serious first', () => {
    const items = drift(
      'The delegates met in a large hall. The embassy has 100 staff. Officials will decide soon.',
      'The delegates gathered in a big hall. The embassy has 300 staff. Officials had decided soon.',
    );
    expect(items.map((d) => d.kind), show(items)).toEqual(['number', 'tense', 'reworded']);
  });
});
