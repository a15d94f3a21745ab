import { describe, expect, it } from 'vitest';
import type { DriftItem, Match, Report } from '../../../lib/types.ts';
import {
  directionInWords,
  groupDrift,
  isPageItself,
  relationInWords,
  safeWebUrl,
  sameStoryMatches,
  versionMatches,
} from '../../../extension/shared/report-view.ts';

const match = (id: string, relation: Match['relation'], extra: Partial<Match> = {}): Match => ({
  id,
  relation,
  direction: 'unknown',
  score: 0.5,
  confidence: 0,
  certainty: 0.5,
  measures: { pageCoverage: 0.5, versionCoverage: 0.5, wordingKept: 0.5 },
  evidence: [],
  passages: [],
  ...extra,
});

const report = (matches: Match[], url?: string): Report => ({
  article: { text: 'page', url },
  matches,
  drift: [],
  original: null,
  comparison: null,
});

const drift = (kind: DriftItem['kind'], severity: number, start: number): DriftItem => ({
  kind,
  severity,
  summary: kind,
  page: { text: 'p', start, end: start + 1 },
  source: { id: 's', text: 's', start: 0, end: 1 },
});

describe('versions and coverage', () => {
  const matches = [
    match('later', 'rewrite', { published: '2021-08-17' }),
    match('coverage', 'same-story', { published: '2021-08-15' }),
    match('undated', 'verbatim-copy'),
    match('earlier', 'translation', { published: '2021-08-16' }),
  ];

  it('lists copies earliest first, undated last, and keeps same-story coverage apart', () => {
    expect(versionMatches(report(matches)).map((m) => m.id)).toEqual(['earlier', 'later', 'undated']);
    expect(sameStoryMatches(report(matches)).map((m) => m.id)).toEqual(['coverage']);
  });

  it('does not count the stored copy of the page itself as a version', () => {
    const self = match('self', 'verbatim-copy', { url: 'https://www.example.com/story/?utm=1' });
    const withSelf = report([self, ...matches], 'http://example.com/story');
    expect(isPageItself(self, withSelf)).toBe(true);
    expect(versionMatches(withSelf).map((m) => m.id)).not.toContain('self');
  });
});

describe('words', () => {
  it('calls a rewrite with translation evidence a machine-translated rewrite', () => {
    expect(relationInWords({ relation: 'rewrite', evidence: ['names garbled as by machine translation'] })).toBe(
      'machine-translated rewrite',
    );
    expect(relationInWords({ relation: 'rewrite', evidence: [] })).toBe('rewrite');
    expect(relationInWords({ relation: 'verbatim-copy', evidence: [] })).toBe('verbatim copy');
  });

  it('says the direction from the page’s point of view', () => {
    expect(directionInWords('original')).toBe('earlier original');
    expect(directionInWords('derivative')).toBe('later derivative');
  });
});

describe('groupDrift', () => {
  it('orders groups by seriousness and items by severity, then position', () => {
    const groups = groupDrift([drift('added', 2, 5), drift('quote', 4, 30), drift('number', 5, 1), drift('quote', 5, 40), drift('date', 5, 0)]);
    expect(groups.map((group) => group.title)).toEqual(['Altered quotes', 'Changed numbers or dates', 'Added or dropped sentences']);
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
