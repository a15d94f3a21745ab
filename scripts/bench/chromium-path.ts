/**
 * The Chromium measurements: the extension built with `wxt build --mode bench` (which adds the worker hooks of
 * extension/background/bench-hooks.ts) loaded in Debian's Chromium. Articles go in through the options page's
 * 'import-batch' request, queries through the hooks (the real getCorpus + likelySources and checkArticle), and the toolbar click
 * is a real click on the seed 000 page with the real popup timed until it shows the first result.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs, welcomePage } from '../../tests/browser/helpers/extension.ts';
import { startFixtureServer, type FixtureServer } from '../../tests/browser/helpers/fixture-server.ts';
import { DEFAULT_BATCH_LIMITS } from '../../lib/import/progress.ts';
import type { CorpusRecord } from '../../lib/types.ts';
import type { BenchCorpus, BenchQuery } from './corpus.ts';
import type { IndexSize } from '../../lib/store/index.ts';
import { spread } from './node-path.ts';
import { markRealVersions, type QueryOutcome } from './outcomes.ts';
import { browserPid, CpuMeter, extensionProcesses } from './process-cpu.ts';
import { FIRST_RESULT_MARK, POPUP_STARTED_MARK } from '../../extension/popup/first-result.ts';

/** The options page's batch size. */
const IMPORT_BATCH = DEFAULT_BATCH_LIMITS.maxRecords;
/** Records handed to the options page at a time before it sends them; the handing over is not timed. */
const STAGED_RECORDS = 5000;

export interface ChromiumRun {
  importMs: number;
  articlesPerSecond: number;
  stored: number;
  indexSize: IndexSize;
  /** IndexedDB usage as the browser counts it (navigator.storage.estimate), added by the import, per article. */
  diskBytesPerArticle: number;
  /** The query (likely sources), warm. */
  warm: QueryOutcome[];
  /** The full check (alignment, relation, drift), warm. */
  fullWarm: QueryOutcome[];
  cold: QueryOutcome[];
  /** Part of each cold check spent opening the corpus on the fresh worker. */
  coldOpenMs: number[];
  /**
   * CPU per warm first answer, in ms, from a second pass over the queries with nothing else asked (Linux /proc, by
   * thread role; other jobs on the machine lengthen the wall clock but not this): the service worker's thread, and the
   * browser's other threads and processes, where IndexedDB answers. Null where /proc cannot be read.
   */
  warmCpuMs: { serviceWorker: number; elsewhere: number } | null;
  heapAfterImport: number;
  heapPeak: number;
  /** Toolbar click to the first result in the real popup, on the seed 000 page; worker running. */
  clickWarmMs: number[];
  /** The same with the worker stopped before the click (it idled out). */
  clickColdMs: number[];
  /** Where the clicked button was: pinned to the toolbar, or in the Extensions menu. */
  buttonPlace: ButtonPlace;
  popup: string;
}

/**
 * Where the reader clicks the extension's button. Pinned: its own toolbar button, the popup opens at once. Menu:
 * the Extensions (puzzle piece) menu, where Chromium first animates the button out onto the toolbar and opens
 * the popup only when that is over (~270 ms here, whatever the extension; extension/background/toolbar-click.ts).
 */
export type ButtonPlace = 'pinned' | 'menu';

/** One toolbar click: the first result, and when the steps before it began; ms after the click. */
export interface ClickTiming {
  ms: number;
  /** The worker's time origin: negative when it was already running. */
  workerStartMs: number;
  /** The popup page's time origin (its navigation). */
  popupStartMs: number;
  /** The popup's first-look module running (its mark), when the build sets it. */
  popupScriptMs: number | null;
  /** The popup page's loading steps (its navigation and resource timing), ms after the click. */
  popupSteps: Record<string, number>;
}

type Log = (line: string) => void;

