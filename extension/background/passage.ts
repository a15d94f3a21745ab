/** "Find original" on a selection: the earliest stored occurrence of the passage and its counterparts. */
import { findPassage, type RecordSource } from '../../lib/engine.ts';
import type { PassageOutcome } from '../shared/protocol.ts';
import { sameAddress } from '../shared/report-view.ts';

export interface SelectionPage {
  /** The page's canonical address: a stored record at that address is the page itself. */
  url?: string;
  /** Stored copies of the page already recognised by the check. */
  itselfIds: string[];
}

/**
 * Stored copies of the page the selection comes from hold the passage too, but they are no counterpart (and would
 * win ties for "earliest"), so they are left out.
 */
export async function findPassageInCorpus(selection: string, store: RecordSource, page: SelectionPage): Promise<PassageOutcome> {
  try {
    let report = await findPassage(selection, store, { excludeIds: page.itselfIds });
    const atPageAddress = report.occurrences
      .filter((occurrence) => page.url && occurrence.url && sameAddress(page.url, occurrence.url))
      .map((occurrence) => occurrence.id);
    if (atPageAddress.length > 0) {
      report = await findPassage(selection, store, { excludeIds: [...page.itselfIds, ...atPageAddress] });
    }
    return report.earliest ? { kind: 'found', report } : { kind: 'not-found', selection };
  } catch (error) {
    return { kind: 'error', selection, message: error instanceof Error ? error.message : String(error) };
  }
}
