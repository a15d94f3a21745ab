import { describe, expect, it } from 'vitest';
import { withTeamMatches } from '../../../extension/background/team-server.ts';
import type { Match, Report } from '../../../lib/types.ts';
import { described } from '../helpers/described.ts';

const match = (id: string, relation: Match['relation'], score: number): Match => ({
  id,
  relation,
  score,
  direction: 'original',
  confidence: 0.9,
  certainty: 0.9,
  measures: { pageCoverage: score, versionCoverage: score, wordingKept: score },
  reasons: [],
  evidence: [],
  passages: [],
});
const report = (matches: Match[], original: string | null): Report => ({
  article: { text: 'page' },
  matches,
  original,
  drift: original ? [{ kind: 'number', severity: 4, ...described('drift_numberChanged', { before: '2', after: `from ${original}` }), page: { text: '1', start: 0, end: 1 }, source: { id: original, text: '2', start: 0, end: 1 }, ops: [{ op: 'del', text: '2' }, { op: 'ins', text: '1' }] }] : [],
  comparison: original ? { sourceId: original, passages: [], pairs: [], drift: [], truncated: false } : null,
  corrected: [],
});

describe('withTeamMatches', () => {
  it('marks every local match as local when the team server gave nothing', () => {
    const merged = withTeamMatches(report([match('a', 'rewrite', 0.8)], 'a'), null);
    expect(merged.matches.map((m) => [m.id, m.corpus])).toEqual([['a', 'local']]);
  });

  it('adds the team’s matches once, copies before same-story coverage, best first', () => {
    const local = report([match('a', 'rewrite', 0.5), match('s', 'same-story', 0.9)], 'a');
    const team = report([match('a', 'rewrite', 0.5), match('t', 'verbatim-copy', 0.95), match('u', 'same-story', 0.2)], 't');
    const merged = withTeamMatches(local, team);
    expect(merged.matches.map((m) => [m.id, m.corpus])).toEqual([['t', 'team'], ['a', 'local'], ['s', 'local'], ['u', 'team']]);
    // The local original stands.
    expect(merged.original).toBe('a');
    expect(merged.drift[0].summary).toContain('from a');
  });

  it('takes the team’s original, with its drift, when the local corpus names none', () => {
    const merged = withTeamMatches(report([match('s', 'same-story', 0.4)], null), report([match('t', 'edited-copy', 0.9)], 't'));
    expect(merged.original).toBe('t');
    expect(merged.drift[0].summary).toContain('from t');
    expect(merged.comparison?.sourceId).toBe('t');
  });
});
