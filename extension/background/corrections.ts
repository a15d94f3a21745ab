/**
 * The reader's corrections from the popup: "Not a version of this page" on a match, and its undo. They are stored in
 * the corpus database (so a restarted worker and later checks of either article respect them) and the tab is
 * checked again, so the popup shows the corrected answer at once.
 */
import { notAVersion, pairs } from '../../lib/corpus/corrections.ts';
import { serializeCorrections } from '../../lib/corpus/jsonl.ts';
import type { PageArticle } from '../../lib/types.ts';
import type { CorrectionsExport, TabState } from '../shared/protocol.ts';
import { checkTab } from './check-tab.ts';
import { getCorpus } from './corpus.ts';
import { withStorageErrors } from './storage-errors.ts';

/** The article on show in the tab, and the selection traced with it (kept when the tab is checked again). */
async function checkedArticle(tabId: number): Promise<{ article: PageArticle; selectionText?: string }> {
  const state = await checkTab(tabId);
  if (state.outcome.kind !== 'report') throw new Error('This tab has no checked article to correct.');
  const passage = state.passage;
  const selectionText = passage && passage.kind !== 'error' ? (passage.kind === 'found' ? passage.report.selection : passage.selection) : undefined;
  return { article: state.outcome.report.article, selectionText };
}

export async function markNotAVersion(tabId: number, recordId: string): Promise<TabState> {
  const { article, selectionText } = await checkedArticle(tabId);
  const store = await getCorpus();
  const [record] = await store.getRecords([recordId]);
  if (!record) throw new Error('That article is no longer in your corpus.');
  await withStorageErrors(() => store.addCorrections([notAVersion(article, record, new Date().toISOString())]));
  return checkTab(tabId, { force: true, selectionText });
}

/** Removes every correction pairing the tab's article with the record (it may have been marked from either side). */
export async function undoNotAVersion(tabId: number, recordId: string): Promise<TabState> {
  const { article, selectionText } = await checkedArticle(tabId);
  const store = await getCorpus();
  // A record deleted since is still recognised by its id.
  const [record] = await store.getRecords([recordId]);
  const about = (await store.corrections()).filter((correction) => pairs(correction, article, record ?? { id: recordId }));
  await withStorageErrors(() => store.deleteCorrections(about));
  return checkTab(tabId, { force: true, selectionText });
}

export async function correctionsExport(): Promise<CorrectionsExport> {
  const corrections = await (await getCorpus()).corrections();
  return { jsonl: serializeCorrections(corrections), count: corrections.length };
}
