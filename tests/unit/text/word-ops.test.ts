import { describe, expect, it } from 'vitest';
import { foldForDiff } from '../../../lib/text/typography';
import { diffOps, renderOps, wordDiff } from '../../../lib/text/word-ops';

describe('wordDiff', () => {
  it('shows a replaced word as a readable string', () => {
    expect(renderOps(diffOps('They have broken the shackles of slavery', 'They have broken the chains of slavery'))).toBe(
      'They have broken the <del>shackles</del><ins>chains</ins> of slavery',
    );
  });

  it('ignores curly versus straight quotes, dashes and case', () => {
    const ops = diffOps('"It\'s about 100 people" - he said', '“It’s about 100 people” – He said');
    expect(ops.every((o) => o.op === 'equal'), renderOps(ops)).toBe(true);
  });

  it('shows insertions and deletions around unchanged words', () => {
    expect(renderOps(diffOps('Imran Khan said Monday.', 'Imran Khan said on Monday.'))).toBe('Imran Khan said <ins>on</ins> Monday.');
    expect(renderOps(diffOps('the independent Novaya Gazeta weekly.', 'the independent weekly Novaya Gazeta.'))).toBe(
      'the independent <ins>weekly</ins> Novaya Gazeta<del> weekly</del>.',
    );
  });

  it('gives offsets that slice back to each piece in both strings', () => {
    const source = 'Kabulov said Moscow with decide on whether to recognize the Taliban-led government.';
    const page = 'Kabulov said Moscow had decided whether or not to recognize the Taliban-led government.';
    const { pieces } = wordDiff(source, page);
    for (const p of pieces) {
      if (p.op === 'del') expect(source.slice(p.source[0], p.source[1])).toBe(p.text);
      else expect(page.slice(p.page[0], p.page[1])).toBe(p.text);
    }
    expect(renderOps(pieces)).toBe(
      'Kabulov said Moscow <del>with decide on</del><ins>had decided</ins> whether <ins>or not</ins> to recognize the Taliban-led government.',
    );
  });

  it('gives up beyond the edit budget with one deletion and one insertion', () => {
    const a = Array.from({ length: 60 }, (_, i) => `alpha${i}`).join(' ');
    const b = Array.from({ length: 60 }, (_, i) => `beta${i}`).join(' ');
    const diff = wordDiff(a, b, { maxEditLength: 10 });
    expect(diff.truncated).toBe(true);
    expect(diff.pieces.map((p) => p.op)).toEqual(['del', 'ins']);
  });

  it('folds without changing length, so offsets carry over', () => {
    const s = '“Straße” — ‘İstanbul’';
    expect(foldForDiff(s)).toHaveLength(s.length);
  });
});
