/** The reader's settings (extension/shared/storage-items.ts): read by the background on each event, written by the options page. */
import { captureVisitsItem } from './storage-items.ts';

/** Host access that capturing every visited article needs; requested when the reader turns capture on. */
export const CAPTURE_ORIGINS = ['<all_urls>'];

export function captureVisitsEnabled(): Promise<boolean> {
  return captureVisitsItem.getValue();
}

export function setCaptureVisits(enabled: boolean): Promise<void> {
  return captureVisitsItem.setValue(enabled);
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
