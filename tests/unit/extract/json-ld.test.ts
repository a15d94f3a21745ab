import { describe, expect, it } from 'vitest';
import { parseJsonLenient, readJsonLd } from '../../../lib/extract/json-ld';
import { jsonLdScript, page } from './dom-helpers';

describe('readJsonLd', () => {
  it('reads a NewsArticle: headline, authors, publisher, dates, language', () => {
    const doc = page({
      head: jsonLdScript({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Russia is already tentatively cozying up to the Taliban',
        author: [{ '@type': 'Person', name: 'Peter Weber' }],
        publisher: { '@type': 'Organization', name: 'The Week' },
        datePublished: '2021-08-16T14:42:50+00:00',
        dateModified: '2021-08-16T15:04:11+00:00',
        inLanguage: 'en-US',
      }),
    });
    expect(readJsonLd(doc).article).toMatchObject({
      headline: 'Russia is already tentatively cozying up to the Taliban',
      authors: ['Peter Weber'],
      publisherName: 'The Week',
      datePublished: '2021-08-16T14:42:50+00:00',
      dateModified: '2021-08-16T15:04:11+00:00',
      inLanguage: 'en-US',
    });
  });

  it('finds the article inside @graph, nested arrays included, and resolves @id references', () => {
    const doc = page({
      head: jsonLdScript({
        '@context': 'https://schema.org',
        '@graph': [
          [{ '@type': 'Organization', '@id': '#org', name: 'World News Digest' }],
          [[{ '@type': ['NewsArticle'], headline: 'Copy', author: { '@id': '#person' }, publisher: { '@id': '#org' }, datePublished: ['2021-08-17T06:12:09+00:00'] }]],
          { '@type': 'Person', '@id': '#person', name: 'News Desk' },
          { '@type': 'WebSite', name: 'World News Digest' },
        ],
      }),
    });
    const facts = readJsonLd(doc);
    expect(facts.article).toMatchObject({ headline: 'Copy', authors: ['News Desk'], publisherName: 'World News Digest', datePublished: '2021-08-17T06:12:09+00:00' });
    expect(facts.websiteName).toBe('World News Digest');
  });

  it('reads a top-level array and skips blocks that are not articles or do not parse', () => {
    const doc = page({
      head:
        '<script type="application/ld+json">{ not json</script>' +
        jsonLdScript({ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] }) +
        jsonLdScript([{ '@type': 'WebPage', datePublished: '2021-08-10' }, { '@type': 'BlogPosting', name: 'A post' }]),
    });
    const facts = readJsonLd(doc);
    expect(facts.article?.name).toBe('A post');
    expect(facts.webPage?.datePublished).toBe('2021-08-10');
  });

  it('picks the article whose headline matches the page title when there are several', () => {
    const doc = page({
      head: jsonLdScript([
        { '@type': 'NewsArticle', headline: 'Teaser for another story' },
        { '@type': 'NewsArticle', headline: 'China and Russia court the Taliban' },
      ]),
    });
    expect(readJsonLd(doc, 'China and Russia court the Taliban | Forbes').article?.headline).toBe('China and Russia court the Taliban');
  });

  it('returns no article for pages without JSON-LD', () => {
    expect(readJsonLd(page({ body: '<p>Hello</p>' }))).toEqual({});
  });
});

describe('parseJsonLenient', () => {
  it('accepts CDATA wrappers, raw line breaks inside strings and trailing commas', () => {
    expect(parseJsonLenient('<![CDATA[{"headline": "a"}]]>')).toEqual({ headline: 'a' });
    expect(parseJsonLenient('{"headline": "two\nlines",}')).toEqual({ headline: 'two lines' });
    expect(parseJsonLenient('   ')).toBeUndefined();
    expect(parseJsonLenient('{')).toBeUndefined();
  });
});
