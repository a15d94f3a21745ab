/** Marks a passage in the tab (the reader chose a drift item in the popup), or every change at once. */
import type { MarkOutcome, PageChange } from '../shared/page-changes.ts';
import { sendToTab, type HighlightOutcome } from '../shared/protocol.ts';
import { ensureReader } from './tab-access.ts';

export async function highlightInTab(tabId: number, text: string): Promise<HighlightOutcome> {
  if (await ensureReader(tabId)) return { found: false };
  return sendToTab(tabId, 'highlight-passage', { text });
}

export async function markChangesInTab(tabId: number, changes: PageChange[]): Promise<MarkOutcome> {
  if (await ensureReader(tabId)) return { marked: 0, missing: changes.length };
  return sendToTab(tabId, 'mark-changes', { changes });
}

export async function clearChangesInTab(tabId: number): Promise<{ cleared: boolean }> {
  if (await ensureReader(tabId)) return { cleared: false };
  return sendToTab(tabId, 'clear-changes', {});
}
