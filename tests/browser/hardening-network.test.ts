/**
 * Nothing leaves the machine: during a full check of seed 000 (toolbar click, popup answer, a drift item marked
 * in the page, another version compared) the only requests are the article page and its own same-origin
 * resources. Every request of the browser context is recorded (pages, extension pages and the extension's service
 * worker, whose network Playwright follows too) and anything not aimed at the test server is blocked and reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { ExtensionSession, browserSuiteUnavailable } from './helpers/extension.ts';
import { selfContainedSeed000 } from './helpers/hardening-pages.ts';
import { HTML_UTF8, TINY_PNG, startHardeningServer, type HardeningServer } from './helpers/hardening-server.ts';
import { openAndClick } from './helpers/hardening-session.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

interface Recorded {
  url: string;
  fromServiceWorker: boolean;
  resourceType: string;
}

describe.skipIf(skipReason !== null)('no network', () => {
  let session: ExtensionSession;
  let server: HardeningServer;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    server = await startHardeningServer();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('a full check of seed 000 requests nothing beyond the page and its same-origin resources', async () => {
    const html = selfContainedSeed000();
    expect(html).not.toMatch(/(src|href)=["']https?:\/\/[^"']*\.(css|js|jpg|png)/);
    const pageUrl = server.serve('/seed-000.html', { body: html, contentType: HTML_UTF8 });
    server.serve('/afghan-tank.png', { body: TINY_PNG, contentType: 'image/png' });

    const recorded: Recorded[] = [];
    const record = (request: Request): void => {
      recorded.push({ url: request.url(), fromServiceWorker: request.serviceWorker() !== null, resourceType: request.resourceType() });
    };
    session.context.on('request', record);
    const extensionOrigin = `chrome-extension://${session.extensionId}/`;
    const blocked: string[] = [];
    await session.context.route('**/*', async (route) => {
      const url = route.request().url();
      // The extension's own files (popup scripts and styles) are packaged, not fetched from a network.
      if (url.startsWith(`${server.origin}/`) || url.startsWith(extensionOrigin)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });

    try {
      // The worker's own start-up (opening the corpus) is part of what is watched.
      await session.stopServiceWorker();
      const { page, tabId } = await openAndClick(session, pageUrl);
      const popup = await session.openPopup(tabId);
      await waitForAnswer(popup);
      expect(await popup.locator('.card.original').getAttribute('data-original-id')).toBe('seed-001');

      await popup.locator('.drift-item', { hasText: 'chains of slavery' }).first().click();
      await popup.locator('#status', { hasText: 'Marked in the page' }).waitFor();
      expect(await page.locator('mark[data-palimpsest-highlight]').count()).toBeGreaterThan(0);

      // Comparing with a chosen version is one more trip through the worker and the corpus.
      const other = popup.locator('button.version[aria-pressed="false"]').first();
      if ((await other.count()) > 0) {
        await other.click();
        await popup.locator('#status', { hasText: /^Compared with/ }).waitFor();
      }
      await popup.close();
      await page.close();
    } finally {
      session.context.off('request', record);
      await session.context.unroute('**/*');
    }

    const elsewhere = recorded.filter((request) => !request.url.startsWith(`${server.origin}/`) && !request.url.startsWith(extensionOrigin) && !/^(data|blob):/.test(request.url));
    expect(elsewhere, 'requests outside the test server').toEqual([]);
    expect(blocked).toEqual([]);
    expect(recorded.filter((request) => request.fromServiceWorker), 'requests made by the service worker').toEqual([]);
    // The test server saw the page and its own image (and perhaps the browser's favicon probe), nothing else.
    const served = new Set(server.requests.map((request) => request.split('?')[0]));
    expect([...served].filter((pathname) => !['/seed-000.html', '/afghan-tank.png', '/favicon.ico'].includes(pathname))).toEqual([]);
    expect(served.has('/seed-000.html')).toBe(true);
  });
});
