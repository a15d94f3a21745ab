/**
 * Opening the popup from the worker, after a toolbar click (Chrome) or a context-menu click, so the result appears
 * where the toolbar button shows it.
 */
import { browser } from 'wxt/browser';
import { CLICK_STEP_MARKS } from '../shared/timing-marks.ts';

const POPUP_PAGE = 'popup.html';

/** Firefox keeps the manifest's default popup; Chrome builds leave it out so that the click reaches the worker. */
function hasDefaultPopup(): boolean {
  const manifest = browser.runtime.getManifest();
  return Boolean(manifest.action?.default_popup);
}

async function openPopupOn(tabId: number, windowId: number | undefined): Promise<void> {
  const { action } = browser;
  // Firefox opens a popup only while the click is being handled: no await may come before this call.
  if (hasDefaultPopup()) return action.openPopup();
  // openPopup() needs a popup to open: this tab gets one until it is open, so the next click comes here again.
  // Naming the tab spares the popup asking which tab is active before its first request. The two calls go out
  // together: the browser runs an extension's calls in the order they were made, and setPopup answers at once, so
  // openPopup finds the popup set without the worker waiting a round trip through a busy browser in between.
  const settingPopup = action.setPopup({ tabId, popup: `${POPUP_PAGE}?tabId=${tabId}` });
  try {
    performance.mark(CLICK_STEP_MARKS.popupAsked);
    // Chrome 127+ (no user gesture needed, so an await before it would be fine); earlier versions throw.
    await Promise.all([settingPopup, action.openPopup(windowId === undefined ? undefined : { windowId })]);
    performance.mark(CLICK_STEP_MARKS.popupOpened);
  } finally {
    await action.setPopup({ tabId, popup: '' }).catch(() => undefined);
  }
}

/** Shows the result in the popup, or in a tab where the browser cannot open the popup from here. */
export async function showResultFor(tabId: number, windowId?: number): Promise<void> {
  try {
    await openPopupOn(tabId, windowId);
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${POPUP_PAGE}?tabId=${tabId}`) });
  }
}
