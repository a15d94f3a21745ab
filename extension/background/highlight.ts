/** Marks a passage in the tab (the reader chose a drift item in the popup). */
import { sendToTab, type HighlightOutcome } from '../shared/protocol.ts';
import { ensureReader } from './tab-access.ts';

export async function highlightInTab(tabId: number, text: string): Promise<HighlightOutcome> {
  if (await ensureReader(tabId)) return { found: false };
  return sendToTab(tabId, 'highlight-passage', { text });
}
