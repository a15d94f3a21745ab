/**
 * The background's access to the corpus. Only the background opens the database; the handle is opened lazily on
 * the first request of a worker's life, so a stopped and restarted worker simply opens it again.
 */
import { openCorpusStore, ReadsFirst, type OpenedCorpus } from '../../lib/store/index.ts';
import type { CorpusStatus, SampleReload } from '../shared/protocol.ts';
import { sampleCorpusLoadedItem } from '../shared/storage-items.ts';
import { readSampleCorpus } from './sample-corpus.ts';

const DATABASE_NAME = 'palimpsest-corpus';

/** The store, with the reader's view of it (versions of an address, listing, filters), its upkeep, its feeds and the reader's corrections. */
export type Corpus = OpenedCorpus;


let opening: Promise<Corpus> | null = null;
/** A reader's checks go before an import's next write transaction (see ReadsFirst). */
const readsFirst = new ReadsFirst();
let sampleLoading: Promise<SampleReload> | null = null;
/**
 * Whether this worker has seen the sample loaded. Only this file sets the flag, and only ever to true, so once seen it
 * need not be read from storage again: that read was one more round trip to the browser before every check.
 */
let sampleSeenLoaded = false;

function openStore(): Promise<Corpus> {
  // The worker's own IndexedDB, passed explicitly: the store treats absent factories as "use Dexie's defaults",
  // and an explicit undefined would override those.
  opening ??= openCorpusStore({
    name: DATABASE_NAME,
    indexedDB: self.indexedDB,
    IDBKeyRange: self.IDBKeyRange,
    importWriteTurn: () => readsFirst.writeTurn(),
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

async function sampleAlreadyLoaded(): Promise<boolean> {
  if (sampleSeenLoaded) return true;
  sampleSeenLoaded = await sampleCorpusLoadedItem.getValue();
  return sampleSeenLoaded;
}

/** Adds the bundled sample records; records already present are counted as duplicates, not replaced. */
export function loadSampleCorpus(): Promise<SampleReload> {
  sampleLoading ??= (async () => {
    const store = await openStore();
    const { records, errors } = readSampleCorpus();
    const { added, duplicates } = await store.addRecords(records);
    // The sample is what a new reader tries Palimpsest on: the budget never removes it.
    await store.markKept(records.map((record) => record.id), 'sample');
    await sampleCorpusLoadedItem.setValue(true);
    sampleSeenLoaded = true;
    return { added, duplicates, skipped: errors.length, count: await store.count() };
  })().finally(() => {
    sampleLoading = null;
  });
  return sampleLoading;
}

/**
 * Runs work a reader waits for (a check, a first answer, a passage search) before an import's next write: without
 * it, each of the check's reads waited for one of the import's batches to be stored.
 */
export function readerFirst<T>(work: () => Promise<T>): Promise<T> {
  return readsFirst.during(work);
}

/** The corpus store, with the sample corpus loaded on first use (covers a worker that missed onInstalled). */
export async function getCorpus(): Promise<Corpus> {
  // On a fresh worker both are a round trip to the browser: the flag is read while the database opens.
  const [store, loaded] = await Promise.all([openStore(), sampleAlreadyLoaded()]);
  if (!loaded) await loadSampleCorpus();
  return store;
}

export async function corpusStatus(): Promise<CorpusStatus> {
  const store = await getCorpus();
  return { count: await store.count(), sampleLoaded: await sampleAlreadyLoaded() };
}

/**
 * Called once a full check's report is on its way: the database opens the index's files again while the reader reads
 * it, so the next page's first answer does not wait for them (see CorpusStore.reopenIndexFiles). Never awaited by the
 * check, and never fails it: a failed read only leaves those files to be opened by the next lookup, as before.
 */
export async function reopenIndexFilesAfterCheck(store: Corpus): Promise<void> {
  try {
    await store.reopenIndexFiles?.();
  } catch {
    // Nothing to report: see above.
  }
}
