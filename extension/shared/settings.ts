/** The reader's settings (extension/shared/storage-items.ts): read by the background on each event, written by the options page. */
import { captureVisitsItem, teamServerItem } from './storage-items.ts';

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

/** A team's shared corpus (`palimpsest serve`), asked besides the local corpus when the reader turns it on. */
export interface TeamServerSettings {
  enabled: boolean;
  /** The server's address, e.g. "https://palimpsest.newsroom.example" or "http://127.0.0.1:8080". */
  url: string;
  token: string;
}

export const TEAM_SERVER_OFF: TeamServerSettings = { enabled: false, url: '', token: '' };

export async function teamServerSettings(): Promise<TeamServerSettings> {
  return { ...TEAM_SERVER_OFF, ...(await teamServerItem.getValue()) };
}

export async function setTeamServerSettings(settings: TeamServerSettings): Promise<void> {
  await teamServerItem.setValue(settings);
}

/** The server's base address without a trailing slash, or null when it is not an http(s) address. */
export function teamServerBase(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
