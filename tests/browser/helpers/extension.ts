/**
 * Drives the built extension (.output/chrome-mv3) in Chromium the way a reader does: open a page, click the
 * toolbar button (CDP Extensions.triggerAction, which grants activeTab exactly like a real click), read the popup.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { BackgroundProtocol, Reply } from '../../../extension/shared/protocol.ts';
import { copyWithHostAccess, repoRoot, skipUnless } from './built-extension.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

export { repoRoot };

export const extensionPath = path.join(repoRoot, '.output/chrome-mv3');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the Chromium suite cannot run here (see skipUnless), or null when it can. */
export function browserSuiteUnavailable(): string | null {
  const missing = !existsSync(chromiumPath)
    ? `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`
    : !existsSync(path.join(extensionPath, 'manifest.json'))
      ? `no built extension at ${extensionPath}: run \`npm run test:browser\` (it builds first)`
      : null;
  return skipUnless(missing, 'browser tests');
}

/** The value of the background's answer to a test's request; the background's error fails the test. */
export function answerOf<R>(reply: Reply<R>): R {
  if (!reply.ok) throw new Error(`the background answered with an error: ${reply.error}`);
  return reply.value;
}

/** Chromium's switches for running an unpacked extension headless in a container, as the tests and the benchmark do. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Lets the browser-level DevTools session click the toolbar button (Extensions.triggerAction).
    '--enable-unsafe-extension-debugging',
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--disable-dev-shm-usage',
  ];
}

export interface LaunchOptions {
  /**
   * Loads a copy of the extension whose manifest already grants access to every site, as if the reader had
   * granted the optional host access: browsers show that permission prompt outside the page, where no test
   * can answer it. permissions.request() then resolves at once, so the pages' request paths still run.
   */
  grantAllHosts?: boolean;
  /** Replaces the shipped feed directory (public/feed-directory.json) in a copy of the extension: local feeds. */
  directory?: unknown;
  /** Leaves the first-run page the install opens; by default the session closes it, as a reader would. */
  keepWelcomePage?: boolean;
  /** Rewords messages of the copy's English messages file (_locales/en/messages.json): key → new message. */
  messages?: Record<string, string>;
}

/** A copy of the built extension, changed as the options say; removed with the session. */
function changedExtension(options: LaunchOptions): string {
  const copy = options.grantAllHosts ? copyWithHostAccess(extensionPath) : mkdtempSync(path.join(tmpdir(), 'palimpsest-changed-'));
  if (!options.grantAllHosts) cpSync(extensionPath, copy, { recursive: true });
  if (options.directory !== undefined) writeFileSync(path.join(copy, 'feed-directory.json'), JSON.stringify(options.directory));
  if (options.messages) {
    const file = path.join(copy, '_locales/en/messages.json');
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    for (const [key, message] of Object.entries(options.messages)) messages[key].message = message;
    writeFileSync(file, JSON.stringify(messages));
  }
  return copy;
}

/** Sends one request of the background protocol from an extension page, as the popup or options page does. */
export async function askBackground<K extends keyof BackgroundProtocol>(page: Page, type: K, request: BackgroundProtocol[K]['request']): Promise<BackgroundProtocol[K]['response']> {
  const reply = await page.evaluate(([kind, body]) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: kind, request: body }), [type, request] as const);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/** The first-run page the install opened (it opens once the worker has run its install handler). */
export async function welcomePage(context: BrowserContext, timeoutMs = 15_000): Promise<Page> {
  const isWelcome = (page: Page) => /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/.test(page.url());
  const open = context.pages().find(isWelcome);
  return open ?? context.waitForEvent('page', { predicate: isWelcome, timeout: timeoutMs });
}

export interface OpenedPage {
  page: Page;
  tabId: number;
}

