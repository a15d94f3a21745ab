import { describe, expect, it } from 'vitest';
import { renderOps } from '../../../lib/align/index.ts';
import { versionChange } from '../../../lib/import/versions.ts';

const older = {
  id: 'v1',
  lang: 'en',
  text: [
    'Russia will keep its embassy in Kabul open, its envoy said on Monday.',
    'Zamir Kabulov told Echo of Moscow radio that the Taliban were guarding the building.',
    'About 100 staff remain in the compound.',
  ].join(' '),
};

describe('versionChange: what an edit changed', () => {
  it('marks reworded, added and removed sentences with word diffs from the older wording', () => {
    const newer = {
      id: 'v2',
      lang: 'en',
      text: [
        'Russia will keep its embassy in Kabul open, its envoy said on Monday.',
        'Zamir Kabulov told Echo of Moscow radio that Taliban fighters were guarding the building.',
        'China said it was ready for friendly relations with the new rulers.',
      ].join(' '),
    };
    const change = versionChange(older, newer);
    expect(change).toMatchObject({ fromId: 'v1', toId: 'v2', truncated: false });
    expect(change.sentences.map((sentence) => `${sentence.kind}: ${renderOps(sentence.ops).trim()}`)).toEqual([
      'changed: Zamir Kabulov told Echo of Moscow radio that <del>the</del> Taliban <ins>fighters</ins> were guarding the building.',
      'removed: <del>About 100 staff remain in the compound.</del>',
      'added: <ins>China said it was ready for friendly relations with the new rulers.</ins>',
    ]);
  });

  it('finds nothing to show between identical wordings', () => {
    expect(versionChange(older, { ...older, id: 'v2' }).sentences).toEqual([]);
  });
});
