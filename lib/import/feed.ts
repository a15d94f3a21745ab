/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read from an XML Document (DOMParser in the browser or the offscreen
 * document, linkedom in Node). Only what finding articles needs: each item's address, title, date and any text
 * the feed carries (used when the article page itself cannot be fetched).
 */

export interface FeedItem {
  /** Stable identity of the item (guid / atom:id), else its link. */
  key: string;
  /** Absolute address of the article. */
  link: string;
  title?: string;
  /** ISO 8601. */
  published?: string;
  author?: string;
  /** HTML (or text) the feed carries for the item: full content when present, else the summary. */
  contentHtml?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  /** The outlet's home page, when the feed names one. */
  siteUrl?: string;
  items: FeedItem[];
}

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Element name without namespace prefix, lower-cased: "content:encoded" -> "encoded". */
function localNameOf(element: Element): string {
  return (element.localName ?? element.nodeName).replace(/^.*:/, '').toLowerCase();
}

function qualifiedNameOf(element: Element): string {
  return element.nodeName.toLowerCase();
}

function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

function children(parent: Element, name: string): Element[] {
  return childElements(parent).filter((element) => localNameOf(element) === name);
}

function child(parent: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = childElements(parent).find((element) => (name.includes(':') ? qualifiedNameOf(element) === name : localNameOf(element) === name));
    if (found) return found;
  }
  return undefined;
}

function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 822 dates (RSS) and ISO 8601 (Atom, Dublin Core) to ISO 8601; undefined when unreadable. */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function rssItem(item: Element, base: string): FeedItem | null {
  const link = resolve(textOf(child(item, 'link')), base) ?? resolve(item.getAttribute('rdf:about') ?? undefined, base);
  const guid = child(item, 'guid');
  const guidLink = guid && guid.getAttribute('isPermaLink') !== 'false' ? resolve(textOf(guid), base) : undefined;
  const address = link ?? guidLink;
  if (!address) return null;
  return {
    key: textOf(guid) ?? address,
    link: address,
    title: textOf(child(item, 'title')),
    published: feedDate(textOf(child(item, 'pubdate', 'dc:date', 'date'))),
    author: textOf(child(item, 'dc:creator', 'author', 'creator')),
    contentHtml: textOf(child(item, 'content:encoded', 'encoded')) ?? textOf(child(item, 'description')),
  };
}

function atomLink(entry: Element, base: string): string | undefined {
  const links = children(entry, 'link');
  const alternate = links.find((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return resolve(alternate?.getAttribute('href') ?? undefined, base);
}

function atomContent(entry: Element): string | undefined {
  const content = child(entry, 'content') ?? child(entry, 'summary');
  if (!content) return undefined;
  // type="xhtml" wraps the markup in a div; its text is all an importer needs.
  return textOf(content);
}

function atomEntry(entry: Element, base: string): FeedItem | null {
  const link = atomLink(entry, base);
  if (!link) return null;
  const author = child(entry, 'author');
  return {
    key: textOf(child(entry, 'id')) ?? link,
    link,
    title: textOf(child(entry, 'title')),
    published: feedDate(textOf(child(entry, 'published', 'issued')) ?? textOf(child(entry, 'updated', 'modified'))),
    author: author ? (textOf(child(author, 'name')) ?? textOf(author)) : undefined,
    contentHtml: atomContent(entry),
  };
}

function keepDistinct(items: (FeedItem | null)[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    if (!item || seen.has(item.key)) continue;
    seen.add(item.key);
    out.push(item);
  }
  return out;
}

/** Items read from one feed document at most: a feed of thousands (a 20 MB archive feed) is read from its top. */
export const MAX_FEED_ITEMS = 500;

/** Reads a feed document; throws FeedError when the document is not a feed (an HTML page, an XML error). */
export function parseFeed(doc: Document, feedUrl: string, maxItems = MAX_FEED_ITEMS): ParsedFeed {
  const feed = parseWholeFeed(doc, feedUrl, maxItems);
  return feed.items.length > maxItems ? { ...feed, items: feed.items.slice(0, maxItems) } : feed;
}

function parseWholeFeed(doc: Document, feedUrl: string, maxItems: number): ParsedFeed {
  const root = doc.documentElement;
  if (!root) throw new FeedError('the document is empty');
  const rootName = localNameOf(root);
  if (rootName === 'parsererror' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new FeedError('the feed is not well-formed XML');
  }
  if (rootName === 'rss') {
    const channel = child(root, 'channel');
    if (!channel) throw new FeedError('an RSS document without a <channel>');
    return {
      format: 'rss',
      title: textOf(child(channel, 'title')),
      siteUrl: resolve(textOf(child(channel, 'link')), feedUrl),
      items: keepDistinct(children(channel, 'item').slice(0, maxItems).map((item) => rssItem(item, feedUrl))),
    };
  }
  if (rootName === 'rdf') {
    const channel = child(root, 'channel');
    return {
      format: 'rdf',
      title: channel ? textOf(child(channel, 'title')) : undefined,
      siteUrl: channel ? resolve(textOf(child(channel, 'link')), feedUrl) : undefined,
      items: keepDistinct(children(root, 'item').slice(0, maxItems).map((item) => rssItem(item, feedUrl))),
    };
  }
  if (rootName === 'feed') {
    return {
      format: 'atom',
      title: textOf(child(root, 'title')),
      siteUrl: atomLink(root, feedUrl),
      items: keepDistinct(children(root, 'entry').slice(0, maxItems).map((entry) => atomEntry(entry, feedUrl))),
    };
  }
  throw new FeedError(`not an RSS or Atom feed (the document is <${root.nodeName.toLowerCase()}>)`);
}

/** Items not handled before, newest first as the feed lists them, at most `limit` (a cost limit per refresh). */
export function unseenItems(feed: ParsedFeed, seen: ReadonlySet<string>, limit: number): FeedItem[] {
  return feed.items.filter((item) => !seen.has(item.key)).slice(0, limit);
}

/** A feed a page declares in its head: `<link rel="alternate" type="application/rss+xml" href title>`. */
export interface DeclaredFeed {
  url: string;
  title?: string;
  format: 'rss' | 'atom';
}

const FEED_TYPES: Record<string, DeclaredFeed['format']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
};

/** The feeds a page declares, each address once, in page order (at most 10). */
export function declaredFeeds(doc: Document, pageUrl: string): DeclaredFeed[] {
  const feeds: DeclaredFeed[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href][type]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const format = FEED_TYPES[(link.getAttribute('type') ?? '').trim().toLowerCase()];
    if (!rels.includes('alternate') || !format) continue;
    const url = resolve(link.getAttribute('href') ?? undefined, doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : pageUrl);
    if (!url || feeds.some((feed) => feed.url === url)) continue;
    const title = link.getAttribute('title')?.trim();
    feeds.push({ url, format, ...(title ? { title } : {}) });
    if (feeds.length >= 10) break;
  }
  return feeds;
}
