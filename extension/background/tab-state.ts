/**
 * Per-tab results, kept in storage.session so they outlive the service worker (which can be stopped at any
 * moment) but not the browser session. Nothing else about a tab is held in memory.
 */
import type { TabState } from '../shared/protocol.ts';
import { forgetAllTabStates, tabStateItem } from '../shared/storage-items.ts';

export function loadTabState(tabId: number): Promise<TabState | null> {
  return tabStateItem(tabId).getValue();
}

export async function saveTabState(state: TabState): Promise<void> {
  const item = tabStateItem(state.tabId);
  try {
    await item.setValue(state);
  } catch {
    // Session storage is small (10 MB in Chrome): when other tabs' results fill it, they go (they can be
    // recomputed), the current tab's result stays.
    await forgetAllTabStates();
    await item.setValue(state);
  }
}

export function forgetTabState(tabId: number): Promise<void> {
  return tabStateItem(tabId).removeValue();
}

/** Same page, ignoring the fragment: jumping to an anchor does not change the article. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
