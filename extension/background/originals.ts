/**
 * Marks originals as articles arrive one at a time (a feed item, a captured page): the new record's first answer
 * (lib/sources.ts) names the stored version it is closest to, and of the two the earlier is the original, which
 * the reader's budget then never removes (lib/store/budget.ts). A few milliseconds a record; bulk imports skip it.
 */
import { likelySources } from '../../lib/sources.ts';
import type { CorpusRecord } from '../../lib/types.ts';
import type { Corpus } from './corpus.ts';

function dateOf(record: Pick<CorpusRecord, 'published' | 'firstSeen'>): string | undefined {
  return record.published ?? record.firstSeen;
}

export async function markOriginals(store: Corpus, records: readonly CorpusRecord[]): Promise<void> {
  const originals = new Set<string>();
  for (const record of records) {
    const [named] = await likelySources(record.text, store, { lang: record.lang, excludeIds: [record.id] });
    if (!named) continue;
    const mine = dateOf(record);
    const theirs = dateOf(named);
    // Stored before this record, the named version is the earlier one unless its own date says otherwise.
    originals.add(mine !== undefined && theirs !== undefined && mine < theirs ? record.id : named.id);
  }
  if (originals.size > 0) await store.markKept([...originals], 'original');
}
