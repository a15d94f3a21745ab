/**
 * The parts of the extension's life a reader does not see: the context-menu path on a selection, and a service
 * worker the browser stops and restarts while a result is on show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, answerOf, browserSuiteUnavailable } from './helpers/extension.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

/** Selects the sentence of the page that contains `fragment`; returns the selected text, as the menu would get it. */
async function selectSentence(page: Page, fragment: string): Promise<string> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf(needle);
      if (at === -1) continue;
      const start = Math.max(text.lastIndexOf('. ', at) + 2, 0);
      const stop = text.indexOf('.', at + needle.length);
      const range = document.createRange();
      range.setStart(node, start === 1 ? 0 : start);
      range.setEnd(node, stop === -1 ? text.length : stop + 1);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }
    throw new Error(`"${needle}" is not in the page`);
  }, fragment);
}

describe.skipIf(skipReason !== null)('extension lifecycle', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('"Find original" on a selected sentence of seed 004 finds its counterparts in the other versions', async () => {
    const { page, tabId } = await session.openFixture('seed-004');
    const selectionText = await selectSentence(page, 'Echo Moskwy');
    expect(selectionText).toContain('Kabulov');

    // The same request the context-menu click makes.
    const sender = await session.extensionPage();
    const state = await sender.evaluate(
      ({ tabId, selectionText }) =>
        chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'find-original', request: { tabId, selectionText } }),
      { tabId, selectionText },
    );
    expect(answerOf(state).passage?.kind).toBe('found');

    const popup = await session.openPopup(tabId);
    await readPopup(popup);
    const counterparts = await popup.locator('[data-counterpart-id]').evaluateAll((items) =>
      items.map((item) => ({ id: (item as HTMLElement).dataset.counterpartId, text: item.textContent ?? '' })),
    );
    const ids = counterparts.map((item) => item.id);
    expect(ids).toContain('seed-001');
    expect(counterparts.find((item) => item.id === 'seed-001')!.text).toContain('Kabulov');
    await popup.close();
    await sender.close();
  });

  it('answers correctly after the service worker is stopped and restarted', async () => {
    const { tabId } = await session.openFixture('seed-000');
    const first = await session.openPopup(tabId);
    expect((await readPopup(first)).originalId).toBe('seed-001');
    await first.close();

    const before = await (await session.serviceWorker()).evaluate(() => performance.timeOrigin);
    await session.stopServiceWorker();

    const again = await session.openPopup(tabId);
    const shown = await readPopup(again);
    const after = await (await session.serviceWorker()).evaluate(() => performance.timeOrigin);
    expect(after, 'a new service worker answered').not.toBe(before);
    expect(shown.originalId).toBe('seed-001');
    expect(shown.drift.some((item) => /shackles of slavery/.test(item.source))).toBe(true);

    // Choosing a version asks the restarted worker to compare again from the stored page.
    await again.locator('button.version[data-version-id="seed-001"]').click();
    await again.locator('#status', { hasText: 'Compared with The Week' }).waitFor();
    await again.close();
  });
});
