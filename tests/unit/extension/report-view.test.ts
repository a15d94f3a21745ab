import { describe, expect, it } from 'vitest';
import type { DriftItem, Match, Report } from '../../../lib/types.ts';
import { relationInWords, whyLines } from '../../../lib/relation/words.ts';
import { directionInWords, groupDrift, safeWebUrl, sameStoryMatches, sharedPassageMatches, versionMatches } from '../../../extension/shared/report-view.ts';
import { aMatch } from '../helpers/matches.ts';
import { described } from '../helpers/described.ts';

const match = aMatch;

const report = (matches: Match[], url?: string): Report => ({
  article: { text: 'page', url },
  matches,
  drift: [],
  original: null,
  comparison: null,
  corrected: [],
});

const drift = (kind: DriftItem['kind'], severity: number, start: number): DriftItem => ({
  kind,
  severity,
  ...described('drift_sentenceAdded', { sentence: kind }),
  page: { text: 'p', start, end: start + 1 },
  source: { id: 's', text: 's', start: 0, end: 1 },
  ops: [{ op: 'del', text: 's' }, { op: 'ins', text: 'p' }],
});

describe('versions and coverage', () => {
  const matches = [
    match('later', 'rewrite', { published: '2021-08-17' }),
    match('coverage', 'same-story', { published: '2021-08-15' }),
    match('undated', 'verbatim-copy'),
    match('earlier', 'translation', { published: '2021-08-16' }),
    match('quoted', 'shared-passage', { published: '2021-08-10' }),
  ];

  it('lists copies earliest first, undated last, and keeps shared passages and same-story coverage apart', () => {
    expect(versionMatches(report(matches)).map((m) => m.id)).toEqual(['earlier', 'later', 'undated']);
    expect(sharedPassageMatches(report(matches)).map((m) => m.id)).toEqual(['quoted']);
    expect(sameStoryMatches(report(matches)).map((m) => m.id)).toEqual(['coverage']);
  });

  it('lists an edited text at the page’s own address as a version: only the same text there is the page itself', () => {
    const quietEdit = match('quiet-edit', 'edited-copy', { url: 'https://www.example.com/story/?utm=1' });
    expect(versionMatches(report([quietEdit, ...matches], 'http://example.com/story')).map((m) => m.id)).toContain('quiet-edit');
  });
});

describe('words', () => {
  it('calls a rewrite machine-translated only when the engine found the traces for it', () => {
    expect(relationInWords({ relation: 'rewrite', machineTranslated: true })).toBe('machine-translated rewrite');
    expect(relationInWords({ relation: 'rewrite' })).toBe('rewrite');
    expect(relationInWords({ relation: 'verbatim-copy', machineTranslated: true })).toBe('verbatim copy');
  });

  it('says why with the shared wording first, then the evidence and how sure', () => {
    const lines = whyLines(match('v', 'edited-copy', { measures: { pageCoverage: 1, versionCoverage: 0.6, wordingKept: 0.9, sharedWording: 0.87 }, evidence: ['Edited copy: the shared text is 100% of this page'], certainty: 0.9, direction: 'original', confidence: 0.5 }));
    expect(lines).toEqual(['Shares 87% of its wording with this page', 'Edited copy: the shared text is 100% of this page', 'Palimpsest is sure of this relation; of which came first, moderate confidence (50%).']);
  });

  it('says the direction from the page’s point of view', () => {
    expect(directionInWords('original')).toBe('earlier original');
    expect(directionInWords('derivative')).toBe('later derivative');
  });
});

describe('groupDrift', () => {
  it('orders groups by seriousness and items by severity, then position', () => {
    const groups = groupDrift([drift('added', 2, 5), drift('quote', 4, 30), drift('number', 5, 1), drift('quote', 5, 40), drift('date', 5, 0)]);
    expect(groups.map((group) => group.id)).toEqual(['quotes', 'figures', 'sentences']);
    expect(groups[0].items.map((item) => item.page.start)).toEqual([40, 30]);
    expect(groups[1].items.map((item) => item.kind)).toEqual(['date', 'number']);
  });
});

describe('safeWebUrl', () => {
  it('lets only web addresses through', () => {
    expect(safeWebUrl('https://theweek.com/a')).toBe('https://theweek.com/a');
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
  });
});