/** A DevTools session on a target the browser-level session attaches to; Playwright does not hand out worker sessions. */
class TargetSession {
  private nextId = 0;
  private readonly waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  private readonly listener = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== this.sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) this.waiting.get(message.id)?.(message);
  };

  /** A target that goes away (a stopped worker, a closed popup) answers nothing more. */
  private readonly onDetached = (event: { sessionId: string }) => {
    if (event.sessionId !== this.sessionId) return;
    for (const answer of this.waiting.values()) answer({ error: { message: 'No session: the target went away' } });
    this.waiting.clear();
  };

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', this.listener);
    browser.on('Target.detachedFromTarget', this.onDetached);
  }

  static async attach(browser: CDPSession, targetId: string): Promise<TargetSession> {
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: false });
    return new TargetSession(browser, sessionId);
  }

  async send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    const answered = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => this.waiting.set(id, resolve));
    await this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await answered;
    this.waiting.delete(id);
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result as T;
  }

  async detach(): Promise<void> {
    this.browser.off('Target.receivedMessageFromTarget', this.listener);
    this.browser.off('Target.detachedFromTarget', this.onDetached);
    await this.browser.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, first 32 hex digits written a-p. */
function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Pins the extension's button to the toolbar, as a reader does from the Extensions menu (a profile preference). */
function pinToToolbar(profileDir: string, extensionDir: string): void {
  mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
  const preferences = { extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } };
  writeFileSync(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

/**
 * Makes the browser register the extension's worker again on the next launch of a kept profile. It keeps the worker's
 * script in the profile and runs that stored copy while the manifest's version is unchanged, so a build copied into the
 * same extension directory would otherwise not run its own worker: the stored registration and script are removed.
 */
function forgetWorkerRegistration(profileDir: string, extensionDir: string): void {
  const file = path.join(profileDir, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8')) as { extensions?: { settings?: Record<string, { service_worker_registration_info?: unknown }> } };
  const settings = preferences.extensions?.settings?.[unpackedExtensionId(extensionDir)];
  if (settings?.service_worker_registration_info) {
    delete settings.service_worker_registration_info;
    writeFileSync(file, JSON.stringify(preferences));
  }
  rmSync(path.join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
}

export class BenchBrowser {
  private visits = 0;
  private stopperPage: Page | null = null;
  private stopper: CDPSession | null = null;
  private attached: { targetId: string; session: TargetSession } | null = null;
  /**
   * Whether a stopped worker's renderer process stays: by default the worker is stopped from a page of the
   * extension's own, which keeps that process running. False: from a blank page, so that the process ends with the
   * worker, as it does when an idle worker stops in a reader's browser with no extension page open, and the next
   * click starts the process again. Set before the first stop.
   */
  stopKeepsExtensionProcess = true;

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly cdp: CDPSession,
    readonly fixtures: FixtureServer,
    readonly profileDir: string,
    private readonly keepProfile = false,
  ) {}

  /**
   * `keptProfile`: a profile directory kept after close and used again by the next launch with the same extension
   * directory, so one imported corpus serves several builds copied into that directory in turn.
   */
  static async launch(extensionDir: string, chromiumPath: string, repoRoot: string, buttonPlace: ButtonPlace, keptProfile?: string): Promise<BenchBrowser> {
    const reused = keptProfile !== undefined && existsSync(path.join(keptProfile, 'Default', 'Preferences'));
    const profileDir = keptProfile ?? mkdtempSync(path.join(tmpdir(), 'palimpsest-bench-profile-'));
    if (buttonPlace === 'pinned' && !reused) pinToToolbar(profileDir, extensionDir);
    if (reused) forgetWorkerRegistration(profileDir, extensionDir);
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: chromiumArgs(realpathSync(extensionDir)),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Only for the extension's id: the bench reaches the worker through DevTools sessions of its own.
    const extensionId = new URL(worker.url()).host;
    // The first-run page the install opens: a reader closes it; left open it would sit behind every tab the bench opens.
    if (!reused) await (await welcomePage(context)).close();
    const onToolbar = await worker.evaluate(async () => (await chrome.action.getUserSettings()).isOnToolbar);
    if (onToolbar !== (buttonPlace === 'pinned')) throw new Error(`the extension's button is ${onToolbar ? '' : 'not '}pinned to the toolbar, not where the bench wants it (${buttonPlace})`);
    const cdp = await context.browser()!.newBrowserCDPSession();
    const fixtures = await startFixtureServer(path.join(repoRoot, 'tests/fixtures'));
    return new BenchBrowser(context, extensionId, cdp, fixtures, profileDir, keptProfile !== undefined);
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}/`;
  }

  /** A DevTools session on the running worker; Playwright loses track of a worker restarted through DevTools. */
  private async workerSession(): Promise<TargetSession> {
    const target = (await this.targets()).find((info) => info.type === 'service_worker' && info.url.startsWith(this.origin));
    if (!target) throw new Error('the extension has no running service worker');
    if (this.attached?.targetId !== target.targetId) {
      await this.attached?.session.detach();
      this.attached = { targetId: target.targetId, session: await TargetSession.attach(this.cdp, target.targetId) };
    }
    return this.attached.session;
  }

  /** Evaluates in the worker, retrying while a freshly started worker has not run its script yet. */
  async inWorker<T>(expression: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const session = await this.workerSession();
        const evaluated = await session.send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
        );
        if (evaluated.exceptionDetails) throw new Error(evaluated.exceptionDetails.exception?.description ?? evaluated.exceptionDetails.text);
        return evaluated.result.value;
      } catch (error) {
        if (attempt >= 40 || !/palimpsestBench is not defined|no running service worker|No session|not found/i.test(String(error))) throw error;
        await this.forgetWorkerSession();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  /** A DevTools command to the running worker (Profiler.*, HeapProfiler.*: for taking a fresh worker's answer apart). */
  async toWorker<T>(method: string, params: object = {}): Promise<T> {
    return (await this.workerSession()).send<T>(method, params);
  }

  private async forgetWorkerSession(): Promise<void> {
    await this.attached?.session.detach();
    this.attached = null;
  }

  async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = await this.cdp.send('Target.getTargets', { filter: [{}] } as never);
    return targetInfos as TargetInfo[];
  }

  /** JS heap in use by the extension's service worker, in bytes. */
  async workerHeap(): Promise<number> {
    return (await (await this.workerSession()).send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  }

  private async serviceWorkerControl(): Promise<CDPSession> {
    if (this.stopper) return this.stopper;
    // ServiceWorker.* are sent from a page: a script-free extension URL, or a blank page when the extension's process
    // is to end with its worker (stopAllWorkers stops the profile's workers whatever the page's origin).
    this.stopperPage = await this.context.newPage();
    await this.stopperPage.goto(this.stopKeepsExtensionProcess ? `${this.origin}manifest.json` : 'about:blank');
    this.stopper = await this.context.newCDPSession(this.stopperPage);
    await this.stopper.send('ServiceWorker.enable');
    return this.stopper;
  }

  /** Waits until the worker reaches `status` (as DevTools reports it) after `act`. */
  private async workerReaches(status: 'stopped' | 'running', act: (control: CDPSession) => Promise<unknown>): Promise<void> {
    const control = await this.serviceWorkerControl();
    const scriptUrl = `${this.origin}background.js`;
    const reached = new Promise<void>((resolve) => {
      const onUpdate = ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (versions.some((version) => version.scriptURL === scriptUrl && version.runningStatus === status)) {
          control.off('ServiceWorker.workerVersionUpdated', onUpdate);
          resolve();
        }
      };
      control.on('ServiceWorker.workerVersionUpdated', onUpdate);
    });
    await act(control);
    await reached;
  }

  /** Stops the worker as the browser does when it idles, so the next event starts a fresh one. */
  async stopWorker(): Promise<void> {
    await this.forgetWorkerSession();
    await this.workerReaches('stopped', (control) => control.send('ServiceWorker.stopAllWorkers'));
    if (!this.stopKeepsExtensionProcess) await this.extensionProcessEnded();
  }

  /** Waits until the browser has ended the extension's renderer process (Linux /proc). */
  private async extensionProcessEnded(): Promise<void> {
    const root = browserPid(this.profileDir);
    if (root === null) throw new Error('the browser process is not in /proc: the extension process cannot be watched');
    const deadline = Date.now() + 10_000;
    while (extensionProcesses(root).length > 0) {
      if (Date.now() > deadline) throw new Error('the extension process outlived its stopped worker by 10 s (an extension page or offscreen document open?)');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Starts the stopped worker without sending it any event: nothing opens the corpus before the timed check. */
  async startWorker(): Promise<void> {
    await this.workerReaches('running', (control) => control.send('ServiceWorker.startWorker', { scopeURL: this.origin }));
  }

  async extensionPage(file: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}${file}`);
    return page;
  }

  /**
   * Clicks the extension's button on a fresh seed 000 tab and times, from the click, until the real popup shows its
   * first result. The popup is not one of Playwright's pages: it is found among the browser's targets. The
   * extension has no default popup in Chrome: the click goes to its worker, which opens the popup.
   */
  async clickToFirstResult(worker: 'running' | 'stopped'): Promise<number> {
    return (await this.timeClick(worker)).ms;
  }

  /** The click timed as clickToFirstResult does, with the moments in between (ms after the click). */
  async timeClick(worker: 'running' | 'stopped'): Promise<ClickTiming> {
    const page = await this.context.newPage();
    await page.goto(this.fixtures.url(`/seed-000/page.html?visit=${++this.visits}`));
    await page.bringToFront();
    // Stopped after the page loaded: the tab's own events (tabs.onUpdated) would otherwise wake it before the click.
    if (worker === 'stopped') await this.stopWorker();
    const before = new Set((await this.targets()).map((info) => info.targetId));
    const tab = (await this.targets()).find((info) => info.type === 'tab' && info.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    const clickedAt = performance.timeOrigin + performance.now();
    await this.cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: this.extensionId, targetId: tab.targetId } as never);
    let popup: TargetInfo | undefined;
    for (const deadline = Date.now() + 30_000; !popup && Date.now() < deadline; ) {
      popup = (await this.targets()).find((info) => info.type === 'page' && info.url.startsWith(`${this.origin}popup.html`) && !before.has(info.targetId));
    }
    if (!popup) throw new Error('the popup did not open after the toolbar click');
    const session = await TargetSession.attach(this.cdp, popup.targetId);
    try {
      const shown = await session.send<{
        result: { value: { at: number; what: string; popupOrigin: number; popupScriptAt: number | null; steps?: Record<string, number> } };
      }>('Runtime.evaluate', {
        expression: FIRST_RESULT_SHOWN,
        awaitPromise: true,
        returnByValue: true,
      });
      const { at, what, popupOrigin, popupScriptAt, steps = {} } = shown.result.value;
      if (what !== 'first look' && what !== 'full result') throw new Error(`the popup showed "${what}" instead of a result`);
      const workerOrigin = await this.inWorker<number>('performance.timeOrigin');
      return {
        ms: at - clickedAt,
        workerStartMs: workerOrigin - clickedAt,
        popupStartMs: popupOrigin - clickedAt,
        popupScriptMs: popupScriptAt === null ? null : popupScriptAt - clickedAt,
        popupSteps: Object.fromEntries(Object.entries(steps).map(([step, at]) => [step, popupOrigin + at - clickedAt])),
      };
    } finally {
      await session.detach();
      await this.cdp.send('Target.closeTarget', { targetId: popup.targetId }).catch(() => undefined);
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.forgetWorkerSession();
    await this.context.close();
    await this.fixtures.close();
    if (!this.keepProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/**
 * Runs in the popup: resolves with the wall-clock time at which the popup marked its first result on screen (the
 * first look or the full answer, body[data-first-result], with its User Timing mark), or the popup's message if it
 * shows one instead. The mark's own time counts, not the time this script sees it: the popup may have marked it
 * before the bench attached. Wall clock, because the click is timed in Node; both read the same system clock.
 */
const FIRST_RESULT_SHOWN = `new Promise((resolve) => {
  const look = () => {
    const now = performance.timeOrigin + performance.now();
    if (document.body && document.body.dataset.firstResult === 'true') {
      const mark = performance.getEntriesByName(${JSON.stringify(FIRST_RESULT_MARK)}, 'mark')[0];
      const at = mark ? performance.timeOrigin + mark.startTime : now;
      const asked = performance.getEntriesByName(${JSON.stringify(POPUP_STARTED_MARK)}, 'mark')[0];
      const popupScriptAt = asked ? performance.timeOrigin + asked.startTime : null;
      const navigation = performance.getEntriesByType('navigation')[0];
      const steps = navigation ? { 'page response': navigation.responseEnd, 'page parsed': navigation.domInteractive } : {};
      for (const resource of performance.getEntriesByType('resource')) steps[resource.name.split('/').pop().replace(/-[\\w-]{8}(?=\\.)/, '') + ' in'] = resource.responseEnd;
      const paint = performance.getEntriesByName('first-paint')[0];
      if (paint) steps['first paint'] = paint.startTime;
      return resolve({ at, what: document.querySelector('.first-look') ? 'first look' : 'full result', popupOrigin: performance.timeOrigin, popupScriptAt, steps });
    }
    const message = document.querySelector('.message h2');
    if (message) return resolve({ at: now, what: message.textContent });
    if (document.body && document.body.dataset.ready === 'true') return resolve({ at: now, what: 'no match shown' });
    return false;
  };
  if (look() !== false) return;
  new MutationObserver(() => look()).observe(document, { subtree: true, childList: true, attributes: true });
})`;

/** Sends staged records from the options page as 'import-batch' requests; returns the time spent in the requests. */
const SEND_STAGED = `(async () => {
  const { records, source, offset, total } = window.__benchStaged;
  let ms = 0;
  let progress = null;
  for (let start = 0; start < records.length; start += ${IMPORT_BATCH}) {
    const batch = records.slice(start, start + ${IMPORT_BATCH});
    const position = offset + start + batch.length;
    const envelope = { channel: 'palimpsest/1', type: 'import-batch', request: { source, records: batch, advance: { position, problems: [], done: position >= total } } };
    const began = performance.now();
    const reply = await chrome.runtime.sendMessage(envelope);
    ms += performance.now() - began;
    if (!reply || !reply.ok) throw new Error('import-batch failed: ' + (reply ? reply.error : 'no answer'));
    progress = reply.value;
  }
  window.__benchStaged = null;
  return { ms, added: progress.added, duplicates: progress.duplicates };
})()`;

export async function importThroughOptionsPage(browser: BenchBrowser, records: readonly CorpusRecord[], log: Log): Promise<{ ms: number; added: number }> {
  const page = await browser.extensionPage('options.html');
  const source = { format: 'jsonl', name: `bench-${records.length}.jsonl`, size: records.length, lastModified: 0 };
  let ms = 0;
  let added = 0;
  for (let offset = 0; offset < records.length; offset += STAGED_RECORDS) {
    const staged = { records: records.slice(offset, offset + STAGED_RECORDS), source, offset, total: records.length };
    await page.evaluate(`window.__benchStaged = ${JSON.stringify(staged)}; 0`);
    const sent = (await page.evaluate(SEND_STAGED)) as { ms: number; added: number };
    ms += sent.ms;
    added = sent.added;
    if (records.length > STAGED_RECORDS) log(`  chromium: imported ${Math.min(offset + STAGED_RECORDS, records.length)}/${records.length} (${(ms / 1000).toFixed(1)} s in requests)`);
  }
  await page.close();
  return { ms, added };
}

interface HookCheck {
  ms: number;
  openMs: number;
  top: string | null;
  topRelation: string | null;
  original: string | null;
  reopenMs?: number;
}

function checkExpression(query: BenchQuery): string {
  return `palimpsestBench.check(${JSON.stringify(query.article)})`;
}

/** The query: the popup's first answer (likely sources from the index). */
function likelyExpression(query: BenchQuery): string {
  return `palimpsestBench.likely(${JSON.stringify(query.article)})`;
}

function outcomeOf(query: BenchQuery, check: HookCheck): QueryOutcome {
  return { kind: query.kind, truth: query.truth, top: check.top, topRelation: check.topRelation, original: check.original, ms: check.ms, ...(check.reopenMs === undefined ? {} : { reopenMs: check.reopenMs }) };
}

/** CPU per warm first answer over one pass of the queries (see ChromiumRun.warmCpuMs). */
async function firstAnswerCpu(browser: BenchBrowser, queries: readonly BenchQuery[]): Promise<ChromiumRun['warmCpuMs']> {
  const pid = browserPid(browser.profileDir);
  if (pid === null || queries.length === 0) return null;
  const meter = new CpuMeter(pid);
  meter.sample();
  const [workerBefore, allBefore] = [meter.secondsByRole().get('service worker') ?? 0, meter.seconds()];
  for (const query of queries) await browser.inWorker<HookCheck>(likelyExpression(query));
  meter.sample();
  const worker = (meter.secondsByRole().get('service worker') ?? 0) - workerBefore;
  const all = meter.seconds() - allBefore;
  return { serviceWorker: (worker / queries.length) * 1000, elsewhere: ((all - worker) / queries.length) * 1000 };
}

export interface ChromiumSetup {
  extensionDir: string;
  chromiumPath: string;
  repoRoot: string;
  coldSamples: number;
  warmClicks: number;
  coldClicks: number;
  /** Where the clicked button is; pinned unless said otherwise. */
  buttonPlace?: ButtonPlace;
  /** A profile kept between runs, imported into once (BenchOptions.profileDir). */
  keptProfile?: string;
}

/** Written into a kept profile when an import into it completed: which corpus it holds. */
interface KeptImport {
  size: number;
  firstId: string;
  lastId: string;
  stored: number;
}

const KEPT_IMPORT_FILE = 'palimpsest-bench-import.json';

function keptImportOf(corpus: BenchCorpus): Omit<KeptImport, 'stored'> {
  return { size: corpus.records.length, firstId: corpus.records[0]?.id ?? '', lastId: corpus.records.at(-1)?.id ?? '' };
}

/** Whether the kept profile already holds this corpus, completely imported (a half-done import is not reused). */
function holdsCorpus(profileDir: string, corpus: BenchCorpus, stored: number): boolean {
  const file = path.join(profileDir, KEPT_IMPORT_FILE);
  if (!existsSync(file)) return false;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptImport;
  const wanted = keptImportOf(corpus);
  return kept.size === wanted.size && kept.firstId === wanted.firstId && kept.lastId === wanted.lastId && kept.stored === stored;
}

export function chromiumUnavailable(setup: Pick<ChromiumSetup, 'extensionDir' | 'chromiumPath'>): string | null {
  if (!existsSync(setup.chromiumPath)) return `no Chromium at ${setup.chromiumPath} (set CHROMIUM_PATH)`;
  if (!existsSync(path.join(setup.extensionDir, 'manifest.json'))) return `no bench build at ${setup.extensionDir}`;
  return null;
}

export async function runChromium(corpus: BenchCorpus, setup: ChromiumSetup, log: Log): Promise<ChromiumRun> {
  const buttonPlace = setup.buttonPlace ?? 'pinned';
  const browser = await BenchBrowser.launch(setup.extensionDir, setup.chromiumPath, setup.repoRoot, buttonPlace, setup.keptProfile);
  try {
    // The sample corpus goes in on install; count() waits for it, so the import below is the only writer.
    const sampleCount = await browser.inWorker<number>('palimpsestBench.count()');
    const reused = setup.keptProfile !== undefined && holdsCorpus(setup.keptProfile, corpus, sampleCount);
    const usage = async () => (await browser.inWorker<{ usage: number }>('navigator.storage.estimate()')).usage;
    const usageBefore = await usage();
    // A reused profile's import was measured by the run that made it: its figures are not this run's.
    const imported = reused ? { ms: Number.NaN, added: Number.NaN } : await importThroughOptionsPage(browser, corpus.records, log);
    const stored = await browser.inWorker<number>('palimpsestBench.count()');
    const indexSize = await browser.inWorker<IndexSize>('palimpsestBench.indexSize()');
    const diskBytesPerArticle = ((await usage()) - usageBefore) / imported.added;
    const heaps = [reused ? Number.NaN : await browser.workerHeap()];
    if (reused) log(`  chromium: the kept profile ${setup.keptProfile} holds the corpus already (${stored} stored): not imported again`);
    else log(`  chromium: imported ${imported.added} articles (${stored} stored with the ${sampleCount} sample) in ${(imported.ms / 1000).toFixed(1)} s`);
    if (setup.keptProfile !== undefined && !reused) {
      const kept: KeptImport = { ...keptImportOf(corpus), stored };
      writeFileSync(path.join(setup.keptProfile, KEPT_IMPORT_FILE), JSON.stringify(kept));
    }

    await browser.inWorker(likelyExpression(corpus.queries[0]));
    const warm: QueryOutcome[] = [];
    const fullWarm: QueryOutcome[] = [];
    for (const [i, query] of corpus.queries.entries()) {
      warm.push(outcomeOf(query, await browser.inWorker<HookCheck>(likelyExpression(query))));
      fullWarm.push(outcomeOf(query, await browser.inWorker<HookCheck>(checkExpression(query))));
      if ((i + 1) % 50 === 0) log(`  chromium: ${i + 1}/${corpus.queries.length} warm queries`);
    }
    heaps.push(await browser.workerHeap());
    const warmCpuMs = await firstAnswerCpu(browser, corpus.queries);
    const texts = new Map(corpus.records.map((record) => [record.id, record.text]));
    markRealVersions(fullWarm, corpus.queries.map((query) => query.article), (id) => texts.get(id));

    const clickWarmMs: number[] = [];
    for (let i = 0; i < setup.warmClicks; i++) clickWarmMs.push(await browser.clickToFirstResult('running'));
    heaps.push(await browser.workerHeap());

    const cold: QueryOutcome[] = [];
    const coldOpenMs: number[] = [];
    for (const query of spread(corpus.queries, setup.coldSamples)) {
      await browser.stopWorker();
      await browser.startWorker();
      const check = await browser.inWorker<HookCheck>(likelyExpression(query));
      cold.push(outcomeOf(query, check));
      coldOpenMs.push(check.openMs);
    }
    heaps.push(await browser.workerHeap());
    log(`  chromium: ${cold.length} cold queries`);

    const clickColdMs: number[] = [];
    for (let i = 0; i < setup.coldClicks; i++) clickColdMs.push(await browser.clickToFirstResult('stopped'));
    heaps.push(await browser.workerHeap());
    return {
      importMs: imported.ms,
      articlesPerSecond: (imported.added / imported.ms) * 1000,
      stored,
      indexSize,
      diskBytesPerArticle,
      warm,
      fullWarm,
      cold,
      coldOpenMs,
      warmCpuMs,
      heapAfterImport: heaps[0],
      heapPeak: Math.max(...heaps.filter(Number.isFinite)),
      clickWarmMs,
      clickColdMs,
      buttonPlace,
      popup: `the real popup of the extension's button (${buttonPlace === 'pinned' ? 'pinned to the toolbar' : 'in the Extensions menu'}), clicked with Extensions.triggerAction, read through its DevTools target`,
    };
  } finally {
    await browser.close();
  }
}
