/** Reads the article of the current page with the shared extractor (Readability runs on a clone of the DOM). */
import { extractArticle } from '../../lib/extract/index.ts';
import type { ExtractedPage } from '../shared/protocol.ts';

export function extractCurrentPage(): ExtractedPage {
  const pageUrl = location.href;
  return { pageUrl, article: extractArticle(document, { url: pageUrl }) };
}
