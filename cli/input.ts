import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageArticle } from '../lib/types.ts';
import { describeFsError } from './corpus-loader.ts';

export type HtmlExtractor = (html: string, url?: string) => PageArticle | null | Promise<PageArticle | null>;

export class InputError extends Error {}

const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const TEXT_EXTENSIONS = new Set(['.txt']);

/**
 * Reads one input file as the article to check.
 * A .txt file is the article text exactly as read, so page offsets index the file's content.
 * An .html page goes through article extraction, so page offsets index the extracted article text.
 */
export async function readInputArticle(filePath: string, label: string, extractHtml: () => Promise<HtmlExtractor>): Promise<PageArticle> {
  const extension = path.extname(filePath).toLowerCase();
  if (!HTML_EXTENSIONS.has(extension) && !TEXT_EXTENSIONS.has(extension)) {
    throw new InputError(`${label}: unsupported file type '${extension || '(none)'}' (use .html, .htm or .txt)`);
  }
  let content: string;
  try {
    content = await readFile(filePath, 'utf8');
  } catch (err) {
    throw new InputError(`${label}: cannot read: ${describeFsError(err)}`);
  }

  if (TEXT_EXTENSIONS.has(extension)) {
    if (content.trim() === '') throw new InputError(`${label}: the file is empty`);
    return { text: content };
  }

  const extract = await extractHtml();
  const article = await extract(content, pathToFileURL(filePath).href);
  if (!article || article.text.trim() === '') throw new InputError(`${label}: no article found in the page`);
  return article;
}
