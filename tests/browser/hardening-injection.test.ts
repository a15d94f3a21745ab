/**
 * Hostile text stays text. A page whose headline, byline, quotes and paragraphs carry markup and script payloads
 * (written as text, as a correct site serves them) is checked: the popup shows every payload verbatim, creates no
 * element from any of them, links nothing that is not http(s), and no payload runs in the popup or in the page
 * when a drift item is marked there. The extension pages' Content-Security-Policy is checked in the manifest.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMG_PAYLOAD, JAVASCRIPT_URL, PAYLOAD_ELEMENTS, SCRIPT_PAYLOAD } from '../unit/hardening/payloads.ts';
import { ExtensionSession, browserSuiteUnavailable, extensionPath } from './helpers/extension.ts';
import { HOSTILE_BYLINE, HOSTILE_TITLE, hostileSeed000 } from './helpers/hardening-pages.ts';
import { HTML_UTF8, TINY_PNG, startHardeningServer, type HardeningServer } from './helpers/hardening-server.ts';
import { openAndClick, payloadRan, watchSignals } from './helpers/hardening-session.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

const manifestPath = path.join(extensionPath, 'manifest.json');

describe.skipIf(!existsSync(manifestPath))('Content-Security-Policy of the built extension pages', () => {
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const policy: string = manifest.content_security_policy?.extension_pages ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );

  it("allows the extension's own scripts only: no inline code, no eval, no remote hosts", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('opens no door to web pages: nothing web-accessible, no external messaging', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  });

  it('ships extension pages with no inline script or inline event handler', () => {
    const pages = readdirSync(extensionPath).filter((name) => name.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['popup.html', 'options.html']));
    for (const name of pages) {
      const html = readFileSync(path.join(extensionPath, name), 'utf8');
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, `${name}: every script is a file`).toMatch(/\bsrc=/);
        expect(body.trim(), `${name}: no inline code`).toBe('');
      }
      expect(html, `${name}: no inline handlers`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${name}: no javascript: URLs`).not.toMatch(/javascript:/i);
    }
  });
});

describe.skipIf(skipReason !== null)('hostile page text in the popup and the page', () => {
  let session: ExtensionSession;
  let server: HardeningServer;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    server = await startHardeningServer();
    server.serve('/afghan-tank.png', { body: TINY_PNG, contentType: 'image/png' });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows headline, byline and quote payloads as text, links nothing unsafe, and runs nothing', async () => {
    const url = server.serve('/hostile-seed-000.html', { body: hostileSeed000(), contentType: HTML_UTF8 });
    const { page, tabId } = await openAndClick(session, url);
    const pageSignals = watchSignals(page);
    const imagesBefore = await page.locator('img').count();
    expect(await payloadRan(page), 'the fixture page itself runs no payload').toBe(false);
    // The page cannot speak to the extension at all: no messaging API is exposed to it.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');

    const popup = await session.openPopup(tabId, { width: 480, height: 1200 });
    const popupSignals = watchSignals(popup);
    const shown = await readPopup(popup);
    // Still the right answer: the payloads are only words in the text.
    expect(shown.originalId).toBe('seed-001');

    expect(await popup.locator(PAYLOAD_ELEMENTS).count(), 'elements made from payloads').toBe(0);
    expect(await popup.locator('.page-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await popup.locator('.page-line').textContent()).toContain(HOSTILE_BYLINE);
    const popupText = (await popup.locator('body').textContent()) ?? '';
    expect(popupText).toContain(IMG_PAYLOAD);
    expect(popupText).toContain(SCRIPT_PAYLOAD);
    const hrefs = await popup.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);

    // The altered quote carries a payload on the page side; marking it in the page must not parse it.
    const quote = popup.locator('.drift-item', { hasText: 'chains of slavery' }).first();
    // The payload's own quotation mark ends the quote early: its start is what the quote item shows, as text.
    expect(await quote.textContent()).toContain('in Afghanistan <img src=x onerror=');
    await quote.click();
    await popup.locator('#status', { hasText: 'Marked in the page' }).waitFor();
    const marked = await page.locator('mark[data-palimpsest-highlight]').evaluateAll((marks) => marks.map((mark) => mark.textContent).join(''));
    expect(marked).toContain('chains of slavery in Afghanistan <img src=x onerror=');
    expect(await page.locator('mark[data-palimpsest-highlight] *').count(), 'marks hold text only').toBe(0);
    expect(await page.locator('img').count()).toBe(imagesBefore);

    expect(await payloadRan(popup)).toBe(false);
    expect(await payloadRan(page)).toBe(false);
    expect([...popupSignals.dialogs, ...pageSignals.dialogs]).toEqual([]);
    expect(popupSignals.errors).toEqual([]);
    // A blocked inline handler would show up as a Content-Security-Policy report in the console.
    expect(popupSignals.console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
    expect(pageSignals.errors).toEqual([]);
    expect(popupText).not.toContain(`href="${JAVASCRIPT_URL}`);
    await popup.close();
    await page.close();
  });
});
