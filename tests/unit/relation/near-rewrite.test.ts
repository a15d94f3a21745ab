import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { classifyRelation, SAME_TEXT_SHARE, type RelationSide } from '../../../lib/relation/classify';
import type { CorpusEvidence } from '../../../lib/relation/evidence';

// A bond issue notice, a heavy rewrite of it (words swapped, a clause dropped, a figure changed) and another issue
// printed from the same template and reworded alike: the wording bars cannot tell the rewrite from the sibling, the
// figures can.
const notice = [
  'Canada will offer a 1.2 billion dlr, four-part bond issue tomorrow, which will be dated March 15 and delivered March 16, the finance department said.',
  'The issue will consist of 8 pct bonds due July 1, 1990, and 8-1/2 pct bonds due June 1, 2011.',
  'The 2011 maturity will be issued to a maximum of 374 mln dlrs.',
  'The Bank of Canada will buy 100 mln dlrs of the new issue, including 10 mln dlrs of the 2011 maturity.',
].join(' ');
const rewrite = [
  'Ottawa plans a 1.2 billion dlr bond sale in four parts tomorrow, dated March 15 and settled March 16, officials at the finance ministry said.',
  'It comprises 8 pct paper maturing July 1, 1990, and 8-1/2 pct notes maturing June 1, 2011.',
  'At most 374 mln dlrs of the 2011 notes are to be sold.',
  'The central bank is to take 100 mln dlrs of the sale, 10 mln dlrs of it in the 2011 notes.',
].join(' ');
const sibling = [
  'Ottawa plans a one billion dlr bond sale in three parts tomorrow, dated May 1 and settled May 2, officials at the finance ministry said.',
  'It comprises 8-3/4 pct paper maturing March 1, 1992, and 9 pct notes maturing March 1, 2012.',
  'At most 325 mln dlrs of the 2012 notes are to be sold.',
  'The central bank is to take 100 mln dlrs of the sale, five mln dlrs of it in the 2012 notes.',
].join(' ');

/** Corpus evidence whose page side falls just short of its bar, as a short story's often does: few keys, a few stock. */
function justShort(pageShare: number): CorpusEvidence {
  return { distinctive: 4, stock: 6, pageShare, recordShare: 0.2, distinctiveNames: 1, distinctiveKeys: [], distinctiveAt: [], stockAt: [] };
}

function relate(page: RelationSide, source: RelationSide, corpus: CorpusEvidence) {
  const align = alignPassages(page.text, source.text);
  return classifyRelation({
    page,
    source,
    passages: align.passages,
    crossLanguage: false,
    corpus,
    wording: { page: 0.25, record: 0.24 },
    sequence: () => ({ page: 0.6, source: 0.6 }),
  });
}

describe('a rewrite just short of one bar', () => {
  it('is a rewrite when its other measures clear theirs well and the figures bear it out', () => {
    const r = relate({ text: rewrite, lang: 'en' }, { text: notice, lang: 'en' }, justShort(SAME_TEXT_SHARE * 0.9));
    expect(r.relation, r.evidence.join('\n')).toBe('rewrite');
  });

  it('is no copy when it gives other figures: a notice printed from the same template', () => {
    const r = relate({ text: sibling, lang: 'en' }, { text: notice, lang: 'en' }, justShort(SAME_TEXT_SHARE * 0.9));
    expect(r.relation, r.evidence.join('\n')).not.toMatch(/copy|rewrite/);
  });

  it('is no copy when one measure falls far short, whatever the figures', () => {
    const r = relate({ text: rewrite, lang: 'en' }, { text: notice, lang: 'en' }, justShort(SAME_TEXT_SHARE * 0.5));
    expect(r.relation, r.evidence.join('\n')).not.toMatch(/copy|rewrite/);
  });
});
