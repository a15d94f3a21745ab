/**
 * The toolbar click, in Chrome builds (no default popup): the worker starts reading the page at once and opens the
 * popup itself, so the reading overlaps the popup's opening and the popup's first request finds its answer ready
 * or nearly so. The click grants activeTab exactly as a click that opens a default popup does.
 *
 * Where the time goes: a popup page takes ~50 ms to load, while injecting the reader, extracting the article and
 * the first look take ~150 ms more, so the popup used to wait for work it could only start once loaded. When the
 * button is not pinned (clicked from the Extensions menu), Chromium first animates it out onto the toolbar and
 * opens any popup ~270 ms after the click, default or not; the reading then finishes before the popup exists.
 */
import type { Browser } from 'wxt/browser';
import { isFromExtensionPage, tabOfPopupPort } from '../shared/protocol.ts';
import { CLICK_STEP_MARKS } from '../shared/timing-marks.ts';
import { openCorpusAhead, popupDone, prepareAnswer } from './check-tab.ts';
import { showResultFor } from './open-popup.ts';

export function handleToolbarClick(tab: Browser.tabs.Tab): void {
  const tabId = tab.id;
  if (tabId === undefined || tabId < 0) return;
  performance.mark(CLICK_STEP_MARKS.clicked);
  // The glance's request goes to the browser ahead of the popup's, which keep its main thread busy a while; the
  // popup's go before the database is opened, whose first steps take the worker's thread for a few milliseconds.
  prepareAnswer(tabId);
  // No popup, no request for the full check: the click's own check goes ahead.
  void showResultFor(tabId, tab.windowId).catch(() => popupDone(tabId));
  openCorpusAhead();
}

/**
 * A popup holds a port open for its tab (extension/popup/first-look-start.ts). Closed before the popup asked for the
 * full check, it releases the check the click started, which otherwise waits for that request.
 */
export function handlePopupPort(port: Browser.runtime.Port): void {
  const tabId = tabOfPopupPort(port.name);
  if (tabId === null || !port.sender || !isFromExtensionPage(port.sender)) return;
  port.onDisconnect.addListener(() => popupDone(tabId));
}
