import { describe, expect, it } from 'vitest';
import { renderOps } from '../../../lib/text/word-ops';
import { quotesAcrossVersions, speakerOf } from '../../../lib/quotes';

describe('quotesAcrossVersions', () => {
  const original = { id: 'wire', site: 'Wire', date: '2021-08-16T10:00:00Z', text: 'The ambassador spoke on Monday. "We have a relatively large embassy, about 100 people," Zamir Kabulov told Echo of Moscow radio.' };
  const copy = { id: 'digest', site: 'Digest', date: '2021-08-17T10:00:00Z', text: 'The ambassador spoke on Monday. "We have a fairly large embassy, about 100 people," Echo Zamir Kabulov told the radio.' };
  const page = { id: 'page', text: 'On Monday: "We have a fairly large embassy, about 120 people," Zamir Kabulow said.', date: '2021-08-18T10:00:00Z' };

  it('follows a quotation through every version earliest first, with the words changed against the earliest and each attribution', () => {
    const [trail] = quotesAcrossVersions(page, [copy, original]);
    expect(trail.occurrences.map((o) => o.id)).toEqual(['wire', 'digest', 'page']);
    expect(trail.occurrences.map((o) => o.speaker)).toEqual(['Zamir Kabulov', 'Echo Zamir Kabulov', 'Zamir Kabulow']);
    expect(trail.occurrences[0].changed).toBe(false);
    expect(renderOps(trail.occurrences[1].ops)).toContain('<del>relatively</del><ins>fairly</ins>');
    expect(renderOps(trail.occurrences[2].ops)).toContain('<del>100</del><ins>120</ins>');
    expect(trail.page).toMatchObject({ text: 'We have a fairly large embassy, about 120 people,', speaker: 'Zamir Kabulow' });
  });

  it('leaves out versions without the quotation, and short quoted phrases', () => {
    const other = { id: 'other', date: '2021-08-15T00:00:00Z', text: 'He called it "a pariah state" and left. "Nothing at all to do with this story here," she said.' };
    const trails = quotesAcrossVersions({ id: 'page', text: 'They spoke of "a pariah state". "We have a relatively large embassy, about 100 people," Kabulov said.' }, [other, original]);
    expect(trails).toHaveLength(1);
    expect(trails[0].occurrences.map((o) => o.id)).toEqual(['wire', 'page']);
  });

  it('finds the speaker named after a quotation or before it', () => {
    const text = 'Imran Khan said: "They have broken the shackles of slavery." Later, "the talks went well," a spokesman said.';
    expect(speakerOf(text, [text.indexOf('They'), text.indexOf('slavery') + 8])).toBe('Imran Khan');
  });
});
