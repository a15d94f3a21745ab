/**
 * The popup's first moments run in a classic script of their own (entrypoints/popup-start.ts), which the page runs as
 * soon as that one file arrives; its module scripts (the full popup, five shared chunks) arrive and run later. A
 * module script folded into the popup's own chunk could not run sooner than that chunk. The start is handed over
 * through the page's window, the one thing the two scripts share.
 */
import type { PopupStart } from './first-look-start.ts';

interface PopupWindow {
  palimpsestPopupStart?: Promise<PopupStart>;
}

export function handOverPopupStart(start: Promise<PopupStart>): void {
  (window as PopupWindow).palimpsestPopupStart = start;
}

/** The start the classic script began, or null where it did not run (a page that leaves it out). */
export function takePopupStart(): Promise<PopupStart> | null {
  return (window as PopupWindow).palimpsestPopupStart ?? null;
}

/**
 * The full popup's module, which the built page only preloads (wxt.config.ts turns its module script into a
 * modulepreload link marked data-popup-app): evaluated once the first look is on screen or known to show nothing, it
 * no longer takes the page's main thread from the first look's drawing. The full popup waits for the first look before
 * asking for anything anyway (app.ts, load). A page that runs its module script itself (the dev server's) has no link.
 */
export function loadPopupAppAfter(start: Promise<PopupStart>): void {
  const link = document.querySelector<HTMLLinkElement>('link[data-popup-app]');
  if (!link) return;
  void start
    .then(({ firstLook }) => firstLook)
    .catch(() => null)
    // The address is the page's own preload link, written by the build, never page or corpus text.
    // eslint-disable-next-line no-unsanitized/method
    .finally(() => import(/* @vite-ignore */ link.href));
}
