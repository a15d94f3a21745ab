import { describe, expect, it } from 'vitest';
import { buildCorpus, HOLD_OUT_EVERY, planCorpus, storyOf, type SourceStory } from '../../../scripts/bench/corpus.ts';

const WORDS = 'market shares company profit quarter analysts trade bank rates prices growth export oil wheat'.split(' ');

/** Synthetic stories (the real ones are research-licensed and stay out of the repo). */
function stories(count: number): SourceStory[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `story-${i}`,
    title: `STORY ${i}`,
    text: Array.from({ length: 8 }, (_, s) => `Sentence ${s} of story ${i} says the ${WORDS[(i + s) % WORDS.length]} rose ${i + s}.5 pct to ${100 + i} mln dlrs in the ${WORDS[(i * 3 + s) % WORDS.length]} sector.`).join(' '),
    published: '1987-03-01T10:00:00Z',
    site: 'Reuters',
    lang: 'en',
  }));
}

describe('bench corpus builder', () => {
  const plan = planCorpus(stories(200));

  it('holds out every 40th story and never stores it', () => {
    expect(plan.heldOut.map((story) => story.id)).toEqual(['story-39', 'story-79', 'story-119', 'story-159', 'story-199']);
    expect(plan.originals).toHaveLength(200 - 200 / HOLD_OUT_EVERY);
    const corpus = buildCorpus(plan, 400, 10);
    const stored = new Set(corpus.records.map((record) => storyOf(record.id)));
    for (const story of plan.heldOut) expect(stored.has(story.id)).toBe(false);
  });

  it('builds the same corpus and queries every time', () => {
    const first = buildCorpus(planCorpus(stories(200)), 500, 10);
    const second = buildCorpus(planCorpus(stories(200)), 500, 10);
    expect(second).toEqual(first);
  });

  it('fills sizes beyond the originals with later-dated copies named after their original', () => {
    const corpus = buildCorpus(plan, 500, 10);
    expect(corpus.records).toHaveLength(500);
    expect(new Set(corpus.records.map((record) => record.id)).size).toBe(500);
    expect(corpus.originals).toBe(195);
    expect(corpus.copies.edited + corpus.copies.rewritten).toBe(305);
    const copy = corpus.records[195];
    expect(copy.id).toBe('bench-copy-0-story-0');
    expect(copy.text).not.toBe(plan.originals[0].text);
    expect(Date.parse(copy.published!)).toBeGreaterThan(Date.parse(plan.originals[0].published!));
  });

  it('stores only the first originals when the size is smaller', () => {
    const corpus = buildCorpus(plan, 50, 10);
    expect(corpus.records.map((record) => record.id)).toEqual(plan.originals.slice(0, 50).map((record) => record.id));
  });

  it('plants copies of stored originals that are not themselves stored, and no-source stories', () => {
    const corpus = buildCorpus(plan, 400, 10);
    const storedIds = new Set(corpus.records.map((record) => record.id));
    const storedTexts = new Set(corpus.records.map((record) => record.text));
    expect(corpus.queries.map((query) => query.kind).sort()).toEqual([...Array(10).fill('edited'), ...Array(5).fill('no-source'), ...Array(10).fill('rewritten')]);
    for (const query of corpus.queries) {
      expect(storedTexts.has(query.article.text)).toBe(false);
      if (query.kind === 'no-source') expect(query.truth).toBeNull();
      else expect(storedIds.has(query.truth!)).toBe(true);
    }
  });

  it('leaves out a story whose text repeats an earlier one', () => {
    const repeated = stories(3);
    repeated[2] = { ...repeated[2], text: repeated[0].text };
    const small = planCorpus(repeated);
    expect(small.originals.map((record) => record.id)).toEqual(['story-0', 'story-1']);
    expect(small.repeatedTexts).toBe(1);
  });
});
