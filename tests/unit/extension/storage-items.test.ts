/**
 * The extension's browser storage through WXT's typed items (extension/shared/storage-items.ts), on WXT's fake
 * browser. Readers upgrading from release 0.1.0 have their settings, feeds and import progress under the raw keys
 * 0.1.0 wrote, without version metadata: everything must read back through the new code, and a later version's
 * migration must see those values as version 1.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listFeeds } from '../../../extension/background/feeds.ts';
import { forgetImport, importStatus } from '../../../extension/background/imports.ts';
import { forgetTabState, loadTabState, saveTabState } from '../../../extension/background/tab-state.ts';
import type { TabState } from '../../../extension/shared/protocol.ts';
import { captureVisitsEnabled, setCaptureVisits } from '../../../extension/shared/settings.ts';
import { legacyFeedsItem, sampleCorpusLoadedItem, type StoredFeed } from '../../../extension/shared/storage-items.ts';
import { freshProgress, importKey, type ImportProgress, type ImportSource } from '../../../lib/import/progress.ts';

const source: ImportSource = { format: 'jsonl', name: 'wire.jsonl', size: 52_000, lastModified: 1_700_000_000_000 };
const key = importKey(source);

const progress: ImportProgress = {
  ...freshProgress(source, '2026-11-20T10:00:00.000Z'),
  position: 26_000,
  line: 500,
  added: 480,
  duplicates: 12,
  problems: [{ where: 'line 17', reason: 'not JSON' }],
  problemCount: 8,
  updatedAt: '2026-11-20T10:05:00.000Z',
};

const feed: StoredFeed = {
  url: 'https://wire.example/world/rss.xml',
  title: 'Wire: World',
  addedAt: '2026-11-19T08:00:00.000Z',
  lastChecked: '2026-11-20T08:00:00.000Z',
  stored: 41,
  seen: ['https://wire.example/a', 'https://wire.example/b'],
  articleOrigins: ['https://wire.example/*'],
};

const tabState: TabState = {
  tabId: 7,
  pageUrl: 'https://news.example/story',
  checkedAt: '2026-11-20T09:00:00.000Z',
  outcome: { kind: 'no-article' },
};

/** storage.local exactly as release 0.1.0 left it: raw keys, no version metadata. */
const release010Layout = {
  captureVisits: true,
  sampleCorpusLoaded: true,
  feeds: [feed],
  [`import:${key}`]: progress,
};

describe('extension storage items', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    // The worker's global: the corpus opens on fake-indexeddb's IndexedDB, as the worker's own.
    vi.stubGlobal('self', globalThis);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('reads what release 0.1.0 stored under its raw keys', async () => {
    await fakeBrowser.storage.local.set(release010Layout);

    expect(await captureVisitsEnabled()).toBe(true);
    expect(await sampleCorpusLoadedItem.getValue()).toBe(true);
    expect(await importStatus(key)).toEqual(progress);
    // Feeds moved into the corpus database (schema version 4) the first time they are listed, and left storage.
    const { seen: _seen, articleOrigins: _origins, ...view } = feed;
    expect(await listFeeds()).toEqual([expect.objectContaining({ ...view, missingOrigins: [] })]);
    expect(await fakeBrowser.storage.local.get('feeds')).toEqual({});
    expect(await listFeeds()).toHaveLength(1);
  });

  it('gives the defaults of a fresh install', async () => {
    expect(await captureVisitsEnabled()).toBe(false);
    expect(await sampleCorpusLoadedItem.getValue()).toBe(false);
    expect(await legacyFeedsItem.getValue()).toEqual([]);
    expect(await importStatus(key)).toBeNull();
    expect(await loadTabState(7)).toBeNull();
  });

  it('writes under the same keys, so nothing is stored twice', async () => {
    await fakeBrowser.storage.local.set(release010Layout);
    await setCaptureVisits(false);
    expect(await forgetImport(key)).toEqual({ forgotten: true });
    expect(await forgetImport(key)).toEqual({ forgotten: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ captureVisits: false, sampleCorpusLoaded: true, feeds: [feed] });

    await saveTabState(tabState);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'tab:7': tabState });
    expect(await loadTabState(7)).toEqual(tabState);
    await forgetTabState(7);
    expect(await loadTabState(7)).toBeNull();
  });

  it("runs a later version's migration on a value 0.1.0 stored, as version 1", async () => {
    await fakeBrowser.storage.local.set(release010Layout);
    const migrateToVersion2 = vi.fn((feeds: StoredFeed[]) => feeds.map((stored) => ({ ...stored, title: stored.title?.toUpperCase() })));
    // The same key at the next version, as a future release would declare it.
    const nextFeeds = storage.defineItem<StoredFeed[]>('local:feeds', { fallback: [], version: 2, migrations: { 2: migrateToVersion2 } });

    expect((await nextFeeds.getValue())[0].title).toBe('WIRE: WORLD');
    expect(migrateToVersion2).toHaveBeenCalledWith([feed]);
    expect(await nextFeeds.getMeta()).toEqual({ v: 2 });
  });

  it('keeps the current tab’s result when session storage is full, dropping the others', async () => {
    await saveTabState({ ...tabState, tabId: 3 });
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')).mockImplementation(set);

    await saveTabState(tabState);
    expect(await loadTabState(7)).toEqual(tabState);
    expect(await loadTabState(3)).toBeNull();
  });
});
