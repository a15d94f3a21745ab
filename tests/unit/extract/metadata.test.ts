import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../lib/extract/json-ld';
import { readMetaTags } from '../../../lib/extract/meta-tags';
import {
  cleanByline,
  cleanDocumentTitle,
  pickByline,
  pickCanonicalUrl,
  pickModifiedTime,
  pickPublishedTime,
  pickSiteName,
  pickTitle,
  stripSiteName,
  titleFromDocument,
} from '../../../lib/extract/metadata';
import { jsonLdScript, page } from './dom-helpers';

const HEADLINE = 'Russia is already tentatively cozying up to the Taliban after Afghan sweep';

/**
 * The title as extractArticle picks it: Readability's (run on a clone), weighed against the page's metadata.
 * The page gets an article body, as Readability reports nothing for a page without one.
 */
function titleOf(head: string, body = '') {
  const doc = page({ head, body: body + ARTICLE_BODY });
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const readabilityTitle = new Readability(doc.cloneNode(true) as Document).parse()?.title;
  return pickTitle(doc, meta, jsonLd, pickSiteName(meta, jsonLd), undefined, readabilityTitle);
}

const ARTICLE_BODY = `<article><p>${'Russia’s ambassador is scheduled to meet with Taliban leaders on Tuesday. '.repeat(8)}</p></article>`;

describe('title', () => {
  const og = `<meta property="og:title" content="Moscow warms to the Taliban">`;
  const ld = jsonLdScript({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: HEADLINE });
  const docTitle = `<title>${HEADLINE} | The Week</title><meta property="og:site_name" content="The Week">`;

  it('prefers the JSON-LD headline over a social og:title', () => {
    expect(titleOf(docTitle + og + ld)).toBe(HEADLINE);
  });

  it('takes og:title without JSON-LD', () => {
    expect(titleOf(docTitle + og)).toBe('Moscow warms to the Taliban');
  });

  it('takes the document title without its site suffix without either', () => {
    expect(titleOf(docTitle)).toBe(HEADLINE);
  });

  it('counts en and em dashes as separators in the document title, as Readability does', () => {
    expect(titleOf(`<title>Lorem ipsum dolor sit amet – My website</title>`)).toBe('Lorem ipsum dolor sit amet');
    expect(titleOf(`<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>`)).toBe(
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
    );
  });

  it('takes the only <h1> without any title', () => {
    expect(titleOf('', `<h1>${HEADLINE}</h1><p>Text</p>`)).toBe(HEADLINE);
  });

  // The site's name is shown apart from the headline: one the publisher wrote into og:title goes too.
  it('drops a site segment the publisher wrote into og:title', () => {
    expect(titleOf(`<meta property="og:title" content="How to Build a Terrarium | eHow"><meta property="og:site_name" content="eHow">`)).toBe('How to Build a Terrarium');
    expect(titleOf(`<meta property="og:title" content="Senate passes the bill | TheHill"><meta property="og:site_name" content="The Hill">`)).toBe('Senate passes the bill');
  });

  it('keeps a segment that is not the site name', () => {
    expect(titleOf(`<meta property="og:title" content="Evolve: Shared Mutable History — evolve extension for Mercurial">`)).toBe(
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
    );
  });

  it('passes over an og:title that is only the site name, for the document title', () => {
    const head = `<title>${HEADLINE}</title><meta property="og:title" content="Yahoo News - Latest News &amp; Headlines"><meta property="og:site_name" content="Yahoo News - Latest News &amp; Headlines">`;
    expect(titleOf(head, `<h1>${HEADLINE}</h1>`)).toBe(HEADLINE);
  });

  it('passes over a generic title ("Home") for the headline', () => {
    expect(titleOf(`<meta property="og:title" content="Home">`, `<h1>${HEADLINE}</h1>`)).toBe(HEADLINE);
  });

  it('prefers the Dublin Core title from a property attribute over one misplaced in a name attribute', () => {
    expect(titleOf('<meta name="DC.title" content="From name"><meta property="dc:title" content="From property">')).toBe('From property');
  });

  it('uses JSON-LD headline when "name" is the publisher', () => {
    const head = jsonLdScript({ '@type': 'NewsArticle', name: 'Aktuálně.cz', headline: 'West Ham threaten the giants', publisher: { name: 'Aktuálně.cz' } });
    expect(titleOf(head)).toBe('West Ham threaten the giants');
  });
});

describe('titleFromDocument', () => {
  const fromTitle = (title: string, body = '') => titleFromDocument(page({ head: `<title>${title}</title>`, body }));

  it('drops the last separated part, or the first when that leaves under three words', () => {
    expect(fromTitle('Russia cozies up to the Taliban | The Week')).toBe('Russia cozies up to the Taliban');
    expect(fromTitle('The Week | Russia cozies up to the Taliban')).toBe('Russia cozies up to the Taliban');
  });

  it('keeps the whole title when the cut leaves four words or fewer', () => {
    expect(fromTitle('Short one here | Speed Reads')).toBe('Short one here | Speed Reads');
  });

  it('keeps what follows a colon unless a heading repeats the whole title', () => {
    expect(fromTitle('Outside the web: standalone WebAssembly binaries using Emscripten · V8')).toBe('standalone WebAssembly binaries using Emscripten · V8');
    const whole = 'Outside the web: standalone WebAssembly binaries using Emscripten';
    expect(fromTitle(whole, `<h1>${whole}</h1>`)).toBe(whole);
  });

  it('takes the only <h1> for a title too short to be a headline', () => {
    expect(fromTitle('Blog', `<h1>${HEADLINE}</h1>`)).toBe(HEADLINE);
  });
});

