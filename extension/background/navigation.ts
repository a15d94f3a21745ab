/** Drops a tab's result when it navigates or closes, so the popup never shows another page's answer. */
import type { Browser } from 'wxt/browser';
import { clearBadge } from './badge.ts';
import { forgetTabReading } from './check-tab.ts';
import { forgetTabState } from './tab-state.ts';

export function handleTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo): void {
  if (change.status !== 'loading' && change.url === undefined) return;
  forgetTabReading(tabId);
  void forgetTabState(tabId);
  void clearBadge(tabId).catch(() => undefined);
}

export function handleTabRemoved(tabId: number): void {
  forgetTabReading(tabId);
  void forgetTabState(tabId);
}
