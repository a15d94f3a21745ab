/**
 * A bulk import extractor (a dedicated worker; several run side by side): reads each archived page's article with
 * the streaming reader (lib/extract/bulk-reader.ts, no DOM needed) and turns it into a corpus record.
 */
import type { ImportStep } from '../importers.ts';
import type { FromExtractor, ToExtractor } from './messages.ts';
import { stepOf } from './steps.ts';

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
