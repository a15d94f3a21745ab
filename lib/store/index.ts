export { openCorpusStore, contentHash, DEFAULT_DF_CAP, type OpenCorpusStoreOptions, type OpenedCorpus } from './dexie-store';
export {
  InvalidCorrectionError,
  InvalidRecordError,
  type AddResult,
  type CorpusStore,
  type CorpusUpkeep,
  type CorpusUsage,
  type CorrectionStore,
  type DocStat,
  type IndexSize,
  type Posting,
  type SkippedRecord,
} from './types';
export type { Budget, EvictionResult } from './budget';
export type { FeedBook, FeedRow } from './feed-book';
export type { KeepReason } from './schema';
export { CorpusDatabase } from './schema';
export { urlKey } from './url-key';
export type { CorpusCatalog, RecordFilter, RecordPage, RecordSearch, RecordSummary } from './catalog';
export { ReadsFirst } from './reads-first';
