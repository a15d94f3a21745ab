/** A stored article's match as the engine reports it, with plain defaults; tests set what they are about. */
import type { Match } from '../../../lib/types.ts';

export function aMatch(id: string, relation: Match['relation'], extra: Partial<Match> = {}): Match {
  return {
    id,
    relation,
    direction: 'unknown',
    score: 0.5,
    confidence: 0,
    certainty: 0.5,
    measures: { pageCoverage: 0.5, versionCoverage: 0.5, wordingKept: 0.5 },
    reasons: [],
    evidence: [],
    passages: [],
    ...extra,
  };
}
