/**
 * A bulk import extractor (a dedicated worker; several run side by side): reads each archived page's article with
 * the streaming reader (lib/extract/bulk-reader.ts, no DOM needed) and turns it into a corpus record.
 */
import { readArticleFast } from '../../../lib/extract/bulk-reader.ts';
import { recordFromArticle } from '../../../lib/import/records.ts';
import type { WarcItem } from '../../../lib/import/warc.ts';
import type { ImportStep } from '../importers.ts';
import type { FromExtractor, ToExtractor } from './messages.ts';

export function stepOf(item: WarcItem): ImportStep {
  const position = item.recordNumber;
  const resume = item.resume;
  const at = { position, ...(resume ? { resume } : {}) };
  if (item.kind === 'passed-over') return { passedOver: true, ...at };
  const where = `record ${item.recordNumber}${item.url ? ` (${item.url})` : ''}`;
  if (item.kind === 'problem') return { problem: { where, reason: item.reason }, ...at };
  const article = readArticleFast(item.html, item.url);
  if (!article) return { problem: { where, reason: 'no article found in the page' }, ...at };
  const made = recordFromArticle(article, { url: item.url, firstSeen: item.date });
  return 'record' in made ? { record: made.record, ...at } : { problem: { where, reason: made.tooLarge }, ...at };
}

self.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  const { port } = event.data;
  port.onmessage = (message: MessageEvent<ToExtractor>) => {
    const { seq, item } = message.data;
    let step: ImportStep;
    try {
      step = stepOf(item);
    } catch (error) {
      step = { problem: { where: `record ${item.recordNumber}`, reason: `could not read the page: ${error instanceof Error ? error.message : String(error)}` }, position: item.recordNumber, ...(item.resume ? { resume: item.resume } : {}) };
    }
    self.postMessage({ seq, step } satisfies FromExtractor);
  };
};
