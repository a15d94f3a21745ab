/**
 * Per-tab results, kept in storage.session so they outlive the service worker (which can be stopped at any
 * moment) but not the browser session. Nothing else about a tab is held in memory.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../shared/protocol.ts';

const keyFor = (tabId: number): string => `tab:${tabId}`;

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const key = keyFor(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export async function saveTabState(state: TabState): Promise<void> {
  const entry = { [keyFor(state.tabId)]: state };
  try {
    await browser.storage.session.set(entry);
  } catch {
    // Session storage is small (10 MB in Chrome): when other tabs' results fill it, they go (they can be
    // recomputed), the current tab's result stays.
    await browser.storage.session.clear();
    await browser.storage.session.set(entry);
  }
}

export async function forgetTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** Same page, ignoring the fragment: jumping to an anchor does not change the article. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
