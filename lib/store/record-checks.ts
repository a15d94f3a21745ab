/** What every corpus store checks and derives from a record before storing it, whatever the database. */
import { DEFAULT_FEATURE_OPTIONS, FEATURE_VERSION, featuresOf } from '../index/features';
import type { CorpusRecord } from '../types';
import { contentHash } from './content-hash';
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

/**
 * A record's content hash and index keys computed where the record was read (a bulk import's extractor workers,
 * side by side), so the store does not compute them again on its one thread. `featureVersion` names the feature code
 * that made the keys: keys of another version are not used.
 */
export interface RecordKeys {
  featureVersion: number;
  hash: string;
  keys: Uint32Array;
}

/** The hash and keys a store with the default feature selection computes for this record. */
export function recordKeysOf(record: CorpusRecord): RecordKeys {
  return { featureVersion: FEATURE_VERSION, hash: contentHash(record.text), keys: featuresOf(record.text, record.lang) };
}

/**
 * True when keys sent with a record can stand for the ones the store would compute: the same feature code, a hash of
 * the right form, and distinct sorted keys within the bound. Anything else (keys that lost their type on the way, an
 * older build's) is computed again.
 */
export function usableRecordKeys(given: unknown): given is RecordKeys {
  if (typeof given !== 'object' || given === null) return false;
  const { featureVersion, hash, keys } = given as Partial<RecordKeys>;
  if (featureVersion !== FEATURE_VERSION || typeof hash !== 'string' || !/^[0-9a-f]{16}$/.test(hash)) return false;
  if (!(keys instanceof Uint32Array) || keys.length > DEFAULT_FEATURE_OPTIONS.maxDocFeatures) return false;
  for (let i = 1; i < keys.length; i++) if (keys[i] <= keys[i - 1]) return false;
  return true;
}
