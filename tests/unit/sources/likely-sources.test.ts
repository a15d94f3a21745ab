import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containment, EQUALLY_CLOSE, EXPLAINS_THE_CLOSEST, FIRST_LOOK_KEYS, jaccard, likelySources } from '../../../lib/sources.ts';
import { sharedWordingPairs } from '../../../lib/text/word-pairs.ts';
import { retrievalTerms } from '../../../lib/text/terms.ts';
import { openCorpusStore, type CorpusStore } from '../../../lib/store/index.ts';
import { seedRecord as seed, seedRecords as seeds } from '../helpers/seed-corpus.ts';

let store: CorpusStore;
beforeAll(async () => {
  store = await openCorpusStore({ name: `likely-sources-${process.pid}`, indexedDB, IDBKeyRange });
  await store.addRecords(seeds);
});
afterAll(() => store.close());

const ids = async (id: string) => (await likelySources(seed(id).text, store, { excludeIds: [id] })).map((source) => source.id);

describe('likely sources: the first answer, from the index alone', () => {
  it('finds the copy each way between 000 and 001, with its details for the popup', async () => {
    expect(await ids('seed-000')).toEqual(['seed-001']);
    expect(await ids('seed-001')).toEqual(['seed-000']);
    const [source] = await likelySources(seed('seed-000').text, store, { excludeIds: ['seed-000'] });
    expect(source).toMatchObject({ id: 'seed-001', title: seed('seed-001').title, published: seed('seed-001').published });
    expect(source.containment).toBeGreaterThan(0.5);
  });

  it('leaves independent coverage of the same story to the full check', async () => {
    for (const id of ['seed-002', 'seed-003', 'seed-004']) expect(await ids(id), id).toEqual([]);
  });

  it('finds a stored text itself, and nothing for an unrelated text', async () => {
    expect((await likelySources(seed('seed-002').text, store)).map((source) => source.id)).toEqual(['seed-002']);
    expect(await likelySources('The harbour reopened on Monday after repairs to the quay, the council said.', store)).toEqual([]);
  });

  it('measures containment against the smaller set', () => {
    expect(containment(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b']))).toBe(1);
    expect(containment(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'e', 'f', 'g']))).toBe(0.25);
    expect(containment(new Set(), new Set(['a']))).toBe(0);
  });

  it('pairs stemmed content words within three words, in either order', () => {
    expect([...sharedWordingPairs('Russia courts the Taliban')]).toEqual(['court russia', 'russia taliban', 'court taliban']);
    const text = seed('seed-001').text;
    expect(containment(sharedWordingPairs(text), sharedWordingPairs(text))).toBe(1);
    expect(containment(sharedWordingPairs('Russia courts the Taliban in Kabul'), sharedWordingPairs('In Kabul the Taliban courts Russia'))).toBeGreaterThan(0.5);
  });

  it('names the earliest of versions about as close as the closest one first', async () => {
    const original = seed('seed-001');
    // A later version that took up the rewrite's wording is closer to the rewrite than the original is.
    const text = original.text.replace('shackles', 'chains').replace('Echo of Moscow', 'Echo Zamir Kabulov');
    const later = { ...original, id: 'seed-001-edited', text, published: '2021-09-01T00:00:00Z' };
    const versions = await openCorpusStore({ name: `likely-dates-${process.pid}`, indexedDB, IDBKeyRange });
    await versions.addRecords([later, original]);
    const rewrite = seed('seed-000').text;
    expect((await likelySources(rewrite, versions)).map((source) => source.id)).toEqual(['seed-001', 'seed-001-edited']);
    // Undated, the one stored first is taken for the earlier.
    const undated = [original, later].map((record) => ({ ...record, published: undefined }));
    for (const order of [undated, [...undated].reverse()]) {
      await versions.clear();
      await versions.addRecords(order);
      expect((await likelySources(rewrite, versions)).map((source) => source.id)).toEqual(order.map((record) => record.id));
    }
    versions.close();
  });

  it('keeps the closest version first when the earlier one lacks much of what it shares with the page', async () => {
    // Like an earlier notice printed from the same template: about as close to the page, but not its source.
    const sentences = (id: string) => seed(id).text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.split(' ').length > 8);
    const story = sentences('seed-002').slice(0, 10);
    const other = sentences('seed-004').slice(0, 3);
    const closest = { id: 'closest', text: story.join(' '), published: '2021-08-16T00:00:00Z' };
    const earlier = { id: 'earlier', text: [...story.slice(0, 7), ...other].join(' '), published: '2021-08-01T00:00:00Z' };
    const page = [...story, ...other.slice(0, 2)].join(' ');
    const [pagePairs, closestPairs, earlierPairs] = [page, closest.text, earlier.text].map((text) => sharedWordingPairs(text));
    expect(jaccard(pagePairs, earlierPairs)).toBeGreaterThan(EQUALLY_CLOSE * jaccard(pagePairs, closestPairs));
    const sharedWithPage = [...closestPairs].filter((pair) => pagePairs.has(pair));
    expect(sharedWithPage.filter((pair) => earlierPairs.has(pair)).length).toBeLessThan(EXPLAINS_THE_CLOSEST * sharedWithPage.length);

    const versions = await openCorpusStore({ name: `likely-template-${process.pid}`, indexedDB, IDBKeyRange });
    await versions.addRecords([earlier, closest]);
    expect((await likelySources(page, versions)).map((source) => source.id)).toEqual(['closest', 'earlier']);
    versions.close();
  });

  it('does not take an earlier notice from the same template, with other figures, for the original', async () => {
    const notice = (rates: string) => `The Student Loan Marketing Association said its rates on short-term discount notes were as follows. ${rates} The association adjusts the rates every week and publishes them each Monday for its investors.`;
    const lastWeek = { id: 'last-week', text: notice('Five to fourteen days 5.65 pct, old rate 5.60 pct; fifteen to 78 days 5.00 pct.') };
    const thisWeek = { id: 'this-week', text: notice('Five to fourteen days 5.75 pct, old rate 5.65 pct; fifteen to 85 days 5.10 pct.') };
    const notices = await openCorpusStore({ name: `likely-notices-${process.pid}`, indexedDB, IDBKeyRange });
    await notices.addRecords([lastWeek, thisWeek]);
    const copy = thisWeek.text.replace('publishes them each Monday', 'publishes them every Monday');
    expect((await likelySources(copy, notices)).map((source) => source.id)).toEqual(['this-week', 'last-week']);
    notices.close();
  });

  it('finds a copy reworded word by word, which keeps the words but few of their pairs', async () => {
    const original = seed('seed-001');
    const shuffled = shuffleWithinSentences(original.text);
    expect(containment(sharedWordingPairs(shuffled), sharedWordingPairs(original.text))).toBeLessThan(0.2);
    expect(jaccard(new Set(retrievalTerms(shuffled)), new Set(retrievalTerms(original.text)))).toBeGreaterThan(0.25);
    expect((await likelySources(shuffled, store)).map((source) => source.id)).toContain('seed-001');
  });

  it('looks up at most FIRST_LOOK_KEYS index keys', async () => {
    const asked: number[] = [];
    const counting = Object.create(store, { lookup: { value: (keys: ArrayLike<number>) => (asked.push(keys.length), store.lookup(keys)) } });
    expect((await likelySources(seed('seed-000').text, counting)).map((source) => source.id)).toContain('seed-001');
    expect(asked).toEqual([FIRST_LOOK_KEYS]);
  });
});

/** Every sentence's words in a fixed scrambled order: word n goes to position (7n mod length). */
function shuffleWithinSentences(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => {
      const words = sentence.split(/\s+/);
      if (words.length % 7 === 0) words.push('indeed');
      const moved = new Array<string>(words.length);
      words.forEach((word, n) => (moved[(7 * n) % words.length] = word));
      return moved.join(' ');
    })
    .join(' ');
}
