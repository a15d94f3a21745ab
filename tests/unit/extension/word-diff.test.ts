import { describe, expect, it } from 'vitest';
import type { WordOp } from '../../../lib/types.ts';
import { displayOps } from '../../../lib/text/word-ops.ts';
import { phraseOps } from '../../../extension/popup/word-diff.ts';

/** "the <del>shackles</del><ins>chains</ins> of slavery" */
function readable(ops: WordOp[]): string {
  return ops.map(({ op, text }) => (op === 'equal' ? text : `<${op}>${text}</${op}>`)).join('');
}

describe('the engine’s word operations, as the popup reads them', () => {
  it('marks the changed word', () => {
    expect(readable(phraseOps(displayOps('the shackles of slavery', 'the chains of slavery')))).toBe(
      'the <del>shackles</del><ins>chains</ins> of slavery',
    );
  });

  it('treats curly and straight quotes as the same, keeping each side’s spelling', () => {
    const ops = displayOps('Russia’s “conduct”', 'Russia\'s "conduct"');
    expect(readable(ops)).toBe('Russia\'s "conduct"');
    expect(ops.map((op) => op.sourceText ?? op.text).join('')).toBe('Russia’s “conduct”');
  });
});

describe('phraseOps', () => {
  it('joins neighbouring changed words into one phrase', () => {
    const ops = displayOps('told Echo of Moscow radio Monday', 'told Echo Zamir Kabulov on Monday');
    expect(readable(phraseOps(ops))).toBe('told Echo <del>of Moscow radio</del><ins>Zamir Kabulov on</ins> Monday');
  });

  it('keeps each side’s text intact', () => {
    const source = 'The Wall Street Journal reports';
    const page = 'The Wall Reports of the Street Journal';
    const ops = phraseOps(displayOps(source, page));
    expect(ops.filter((op) => op.op !== 'ins').map((op) => op.sourceText ?? op.text).join('')).toBe(source);
    expect(ops.filter((op) => op.op !== 'del').map((op) => op.text).join('')).toBe(page);
  });
});
