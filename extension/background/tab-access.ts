/**
 * Reaching into a tab: the reader script is injected on demand (activeTab is granted by the toolbar click or the
 * context menu), so no script runs on pages the reader never asked about.
 */
import { browser } from 'wxt/browser';
import { sendToTab, type ExtractedPage, type PageOutcome } from '../shared/protocol.ts';

const READER_SCRIPT = '/content-scripts/content.js';

export type TabReading = { kind: 'read'; page: ExtractedPage } | Exclude<PageOutcome, { kind: 'report' }>;

const RESTRICTED_REASON =
  'The browser does not let extensions read this page (browser pages, the extension store and the built-in PDF viewer are off-limits).';
const NO_ACCESS_REASON =
  'Palimpsest has no access to this tab yet. Click the Palimpsest button in the toolbar (or “Find original” in the page’s menu) to let it read the article.';

/** Sorts a scripting failure into what the reader should be told. */
export function classifyInjectionError(message: string): TabReading {
  if (/cannot be scripted|chrome:\/\/|chrome-extension:\/\/|edge:\/\/|about:|moz-extension:|view-source:|devtools:|file:\/\/|PDF/i.test(message)) {
    return { kind: 'restricted', reason: RESTRICTED_REASON };
  }
  if (/permission|Missing host|Cannot access contents/i.test(message)) {
    return { kind: 'no-access', reason: NO_ACCESS_REASON };
  }
  if (/No tab with id|Invalid tab ID/i.test(message)) return { kind: 'error', message: 'That tab is closed.' };
  return { kind: 'error', message };
}

async function readerIsRunning(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'ping', {});
    return true;
  } catch {
    return false;
  }
}

/** Makes sure the reader script answers in the tab; returns why not when the page cannot be read. */
export async function ensureReader(tabId: number): Promise<TabReading | null> {
  if (await readerIsRunning(tabId)) return null;
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT] });
  } catch (error) {
    return classifyInjectionError(error instanceof Error ? error.message : String(error));
  }
  return null;
}

export async function readTab(tabId: number): Promise<TabReading> {
  const refusal = await ensureReader(tabId);
  if (refusal) return refusal;
  try {
    return { kind: 'read', page: await sendToTab(tabId, 'extract-article', {}) };
  } catch (error) {
    return { kind: 'error', message: `Could not read the page: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The tab's address when the extension may see it (activeTab or host access), else null. */
export async function visibleTabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}
