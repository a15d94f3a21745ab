/**
 * The popup's first moments, in a module of their own so they run before the rest of the popup has loaded: which tab,
 * the first look asked for at once and drawn as soon as it comes. The full popup (app.ts, every section) loads beside
 * it and takes over; it asks for the full check only once the first look is on screen, so the check's work in the
 * worker does not compete with drawing the first answer (extension/background/check-tab.ts, prepare).
 */
import { browser, type Browser } from 'wxt/browser';
import { popupPortName, sendToBackground, type FirstLook } from '../shared/protocol.ts';
import { clear } from '../shared/dom.ts';
import { sharedFirstLookKey } from '../shared/first-look-handover.ts';
import { FIRST_RESULT_MARK, POPUP_STARTED_MARK } from './first-result.ts';
import { renderFirstLook } from './first-look-section.ts';
import { t } from './messages.ts';
import { resolveTargetTab } from './target-tab.ts';
import { serveTranslations } from './translator.ts';

export interface PopupStart {
  tabId: number | null;
  /** Settles once the first look is on screen, or known to show nothing (no tab, no close version, a failure). */
  firstLook: Promise<FirstLook | null>;
}

/** Something about the page's origins is on screen (the benchmark times the click to this). */
export function markFirstResult(): void {
  if (document.body.dataset.firstResult === 'true') return;
  document.body.dataset.firstResult = 'true';
  performance.mark(FIRST_RESULT_MARK);
}

/** Shows the busy status line: what the popup is doing until an answer is on screen. */
export function sayBusy(status: HTMLElement, message: string): void {
  status.textContent = message;
  status.classList.add('busy');
  document.body.setAttribute('aria-busy', 'true');
}

/**
 * The first look the toolbar click handed over in storage.session (extension/background/check-tab.ts, prepare), or
 * null: one read from the browser, where asking the worker is a round trip through it and its thread, which may be
 * busy. Only a look with versions is handed over; the worker's answer decides everything else.
 */
async function handedOverLook(tabId: number): Promise<FirstLook | null> {
  const key = sharedFirstLookKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as FirstLook | undefined;
  return stored?.kind === 'sources' ? stored : null;
}

async function showFirstLook(tabId: number, content: HTMLElement, status: HTMLElement): Promise<FirstLook | null> {
  let look: FirstLook;
  try {
    const asked = sendToBackground('first-look', { tabId });
    // Answered from storage, the worker's answer is not waited for; a failure of it then changes nothing on screen.
    asked.catch(() => undefined);
    look = (await handedOverLook(tabId).catch(() => null)) ?? (await asked);
  } catch {
    return null; // The full check reports any problem with the page.
  }
  if (look.kind !== 'sources') return look;
  clear(content);
  content.append(renderFirstLook(look.sources));
  markFirstResult();
  sayBusy(status, t('statusFirstLook'));
  return look;
}

let popupPort: Browser.runtime.Port | null = null;

export async function startPopup(content: HTMLElement, status: HTMLElement): Promise<PopupStart> {
  performance.mark(POPUP_STARTED_MARK);
  // Before any check is asked for: the background may ask this popup's translator during it.
  serveTranslations();
  const tabId = await resolveTargetTab();
  if (tabId === null) return { tabId, firstLook: Promise.resolve(null) };
  // Open while the popup is: its closing tells the worker no request for the full check will come from here.
  popupPort ??= browser.runtime.connect({ name: popupPortName(tabId) });
  sayBusy(status, t('statusReading'));
  return { tabId, firstLook: showFirstLook(tabId, content, status) };
}
