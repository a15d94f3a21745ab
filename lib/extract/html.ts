import { parseHTML } from 'linkedom';
import type { PageArticle } from '../types';
import { extractArticle, type ExtractOptions } from './extract';

/**
 * Extracts the article from an HTML string in Node (CLI, tests, evaluation) with a linkedom DOM.
 * Kept apart from the extension's entry point so the content script never bundles an HTML parser.
 */
export function extractFromHtml(html: string, url?: string, options: Omit<ExtractOptions, 'url'> = {}): PageArticle | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, { ...options, url });
}
