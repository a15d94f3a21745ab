/**
 * Work that needs a DOM: reading feed XML and extracting an article from fetched HTML. Runs wherever DOMParser
 * exists (the offscreen document in Chrome, the background page in Firefox, extension pages).
 */
import { extractArticle } from '../../lib/extract/index.ts';
import { parseFeed, type ParsedFeed } from '../../lib/import/feed.ts';
import type { PageArticle } from '../../lib/types.ts';

export function parseFeedXml(xml: string, url: string): ParsedFeed {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return parseFeed(doc, url);
}

export function extractFromHtmlText(html: string, url: string): PageArticle | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractArticle(doc, { url });
}
