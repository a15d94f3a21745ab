/** Shows the popup after a context-menu click, so the result appears where the toolbar button would show it. */
import { browser } from 'wxt/browser';

export async function showResultFor(tabId: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    // Needs a user gesture (the menu click gives one) and Chrome 127+ / Firefox; elsewhere it throws.
    await action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`) });
  }
}
