/**
 * The storing side of imports. The options page reads and parses the file and sends batches; each batch is stored
 * in one database transaction (all of it or none of it), then the import's progress is saved, so an import
 * stopped for any reason (cancelled, page closed, browser quit, disk full) resumes after its last stored batch.
 * A batch stored whose progress was not saved is harmless: record ids are stable, so it comes back as duplicates.
 */
import { advance, freshProgress, importKey, type BatchAdvance, type ImportProgress, type ImportSource } from '../../lib/import/progress.ts';
import type { CorpusRecord, Correction } from '../../lib/types.ts';
import { importProgressItem } from '../shared/storage-items.ts';
import { enforceBudget } from './budget.ts';
import { getCorpus } from './corpus.ts';
import { withStorageErrors } from './storage-errors.ts';

export function importStatus(key: string): Promise<ImportProgress | null> {
  return importProgressItem(key).getValue();
}

export async function forgetImport(key: string): Promise<{ forgotten: boolean }> {
  const item = importProgressItem(key);
  const existed = (await item.getValue()) !== null;
  await item.removeValue();
  return { forgotten: existed };
}

export async function commitImportBatch(
  source: ImportSource,
  records: CorpusRecord[],
  step: Omit<BatchAdvance, 'added' | 'duplicates' | 'corrections'>,
  corrections: Correction[] = [],
): Promise<ImportProgress> {
  const key = importKey(source);
  const now = new Date().toISOString();
  const previous = (await importStatus(key)) ?? freshProgress(source, now);
  const store = await getCorpus();
  const stored = records.length > 0 ? await withStorageErrors(() => store.addRecords(records, { partOfImport: true })) : { added: 0, duplicates: 0 };
  // The reader's corrections from an export; one already stored (the same pair) is kept as it was.
  const newCorrections = corrections.length > 0 ? await withStorageErrors(() => store.addCorrections(corrections)) : 0;
  // The last batch of a file settles the index, so that checks read one index row per key.
  if (step.done) await withStorageErrors(() => store.settle());
  const progress = advance(previous, { ...step, added: stored.added, duplicates: stored.duplicates, corrections: newCorrections }, now);
  await withStorageErrors(() => importProgressItem(key).setValue(progress));
  // A finished import may have taken the corpus over the reader's budget; the oldest go, in the background.
  if (step.done) void enforceBudget().catch(() => undefined);
  return progress;
}
