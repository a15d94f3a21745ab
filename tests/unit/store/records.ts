/** Three short records about one story, for the corpus store tests of every database. */
import type { CorpusRecord } from '../../../lib/types';

export const kabul: CorpusRecord = {
  id: 'kabul',
  text: 'The United States and other Western nations evacuated their embassies in Kabul on Sunday as the Taliban took control of the Afghan capital.',
  title: 'Embassies leave Kabul',
  url: 'https://example.org/kabul',
  site: 'example.org',
  published: '2021-08-16',
  lang: 'en',
};
export const moscow: CorpusRecord = {
  id: 'moscow',
  text: 'Zamir Kabulov told Echo of Moscow radio that the Russian embassy, about 100 people, would stay open while the Taliban guard it.',
  firstSeen: '2021-08-17T10:00:00Z',
};
export const beijing: CorpusRecord = {
  id: 'beijing',
  text: 'Beijing is taking a cautious approach, saying it views the Taliban as a transitional government in Afghanistan.',
};
