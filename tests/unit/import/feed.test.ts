import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FeedError, feedDate, parseFeed, unseenItems } from '../../../lib/import/feed.ts';

const parse = (xml: string, url = 'https://wire.example/feeds/world.xml') =>
  parseFeed(new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document, url);

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Wire — World</title>
    <link>https://wire.example/world</link>
    <item>
      <title>Russia to keep Kabul embassy open</title>
      <link>/world/russia-to-keep-kabul-embassy-open?utm_source=rss</link>
      <guid isPermaLink="false">wire-1003830</guid>
      <pubDate>Mon, 16 Aug 2021 09:30:00 +0000</pubDate>
      <dc:creator>Staff</dc:creator>
      <description>Short summary.</description>
      <content:encoded><![CDATA[<p>Full <b>text</b> of the story.</p>]]></content:encoded>
    </item>
    <item>
      <title>China calls for calm</title>
      <guid>https://wire.example/world/china-calls-for-calm</guid>
      <description>&lt;p&gt;Escaped &amp;amp; summary&lt;/p&gt;</description>
    </item>
    <item><title>No link at all</title></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Courier</title>
  <link rel="self" href="https://courier.example/atom.xml"/>
  <link rel="alternate" href="https://courier.example/"/>
  <entry>
    <title>Library reopens</title>
    <link rel="alternate" type="text/html" href="https://courier.example/news/library"/>
    <link rel="enclosure" href="https://courier.example/photo.jpg"/>
    <id>tag:courier.example,2021:library</id>
    <published>2021-08-16T09:30:00+02:00</published>
    <updated>2021-08-17T10:00:00Z</updated>
    <author><name>Tom Becker</name></author>
    <content type="html">&lt;p&gt;The library reopened.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="news/updated"/>
    <id>tag:courier.example,2021:updated</id>
    <updated>2021-08-18T10:00:00Z</updated>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old outlet</title><link>https://old.example/</link></channel>
  <item rdf:about="https://old.example/a"><title>A</title><link>https://old.example/a</link><dc:date>2021-08-16</dc:date></item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with absolute links, ISO dates and the fullest content', () => {
    const feed = parse(RSS);
    expect(feed).toMatchObject({ format: 'rss', title: 'Wire — World', siteUrl: 'https://wire.example/world' });
    expect(feed.items).toEqual([
      {
        key: 'wire-1003830',
        link: 'https://wire.example/world/russia-to-keep-kabul-embassy-open?utm_source=rss',
        title: 'Russia to keep Kabul embassy open',
        published: '2021-08-16T09:30:00.000Z',
        author: 'Staff',
        contentHtml: '<p>Full <b>text</b> of the story.</p>',
      },
      {
        key: 'https://wire.example/world/china-calls-for-calm',
        link: 'https://wire.example/world/china-calls-for-calm',
        title: 'China calls for calm',
        published: undefined,
        author: undefined,
        contentHtml: '<p>Escaped &amp; summary</p>',
      },
    ]);
  });

  it('reads Atom entries: alternate link, published before updated, author name', () => {
    const feed = parse(ATOM, 'https://courier.example/atom.xml');
    expect(feed).toMatchObject({ format: 'atom', title: 'Courier', siteUrl: 'https://courier.example/' });
    expect(feed.items[0]).toEqual({
      key: 'tag:courier.example,2021:library',
      link: 'https://courier.example/news/library',
      title: 'Library reopens',
      published: '2021-08-16T07:30:00.000Z',
      author: 'Tom Becker',
      contentHtml: '<p>The library reopened.</p>',
    });
    expect(feed.items[1]).toMatchObject({ link: 'https://courier.example/news/updated', published: '2021-08-18T10:00:00.000Z' });
  });

  it('reads RSS 1.0 (RDF)', () => {
    const feed = parse(RDF);
    expect(feed).toMatchObject({ format: 'rdf', title: 'Old outlet' });
    expect(feed.items).toMatchObject([{ link: 'https://old.example/a', title: 'A', published: '2021-08-16T00:00:00.000Z' }]);
  });

  it('refuses what is not a feed, saying what it is', () => {
    expect(() => parse('<html><body>Hello</body></html>')).toThrow(FeedError);
    expect(() => parse('<html><body>Hello</body></html>')).toThrow(/not an RSS or Atom feed \(the document is <html>\)/);
  });

  it('lists only unseen items, up to a limit', () => {
    const feed = parse(RSS);
    expect(unseenItems(feed, new Set(['wire-1003830']), 10).map((item) => item.title)).toEqual(['China calls for calm']);
    expect(unseenItems(feed, new Set(), 1)).toHaveLength(1);
  });

  it('reads RFC 822 and ISO dates, and nothing else', () => {
    expect(feedDate('Tue, 17 Aug 2021 10:00:00 GMT')).toBe('2021-08-17T10:00:00.000Z');
    expect(feedDate('2021-08-17T12:00:00+02:00')).toBe('2021-08-17T10:00:00.000Z');
    expect(feedDate('sometime')).toBeUndefined();
  });
});

describe('declaredFeeds', () => {
  it('lists the RSS and Atom feeds a page declares, resolved, each once', async () => {
    const { declaredFeeds } = await import('../../../lib/import/feed.ts');
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML(`<html><head>
      <link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml">
      <link rel="ALTERNATE" type="application/atom+xml" href="https://feeds.example/atom">
      <link rel="alternate" type="application/rss+xml" title="Again" href="/rss/top.xml">
      <link rel="alternate" type="text/html" href="/other">
      <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head><body></body></html>`);
    expect(declaredFeeds(document as unknown as Document, 'https://news.example/world/story')).toEqual([
      { url: 'https://news.example/rss/top.xml', format: 'rss', title: 'Top stories' },
      { url: 'https://feeds.example/atom', format: 'atom' },
    ]);
  });
});
