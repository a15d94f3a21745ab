/** The "Find original" entry of the page and selection context menus. */
import { browser, type Browser } from 'wxt/browser';
import { checkTab } from './check-tab.ts';
import { showResultFor } from './open-popup.ts';

const FIND_ORIGINAL_MENU = 'palimpsest-find-original';

/** Menus persist across worker restarts, so they are (re)created only when the extension is installed or updated. */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: FIND_ORIGINAL_MENU,
    title: 'Find original',
    contexts: ['page', 'selection'],
  });
}

/** What the menu does; the 'find-original' request runs the same path. */
export function findOriginal(tabId: number, selectionText?: string) {
  return checkTab(tabId, { force: true, selectionText });
}

export function handleContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== FIND_ORIGINAL_MENU || tab?.id === undefined || tab.id < 0) return;
  // Start the check before opening the popup: the popup then waits for this check instead of starting its own.
  void findOriginal(tab.id, info.selectionText);
  void showResultFor(tab.id, tab.windowId);
}
