/**
 * The edit history of the tab's article: its stored versions at the same address, oldest first, and for each
 * step the sentences that changed, with the changed words marked (the engine's sentence alignment and word diff).
 */
import { versionChange, type VersionChange } from '../../lib/import/versions.ts';
import { recordBody } from '../../lib/record-analysis.ts';
import { contentHash } from '../../lib/store/content-hash.ts';
import type { CorpusRecord } from '../../lib/types.ts';
import type { HistoryVersion, PageHistory } from '../shared/protocol.ts';
import { getCorpus } from './corpus.ts';
import { visibleTabUrl } from './tab-access.ts';
import { loadTabState, samePage } from './tab-state.ts';

/** Older steps beyond these are listed without their differences (cost limit). */
const MAX_CHANGES = 8;

/** Addresses the tab's article may be stored under: the page's canonical address first, then the tab's. */
async function addressesOf(tabId: number): Promise<{ addresses: string[]; pageText: string | null }> {
  const addresses: string[] = [];
  let pageText: string | null = null;
  const current = await visibleTabUrl(tabId);
  const state = await loadTabState(tabId);
  if (state && (current === null || samePage(current, state.pageUrl))) {
    if (state.outcome.kind === 'report') {
      pageText = state.outcome.report.article.text;
      if (state.outcome.report.article.url) addresses.push(state.outcome.report.article.url);
    }
    addresses.push(state.pageUrl);
  }
  if (current) addresses.push(current);
  return { addresses: [...new Set(addresses.filter(Boolean))], pageText };
}

function versionOf(record: CorpusRecord): HistoryVersion {
  const version: HistoryVersion = { id: record.id, chars: record.text.length };
  if (record.firstSeen) version.firstSeen = record.firstSeen;
  if (record.published) version.published = record.published;
  if (record.title) version.title = record.title;
  return version;
}

export async function pageHistory(tabId: number): Promise<PageHistory> {
  const store = await getCorpus();
  const { addresses, pageText } = await addressesOf(tabId);
  // The store keeps one copy of a text (the same hash); "Add this page" then adds nothing.
  const pageHash = pageText === null ? null : contentHash(pageText);
  for (const url of addresses) {
    const versions = await store.versionsAt(url);
    if (versions.length === 0) continue;
    const changes: VersionChange[] = [];
    for (let i = versions.length - 1; i > 0 && changes.length < MAX_CHANGES; i--) changes.unshift(versionChange(versions[i - 1], versions[i]));
    const history: PageHistory = { url, versions: versions.map(versionOf), changes };
    // As the engine knows the page's own copy: the same text, or the same body once furniture is set aside.
    const current = pageHash === null ? undefined : versions.find((version) => contentHash(version.text) === pageHash || contentHash(recordBody(version).text) === pageHash);
    if (current) history.currentId = current.id;
    return history;
  }
  return { url: null, versions: [], changes: [] };
}
