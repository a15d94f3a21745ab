/**
 * Drives the built Firefox extension (.output/firefox-mv3) in Debian's Firefox ESR over WebDriver BiDi
 * (puppeteer-core): the extension is installed as a temporary add-on, fixture pages are served on 127.0.0.1, and
 * the test speaks to the extension from one of its own pages, with the extension's own messages.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BackgroundProtocol, Reply, RequestOf, ResponseOf } from '../../../extension/shared/protocol.ts';
import { copyWithHostAccess, repoRoot, skipUnless } from '../../browser/helpers/built-extension.ts';
import { startFixtureServer, type FixtureServer } from '../../browser/helpers/fixture-server.ts';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxBuildPath = path.join(repoRoot, '.output/firefox-mv3');

/**
 * The host of the extension's pages (moz-extension://<uuid>/). Firefox draws it at random per profile; the test
 * sets it in the profile's prefs before Firefox starts, so it knows where the popup and options pages are.
 */
const EXTENSION_UUID = '5a1e0c7d-2b9f-4e61-8d3a-7c4f0e9b2a16';

/** Why the Firefox suite cannot run here (a failure in CI, see skipUnless), or null when it can. */
export function firefoxSuiteUnavailable(): string | null {
  const missing = !existsSync(firefoxPath)
    ? `Firefox not found at ${firefoxPath} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`
    : !existsSync(path.join(firefoxBuildPath, 'manifest.json'))
      ? `no Firefox build at ${firefoxBuildPath}: run \`npm run test:firefox\` (it builds first)`
      : null;
  return skipUnless(missing, 'Firefox tests');
}

export function builtFirefoxManifest(): Record<string, unknown> & { browser_specific_settings: { gecko: { id: string } } } {
  return JSON.parse(readFileSync(path.join(firefoxBuildPath, 'manifest.json'), 'utf8'));
}

/** The `browser` global of an extension page, as far as the test uses it there. */
interface ExtensionPageGlobals {
  browser: {
    tabs: { query(queryInfo: object): Promise<{ id?: number; url?: string }[]> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

export class FirefoxSession {
  private visits = 0;

  private constructor(
    private readonly browser: Browser,
    readonly fixtures: FixtureServer,
    /** One of the extension's own pages (the options page), from which the test sends the extension's messages. */
    private readonly control: Page,
    private readonly extensionCopy: string,
  ) {}

  static async launch(): Promise<FirefoxSession> {
    // The reader grants access by clicking the toolbar button, which WebDriver cannot press: the copy's manifest
    // grants host access up front instead (the same code paths read the page afterwards).
    const extensionCopy = copyWithHostAccess(firefoxBuildPath);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      // WebDriver BiDi navigates only to web addresses unless system access is allowed; extension pages need it.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [builtFirefoxManifest().browser_specific_settings.gecko.id]: EXTENSION_UUID }),
      },
    });
    try {
      await browser.installExtension(extensionCopy);
      const fixtures = await startFixtureServer(path.join(repoRoot, 'tests/fixtures'));
      const control = await browser.newPage();
      await showExtensionPage(control, extensionUrl('options.html'));
      return new FirefoxSession(browser, fixtures, control, extensionCopy);
    } catch (error) {
      await browser.close();
      rmSync(extensionCopy, { recursive: true, force: true });
      throw error;
    }
  }

  /** Opens a fixture page in a new tab; returns the tab and the extension's id for it. */
  async openFixture(fixture: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.browser.newPage();
    // A fresh query per visit tells apart tabs showing the same fixture.
    const url = this.fixtures.url(`/${fixture}/page.html?visit=${++this.visits}`);
    await page.goto(url);
    const tabId = await this.control.evaluate(async (pageUrl) => {
      const tabs = await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.query({});
      return tabs.find((tab) => tab.url === pageUrl)?.id ?? null;
    }, url);
    if (tabId === null) throw new Error(`the extension sees no tab with ${url}`);
    return { page, tabId };
  }

  /** Sends one of the extension's own requests to its background, as the popup and the options page do. */
  async ask<K extends keyof BackgroundProtocol>(type: K, request: RequestOf<BackgroundProtocol, K>): Promise<ResponseOf<BackgroundProtocol, K>> {
    const reply = (await this.control.evaluate(
      (message) => (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(message),
      { channel: 'palimpsest/1', type, request },
    )) as Reply<ResponseOf<BackgroundProtocol, K>>;
    if (!reply.ok) throw new Error(`the background answered "${type}" with an error: ${reply.error}`);
    return reply.value;
  }

  /** The popup for a tab, opened as a page, once it shows its answer. */
  async openPopup(tabId: number): Promise<Page> {
    const popup = await this.browser.newPage();
    const url = extensionUrl(`popup.html?tabId=${tabId}`);
    await showExtensionPage(popup, url);
    while (!(await popup.evaluate(() => document.body?.dataset.ready === 'true'))) await pause();
    return popup;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.fixtures.close();
    rmSync(this.extensionCopy, { recursive: true, force: true });
  }
}

function extensionUrl(page: string): string {
  return `moz-extension://${EXTENSION_UUID}/${page}`;
}

/**
 * Navigates a tab to an extension page. Over BiDi, Firefox never reports the end of a navigation into an extension
 * page (the tab changes process), so this waits until the page itself says where it is. The test's timeout bounds it.
 */
async function showExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  for (;;) {
    if (page.isClosed() || !page.browser().connected) throw new Error(`the tab closed before it showed ${url}`);
    const where = await page.evaluate(() => location.href).catch(() => null);
    if (where === url) return;
    await pause();
  }
}
