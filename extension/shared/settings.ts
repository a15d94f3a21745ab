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

const TEAM_SERVER_KEY = 'teamServer';

/** A team's shared corpus (`palimpsest serve`), asked besides the local corpus when the reader turns it on. */
export interface TeamServerSettings {
  enabled: boolean;
  /** The server's address, e.g. "https://palimpsest.newsroom.example" or "http://127.0.0.1:8080". */
  url: string;
  token: string;
}

export const TEAM_SERVER_OFF: TeamServerSettings = { enabled: false, url: '', token: '' };

export async function teamServerSettings(): Promise<TeamServerSettings> {
  const stored = await browser.storage.local.get(TEAM_SERVER_KEY);
  const value = stored[TEAM_SERVER_KEY] as Partial<TeamServerSettings> | undefined;
  return { ...TEAM_SERVER_OFF, ...value };
}

export async function setTeamServerSettings(settings: TeamServerSettings): Promise<void> {
  await browser.storage.local.set({ [TEAM_SERVER_KEY]: settings });
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
