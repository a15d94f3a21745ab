import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../../lib/align/sentences';
import { detectDrift } from '../../../lib/drift/detect';
import { pageChanges } from '../../../extension/shared/page-changes';
import { markWords } from '../../../extension/popup/page-marks-control';

describe('pageChanges: what "Show all changes in the page" marks', () => {
  const source = 'Police arrived in less than 10 minutes. The mayor thanked them. Ten officers were at the scene within 40 minutes.';
  const page = 'Police arrived in less than 40 minutes. Ten officers were at the scene within 40 minutes.';
  const drift = detectDrift(page, { id: 'src', text: source }, alignSentences(page, source));

  it('gives a changed figure the words before it, so the right "40" is marked', () => {
    const number = pageChanges(drift, page, markWords).find((c) => c.kind === 'number')!;
    expect(number.page).toBe('40');
    expect(number.pageBefore).toMatch(/arrived in less than$/);
    expect(number.source).toBe('10');
    // Worded from the messages file, as the popup words it: the drift list's chip and sentence, then the source.
    expect(number.words).toEqual({
      kind: 'number',
      lines: ['Number changed: “less than 10 minutes” became “less than 40 minutes”', 'The source has: “10”'],
      label: 'number: Number changed: “less than 10 minutes” became “less than 40 minutes” The source has: “10”',
    });
  });

  it('anchors a dropped sentence after the page words it followed', () => {
    const dropped = pageChanges(drift, page, markWords).find((c) => c.kind === 'dropped')!;
    expect(dropped).toMatchObject({ page: '', source: 'The mayor thanked them.' });
    expect(dropped.words).toMatchObject({ kind: 'dropped', lines: ['A sentence of the source stood here: “The mayor thanked them.”'] });
    expect(page.indexOf(dropped.droppedAfter!) + dropped.droppedAfter!.length).toBe(page.indexOf(' Ten officers'));
  });

  it('anchors a sentence dropped at the very start before the page words that now open it', () => {
    const first = detectDrift('Ten officers came.', { id: 'src', text: 'The mayor thanked the police for their work. Ten officers came.' }, alignSentences('Ten officers came.', 'The mayor thanked the police for their work. Ten officers came.'));
    const dropped = pageChanges(first, 'Ten officers came.', markWords).find((c) => c.kind === 'dropped')!;
    expect(dropped.droppedAfter).toBeUndefined();
    expect(dropped.droppedBefore).toBe('Ten officers came.');
  });
});
