/**
 * The toolbar click in Chrome: the manifest has no default popup, so the click reaches the worker, which starts
 * reading the page and opens the real popup itself. The popup must open for the clicked tab, show the answer, and
 * leave the button as it was (the next click comes to the worker again), with the worker running or stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, browserSuiteUnavailable, extensionPath, type ToolbarPopup } from './helpers/extension.ts';

const skipReason = browserSuiteUnavailable();

interface Shown {
  originalId: string | null;
  firstResultMarked: boolean;
}

/** Waits in the popup until its answer is on screen; says what it names as the original. */
const ANSWER = `new Promise((resolve) => {
  const look = () => {
    if (document.body?.dataset.ready !== 'true') return false;
    resolve({
      originalId: document.querySelector('.card.original')?.dataset.originalId ?? null,
      firstResultMarked: performance.getEntriesByName('palimpsest:first-result', 'mark').length === 1,
    });
    return true;
  };
  if (!look()) new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})`;

describe.skipIf(skipReason !== null)('toolbar click', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('builds for Chrome without a default popup, so the click reaches the worker', () => {
    const manifest = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8'));
    expect(manifest.action).toBeDefined();
    expect(manifest.action.default_popup).toBeUndefined();
    // The popup page itself is still built: the worker opens it.
    expect(existsSync(path.join(extensionPath, 'popup.html'))).toBe(true);
  });

  async function clickAndRead(tabId: number): Promise<Shown> {
    let popup: ToolbarPopup | null = null;
    try {
      popup = await session.toolbarPopup(tabId);
      return await popup.evaluate<Shown>(ANSWER);
    } finally {
      await popup?.close();
    }
  }

  it('opens the real popup for the clicked tab, with the answer the click started', async () => {
    const { page, tabId } = await session.openFixture('seed-000');
    const shown = await clickAndRead(tabId);
    expect(shown.originalId).toBe('seed-001');
    expect(shown.firstResultMarked).toBe(true);

    // The tab's popup was set only for opening it: the next click comes to the worker again.
    const worker = await session.serviceWorker();
    expect(await worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)).not.toContain('popup.html');

    // A second click opens the popup again, with the stored answer.
    await session.clickToolbarButton(page);
    expect((await clickAndRead(tabId)).originalId).toBe('seed-001');
    await page.close();
  });

  it('opens the popup and answers when the click wakes a stopped worker', async () => {
    const page = await session.context.newPage();
    const url = session.fixtures.url('/seed-000/page.html?stopped-worker');
    await page.goto(url);
    await session.stopServiceWorker();
    await session.clickToolbarButton(page);
    const tabId = await session.tabIdOf(url);
    expect((await clickAndRead(tabId)).originalId).toBe('seed-001');
    await page.close();
  });

  it("finishes the click's own full check when the popup closes before asking for it", async () => {
    // The check the click started waits for the popup's request, with no fixed pause: closing the popup first must
    // release it, so the page still gets its badge and stored result.
    const { page, tabId } = await session.openFixture('seed-000');
    const popup = await session.toolbarPopup(tabId);
    await popup.close();
    let badge = '';
    for (const deadline = Date.now() + 20_000; !badge && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      badge = await session.badgeText(tabId);
    }
    expect(badge).not.toBe('');
    await page.close();
  });

  it('opens the popup with its message on a page without an article', async () => {
    const { page, tabId } = await session.openFixture('no-article');
    let popup: ToolbarPopup | null = null;
    try {
      popup = await session.toolbarPopup(tabId);
      const message = await popup.evaluate<string>(`new Promise((resolve) => {
        const look = () => { const h = document.querySelector('.message h1'); if (h) { resolve(h.textContent); return true; } return false; };
        if (!look()) new MutationObserver(look).observe(document, { subtree: true, childList: true });
      })`);
      expect(message).toBe('No article found on this page');
    } finally {
      await popup?.close();
    }
    await page.close();
  });
});
