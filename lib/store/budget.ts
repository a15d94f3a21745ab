/**
 * The reader's budget: a corpus kept within an age or a size by removing the oldest articles first (by `dated`:
 * published, else first seen, else stored), except those eviction must pass over.
 *
 * Which records are the original of a stored version is decided cheaply, without comparing texts at eviction:
 * - records marked `keep` when they were stored: when an article arrives one at a time (a feed item, a captured
 *   page), its first answer (lib/sources.ts likelySources) is asked for, and of it and the version that answer
 *   names, the earlier is marked "original" (the bundled sample is marked "sample");
 * - the first stored version of an address that holds later versions (records sharing a URL key): it is the
 *   original of the edits stored after it.
 * Articles imported in bulk are not compared as they arrive (that would halve the import rate), so among them
 * only the address rule applies.
 */
import type { CorpusDatabase, StoredRecord } from './schema';
import { META_CORPUS_BYTES } from './schema';

export interface Budget {
  /** Articles dated more than this many days ago are removed. */
  maxAgeDays?: number;
  /** The corpus is kept under this many bytes (lib/store/usage.ts counts them). */
  maxBytes?: number;
}

export interface EvictionResult {
  deleted: number;
  /** Records that were over the budget but kept as originals of stored versions (or as the sample). */
  kept: number;
  /** False when `maxDeletes` stopped the run before the corpus was within the budget. */
  complete: boolean;
}

/** Records read at a time while looking for the oldest. */
const SCAN_STEP = 200;

/** True when eviction must pass the record over (the rules above). */
async function mustKeep(db: CorpusDatabase, record: StoredRecord): Promise<boolean> {
  if (record.keep) return true;
  if (!record.urlKey) return false;
  // Keys of one index value come in primary-key order: the first is the version stored first.
  const versions = (await db.records.where('urlKey').equals(record.urlKey).primaryKeys()) as number[];
  return versions.length > 1 && versions[0] === record.doc;
}

async function corpusBytes(db: CorpusDatabase): Promise<number> {
  return (await db.meta.get(META_CORPUS_BYTES))?.value ?? 0;
}

/**
 * Removes the oldest records until the corpus is within `budget`, through `deleteRecords` (which keeps the index
 * in step), at most `maxDeletes` of them in one call.
 */
export async function evictOverBudget(
  db: CorpusDatabase,
  deleteRecords: (ids: string[]) => Promise<number>,
  budget: Budget,
  now: number,
  maxDeletes = 5000,
): Promise<EvictionResult> {
  const cutoff = budget.maxAgeDays !== undefined ? new Date(now - budget.maxAgeDays * 86_400_000).toISOString() : null;
  const result: EvictionResult = { deleted: 0, kept: 0, complete: true };
  // Records kept so far sit at the front of the date order: the next read starts past them.
  let passedOver = 0;
  for (;;) {
    let bytes = await corpusBytes(db);
    const batch = await db.records.orderBy('dated').offset(passedOver).limit(SCAN_STEP).toArray();
    const victims: string[] = [];
    let reachedBudget = batch.length === 0;
    for (const record of batch) {
      const tooOld = cutoff !== null && (record.dated ?? '') < cutoff;
      const tooBig = budget.maxBytes !== undefined && bytes > budget.maxBytes;
      if (!tooOld && !tooBig) {
        reachedBudget = true;
        break;
      }
      if (result.deleted + victims.length >= maxDeletes) {
        result.complete = false;
        reachedBudget = true;
        break;
      }
      if (await mustKeep(db, record)) {
        passedOver++;
        result.kept++;
        continue;
      }
      victims.push(record.id);
      bytes -= record.bytes ?? 0;
    }
    if (victims.length > 0) result.deleted += await deleteRecords(victims);
    if (reachedBudget) return result;
  }
}
