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
