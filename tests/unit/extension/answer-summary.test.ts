/** The popup's one-sentence answer for each state a page can be in. */
import { describe, expect, it } from 'vitest';
import type { DriftItem, Match, Report } from '../../../lib/types.ts';
import { changesInWords, shortDate, summariseAnswer } from '../../../extension/popup/answer-summary.ts';
import type { PageHistory } from '../../../extension/shared/protocol.ts';
import { aMatch } from '../helpers/matches.ts';
import { described } from '../helpers/described.ts';

const match = aMatch;

const drift = (kind: DriftItem['kind']): DriftItem => ({
  kind,
  severity: 3,
  ...described('drift_sentenceAdded', { sentence: kind }),
  page: { text: 'p', start: 0, end: 1 },
  source: { id: 'week', text: 's', start: 0, end: 1 },
  ops: [{ op: 'del', text: 's' }, { op: 'ins', text: 'p' }],
});

const report = (matches: Match[], extra: Partial<Report> = {}): Report => ({
  article: { text: 'page', url: 'https://copy.example/a' },
  matches,
  drift: [],
  original: null,
  comparison: null,
  corrected: [],
  ...extra,
});

const history = (firstSeen?: string): PageHistory => ({
  url: 'https://copy.example/a',
  versions: [{ id: 'mine', chars: 4, ...(firstSeen ? { firstSeen } : {}) }],
  changes: [],
  currentId: 'mine',
});

const options = { locale: 'en-GB', now: new Date('2026-12-05T12:00:00Z') };
const theWeek = match('week', 'edited-copy', { site: 'The Week', published: '2021-08-16T14:42:50Z', direction: 'original' });

describe('the summary line', () => {
  it('names the original, its date and the changes, most serious kinds first', () => {
    const answer = summariseAnswer(report([theWeek], { original: 'week', drift: [drift('number'), drift('quote'), drift('name')] }), null, options);
    expect(answer).toEqual({ state: 'copy', headline: 'Edited copy of The Week’s article of 16 Aug 2021 (3 changes: a quote, a name, a number)', detail: null });
  });

  it('counts the changes of the comparison with the original when the report carries it', () => {
    const comparison = { sourceId: 'week', drift: [drift('quote'), drift('quote'), drift('reworded')], pairs: [], truncated: false } as unknown as Report['comparison'];
    const answer = summariseAnswer(report([theWeek], { original: 'week', comparison }), null, options);
    expect(answer.headline).toBe('Edited copy of The Week’s article of 16 Aug 2021 (3 changes: 2 quotes, a reworded sentence)');
  });

  it('says so when the page is also stored', () => {
    const answer = summariseAnswer(report([theWeek], { original: 'week' }), history('2026-12-05T09:00:00Z'), options);
    expect(answer.headline).toBe('Edited copy of The Week’s article of 16 Aug 2021 (no change in wording)');
    expect(answer.detail).toBe('You stored this article on 5 Dec.');
  });

  it('leads with the stored copy when no original is known', () => {
    expect(summariseAnswer(report([]), history('2026-12-05T09:00:00Z'), options)).toMatchObject({ state: 'stored', headline: 'You stored this article on 5 Dec; no other version known' });
    const later = match('later', 'rewrite', { direction: 'derivative' });
    expect(summariseAnswer(report([later, match('other', 'same-story')]), history(), options).headline).toBe(
      'This article is in your corpus; 1 later version known; 1 other report of the same story',
    );
  });

  it('tells the earliest known version and unclear order apart', () => {
    expect(summariseAnswer(report([match('a', 'rewrite', { direction: 'derivative' })]), null, options)).toMatchObject({ state: 'earliest', headline: 'The earliest version known: 1 later copy found, no earlier one' });
    expect(summariseAnswer(report([match('a', 'rewrite'), match('b', 'verbatim-copy')]), null, options)).toMatchObject({ state: 'unclear', headline: '2 versions found; which came first is unclear' });
  });

  it('says when only the same story, shared passages or nothing is known', () => {
    const coverage = [match('a', 'same-story'), match('b', 'same-story'), match('c', 'same-story')];
    expect(summariseAnswer(report(coverage), null, options)).toMatchObject({ state: 'same-story', headline: 'Same story as 3 other reports; no copies found' });
    expect(summariseAnswer(report([match('a', 'shared-passage')]), null, options)).toMatchObject({ state: 'shared-passages', headline: 'Shares passages with 1 stored article; no copies found' });
    expect(summariseAnswer(report([]), null, options)).toMatchObject({ state: 'unknown', headline: 'No version of this article is in your corpus; original unknown' });
  });
});

describe('changes and dates in words', () => {
  it('names three kinds and counts the rest', () => {
    expect(changesInWords([drift('added'), drift('tense'), drift('quote'), drift('date'), drift('date')])).toBe('5 changes: a quote, 2 dates, a tense and 1 other kind');
    expect(changesInWords([])).toBe('no change in wording');
  });

  it('writes dates in the reader’s locale, with the year only when it is not this year', () => {
    expect(shortDate('2021-08-16', options)).toBe('16 Aug 2021');
    expect(shortDate('2021-08-16', { locale: 'en-US', now: options.now })).toBe('Aug 16, 2021');
    expect(shortDate('2026-08-16T10:00:00Z', { locale: 'de-DE', now: options.now })).toBe('16. Aug.');
    expect(shortDate('not a date', options)).toBeNull();
  });
});
