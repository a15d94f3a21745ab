import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../lib/corpus/jsonl.ts';
import { MAX_RECORD_TEXT_CHARS, recordTextTooLarge } from '../../../lib/import/record-limit.ts';
import { recordFromArticle, textFingerprint, versionId, webAddress, type ArticleRecord, type RecordOrigin } from '../../../lib/import/records.ts';
import type { CorpusRecord, PageArticle } from '../../../lib/types.ts';

function storable(article: PageArticle, origin?: RecordOrigin): CorpusRecord {
  const made: ArticleRecord = recordFromArticle(article, origin);
  if (!('record' in made)) throw new Error(`not storable: ${made.tooLarge}`);
  return made.record;
}

describe('recordFromArticle', () => {
  const article = {
    text: 'The library reopened on Monday after flood repairs.',
    title: 'Library reopens',
    siteName: 'Riverside Courier',
    publishedTime: '2021-08-16T09:30:00+02:00',
    url: 'https://www.example.org/library#comments',
    lang: 'en',
    byline: 'Tom Becker',
  };

  it('keeps the metadata and names the record by address and text', () => {
    const record = storable(article, { firstSeen: '2026-01-02T03:04:05.000Z' });
    expect(record).toEqual({
      id: `https://www.example.org/library@${textFingerprint(article.text)}`,
      text: article.text,
      title: 'Library reopens',
      url: 'https://www.example.org/library',
      published: '2021-08-16T09:30:00+02:00',
      site: 'Riverside Courier',
      lang: 'en',
      byline: 'Tom Becker',
      firstSeen: '2026-01-02T03:04:05.000Z',
    });
  });

  it('gives an edited text a new id and the same text (up to whitespace and quote style) the same id', () => {
    const url = 'https://example.org/a';
    expect(versionId(url, 'He said "no".')).toBe(versionId(url, 'He  said “no”.'));
    expect(versionId(url, 'He said "no".')).not.toBe(versionId(url, 'He said "yes".'));
  });

  it('falls back on the origin and never keeps non-web addresses or non-ISO dates', () => {
    const record = storable(
      { text: 'Body.', url: 'chrome-extension://abc/options.html', publishedTime: 'last Tuesday' },
      { url: 'https://example.org/saved', published: '2021-08-17', title: 'From the feed', site: 'Feed' },
    );
    expect(record).toMatchObject({ url: 'https://example.org/saved', published: '2021-08-17', title: 'From the feed', site: 'Feed' });
    const unnamed = storable({ text: 'Body.' }, { fallbackName: 'story.html', firstSeen: 'not a date' });
    expect(unnamed.id).toMatch(/^file:story\.html@[0-9a-f]{12}$/);
    expect(unnamed.firstSeen).toBeUndefined();
    for (const date of [record.published]) expect(isIsoDate(date!)).toBe(true);
  });

  it('accepts only http(s) addresses', () => {
    expect(webAddress('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
    expect(webAddress('javascript:alert(1)')).toBeUndefined();
    expect(webAddress('file:///home/me/page.html')).toBeUndefined();
    expect(webAddress('not a url')).toBeUndefined();
  });

  it('refuses a text over the record size limit, saying how large it is and what the limit is', () => {
    const atLimit = 'a'.repeat(MAX_RECORD_TEXT_CHARS);
    expect(recordTextTooLarge(atLimit)).toBeUndefined();
    expect(recordFromArticle({ text: atLimit, url: 'https://example.org/long' })).toHaveProperty('record');
    const over = `${atLimit}b`;
    expect(recordTextTooLarge(over)).toBe('too large (2,000,001 characters; the limit is 2,000,000)');
    expect(recordFromArticle({ text: over, url: 'https://example.org/longer' })).toEqual({ tooLarge: 'too large (2,000,001 characters; the limit is 2,000,000)' });
  });
});
