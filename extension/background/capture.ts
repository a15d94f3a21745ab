/**
 * Keeping a copy of what the reader reads: "Add this page" in the popup, and (when the reader turned it on) every
 * article page they visit. A copy is stored only when its text is new, so a page read again after an edit gains a
 * new version and a page read again unchanged adds nothing.
 */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { recordFromArticle, webAddress } from '../../lib/import/records.ts';
import type { PageArticle } from '../../lib/types.ts';
import type { CaptureOutcome } from '../shared/protocol.ts';
import { captureVisitsEnabled, originPattern } from '../shared/settings.ts';
import { getCorpus } from './corpus.ts';
import { withStorageErrors } from './storage-errors.ts';
import { readTab } from './tab-access.ts';

export async function captureArticle(article: PageArticle, pageUrl: string, now = new Date().toISOString()): Promise<CaptureOutcome> {
  const made = recordFromArticle(article, { url: pageUrl, firstSeen: now });
  if ('tooLarge' in made) return { kind: 'error', message: `${webAddress(article.url) ?? pageUrl} is ${made.tooLarge}.` };
  const { record } = made;
  const store = await getCorpus();
  const result = await withStorageErrors(() => store.addRecords([record]));
  if (result.added === 1) {
    const versions = record.url ? (await store.versionsAt(record.url)).length : 1;
    return { kind: 'added', id: record.id, firstSeen: now, versions: Math.max(1, versions) };
  }
  const existingId = result.skipped[0]?.existingId ?? record.id;
  const [existing] = await store.getRecords([existingId]);
  return { kind: 'unchanged', existingId, firstSeen: existing?.firstSeen ?? existing?.published };
}

export async function captureTab(tabId: number): Promise<CaptureOutcome> {
  const reading = await readTab(tabId);
  if (reading.kind === 'error') return { kind: 'error', message: reading.message };
  if (reading.kind === 'no-article') return { kind: 'no-article' };
  if (reading.kind !== 'read') return { kind: 'refused', reason: reading.reason };
  if (!reading.page.article) return { kind: 'no-article' };
  try {
    return await captureArticle(reading.page.article, reading.page.pageUrl);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Tabs whose page is being captured now: a page can report "complete" more than once. */
const capturing = new Set<string>();

async function captureVisit(tabId: number, url: string): Promise<void> {
  const pattern = originPattern(url);
  if (!pattern || !(await captureVisitsEnabled())) return;
  // Without access to the site the reader script cannot run there; nothing is asked for on a mere visit.
  if (!(await browser.permissions.contains({ origins: [pattern] }))) return;
  const key = `${tabId} ${url}`;
  if (capturing.has(key)) return;
  capturing.add(key);
  try {
    await captureTab(tabId);
  } finally {
    capturing.delete(key);
  }
}

/** tabs.onUpdated: a page finished loading; capture it when the reader asked for every visit to be kept. */
export function handleVisitForCapture(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): void {
  if (change.status !== 'complete' || !tab.url) return;
  void captureVisit(tabId, tab.url).catch(() => undefined);
}
