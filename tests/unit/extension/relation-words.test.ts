/** The popup's own words for what the engine found, from its messages file; in English they read as the CLI's do. */
import { describe, expect, it } from 'vitest';
import * as cli from '../../../lib/relation/words.ts';
import type { DriftKind, Relation } from '../../../lib/types.ts';
import { confidenceName, driftGroupTitle, driftKindName, relationName, sharedWordingName, whyLines } from '../../../extension/popup/relation-words.ts';
import { groupDrift } from '../../../extension/shared/report-view.ts';
import { aMatch } from '../helpers/matches.ts';
import { described, reasonsOf } from '../helpers/described.ts';
import { descriptionOf } from '../../../lib/wording/catalogue.ts';

const RELATIONS: Relation[] = ['verbatim-copy', 'edited-copy', 'rewrite', 'translation', 'shared-passage', 'same-story', 'unrelated'];
const KINDS: DriftKind[] = ['quote', 'name', 'number', 'date', 'negation', 'tense', 'attribution', 'dropped', 'added', 'reworded'];

describe("the popup's words for relations and changes", () => {
  it('names every relation from the messages file, as the command line does in English', () => {
    for (const relation of RELATIONS) {
      for (const machineTranslated of [false, true]) expect(relationName({ relation, machineTranslated })).toBe(cli.relationInWords({ relation, machineTranslated }));
    }
    expect(relationName({ relation: 'rewrite', machineTranslated: true })).toBe('machine-translated rewrite');
  });

  it('says the shared wording, how sure and in which order, with figures filled in', () => {
    const measures = { pageCoverage: 1, versionCoverage: 0.6, wordingKept: 0.9, sharedWording: 0.87 };
    expect(sharedWordingName({ measures })).toBe('87% of its wording shared');
    expect(confidenceName(0.5)).toBe('moderate confidence (50%)');
    for (const [relation, direction, certainty, confidence] of [
      ['edited-copy', 'original', 0.9, 0.5],
      ['translation', 'unknown', 0.5, 0.2],
      ['same-story', 'unknown', 0.2, 0.9],
      ['rewrite', 'derivative', 0.6, 0.85],
    ] as const) {
      const reasons = reasonsOf(descriptionOf('evidence_pageContained', { page: 0.9, source: 0.6 }), descriptionOf('evidence_distinctiveKeysAndStock', { count: 1, stock: 12 }));
      const match = aMatch('v', relation, { measures, ...reasons, certainty, direction, confidence });
      expect(whyLines(match)).toEqual(cli.whyLines(match));
    }
  });

  it('names every kind of change and every group of the drift list', () => {
    for (const kind of KINDS) expect(driftKindName(kind)).toBe(kind);
    const groups = groupDrift(KINDS.map((kind, i) => ({ kind, severity: 3, ...described('drift_sentenceAdded', { sentence: '' }), page: { text: '', start: i, end: i }, source: { id: 's', text: '', start: 0, end: 0 }, ops: [] })));
    const titles = groups.map((group) => driftGroupTitle(group.id));
    expect(titles).toEqual(['Altered quotes', 'Changed names', 'Changed numbers or dates', 'Negation or tense flips', 'Changed attribution', 'Added or dropped sentences', 'Reworded']);
  });
});
