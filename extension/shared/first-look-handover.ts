/**
 * The first look a toolbar click found for its tab, handed to the popup it opens through storage.session, so the
 * popup reads it without a round trip through the worker (extension/popup/first-look-start.ts). A raw key, apart
 * from WXT's storage items (storage-items.ts), which would bring WXT's storage layer into the popup's first script:
 * the click removes it before opening the popup (extension/background/check-tab.ts, prepare), and navigation or
 * closing the tab removes it.
 */
export function sharedFirstLookKey(tabId: number): string {
  return `firstLook:${tabId}`;
}
