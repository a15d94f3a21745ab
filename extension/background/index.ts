/**
 * Background wiring. Every listener is registered synchronously on each worker start, so events that wake a
 * stopped worker (messages, menu clicks, tab changes) reach their handler.
 */
import { browser } from 'wxt/browser';
import { listen, listenDirect } from '../shared/protocol.ts';
import { handleVisitForCapture } from './capture.ts';
import { handleContextMenuClick, registerContextMenu } from './context-menu.ts';
import { loadSampleCorpus } from './corpus.ts';
import { handleAlarm, handlePermissionsAdded, syncFeedAlarm } from './feeds.ts';
import { backgroundAudience, backgroundHandlers } from './handlers.ts';
import { useBundledLexicons } from './lexicons.ts';
import { handleTabRemoved, handleTabUpdated } from './navigation.ts';
import { handlePopupPort, handleToolbarClick } from './toolbar-click.ts';

export function startBackground(): void {
  useBundledLexicons();
  listen(backgroundHandlers, backgroundAudience);
  // Extension pages post large requests (import batches) straight to the service worker.
  listenDirect(backgroundHandlers, backgroundAudience);
  // Fires only where the manifest has no default popup (Chrome builds); Firefox opens its popup directly.
  browser.action.onClicked.addListener(handleToolbarClick);
  browser.runtime.onConnect.addListener(handlePopupPort);
  browser.contextMenus.onClicked.addListener(handleContextMenuClick);
  browser.tabs.onUpdated.addListener(handleTabUpdated);
  browser.tabs.onRemoved.addListener(handleTabRemoved);
  browser.tabs.onUpdated.addListener(handleVisitForCapture);
  browser.alarms.onAlarm.addListener(handleAlarm);
  browser.permissions.onAdded.addListener((permissions) => void handlePermissionsAdded(permissions).catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void syncFeedAlarm());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void registerContextMenu();
    void syncFeedAlarm();
    if (reason === 'install') {
      void loadSampleCorpus();
      // The first-run page: what Palimpsest does, and a directory of feeds to follow in one click.
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    }
  });
}
