import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from '../extension/popup/first-look-start.ts';
import { handOverPopupStart, loadPopupAppAfter } from '../extension/popup/popup-start-handover.ts';

/**
 * The popup's first moments as one classic script (popup-start.js), ahead of the popup's module scripts: it asks for
 * the first look and draws it while the rest of the popup (entrypoints/popup/main.ts and its chunks) still loads.
 */
export default defineUnlistedScript(() => {
  const content = document.querySelector<HTMLElement>('#content')!;
  const status = document.querySelector<HTMLElement>('#status')!;
  const start = startPopup(content, status);
  handOverPopupStart(start);
  loadPopupAppAfter(start);
});
