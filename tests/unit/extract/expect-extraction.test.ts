import { describe, expect, it } from 'vitest';
import type { PageArticle } from '../../../lib/types';
import { expectExtraction, firstDifference } from './expect-extraction';

const article: PageArticle = {
  text: 'First paragraph of the story.\n\nSecond paragraph of the story.',
  paragraphs: [
    [0, 29],
    [31, 61],
  ],
  title: 'A headline',
  byline: 'Peter Weber',
  siteName: 'The Week',
  captions: ['A caption'],
  furniture: ['Sign up for our newsletter\nIt is free'],
};

describe('firstDifference', () => {
  it('passes a matching article', () => {
    expect(firstDifference(article, { title: 'A headline', byline: 'Peter Weber', paragraphCount: 2, furniture: ['Sign up'], captions: ['A caption'] })).toBeNull();
  });

  it('names the first field that differs, in field order', () => {
    expect(firstDifference(article, { byline: 'Robert Hart', title: 'Another headline' })).toBe('field title: expected "Another headline" got "A headline"');
    expect(firstDifference(article, { byline: 'Robert Hart' })).toBe('field byline: expected "Robert Hart" got "Peter Weber"');
  });

  it('treats null as "absent"', () => {
    expect(firstDifference(article, { lang: null })).toBeNull();
    expect(firstDifference(article, { siteName: null })).toBe('field siteName: expected nothing got "The Week"');
  });

  it('checks the text ends, the paragraph count and where furniture went', () => {
    expect(firstDifference(article, { textStart: 'Something else' })).toMatch(/^field textStart: expected "Something else" got "First paragraph/);
    expect(firstDifference(article, { paragraphCount: 3 })).toBe('field paragraphCount: expected 3 got 2');
    expect(firstDifference(article, { furniture: ['Leave a Reply'] })).toMatch(/^field furniture: expected an entry holding "Leave a Reply"/);
    expect(firstDifference(article, { furniture: ['Second paragraph'] })).toMatch(/^field text: expected no "Second paragraph" \(it belongs in furniture\)/);
    expect(firstDifference(article, { absent: ['First paragraph'] })).toBe('field text: expected no "First paragraph" got it in the text');
  });

  it('checks whether there is an article at all', () => {
    expect(firstDifference(null, { article: null })).toBeNull();
    expect(firstDifference(null, { title: 'A headline' })).toBe('field article: expected an article got none');
    expect(firstDifference(article, { article: null })).toMatch(/^field article: expected none got an article starting "First paragraph/);
  });
});

describe('expectExtraction', () => {
  it('throws the difference', () => {
    expect(() => expectExtraction(article, { title: 'Another headline' })).toThrow('field title: expected "Another headline" got "A headline"');
  });
});
