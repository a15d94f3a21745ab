export { openCorpusStore, DEFAULT_DF_CAP, type OpenCorpusStoreOptions } from './dexie-store';
export { InvalidCorrectionError, InvalidRecordError, type AddResult, type CorpusStore, type CorrectionStore, type DocStat, type IndexSize, type Posting, type SkippedRecord } from './types';
export { CorpusDatabase } from './schema';
export { urlKey } from './url-key';
export type { CorpusCatalog, RecordFilter, RecordPage, RecordSearch, RecordSummary } from './catalog';
export { contentHash } from './content-hash';
