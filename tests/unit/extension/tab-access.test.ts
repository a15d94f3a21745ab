/**
 * Injecting the reader into a tab (extension/background/tab-access.ts) on WXT's fake browser. Chromium may refuse
 * an injection made the moment a toolbar click arrives, before the page's renderer knows of the grant: a refusal
 * while the tab's address is visible (the grant exists) is tried again after short pauses (fake timers here); a
 * tab the reader never clicked is refused at once.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureReader } from '../../../extension/background/tab-access.ts';

const NOT_YET_GRANTED = 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

async function openTab(): Promise<number> {
  return (await fakeBrowser.tabs.create({ url: 'https://news.example/story' })).id!;
}

describe('injecting the reader', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    // No reader answers yet: the ping finds no one.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('tries again when a just-granted tab refuses the first injection', async () => {
    const tabId = await openTab();
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockRejectedValueOnce(new Error(NOT_YET_GRANTED))
      .mockResolvedValue([{ frameId: 0, documentId: 'd', result: undefined }]);

    const ready = ensureReader(tabId);
    await vi.runAllTimersAsync();
    expect(await ready).toBeNull();
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('tells at once that the reader has to click, on a tab whose address the extension cannot see', async () => {
    const tabId = await openTab();
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 0 } as never);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(NOT_YET_GRANTED));

    expect(await ensureReader(tabId)).toMatchObject({ kind: 'no-access' });
    expect(inject).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up after a few pauses when the refusal stays', async () => {
    const tabId = await openTab();
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(NOT_YET_GRANTED));

    const ready = ensureReader(tabId);
    await vi.runAllTimersAsync();
    expect(await ready).toMatchObject({ kind: 'no-access' });
    expect(inject).toHaveBeenCalledTimes(5);
  });

  it('does not try again a page the browser never lets extensions script', async () => {
    const tabId = await openTab();
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('The extensions gallery cannot be scripted.'));

    expect(await ensureReader(tabId)).toMatchObject({ kind: 'restricted' });
    expect(inject).toHaveBeenCalledTimes(1);
  });
});
