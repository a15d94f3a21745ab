/** "Find original" on a selection: the earliest stored occurrence of the passage and its counterparts. */
import { findPassage, passageInReport, type RecordSource } from '../../lib/engine.ts';
import { MAX_SELECTION_CHARS, selectionTooLongMessage } from '../shared/limits.ts';
import type { Correction, PageArticle, Report } from '../../lib/types.ts';
import type { PassageOutcome } from '../shared/protocol.ts';
import { sameAddress } from '../shared/report-view.ts';

/** How much of a selection too long to trace is kept to show the reader which one it was. */
const SHOWN_OF_LONG_SELECTION = 300;

export interface SelectionPage {
  /** The page's canonical address: a stored record at that address is the page itself. */
  url?: string;
  /** The page's article, when it has one: the reader's corrections about it apply to the selection too. */
  article?: PageArticle;
  /** The page's own check: the selection is matched as its drift list saw it. */
  report?: Report;
}

/**
 * Stored copies of the page the selection comes from hold the passage too, but they are no counterpart (and would
 * win ties for "earliest"), so they are left out.
 */
export async function findPassageInCorpus(selection: string, store: RecordSource, page: SelectionPage, corrections: readonly Correction[] = []): Promise<PassageOutcome> {
  const tooLong = selectionTooLong(selection);
  if (tooLong) return tooLong;
  try {
    const notVersions = { corrections, page: page.article };
    let report = await findPassage(selection, store, notVersions);
    const atPageAddress = report.occurrences
      .filter((occurrence) => page.url && occurrence.url && sameAddress(page.url, occurrence.url))
      .map((occurrence) => occurrence.id);
    if (atPageAddress.length > 0) {
      report = await findPassage(selection, store, { ...notVersions, excludeIds: atPageAddress });
    }
    // The page's drift list and the selection agree: the same version, the same items for the selected words.
    const asChecked = page.report ? await passageInReport(selection, page.report, store) : null;
    if (asChecked && (!report.earliest || report.earliest.id === asChecked.earliest!.id)) report = { ...report, earliest: report.earliest ?? asChecked.earliest, occurrences: report.earliest ? report.occurrences : asChecked.occurrences, drift: asChecked.drift };
    return report.earliest ? { kind: 'found', report } : { kind: 'not-found', selection };
  } catch (error) {
    return { kind: 'error', selection, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The first `chars` characters, never ending in half of a surrogate pair. */
function startOf(text: string, chars: number): string {
  const cutsPair = /[\uD800-\uDBFF]/.test(text.charAt(chars - 1));
  return text.slice(0, cutsPair ? chars - 1 : chars).trimEnd();
}

/**
 * Every selection ("Find original" from the menu or from a request) is traced through findPassageInCorpus, so the
 * length cap lives here; only the start of a refused selection is kept, as the tab's stored result shows it.
 */
export function selectionTooLong(selection: string): PassageOutcome | null {
  if (selection.length <= MAX_SELECTION_CHARS) return null;
  return { kind: 'error', selection: `${startOf(selection, SHOWN_OF_LONG_SELECTION)}…`, message: selectionTooLongMessage(selection.length) };
}