export class ExtensionSession {
  private visits = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly fixtures: FixtureServer,
    private readonly browserCdp: CDPSession,
    private readonly profileDir: string,
    private readonly extensionCopy: string | null = null,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<ExtensionSession> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-profile-'));
    const extensionCopy = options.grantAllHosts || options.directory !== undefined || options.messages ? changedExtension(options) : null;
    const loadedPath = extensionCopy ?? extensionPath;
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: chromiumArgs(loadedPath),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Answers once the worker's script has run: a toolbar click before its first run registered the click listener
    // is lost (the browser knows of no listener yet on a fresh install).
    await worker.evaluate(() => 0);
    const extensionId = new URL(worker.url()).host;
    // Its tab would take the focus from the pages a test opens next. It is closed once loaded, as a reader closes
    // it: Chromium closing the extension's first page while it loads leaves the extension pages opened next without
    // any messages (i18n.getMessage gives "" for every key, even "@@extension_id"; 6 of 11 launches did so).
    if (!options.keepWelcomePage) {
      const welcome = await welcomePage(context);
      await welcome.waitForLoadState('load');
      await welcome.close();
    }
    const browserCdp = await context.browser()!.newBrowserCDPSession();
    const fixtures = await startFixtureServer(path.join(repoRoot, 'tests/fixtures'));
    return new ExtensionSession(context, extensionId, fixtures, browserCdp, profileDir, extensionCopy);
  }

  /** The running service worker (a new one after a restart). */
  async serviceWorker(): Promise<Worker> {
    const prefix = `chrome-extension://${this.extensionId}/`;
    const running = this.context.serviceWorkers().find((worker) => worker.url().startsWith(prefix));
    return running ?? this.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(prefix) });
  }

  /** Opens a fixture page and clicks the toolbar button on it, which grants the extension access to the tab. */
  async openFixture(fixture: string): Promise<OpenedPage> {
    const page = await this.context.newPage();
    // A fresh query per visit tells apart tabs showing the same fixture.
    const url = this.fixtures.url(`/${fixture}/page.html?visit=${++this.visits}`);
    await page.goto(url);
    await this.clickToolbarButton(page);
    return { page, tabId: await this.tabIdOf(url) };
  }

  /** Opens a web address in a new tab and clicks the toolbar button on it (the reader's go-ahead for that tab). */
  async openUrl(url: string): Promise<OpenedPage> {
    const page = await this.context.newPage();
    await page.goto(url);
    await this.clickToolbarButton(page);
    return { page, tabId: await this.tabIdOf(page.url()) };
  }

  /** Opens any address (e.g. a browser page) in a new tab and returns it with its tab id. */
  async openAddress(url: string): Promise<OpenedPage> {
    const page = await this.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    const worker = await this.serviceWorker();
    const tabId = await worker.evaluate(async () => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id ?? null;
    });
    if (tabId === null) throw new Error(`no active tab for ${url}`);
    return { page, tabId };
  }

  async clickToolbarButton(page: Page): Promise<void> {
    await page.bringToFront();
    const { targetInfos } = await this.browserCdp.send('Target.getTargets', { filter: [{ type: 'tab', exclude: false }] });
    const target = targetInfos.find((info) => info.url === page.url());
    if (!target) throw new Error(`no tab target for ${page.url()}`);
    await this.browserCdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: this.extensionId, targetId: target.targetId } as never);
  }

  /**
   * The real popup the toolbar click opened for a tab (Chrome: the worker opens it as popup.html?tabId=N). It is not
   * one of Playwright's pages: it is found among the browser's targets and read through a DevTools session.
   */
  async toolbarPopup(tabId: number): Promise<ToolbarPopup> {
    const url = `chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { targetInfos } = await this.browserCdp.send('Target.getTargets');
      const popup = targetInfos.find((info) => info.type === 'page' && info.url === url);
      if (popup) return ToolbarPopup.attach(this.browserCdp, popup.targetId);
    }
    throw new Error(`no toolbar popup for tab ${tabId}`);
  }

  /** The extension's id for a tab; the toolbar click made its address visible to the extension. */
  async tabIdOf(url: string): Promise<number> {
    const worker = await this.serviceWorker();
    const tabId = await worker.evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === pageUrl)?.id ?? null;
    }, url);
    if (tabId === null) throw new Error(`no tab with ${url}`);
    return tabId;
  }

  /** The toolbar badge text for a tab. */
  async badgeText(tabId: number): Promise<string> {
    const worker = await this.serviceWorker();
    return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** The popup for a tab, opened as a page (the toolbar popup itself is not scriptable from the test). */
  async openPopup(tabId: number, viewport = { width: 480, height: 900 }): Promise<Page> {
    const popup = await this.context.newPage();
    await popup.setViewportSize(viewport);
    await popup.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`);
    return popup;
  }

  /** An extension page to speak the protocol from, as the popup would. */
  async extensionPage(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    return page;
  }

  /** Stops the extension's service worker, as the browser does when it idles; it restarts on the next event. */
  async stopServiceWorker(): Promise<void> {
    // ServiceWorker.stopAllWorkers acts on the workers of the page's own origin: use a script-free extension URL.
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/manifest.json`);
    const session = await this.context.newCDPSession(page);
    const backgroundUrl = `chrome-extension://${this.extensionId}/background.js`;
    const stopped = new Promise<void>((resolve) => {
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL === backgroundUrl && version.runningStatus === 'stopped')) resolve();
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await session.detach();
    await page.close();
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.fixtures.close();
    rmSync(this.profileDir, { recursive: true, force: true });
    if (this.extensionCopy) rmSync(this.extensionCopy, { recursive: true, force: true });
  }
}

/** A DevTools session on the toolbar popup (a target Playwright does not hand out as a page). */
export class ToolbarPopup {
  private nextId = 0;

  private constructor(
    private readonly browserCdp: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
  ) {}

  static async attach(browserCdp: CDPSession, targetId: string): Promise<ToolbarPopup> {
    const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new ToolbarPopup(browserCdp, targetId, sessionId);
  }

  /** Evaluates an expression in the popup (awaiting a promise it gives) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = ++this.nextId;
    const answered = new Promise<{ result?: { result: { value: T }; exceptionDetails?: { text: string } }; error?: { message: string } }>((resolve) => {
      const listener = (event: { sessionId?: string; message: string }) => {
        if (event.sessionId !== this.sessionId) return;
        const message = JSON.parse(event.message);
        if (message.id !== id) return;
        this.browserCdp.off('Target.receivedMessageFromTarget', listener);
        resolve(message);
      };
      this.browserCdp.on('Target.receivedMessageFromTarget', listener);
    });
    const message = JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } });
    await this.browserCdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message });
    const { result, error } = await answered;
    if (error) throw new Error(error.message);
    if (result!.exceptionDetails) throw new Error(result!.exceptionDetails.text);
    return result!.result.value;
  }

  async close(): Promise<void> {
    await this.browserCdp.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
    await this.browserCdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}