describe('stripSiteName and cleanDocumentTitle', () => {
  it('removes the site name at either end, matching "Forbes" with "forbes.com"', () => {
    expect(stripSiteName('China and Russia court the Taliban - Forbes', ['forbes.com'])).toBe('China and Russia court the Taliban');
    expect(stripSiteName('The Week | Russia cozies up to the Taliban', ['The Week'])).toBe('Russia cozies up to the Taliban');
    expect(stripSiteName('Russia and the Taliban: Moscow’s pragmatism | FAZ', ['FAZ.NET'])).toBe('Russia and the Taliban: Moscow’s pragmatism');
  });

  it('keeps a title that is only the site name', () => {
    expect(stripSiteName('The Week', ['The Week'])).toBe('The Week');
  });

  it('drops an unknown last part when what remains reads as a headline', () => {
    expect(cleanDocumentTitle('Russia cozies up to the Taliban | Speed Reads', [])).toBe('Russia cozies up to the Taliban');
    expect(cleanDocumentTitle('Short one | Speed Reads', [])).toBe('Short one | Speed Reads');
    expect(cleanDocumentTitle('Outside the web: standalone binaries', [])).toBe('Outside the web: standalone binaries');
  });

  it('keeps a title that a heading on the page repeats in full', () => {
    expect(cleanDocumentTitle('Ukraine - Russia talks resume', [], ['Ukraine - Russia talks resume'])).toBe('Ukraine - Russia talks resume');
  });
});

describe('byline', () => {
  const bylineOf = (head: string, readabilityByline?: string) => {
    const doc = page({ head });
    return pickByline(readMetaTags(doc), readJsonLd(doc), { byline: readabilityByline });
  };

  it('joins JSON-LD authors and prefers them to metas', () => {
    const head = jsonLdScript({ '@type': 'NewsArticle', author: [{ name: 'Ana Ruiz' }, { name: 'Tom Becker' }] }) + '<meta name="author" content="Staff">';
    expect(bylineOf(head)).toBe('Ana Ruiz, Tom Becker');
  });

  it('takes author metas, Dublin Core first, and skips profile URLs', () => {
    expect(bylineOf('<meta name="author" content="Meta Author"><meta name="DC.creator" content="DC Author">')).toBe('DC Author');
    expect(bylineOf('<meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="Robert Hart">')).toBe('Robert Hart');
  });

  it('joins several authors of one meta, with semicolons when names hold commas', () => {
    expect(bylineOf('<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">')).toBe('Kooman, F.; Jong, Michiel de');
  });

  it('falls back to the byline found in the page, without its "By"', () => {
    expect(bylineOf('', 'By Peter Weber')).toBe('Peter Weber');
    expect(cleanByline('Par  Sébastien Farcis')).toBe('Sébastien Farcis');
  });
});

