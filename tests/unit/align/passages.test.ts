import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { seedRecord } from '../helpers/seed-corpus.ts';

const text = (id: string) => seedRecord(id).text;

const filler = [
  'The orchard behind the old mill produces apples, pears and a few plums every autumn.',
  'Volunteers gather on Saturdays to prune the trees and mend the wooden fences.',
  'A local baker buys most of the harvest for pies sold at the weekly market.',
  'Children from the village school visit in spring to learn how bees pollinate blossoms.',
  'The mill itself was restored ten years ago and now houses a small museum of farm tools.',
  'Visitors can walk a marked trail along the stream that once turned the wheel.',
].join(' ');

const copied =
  'The U.S. and other Western nations evacuated their embassies in Kabul on Sunday as the Taliban took control of the Afghan capital, but Russia and China stayed put. ' +
  'Russia\'s ambassador is scheduled to meet with Taliban leaders on Tuesday. ' +
  'Beijing is taking a cautious approach, saying it views the Taliban as a transitional government.';

describe('alignPassages', () => {
  it('finds a verbatim paragraph inside unrelated text, with edges at the copied words', () => {
    const page = `${filler} ${copied} ${filler}`;
    const source = text('seed-001');
    const { passages, truncated } = alignPassages(page, source);
    expect(truncated).toBe(false);
    expect(passages).toHaveLength(1);
    const [p] = passages;
    const start = page.indexOf(copied);
    expect(Math.abs(p.page[0] - start)).toBeLessThanOrEqual(5);
    expect(Math.abs(p.page[1] - (start + copied.length))).toBeLessThanOrEqual(5);
    expect(source.slice(p.source[0], p.source[0] + 20)).toBe('The U.S. and other W');
  });

  it('aligns the back-translated copy 000 with its original 001', () => {
    const { passages } = alignPassages(text('seed-000'), text('seed-001'));
    const pageCovered = passages.reduce((n, p) => n + p.page[1] - p.page[0], 0);
    expect(pageCovered / text('seed-000').length).toBeGreaterThan(0.8);
    for (const p of passages) expect(p.similarity).toBeGreaterThan(0.5);
  });

  it('finds no passage between independent reports of the same story', () => {
    for (const [a, b] of [['seed-000', 'seed-002'], ['seed-001', 'seed-004'], ['seed-003', 'seed-004'], ['seed-002', 'seed-003']]) {
      expect(alignPassages(text(a), text(b)).passages, `${a} / ${b}`).toEqual([]);
    }
  });

  it('finds copied lines whose line breaks the page lost, as one long sentence', () => {
    const lines = [
      'Handmade oak bookshelf with five adjustable shelves',
      'Solid brass hinges and a hand rubbed linseed finish',
      'Ships flat packed with every screw and a printed assembly guide',
      'Free delivery within the county and a ten year workshop guarantee',
    ];
    const shopNotes = 'Our workshop is closed on public holidays. Orders placed on Friday are packed on Monday morning.';
    const source = `${shopNotes}\n${lines.join('\n')}\n${shopNotes}`;
    const page = `${filler} ${lines.join(' ')} ${filler}`;
    const { passages } = alignPassages(page, source);
    const copiedAt = page.indexOf(lines[0]);
    expect(passages.some((p) => p.page[0] <= copiedAt + 5 && p.page[1] >= copiedAt + lines.join(' ').length - 5)).toBe(true);
    // Cosine and Dice alone lose the first line: it is a small part of the long page sentence it ended up in.
    expect(alignPassages(page, source, { seedContainment: 2 }).passages.some((p) => p.page[0] <= copiedAt + 5)).toBe(false);
  });

  it('finds nothing in unrelated text', () => {
    expect(alignPassages(filler, text('seed-001')).passages).toEqual([]);
  });

  it('stops at the pair budget and says so', () => {
    const result = alignPassages(text('seed-000'), text('seed-001'), { maxPairChecks: 10 });
    expect(result.truncated).toBe(true);
  });

  it('only considers the first maxChars characters', () => {
    const result = alignPassages(`${filler} ${copied}`, text('seed-001'), { maxChars: filler.length });
    expect(result.truncated).toBe(true);
    expect(result.passages).toEqual([]);
  });
});

// A Russian rendering of the opening of 001: names, numbers and cognates are all that is shared.
const russian = [
  'США и другие западные страны в воскресенье эвакуировали свои посольства в Кабуле, когда талибы взяли под контроль афганскую столицу, но Россия и Китай остались.',
  '«У нас относительно большое посольство в Афганистане, это около 100 человек», — заявил в понедельник радиостанции «Эхо Москвы» Замир Кабулов, специальный представитель президента России по Афганистану.',
  '«Некоторых сотрудников отправят в отпуск или эвакуируют другим способом, чтобы не создавать слишком большого присутствия».',
  'Он сказал, что талибы теперь охраняют посольство России в Кабуле.',
  'Посол России должен встретиться с лидерами талибов во вторник.',
].join(' ');

describe('alignPassages across languages', () => {
  it('aligns a Russian translation with the English original offline', () => {
    const result = alignPassages(russian, text('seed-001'), { pageLang: 'ru', sourceLang: 'en' });
    expect(result.crossLanguage).toBe(true);
    expect(result.passages.length).toBeGreaterThan(0);
    const [p] = result.passages;
    expect(p.source[0]).toBeLessThan(200);
    expect(p.page[1] - p.page[0]).toBeGreaterThan(russian.length * 0.5);
  });

  it('guesses the languages when no tags are given', () => {
    const result = alignPassages(russian, text('seed-001'));
    expect([result.pageLang, result.sourceLang]).toEqual(['ru', 'en']);
    expect(result.crossLanguage).toBe(true);
  });
});

