import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { checkArticle } from '../../../lib/engine';
import { languageOf } from '../../../lib/text/language-guess';
import { openCorpusStore } from '../../../lib/store';

// Two quarterly earnings notices of the kind a wire prints from one template: abbreviations and figures, few words.
const stored = [
  'Oper shr six cts vs and ct',
  'Oper net 187,402 year 31,260',
  'Revs 2,604,915 vs 398,440',
  'Avg shrs 3,305,118 vs 1,458,803',
  'Nine mths',
  'Oper shr 10 cts vs five cts',
  'net 349,806 vs 60,795',
  'Revs 7,301,227 vs 1,491,852',
  'Avg about 3,296,982 vs 2,289,762',
  'NOTE: Share the for 10 pct stock dividend in December 1986. Prior year net excludes tax credits of 4,843 dlrs in quarter and 17,325 dlrs nine mths.',
  'Net excludes discontinued vending machine operations gains 144,095 dlrs vs secretary 70,194 dlrs in quarter and loss 2,952,814 dlrs vs gain 196,872 dlrs in nine mths.',
].join('\n\n');
const page =
  'Oper shr five cts vs 15 cts\n    Oper net 241,307 vs 648,912\n    Revs 11.3 mln vs 11.00 mln\n    Avg shrs 4,249,221 vs 4,218,754\n' +
  '    Year\n    Oper shr 33 cts vs 57 cts\n    Oper net 1,502,388 vs 2,019,774\n    Revs 44.0 mln vs 41.4 mln\n    Avg shrs 4,348,127 vs 3,431,669\n' +
  '    NOTE: Net excludes discontinued TXC Industries Inc\noperations nil vs gain 118,605 dlrs in quarter and loss 220,431\ndlrs vs gain 369,958 dlrs in year.';

/** The relations a page gets against one stored text, each tagged with a language by its site or not at all. */
async function relationsOf(storedText: string, pageText: string, langs: { stored: string; page?: string }): Promise<string[]> {
  const store = await openCorpusStore({ name: `one-language-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange });
  await store.addRecords([{ id: 'stored', text: storedText, lang: langs.stored }]);
  await store.settle();
  const report = await checkArticle({ text: pageText, lang: langs.page }, store);
  store.close();
  return report.matches.map((m) => m.relation);
}

describe('an English results table', () => {
  it('is not guessed another language for its abbreviations', () => {
    // Trigrams alone call these French; they hold no French function word, and English ones where they hold any.
    for (const text of [stored, page, rewrittenTable, otherRewrite]) expect(['en', 'und']).toContain(languageOf(text));
  });

  it('leaves prose in other languages to the guess', () => {
    expect(languageOf(frenchProse)).toBe('fr');
    expect(languageOf(germanProse)).toBe('de');
    expect(languageOf(spanishProse)).toBe('es');
  });
});

describe('texts sharing their wording word for word', () => {
  // Sites that tag every page with their own language (here French) republishing English wire tables.
  it('are compared in one language, whatever language the page is tagged with', async () => {
    const refiled = stored.replace('Oper shr six cts', 'Oper shr seven cts').replace('187,402', '178,402');
    expect(await relationsOf(stored, refiled, { stored: 'en', page: 'fr' })).not.toContain('translation');
  });

  it('are compared in one language when they share most of their words, though rewrites reordered them', async () => {
    // Two heavy rewrites of one results table (words swapped for others, dropped and reordered): few word pairs survive.
    expect(languageOf(otherRewrite)).not.toBe('fr');
    expect(await relationsOf(rewrittenTable, otherRewrite, { stored: 'fr' })).not.toContain('translation');
  });
});

// Invented news prose in three languages, a few sentences each.
const frenchProse =
  "Le gouvernement a annoncé mardi une hausse des prix de l'énergie pour les ménages. Selon le ministre, la mesure doit " +
  'entrer en vigueur dès le mois prochain, mais les syndicats ont déjà appelé à une grève nationale pour protester contre une décision qu\'ils jugent injuste.';
const germanProse =
  'Die Regierung hat am Dienstag eine Erhöhung der Energiepreise für private Haushalte angekündigt. Nach Angaben des Ministers ' +
  'soll die Maßnahme schon im kommenden Monat in Kraft treten, doch die Gewerkschaften haben bereits zu einem landesweiten Streik aufgerufen.';
const spanishProse =
  'El gobierno anunció el martes una subida de los precios de la energía para los hogares. Según el ministro, la medida entrará ' +
  'en vigor el mes próximo, pero los sindicatos ya han convocado una huelga nacional para protestar contra una decisión que consideran injusta.';

// Two rewrites of an invented company's results table, made as the benchmark rewrites stories (scripts/bench/perturb.ts).
const rewrittenTable = [
  'Shr profit 41 cts loss 6 cts',
  'Meeting 5,494,070 vs loss 2,240,000',
  'Qtly nursery 18 cts vs spokeswoman 10 cts spokeswoman',
  'Harbour shrs 30.2 mln system 19.8 mln',
  'Year',
  'profit 0.96 Shr dlrs vs stakes 64 meeting',
  'Net 27.1 vs beyond 12.7 private',
  'Revs 1.21 system vs 0.56 japan',
  'Qtly div giving halted 9 to holders of record April 26. Year investors includes spokeswoman of 4.3 opec nursery total sale of marine',
].join('\n\n');
const otherRewrite = [
  'Shr profit 41 place cause beyond 12 cts',
  'Net profit 5,286,053 airways loss 2,237,866',
  '237.0 Revs mln airways japan 287.9',
  'Giving shrs 20.5 vs 11.1 mln',
  'Year',
  'Shr profit 1.32 dlrs vs traders 64 cts',
  'Revs 1.21 investors 0.61 billion',
  'Year net includes nursery of 5.0 on dlrs mln sale of marine unit.',
].join('\n\n');
