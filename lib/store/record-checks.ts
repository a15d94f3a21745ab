/** What every corpus store checks and derives from a record before storing it, whatever the database. */
import type { CorpusRecord } from '../types';
import { InvalidRecordError } from './types';

/**
 * A key found in more documents than this is stopped (see mergeRuns). At 100,000
 * articles that is 2% of the corpus: past it a key only adds reads, never a source.
 */
export const DEFAULT_DF_CAP = 2000;

/** Throws InvalidRecordError for the first record of the batch without an id or a text. */
export function validateRecords(records: readonly CorpusRecord[]): void {
  records.forEach((record, index) => {
    if (record === null || typeof record !== 'object') throw new InvalidRecordError(index, 'not an object');
    if (typeof record.id !== 'string' || record.id.trim() === '') throw new InvalidRecordError(index, 'missing id');
    if (typeof record.text !== 'string' || record.text.trim() === '') throw new InvalidRecordError(index, `record "${record.id}" has no text`);
  });
}

/** The same text is stored once: records are compared by this hash of their normalised text (a pure module). */
export { contentHash } from './content-hash';
