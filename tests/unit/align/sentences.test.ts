import { describe, expect, it } from 'vitest';
import { alignSentences, alignSentencesDetailed } from '../../../lib/align/sentences';
import { renderOps } from '../../../lib/text/word-ops';
import type { SentencePair } from '../../../lib/types';

function describePairs(page: string, source: string, pairs: SentencePair[]): string[] {
  return pairs.map((p) => {
    const s = p.source ? source.slice(p.source[0], p.source[1]) : '∅';
    const q = p.page ? page.slice(p.page[0], p.page[1]) : '∅';
    return `${s} => ${q}`;
  });
}

describe('alignSentences', () => {
  it('pairs sentences one to one and diffs their words', () => {
    const source = 'The council met on Monday. It approved the budget for the harbour.';
    const page = 'The council gathered on Monday. It approved the budget for the port.';
    const pairs = alignSentences(page, source);
    expect(pairs.map((p) => renderOps(p.ops))).toEqual([
      'The council <del>met</del><ins>gathered</ins> on Monday.',
      'It approved the budget for the <del>harbour</del><ins>port</ins>.',
    ]);
  });

  it('pairs one source sentence with the two page sentences it was split into', () => {
    const source = 'The mayor approved the plan for two new ferry piers, and the opposition criticised the cost of the cycle bridge.';
    const page = 'The mayor approved the plan for two new ferry piers. The opposition criticised the cost of the cycle bridge.';
    const pairs = alignSentences(page, source);
    expect(describePairs(page, source, pairs)).toEqual([`${source} => ${page}`]);
  });

  it('leaves added and dropped sentences unpaired', () => {
    const source = 'The council met on Monday. The budget passed narrowly. Residents will comment next month.';
    const page = 'Photo: the council chamber. The council met on Monday. Residents will comment next month.';
    const pairs = alignSentences(page, source);
    expect(describePairs(page, source, pairs)).toEqual([
      '∅ => Photo: the council chamber.',
      'The council met on Monday. => The council met on Monday.',
      'The budget passed narrowly. => ∅',
      'Residents will comment next month. => Residents will comment next month.',
    ]);
    expect(pairs[0].ops).toEqual([{ op: 'ins', text: 'Photo: the council chamber.' }]);
    expect(pairs[2].ops).toEqual([{ op: 'del', text: 'The budget passed narrowly.' }]);
  });

  it('restricts itself to the region of given passages', () => {
    const source = 'Unrelated opening words here. The council met on Monday. The budget passed. Another unrelated closing line.';
    const page = 'The council met on Monday. The budget passed.';
    const start = source.indexOf('The council');
    const end = source.indexOf('Another') - 1;
    const pairs = alignSentences(page, source, { passages: [{ page: [0, page.length], source: [start, end] }], margin: 0 });
    expect(describePairs(page, source, pairs)).toEqual(['The council met on Monday. => The council met on Monday.', 'The budget passed. => The budget passed.']);
  });

  it('cuts a stretch with no sentence written alike at the cell budget and says so', () => {
    const page = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about item ${i}.`).join(' ');
    const source = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} speaks of item ${i}.`).join(' ');
    const result = alignSentencesDetailed(page, source, { maxCells: 100 });
    expect(result.truncated).toBe(true);
    expect(result.pairs.length).toBeLessThanOrEqual(40);
  });

  it('pairs every sentence of a long article through the sentences both write alike, within the cell budget', () => {
    // 600 sentences a side is 360,000 cells, past the budget: cutting one side left the other's last sentences
    // unpaired, and they read as added although both texts end with them.
    const sentences = Array.from({ length: 600 }, (_, i) => `Paragraph ${i} of the long feature describes the harbour, item ${i}.`);
    const source = sentences.join(' ');
    const page = sentences.map((s, i) => (i === 590 ? s.replace('harbour', 'river') : s)).join(' ');
    const result = alignSentencesDetailed(page, source);
    expect(result.truncated).toBe(false);
    expect(result.pairs).toHaveLength(600);
    expect(result.pairs.every((p) => p.page && p.source)).toBe(true);
    expect(result.pairs[590].ops.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'del', text: 'harbour' },
      { op: 'ins', text: 'river' },
    ]);
  });
});
