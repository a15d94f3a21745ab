/**
 * A short notice copied whole: most of its shared keys are the template many stored notices print (stock), yet the
 * record holds most of the page's distinctive keys (the company's name) and one passage spans nearly all of both texts.
 * It is a version of the page; a notice of another company from the same template is not.
 */
import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { classifyRelation, type RelationSide } from '../../../lib/relation/classify';
import type { CorpusEvidence } from '../../../lib/relation/evidence';
import { sharedFigures } from '../../../lib/relation/features';

const notice = (company: string, cents: string, meeting: string, shares: string) =>
  `${company} said its board declared a three-for-one stock split and raised the quarterly dividend to ${cents} cts from 5-1/2 cts. ` +
  `The split is subject to approval at the ${meeting} annual meeting of ${shares} mln more shares.`;

const stored: RelationSide = { text: notice('Manny, Moe and Jack Inc', 'six', 'May 18', '500'), published: '1987-03-25' };
// The notice reprinted a month later: a figure and the meeting date changed, a word dropped.
const page: RelationSide = { text: notice('Manny, Moe and Jack Inc', 'seven', 'May 28', '50').replace('raised the', 'raised'), published: '1987-04-17' };
const otherCompany: RelationSide = { text: notice('Tarrant Shipping Corp', 'six', 'May 18', '500'), published: '1987-03-20' };

/** Offsets on the page of each occurrence of the words. */
function offsetsOf(text: string, words: string[]): number[] {
  return words.flatMap((word) => [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => m.index)).sort((a, b) => a - b);
}

/** The corpus evidence as the index gives it: template words are stock, the company's name distinctive when shared. */
function evidence(sharesName: boolean): CorpusEvidence {
  const distinctiveAt = sharesName ? offsetsOf(page.text, ['Manny', 'Jack']) : [];
  const stockAt = offsetsOf(page.text, ['board', 'declared', 'split', 'quarterly', 'dividend', 'approval', 'annual', 'meeting', 'shares']);
  return {
    distinctive: distinctiveAt.length,
    stock: 15,
    pageShare: sharesName ? 0.6 : 0,
    recordShare: sharesName ? 0.25 : 0,
    distinctiveNames: distinctiveAt.length,
    distinctiveKeys: distinctiveAt,
    distinctiveAt,
    stockAt,
  };
}

function relate(source: RelationSide, corpus: CorpusEvidence) {
  const align = alignPassages(page.text, source.text);
  return classifyRelation({ page, source, passages: align.passages, crossLanguage: false, corpus });
}

describe('a short notice copied whole', () => {
  it('is a copy of the stored notice, though its shared wording is mostly the template', () => {
    const result = relate(stored, evidence(true));
    expect(['edited-copy', 'rewrite'], result.evidence.join('\n')).toContain(result.relation);
    expect(result.direction).toBe('original');
  });

  it('is no copy of another company’s notice printed from the same template', () => {
    const result = relate(otherCompany, evidence(false));
    expect(['edited-copy', 'rewrite', 'verbatim-copy'], result.evidence.join('\n')).not.toContain(result.relation);
  });
});

describe('a notice whose every shared key is stock (each of its versions stored many times)', () => {
  const earnings = (company: string) =>
    `${company} said its board declared a quarterly dividend of 18 cts a share after first quarter net profit of 42 mln dlrs on sales of 310 mln dlrs. ` +
    `The dividend is payable on June 15 to holders of record on May 29, the company said.`;
  const storedNotice: RelationSide = { text: earnings('Manny, Moe and Jack Inc'), published: '1987-03-25' };
  const sameFiguresOtherCompany: RelationSide = { text: earnings('Tarrant Shipping Corp'), published: '1987-03-20' };
  // The notice reprinted with a word dropped: the same figures. Every key it shares with the record is held by many.
  const reprint: RelationSide = { text: storedNotice.text.replace('the company said', 'it said'), published: '1987-03-26' };
  const stockOnly = (): CorpusEvidence => {
    const stockAt = offsetsOf(reprint.text, ['Manny', 'Jack', 'board', 'declared', 'quarterly', 'dividend', 'profit', 'sales', 'payable', 'holders', 'record']);
    return { distinctive: 0, stock: 17, pageShare: 0, recordShare: 0, distinctiveNames: 0, distinctiveKeys: [], distinctiveAt: [], stockAt };
  };
  const relateReprint = (source: RelationSide, wording: { page: number; record: number }) => {
    const align = alignPassages(reprint.text, source.text);
    return classifyRelation({ page: reprint, source, passages: align.passages, crossLanguage: false, corpus: stockOnly(), wording });
  };

  it('is a copy when it gives the same figures and shares the notice’s own word pairs', () => {
    const result = relateReprint(storedNotice, { page: 0.77, record: 0.7 });
    expect(['verbatim-copy', 'edited-copy'], result.evidence.join('\n')).toContain(result.relation);
  });

  it('is no copy of another company’s notice with the same figures, whose word pairs are the template’s', () => {
    expect(sharedFigures(reprint, sameFiguresOtherCompany).shared).toBeGreaterThanOrEqual(2);
    const result = relateReprint(sameFiguresOtherCompany, { page: 0.12, record: 0.1 });
    expect(['edited-copy', 'rewrite', 'verbatim-copy'], result.evidence.join('\n')).not.toContain(result.relation);
    expect(result.measures.stockPassages).toBe(1);
  });
});