describe('site name', () => {
  const siteOf = (head: string, url?: string) => {
    const doc = page({ head });
    return pickSiteName(readMetaTags(doc), readJsonLd(doc), {}, { url, documentTitle: doc.title });
  };

  it('passes over social handles and publishing platforms, for the next name or the address', () => {
    expect(siteOf('<meta property="og:site_name" content="@politifact"><meta name="application-name" content="PolitiFact">', 'https://www.politifact.com/a')).toBe('PolitiFact');
    expect(siteOf('<meta property="og:site_name" content="Hosted">' + jsonLdScript({ '@graph': [{ '@type': 'WebSite', name: 'Riverside Courier' }] }))).toBe('Riverside Courier');
    expect(siteOf('<meta property="og:site_name" content="@politifact">')).toBeUndefined();
  });

  it('gives an address its host name and a tagline the part that names the site', () => {
    expect(siteOf('<meta property="og:site_name" content="http://www.tmz.com">')).toBe('tmz.com');
    expect(siteOf('<meta property="og:site_name" content="Yahoo News - Latest News &amp; Headlines">', 'https://news.yahoo.com/a')).toBe('Yahoo News');
  });

  it('reads the site part of the document title when it resembles the address', () => {
    expect(siteOf('<title>United States to Lift Sudan Sanctions - The New York Times</title>', 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html')).toBe('The New York Times');
    expect(siteOf('<title>Senate passes the bill | TheHill</title>', 'https://thehill.com/homenews/senate/1')).toBe('TheHill');
    // Without an address to check it against, a title part is no site name.
    expect(siteOf('<title>United States to Lift Sudan Sanctions - The New York Times</title>')).toBeUndefined();
    expect(siteOf('<title>Rain again - Weather report for Monday</title>', 'https://www.nytimes.com/x')).toBeUndefined();
  });

  it('gives a short form of the name way to the full name another field gives', () => {
    const publisher = (name: string) => jsonLdScript({ '@type': 'NewsArticle', headline: 'Floods close the ring road', publisher: { '@type': 'Organization', name } });
    // "Sky" as the publisher, "Sky News" the site's own name.
    expect(siteOf(publisher('Sky') + '<meta property="og:site_name" content="Sky News">', 'https://news.sky.com/story/a')).toBe('Sky News');
    expect(siteOf(publisher('Sky') + '<title>Floods close the ring road | Sky News</title>', 'https://news.sky.com/story/a')).toBe('Sky News');
    // "Space" everywhere but the title, whose "Space.com" is the page's own address.
    expect(siteOf(publisher('Space') + '<meta property="og:site_name" content="Space"><title>Floods close the ring road | Space.com</title>', 'https://www.space.com/a.html')).toBe('Space.com');
    // The address's ending only where it is the page's address; a company's legal form is no fuller name.
    expect(siteOf(publisher('Libération') + '<meta property="og:site_name" content="Libération.fr">', 'https://fakehost/a')).toBe('Libération');
    expect(siteOf(publisher('Spiceworks') + '<meta property="og:site_name" content="Spiceworks Inc">')).toBe('Spiceworks');
    // A longer word is not a fuller name: "Skyline" is another site.
    expect(siteOf(publisher('Sky') + '<meta property="og:site_name" content="Skyline Herald">')).toBe('Sky');
  });
});

describe('published and modified time', () => {
  const timesOf = ({ head = '', body = '', url, text = '' }: { head?: string; body?: string; url?: string; text?: string }) => {
    const doc = page({ head, body });
    const ctx = { doc, meta: readMetaTags(doc), jsonLd: readJsonLd(doc), url, text };
    const modified = pickModifiedTime(ctx);
    return { published: pickPublishedTime(ctx, modified), modified };
  };
  const ld = jsonLdScript({ '@type': 'NewsArticle', datePublished: '2015-10-15T02:19:15.607Z', dateModified: '2018-04-22T22:24:24Z' });
  const meta = '<meta property="article:published_time" content="2015-12-11T14:28:34Z"><meta property="article:modified_time" content="2016-01-01T00:00:00Z">';

  it('prefers JSON-LD datePublished to article:published_time', () => {
    expect(timesOf({ head: meta + ld })).toEqual({ published: '2015-10-15T02:19:15.607Z', modified: '2018-04-22T22:24:24Z' });
  });

  it('takes article:published_time without JSON-LD', () => {
    expect(timesOf({ head: meta })).toEqual({ published: '2015-12-11T14:28:34Z', modified: '2016-01-01T00:00:00Z' });
  });

  it('then a <time>: pubdate or itemprop before the first one on the page', () => {
    const body = '<header><time datetime="2021-08-20">Today</time></header><article><time pubdate datetime="2021-08-16T07:15:00-05:00">Aug 16</time></article>';
    expect(timesOf({ body }).published).toBe('2021-08-16T07:15:00-05:00');
    expect(timesOf({ body: '<time datetime="2021-08-20">Today</time><span itemprop="datePublished" content="2021-08-16"></span>' }).published).toBe('2021-08-16');
    expect(timesOf({ body: '<div><time datetime="2021-08-20T10:00:00Z">x</time></div>' }).published).toBe('2021-08-20T10:00:00Z');
  });

  it('then the date in the URL path, then a wire dateline', () => {
    expect(timesOf({ url: 'https://www.forbes.com/sites/roberthart/2021/08/16/china/' }).published).toBe('2021-08-16');
    expect(timesOf({ url: 'https://example.com/2021/russia', text: 'MOSCOW, Aug 16 (Reuters) - Text' }).published).toBe('2021-08-16');
    expect(timesOf({ text: 'No date here.' }).published).toBeUndefined();
  });
});

describe('canonical URL', () => {
  const urlOf = (head: string, pageUrl?: string) => {
    const doc = page({ head });
    return pickCanonicalUrl(doc, readMetaTags(doc), pageUrl);
  };

  it('resolves a relative canonical link against the page', () => {
    expect(urlOf('<link rel="canonical" href="/world/story/">', 'https://canadiannews.example/world/story/?utm_source=x')).toBe('https://canadiannews.example/world/story/');
  });

  it('resolves against <base href>', () => {
    expect(urlOf('<base href="https://cdn.example/site/"><link rel="canonical" href="story.html">', 'https://example.com/a')).toBe('https://cdn.example/site/story.html');
  });

  it('prefers canonical to og:url, og:url to the page URL', () => {
    expect(urlOf('<link rel="canonical" href="https://a.example/1"><meta property="og:url" content="https://a.example/2">', 'https://a.example/3')).toBe('https://a.example/1');
    expect(urlOf('<meta property="og:url" content="https://a.example/2">', 'https://a.example/3')).toBe('https://a.example/2');
    expect(urlOf('', 'https://a.example/3')).toBe('https://a.example/3');
    expect(urlOf('')).toBeUndefined();
  });
});
