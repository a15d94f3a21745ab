/**
 * A heavy rewrite that dropped half its source's sentences: the record's side of every measure (its keys the page
 * holds, its distinctive word pairs, its words in order) is diluted by what was dropped, and is judged on the part of
 * the record the page could hold. The page's side keeps its bars.
 */
import { describe, expect, it } from 'vitest';
import { classifyRelation, type RelationSide } from '../../../lib/relation/classify';
import type { CorpusEvidence } from '../../../lib/relation/evidence';
import type { DistinctiveWording } from '../../../lib/relation/neighbourhood';

const source: RelationSide = {
  text:
    'A World Bank team led by senior economist Katrine Saito arrived in Uganda for talks on an economic recovery program. ' +
    'The four-member mission is expected to stay two to three weeks, a World Bank official said. ' +
    'The bank last year criticised the policies on deficit financing and exchange and interest rates. ' +
    'Finance Minister Chrispus Kiyonga said last month that most of the money would go towards rehabilitating industries. ' +
    'He did not say where the money would come from, but diplomats expect the government to ask foreign donors. ' +
    'Donors are due to meet in Paris next month to discuss the program and its financing needs.',
};
// The first half, reworded: words swapped for others, runs shuffled.
const page: RelationSide = {
  text:
    'Team World Bank senior led by economist Saito Katrine arrived Uganda in for talk an on economic program recovery. ' +
    'Mission the four-member is to stay expected two three weeks to, a Bank World offical said. ' +
    'Bank the year last criticised policy the on financing deficit and rates exchange interest.',
};

function relate(pageShare: number, recordShare: number, wording: DistinctiveWording, order: { page: number; source: number }) {
  const corpus: CorpusEvidence = { distinctive: 12, stock: 4, pageShare, recordShare, distinctiveNames: 4, distinctiveKeys: [], distinctiveAt: [], stockAt: [] };
  const passages = [{ page: [0, page.text.length] as [number, number], source: [0, 290] as [number, number], similarity: 0.6, seeds: 3 }];
  return classifyRelation({ page, source, passages, crossLanguage: false, corpus, wording, sequence: () => order });
}

describe('a rewrite of half its source', () => {
  it('is a rewrite: its source’s side is judged on the half the page could hold', () => {
    // Record side below the full bars (key share 0.08 < 0.1, word pairs 0.08 < 0.1, order 0.25 < 0.3), page side well above.
    const result = relate(0.4, 0.08, { page: 0.3, record: 0.08 }, { page: 0.6, source: 0.25 });
    expect(result.relation, result.evidence.join('\n')).toBe('rewrite');
  });

  it('is no copy when the page’s own side is weak', () => {
    const result = relate(0.1, 0.08, { page: 0.3, record: 0.08 }, { page: 0.6, source: 0.25 });
    expect(['verbatim-copy', 'edited-copy', 'rewrite']).not.toContain(result.relation);
  });

  it('is no copy when the record is not longer than the page', () => {
    const result = relate(0.4, 0.08, { page: 0.3, record: 0.08 }, { page: 0.5, source: 0.5 });
    expect(['verbatim-copy', 'edited-copy', 'rewrite']).not.toContain(result.relation);
  });
});
