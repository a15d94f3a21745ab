/**
 * OPML 2.0 subscription lists, the format feed readers import and export (http://opml.org/spec2.opml). Read from
 * and written into an XML Document the caller makes (DOMParser and XMLSerializer in the options page, linkedom in
 * Node): the browser's XML parser does the parsing and escaping.
 */

export interface OpmlFeed {
  url: string;
  title?: string;
  /** The outlet's home page (htmlUrl). */
  siteUrl?: string;
}

export interface OpmlReading {
  feeds: OpmlFeed[];
  /** Outlines that name a feed address that is not a web address, in words. */
  problems: string[];
}

export class OpmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

function webAddress(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function attribute(element: Element, name: string): string | null {
  // Feed readers differ in case: xmlUrl, xmlurl, XMLURL.
  for (const attr of Array.from(element.attributes)) if (attr.name.toLowerCase() === name.toLowerCase()) return attr.value;
  return null;
}

/** Every outline with an xmlUrl, at any depth (folders are flattened), each address once. */
export function readOpml(doc: Document): OpmlReading {
  const root = doc.documentElement;
  if (!root || root.nodeName.toLowerCase() !== 'opml' || doc.getElementsByTagName('parsererror').length > 0) {
    throw new OpmlError('This is not an OPML file (a feed list exported by a feed reader).');
  }
  const feeds: OpmlFeed[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const outline of Array.from(doc.getElementsByTagName('outline'))) {
    const declared = attribute(outline, 'xmlUrl');
    if (declared === null) continue;
    const title = (attribute(outline, 'title') ?? attribute(outline, 'text'))?.trim() || undefined;
    const url = webAddress(declared);
    if (!url) {
      problems.push(`${title ?? 'An outline'}: “${declared.slice(0, 200)}” is not a web address`);
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const siteUrl = webAddress(attribute(outline, 'htmlUrl'));
    // A feed without a name is written with its address as the required text: that is no title.
    const named = title && title !== declared.trim() ? title : undefined;
    feeds.push({ url, ...(named ? { title: named } : {}), ...(siteUrl ? { siteUrl } : {}) });
  }
  return { feeds, problems };
}

/** The empty document writeOpml fills: parse it with the same XML parser that will serialise the result. */
export const OPML_SKELETON = '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head></head><body></body></opml>';

/** Fills a parsed OPML_SKELETON with the feed list. */
export function writeOpml(doc: Document, feeds: readonly OpmlFeed[], options: { title: string; created: Date }): Document {
  const head = doc.getElementsByTagName('head')[0];
  const body = doc.getElementsByTagName('body')[0];
  if (!head || !body) throw new OpmlError('writeOpml needs a parsed OPML_SKELETON');
  const title = doc.createElement('title');
  title.textContent = options.title;
  const created = doc.createElement('dateCreated');
  created.textContent = options.created.toUTCString();
  head.append(title, created);
  for (const feed of feeds) {
    const outline = doc.createElement('outline');
    outline.setAttribute('type', 'rss');
    outline.setAttribute('text', feed.title ?? feed.url);
    if (feed.title) outline.setAttribute('title', feed.title);
    outline.setAttribute('xmlUrl', feed.url);
    if (feed.siteUrl) outline.setAttribute('htmlUrl', feed.siteUrl);
    body.append(outline);
  }
  return doc;
}
