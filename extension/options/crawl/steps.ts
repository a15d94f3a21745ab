/** An archive record as an import step: its article read with the streaming reader (lib/extract/bulk-reader.ts). */
import { readArticleFast } from '../../../lib/extract/bulk-reader.ts';
import { recordFromArticle } from '../../../lib/import/records.ts';
import { pageOf, type WarcItem, type WarcPayloadItem } from '../../../lib/import/warc.ts';
import type { CorpusRecord } from '../../../lib/types.ts';
import type { ImportStep } from '../importers.ts';

/** A character a one-byte string cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/**
 * The string as one that stores a byte per character, when its characters allow. A page decoded with any character
 * past U+00FF (a dash, a curly quote) is a two-byte string, and so is every piece cut from it: its article's text was
 * cloned to the page and to the service worker and stored at two bytes a character, though nearly always Latin.
 * JSON.parse builds its strings anew, one byte a character when they fit.
 */
export function narrowed(text: string): string {
  return WIDE.test(text) ? text : (JSON.parse(JSON.stringify(text)) as string);
}

function narrowedRecord(record: CorpusRecord): CorpusRecord {
  const narrow = { ...record };
  for (const [key, value] of Object.entries(narrow)) if (typeof value === 'string') (narrow as unknown as Record<string, string>)[key] = narrowed(value);
  return narrow;
}

export function stepOf(item: WarcItem | WarcPayloadItem): ImportStep {
  const position = item.recordNumber;
  const resume = item.resume;
  const at = { position, ...(resume ? { resume } : {}) };
  if (item.kind === 'passed-over') return { passedOver: true, ...at };
  const where = `record ${item.recordNumber}${item.url ? ` (${item.url})` : ''}`;
  if (item.kind === 'problem') return { problem: { where, reason: item.reason }, ...at };
  const html = item.kind === 'payload' ? pageOf(item).html : item.html;
  const article = readArticleFast(html, item.url);
  if (!article) return { problem: { where, reason: 'no article found in the page' }, ...at };
  const made = recordFromArticle(article, { url: item.url, firstSeen: item.date });
  return 'record' in made ? { record: narrowedRecord(made.record), ...at } : { problem: { where, reason: made.tooLarge }, ...at };
}
