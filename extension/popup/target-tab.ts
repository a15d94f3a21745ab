/** Which tab the popup speaks about: `?tabId=N` when opened as a page, else the active tab of its window. */
import { browser } from 'wxt/browser';

export async function resolveTargetTab(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
