import { describe, expect, it, vi } from 'vitest';
import { checkArticle, findPassage, type RecordSource } from '../../../lib/engine';
import { seedRecords as seeds } from '../helpers/seed-corpus.ts';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';


const store: RecordSource = { getRecords: async (ids) => ids.map((id) => seeds.find((r) => r.id === id)) };
const retrieve = async () => seeds.map((r) => ({ id: r.id, score: 1 }));

// A Russian translation of the opening of 001, published a day later.
const russian = [
  'США и другие западные страны в воскресенье эвакуировали свои посольства в Кабуле, когда талибы взяли под контроль афганскую столицу, но Россия и Китай остались.',
  '«У нас относительно большое посольство в Афганистане, это около 100 человек», — заявил в понедельник радиостанции «Эхо Москвы» Замир Кабулов, специальный представитель президента России по Афганистану.',
  '«Некоторых сотрудников отправят в отпуск или эвакуируют другим способом, чтобы не создавать слишком большого присутствия».',
  'Он сказал, что талибы теперь охраняют посольство России в Кабуле.',
  'Посол России должен встретиться с лидерами талибов во вторник.',
].join(' ');

describe('checkArticle across languages', BOUNDED_HEAVY_WORK, () => {
  it('finds the English original of a Russian translation without a translator', async () => {
    const report = await checkArticle({ text: russian, lang: 'ru', publishedTime: '2021-08-17' }, store, { retrieve });
    const match = report.matches.find((m) => m.id === 'seed-001');
    expect(match?.relation, JSON.stringify(report.matches.map((m) => [m.id, m.relation]))).toBe('translation');
    expect(report.original).toBe('seed-001');
    expect(match!.evidence[0]).toMatch(/^Translation \(English → Russian\)/);
    // Across languages only numbers and dates are compared, and the numbers agree.
    expect(report.drift.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('asks the on-device translator only when the offline path finds no copy', async () => {
    const unrelatedScript = 'Это совсем другой текст без имён и чисел, о погоде и о саде.';
    const english = seeds.find((r) => r.id === 'seed-001')!.text.split('\n')[0];
    const translate = vi.fn(async () => english);
    const report = await checkArticle({ text: unrelatedScript, lang: 'ru' }, store, { retrieve, translate });
    expect(translate).toHaveBeenCalled();
    const match = report.matches.find((m) => m.id === 'seed-001');
    expect(match?.relation).toBe('translation');
    expect(match?.evidence).toContain('Aligned through the on-device translator');

    translate.mockClear();
    await checkArticle({ text: russian, lang: 'ru' }, store, { retrieve, translate: async (t) => (translate(), t) });
    expect(translate.mock.calls.length).toBeLessThan(seeds.length);
  });
});

describe('findPassage', BOUNDED_HEAVY_WORK, () => {
  it('returns nothing for a passage that is not stored', async () => {
    const found = await findPassage('The orchard behind the old mill produces apples and pears every autumn, and volunteers prune the trees.', store, { retrieve });
    expect(found.earliest).toBeNull();
    expect(found.occurrences).toEqual([]);
  });
});
