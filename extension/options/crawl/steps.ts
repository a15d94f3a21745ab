/** An archive record as an import step: its article read with the streaming reader (lib/extract/bulk-reader.ts). */
import { readArticleFast, readArticleFromBytes } from '../../../lib/extract/bulk-reader.ts';
import { narrowed } from '../../../lib/extract/one-byte.ts';
import { recordFromArticle } from '../../../lib/import/records.ts';
import { htmlDecoder } from '../../../lib/import/charset.ts';
import type { WarcItem, WarcPayloadItem } from '../../../lib/import/warc.ts';
import type { CorpusRecord } from '../../../lib/types.ts';
import type { ImportStep } from '../importers.ts';

/**
 * The record's strings one byte a character where they fit (lib/extract/one-byte.ts). Its text is so already: the
 * bulk reader narrows the article's blocks before it reads them.
 */
function narrowedRecord(record: CorpusRecord): CorpusRecord {
  const narrow = { ...record };
  for (const [key, value] of Object.entries(narrow)) if (typeof value === 'string' && key !== 'text') (narrow as unknown as Record<string, string>)[key] = narrowed(value);
  return narrow;
}

export function stepOf(item: WarcItem | WarcPayloadItem): ImportStep {
  const position = item.recordNumber;
  const resume = item.resume;
  const at = { position, ...(resume ? { resume } : {}) };
  if (item.kind === 'passed-over') return { passedOver: true, ...at };
  const where = `record ${item.recordNumber}${item.url ? ` (${item.url})` : ''}`;
  if (item.kind === 'problem') return { problem: { where, reason: item.reason }, ...at };
  const article = item.kind === 'payload' ? readArticleFromBytes(item.body, htmlDecoder(item.body, item.contentType), item.url) : readArticleFast(item.html, item.url);
  if (!article) return { problem: { where, reason: 'no article found in the page' }, ...at };
  const made = recordFromArticle(article, { url: item.url, firstSeen: item.date });
  return 'record' in made ? { record: narrowedRecord(made.record), ...at } : { problem: { where, reason: made.tooLarge }, ...at };
}
