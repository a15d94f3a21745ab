/** The reader's settings, in storage.local: read by the background on each event, written by the options page. */
import { browser } from 'wxt/browser';

const CAPTURE_VISITS_KEY = 'captureVisits';

/** Host access that capturing every visited article needs; requested when the reader turns capture on. */
export const CAPTURE_ORIGINS = ['<all_urls>'];

export async function captureVisitsEnabled(): Promise<boolean> {
  const stored = await browser.storage.local.get(CAPTURE_VISITS_KEY);
  return stored[CAPTURE_VISITS_KEY] === true;
}

export async function setCaptureVisits(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [CAPTURE_VISITS_KEY]: enabled });
}

/** The match pattern covering one web origin ("https://example.org/*"), or null for other addresses. */
export function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // Match patterns carry no port: access to a host covers all its ports.
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return null;
  }
}
