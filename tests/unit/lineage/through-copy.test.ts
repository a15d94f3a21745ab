/**
 * The original reached through one of the page's copies: a stored text the page is no copy of by its own evidence,
 * named when one of the page's copies is a near copy of it that carries the text the page shares, gives its figures,
 * and came after it.
 */
import { describe, expect, it } from 'vitest';
import { originalThroughCopy, relationThroughCopy, type ThroughCopyInputs } from '../../../lib/lineage/through-copy';
import type { PairRelation } from '../../../lib/lineage/build';

interface Version {
  id: string;
  date: string;
}

const story: Version = { id: 'story', date: '2026-03-01' };
const copy: Version = { id: 'copy', date: '2026-03-03' };
const followUp: Version = { id: 'follow-up', date: '2026-02-20' };

const edited: PairRelation = { relation: 'edited-copy', closeness: 0.8, direction: 'original' };

function inputs(overrides: Partial<ThroughCopyInputs<Version>> = {}): ThroughCopyInputs<Version> {
  return {
    copies: [copy],
    others: [story],
    named: copy,
    earlier: (a, b) => a.date.localeCompare(b.date),
    laterThan: (a, b) => a.date > b.date,
    beforePage: (v) => v.date < '2026-03-05',
    estimate: () => 0.5,
    relate: () => edited,
    wholeVersions: () => true,
    figures: () => ({ shared: 5, fewest: 6 }),
    // The copy's characters 0–900 are shared with the page, 0–1000 with the story.
    spans: () => ({ towardsPage: [[0, 900]], towardsAncestor: [[0, 1000]] }),
    copiesAsked: 3,
    othersAsked: 4,
    minEstimate: 0.3,
    ...overrides,
  };
}

describe('the original through a copy', () => {
  it('is the earlier story a copy of the page is an edited copy of', () => {
    const found = originalThroughCopy(inputs());
    expect(found?.ancestor).toBe(story);
    expect(found?.copy).toBe(copy);
  });

  it('is the earliest of several such stories, and never one after the original already named', () => {
    const older = { id: 'older', date: '2026-02-25' };
    expect(originalThroughCopy(inputs({ others: [story, older] }))?.ancestor).toBe(older);
    expect(originalThroughCopy(inputs({ named: { id: 'first', date: '2026-02-01' } }))).toBeNull();
  });

  it('is not reached through a rewrite: stored versions are related without the corpus telling stock wording apart', () => {
    expect(originalThroughCopy(inputs({ relate: () => ({ ...edited, relation: 'rewrite' }) }))).toBeNull();
  });

  it('is not a story published after the copy, or after the page, or one the copy came before', () => {
    expect(originalThroughCopy(inputs({ relate: () => ({ ...edited, direction: 'derivative' }) }))).toBeNull();
    expect(originalThroughCopy(inputs({ others: [{ id: 'later', date: '2026-03-04' }] }))).toBeNull();
    expect(originalThroughCopy(inputs({ beforePage: () => false }))).toBeNull();
  });

  it('is not a longer story the copy was cut from', () => {
    expect(originalThroughCopy(inputs({ wholeVersions: () => false }))).toBeNull();
  });

  it('is not another issue of a recurring report: the figures differ', () => {
    expect(originalThroughCopy(inputs({ figures: () => ({ shared: 0, fewest: 6 }) }))).toBeNull();
  });

  it('is not an older story the copy only added text to: the page must share the text the copy took from it', () => {
    // The page shares the copy's characters 1000–1900, its own text; the copy took 0–1000 from the story.
    expect(originalThroughCopy(inputs({ spans: () => ({ towardsPage: [[1000, 1900]], towardsAncestor: [[0, 1000]] }) }))).toBeNull();
    expect(originalThroughCopy(inputs({ spans: () => null }))).toBeNull();
  });

  it('is not asked of stories that do not look close to the copy', () => {
    expect(originalThroughCopy(inputs({ estimate: () => 0.1 }))).toBeNull();
    // Versions in two languages cannot be told close or not before aligning; a translation is no near copy.
    expect(originalThroughCopy(inputs({ others: [followUp], estimate: () => null, relate: () => ({ ...edited, relation: 'translation' }) }))).toBeNull();
  });

  it('relates the page to the story no closer than the looser link', () => {
    expect(relationThroughCopy('rewrite', 'edited-copy')).toBe('rewrite');
    expect(relationThroughCopy('verbatim-copy', 'edited-copy')).toBe('edited-copy');
    expect(relationThroughCopy('translation', 'verbatim-copy')).toBe('translation');
  });
});