// A translation without a lexicon shares only its names and figures: here half its sentences, the others in step.
const englishReport = [
  'Ihor Terekhov, the mayor of Kharkiv, opened the new metro station on Monday.',
  'The work took longer than anyone had planned.',
  'Residents of Saltivka waited for it through a hard winter.',
  'The station cost 1,250 million hryvnias, the city council said.',
  'Trains will stop there every 5 minutes.',
  'Children from nearby schools came to see the opening.',
  'Oleksandr Vilkul called the project a sign of hope.',
  'Shops around the entrance stayed open late.',
  'Many people brought flowers for the workers.',
  'The next station should be finished in 2027, Terekhov added.',
].join(' ');
const ukrainianTranslation = [
  'Ігор Терехов, мер Харкова, у понеділок відкрив нову станцію метро.',
  'Роботи тривали довше, ніж хтось планував.',
  'Мешканці Салтівки чекали на неї всю важку зиму.',
  'Станція коштувала 1 250 мільйонів гривень, повідомила міська рада.',
  'Потяги зупинятимуться там кожні 5 хвилин.',
  'Діти з сусідніх шкіл прийшли подивитися на відкриття.',
  'Олександр Вілкул назвав проєкт знаком надії.',
  'Крамниці біля входу працювали допізна.',
  'Багато людей принесли квіти для робітників.',
  'Наступну станцію мають завершити у 2027 році, додав Терехов.',
].join(' ');
// Another report of the same opening: the same names and figures, told in a different order and length.
const ukrainianReport = [
  'Харків отримав нову станцію метро.',
  'Ігор Терехов сказав, що наступну станцію завершать у 2027 році.',
  'За його словами, будівництво було складним.',
  'Олександр Вілкул прийшов на церемонію.',
  'Вартість станції склала 1 250 мільйонів гривень.',
  'Місцеві жителі давно просили про це.',
  'У місті досі бракує транспорту.',
  'Під час війни роботи кілька разів зупиняли.',
  'Люди фотографувалися біля входу.',
  'Перший потяг рушив опівдні.',
  'Влада обіцяє нові маршрути автобусів.',
  'Ціни на квитки не зміняться.',
  'Терехов подякував будівельникам.',
].join(' ');


// Two news digests of one day: four items name the same people and figures, in the same places, and the rest differ.
const englishDigest = [
  'Ihor Terekhov opened a metro station in Kharkiv on Monday.',
  'Farmers in the south expect a smaller harvest this year.',
  'A new bridge over the river will take two more years.',
  'Schools will close early for the winter holidays.',
  'The central bank kept its rate at 25 percent.',
  'Hospitals asked for more generators before the cold weather.',
  'A football match in the capital drew a large crowd.',
  'Rail tickets will cost more from the first of the month.',
  'Volunteers collected warm clothes for families in the east.',
  'Oleksandr Vilkul met the regional council in Kryvyi Rih.',
  'Heavy snow closed several roads in the mountains.',
  'A museum reopened after repairs to its roof.',
  'Prices for bread rose slightly in the last week.',
  'The parliament will vote on the budget of 1,250 million on Friday.',
].join(' ');
const ukrainianDigest = [
  'Ігор Терехов говорив про опалення в Харкові.',
  'Енергетики відновили живлення у трьох областях.',
  'У Львові відкрили нову бібліотеку для дітей.',
  'Синоптики прогнозують морози наступного тижня.',
  'Інфляція сповільнилася до 25 відсотків.',
  'Аграрії отримали нові кредити на посівну.',
  'У столиці пройшов концерт на підтримку армії.',
  'Митники затримали партію контрабанди на кордоні.',
  'Студенти повернулися до навчання в аудиторіях.',
  'Олександр Вілкул розповів про обстріли Кривого Рогу.',
  'Дорожники ремонтують трасу на заході країни.',
  'Театр показав прем’єру нової вистави.',
  'Пенсії проіндексують з березня.',
  'Уряд виділив 1 250 мільйонів на укриття.',
].join(' ');

describe('alignPassages across languages without a lexicon', () => {
  it('aligns a translation whose sentences share names and figures only here and there, in step', () => {
    const result = alignPassages(ukrainianTranslation, englishReport, { pageLang: 'uk', sourceLang: 'en' });
    expect(result.passages.length).toBe(1);
    const [p] = result.passages;
    expect(p.page[1] - p.page[0]).toBeGreaterThan(ukrainianTranslation.length * 0.8);
    expect(p.source[1] - p.source[0]).toBeGreaterThan(englishReport.length * 0.8);
  });

  it('finds no translation where a few pairs in step would have to stand for the many sentences between them', () => {
    const result = alignPassages(ukrainianDigest, englishDigest, { pageLang: 'uk', sourceLang: 'en' });
    const longest = Math.max(0, ...result.passages.map((p) => p.page[1] - p.page[0]));
    expect(longest).toBeLessThan(ukrainianDigest.length * 0.5);
  });

  it('finds no translation in another report of the same event sharing the same names and figures', () => {
    const result = alignPassages(ukrainianReport, englishReport, { pageLang: 'uk', sourceLang: 'en' });
    expect(result.passages).toEqual([]);
  });
});
