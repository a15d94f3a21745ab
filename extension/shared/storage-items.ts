/**
 * Everything the extension keeps in browser storage (the corpus itself lives in IndexedDB, lib/store/schema.ts),
 * each as a typed WXT storage item with a version.
 *
 * Versions: every item is at version 1, the layout release 0.1.0 wrote under the same keys without version
 * metadata. WXT reads a value without version metadata as version 1, so readers' settings, feeds and import
 * progress carry over untouched (tests/unit/extension/storage-items.test.ts writes the 0.1.0 layout and reads it
 * back). When a shape changes, raise the item's version and add a migration for it here: WXT runs the
 * migrations on the stored value, whether it was written by 0.1.0 or by these items.
 *
 * Keys that hold one thing per import or per tab are items made per key (`importProgressItem`, `tabStateItem`).
 */
import { storage } from 'wxt/utils/storage';
import type { ImportProgress } from '../../lib/import/progress.ts';
import type { Budget } from '../../lib/store/index.ts';
import type { BudgetView, TabState } from './protocol.ts';
import type { TeamServerSettings } from './settings.ts';

/** "Keep a copy of every article I read" (options page, Capture). Off until the reader turns it on. */
export const captureVisitsItem = storage.defineItem<boolean>('local:captureVisits', { fallback: false, version: 1 });

/** Set once the bundled sample corpus went in, so a reader who empties the corpus keeps it empty. */
export const sampleCorpusLoadedItem = storage.defineItem<boolean>('local:sampleCorpusLoaded', { fallback: false, version: 1 });

/**
 * A subscription as release 0.1.0 kept it in storage: what the options page saw, plus the bookkeeping of
 * refreshes. Schema version 4 of the corpus database moved feeds there; these are read once and removed.
 */
export interface StoredFeed {
  url: string;
  title?: string;
  addedAt: string;
  lastChecked?: string;
  lastError?: string;
  /** Articles this feed brought into the corpus. */
  stored: number;
  /** Keys of the items already handled, newest first. */
  seen: string[];
  /** Origins the feed's articles live on (match patterns), to tell the reader which need access. */
  articleOrigins: string[];
}

/** Feed subscriptions of release 0.1.0, in the order they were added (see StoredFeed). */
export const legacyFeedsItem = storage.defineItem<StoredFeed[]>('local:feeds', { fallback: [], version: 1 });

/** The team server the reader set up on the options page (off until then). */
export const teamServerItem = storage.defineItem<Partial<TeamServerSettings>>('local:teamServer', { fallback: {}, version: 1 });

/** The reader's budget for the corpus (options page); no limit until set. */
export const budgetItem = storage.defineItem<Budget>('local:budget', { fallback: {}, version: 1 });

/** What the budget last removed, shown on the options page. */
export const lastEvictionItem = storage.defineItem<NonNullable<BudgetView['lastEviction']> | null>('local:lastEviction', { fallback: null, version: 1 });

/** A follow from the popup waiting for the reader to grant access to the feed's site. */
export interface PendingFollow {
  url: string;
  title?: string;
  at: number;
}

/** Follows waiting for a grant, for the browser session (the grant prompt may close the popup). */
export const pendingFollowsItem = storage.defineItem<PendingFollow[]>('session:pendingFollows', { fallback: [], version: 1 });

/** How far the import of one file got (`key` is lib/import/progress.ts's importKey), so choosing it again resumes. */
export function importProgressItem(key: string) {
  return storage.defineItem<ImportProgress>(`local:import:${key}`, { version: 1 });
}

/**
 * A tab's checked result, for as long as the browser session lasts (storage.session outlives a stopped service
 * worker, and the browser empties it when the extension updates, so no older layout is ever found there).
 */
export function tabStateItem(tabId: number) {
  return storage.defineItem<TabState>(`session:tab:${tabId}`, { version: 1 });
}

/** Drops every tab's result at once (they can all be recomputed). */
export function forgetAllTabStates(): Promise<void> {
  return storage.clear('session');
}
