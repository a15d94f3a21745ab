export { openCorpusStore, contentHash, DEFAULT_DF_CAP, type OpenCorpusStoreOptions } from './dexie-store';
export { InvalidRecordError, type AddResult, type CorpusStore, type DocStat, type IndexSize, type Posting, type SkippedRecord } from './types';
export { CorpusDatabase } from './schema';
export { urlKey } from './url-key';
export type { CorpusCatalog, RecordFilter, RecordPage, RecordSearch, RecordSummary } from './catalog';
