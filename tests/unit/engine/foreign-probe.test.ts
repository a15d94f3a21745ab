/**
 * A page whose only version is a translation, stored among many stories on its subject in the page's own language:
 * those outrank the translation in retrieval (they share the page's words, the translation only its names, figures
 * and glossed word pairs), yet the translation is found and called one.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLexiconFiles } from '../../../cli/lexicons';
import { checkArticle } from '../../../lib/engine';
import { retrieveCandidates } from '../../../lib/index/retrieve';
import { openCorpusStore } from '../../../lib/store';
import type { CorpusStore } from '../../../lib/store/types';
import type { CorpusRecord } from '../../../lib/types';
import { tramCorpus, tramPages } from '../helpers/crosslang-tram';

const original = tramCorpus().find((record) => record.id === 'en-original')!;
const german = tramPages().get('de-translation')!;
const sentencesOf = (text: string) => text.split('\n\n').filter((line) => line.includes(' '));

/** Stories of the city on the tram: each quotes one sentence of the original and retells its names and figures. */
function backgroundStories(count: number): CorpusRecord[] {
  const quoted = sentencesOf(original.text);
  return Array.from({ length: count }, (_, i) => ({
    id: `background-${i}`,
    lang: 'en',
    published: '2024-03-20',
    text: [
      `Kestrel Bay councillors met for the ${i + 1}th time this year to discuss the harbour budget and school repairs.`,
      quoted[i % quoted.length],
      `Mayor Elena Vasquez defended the 480 million euros spent on the tram line, the central station and the university hospital stop.`,
      `Riders of the 14-kilometre line counted its 22 stops and the 45,000 passengers a day Kestrel Bay expects.`,
      `Ward ${i + 3} residents asked for ${i + 12} more street lights and a later bus on weekdays.`,
      `The council will publish its decision on item ${i + 40} next month, a spokesperson for ward ${i + 3} said.`,
    ].join('\n\n'),
  }));
}

let store: CorpusStore;
beforeAll(async () => {
  useLexiconFiles();
  store = await openCorpusStore({ name: `foreign-probe-${process.pid}`, indexedDB, IDBKeyRange });
  const { id: _id, ...translation } = german;
  await store.addRecords([...backgroundStories(30), { ...translation, id: 'de-original', title: translation.title ?? 'Straßenbahn' }]);
  await store.settle();
});

describe('a translation ranked below the first batch of candidates', () => {
  it('is ranked past the first twenty by retrieval: the premise', async () => {
    const candidates = await retrieveCandidates(original.text, store, { limit: 60, lang: 'en' });
    expect(candidates.findIndex((c) => c.id === 'de-original')).toBeGreaterThanOrEqual(20);
  });

  it('is aligned and called a translation when nothing in the page language is a version', async () => {
    const report = await checkArticle({ text: original.text, lang: 'en', publishedTime: '2024-03-11' }, store);
    const match = report.matches.find((m) => m.id === 'de-original');
    expect(match?.relation, JSON.stringify(report.matches.map((m) => [m.id, m.relation]))).toBe('translation');
  });

  it('still assesses a lead it was asked to include among those it reads for translations', async () => {
    const candidates = await retrieveCandidates(original.text, store, { limit: 60, lang: 'en' });
    const further = candidates.slice(20, 60).find((c) => c.id.startsWith('background-'))!;
    const report = await checkArticle({ text: original.text, lang: 'en', publishedTime: '2024-03-11' }, store, { include: [further.id] });
    expect(report.matches.map((m) => m.id)).toContain(further.id);
  });
});
