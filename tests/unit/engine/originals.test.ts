/**
 * The original among a page's versions: the earliest version of the text, not a later reprint of it that happens to
 * be closer to the page, even when the page leaves the direction between itself and the earliest version open.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkArticle, isCopyRelation } from '../../../lib/engine';
import { openCorpusStore } from '../../../lib/store';
import type { CorpusRecord } from '../../../lib/types';
import { seedRecords } from '../helpers/seed-corpus.ts';

const story = [
  'The Harbour Board Chairman said on Tuesday that the ferry terminal at Kestrel Quay would close for eleven weeks from September while engineers replace the rotten timber piles beneath the passenger pier.',
  'Commuters will be carried by a shuttle bus to the temporary landing stage at Gull Point, which the board expects to handle about four thousand passengers a day during the works.',
  'The repairs will cost 3.2 million pounds, of which the regional transport fund has agreed to pay two thirds, according to papers published by the board.',
  'Local traders said they feared the closure would keep visitors away during the busiest weeks of the autumn festival, and asked the board to delay the start of the works until October.',
];
// Undated, as a JSONL import without dates stores them: the story first, then a reprint that writes the title in
// lower case and cuts the last paragraph.
const original: CorpusRecord = { id: 'harbour-original', title: 'Kestrel Quay ferry terminal to close', site: 'Harbour Gazette', lang: 'en', text: story.join('\n\n') };
const reprint: CorpusRecord = {
  id: 'harbour-reprint',
  title: 'Ferry terminal closure',
  site: 'Coast Weekly',
  lang: 'en',
  text: story.slice(0, 3).join('\n\n').replace('Harbour Board Chairman', 'Harbour Board chairman'),
};
// The page copies the reprint, with one figure rounded.
const page = { text: reprint.text.replace('about four thousand', 'some 4,000'), lang: 'en' };

describe('the original of an undated page', () => {
  it('is the earliest stored version of the text, listed first, not the later reprint the page is closest to', async () => {
    const store = await openCorpusStore({ name: 'originals', indexedDB: new IDBFactory(), IDBKeyRange });
    await store.addRecords([...seedRecords, original, reprint]);
    const report = await checkArticle(page, store);
    const versions = report.matches.filter((m) => isCopyRelation(m.relation)).map((m) => m.id);
    expect(versions.sort()).toEqual(['harbour-original', 'harbour-reprint']);
    expect(report.original).toBe('harbour-original');
    expect(report.matches[0].id).toBe('harbour-original');
  });
});
