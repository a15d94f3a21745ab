/**
 * What a start of the extension's service worker costs before it can answer a click: the bytes of its script and the
 * time Chromium spends evaluating it (compiling and running its top level), read from Chromium's own trace. The
 * trace gives each event's thread time beside its wall time: the thread time is the worker thread's CPU, which other
 * jobs on the machine barely change, so two builds compare on a shared machine. Builds are measured in turn, one
 * start each, round after round (A/B/A/B), in one browser each.
 *
 *   npm run bench:worker-start -- [--starts 20] [build directory …]   (default: .output/chrome-mv3)
 */
import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { chromiumArgs } from '../../tests/browser/helpers/extension.ts';
import { positiveInteger } from '../eval/options.ts';
import { median } from './stats.ts';
import { traced } from './trace.ts';

interface Start {
  /** EvaluateScript of the worker's script: wall and worker-thread CPU, ms. */
  evaluateWallMs: number;
  evaluateCpuMs: number;
  /** Of which compiling (v8.compile), worker-thread CPU, ms. */
  compileCpuMs: number;
}

class MeasuredBuild {
  private constructor(
    readonly directory: string,
    private readonly context: BrowserContext,
    private readonly control: CDPSession,
    private readonly browserCdp: CDPSession,
    private readonly origin: string,
    private readonly profileDir: string,
  ) {}

  static async launch(directory: string, chromiumPath: string): Promise<MeasuredBuild> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-worker-start-'));
    const context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, headless: true, args: chromiumArgs(realpathSync(directory)) });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate(() => 0);
    const origin = `chrome-extension://${new URL(worker.url()).host}/`;
    // ServiceWorker.* acts on the workers of the page's own origin: a script-free page of the extension.
    const page = await context.newPage();
    await page.goto(`${origin}manifest.json`);
    const control = await context.newCDPSession(page);
    await control.send('ServiceWorker.enable');
    const browserCdp = await context.browser()!.newBrowserCDPSession();
    // The install's own work (the sample corpus, the welcome page) settles before the first measured start.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return new MeasuredBuild(directory, context, control, browserCdp, origin, profileDir);
  }

  get scriptBytes(): number {
    return statSync(path.join(this.directory, 'background.js')).size;
  }

  private workerReaches(status: 'running' | 'stopped', act: () => Promise<unknown>): Promise<void> {
    const reached = new Promise<void>((resolve) => {
      const listener = ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (!versions.some((version) => version.scriptURL.startsWith(this.origin) && version.runningStatus === status)) return;
        this.control.off('ServiceWorker.workerVersionUpdated', listener);
        resolve();
      };
      this.control.on('ServiceWorker.workerVersionUpdated', listener);
    });
    return act().then(() => reached);
  }

  /** Stops the worker, then traces one start of it, with nothing sent to it. */
  async start(): Promise<Start> {
    await this.workerReaches('stopped', () => this.control.send('ServiceWorker.stopAllWorkers'));
    const { events } = await traced(this.browserCdp, async () => {
      await this.workerReaches('running', () => this.control.send('ServiceWorker.startWorker', { scopeURL: this.origin }));
      // Running is reported when the script has been evaluated; the trace's events arrive when tracing ends.
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const ofScript = (name: string) => events.find((event) => event.name === name && (event.args?.data?.url ?? event.args?.fileName ?? '').endsWith('/background.js'));
    const evaluate = ofScript('EvaluateScript');
    const compile = ofScript('v8.compile');
    if (!evaluate?.dur || evaluate.tdur === undefined) throw new Error(`no evaluation of ${this.origin}background.js in the trace`);
    return { evaluateWallMs: evaluate.dur / 1000, evaluateCpuMs: evaluate.tdur / 1000, compileCpuMs: (compile?.tdur ?? 0) / 1000 };
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { starts: { type: 'string', default: '20' } }, allowPositionals: true });
  const starts = positiveInteger(values.starts, '--starts');
  const directories = positionals.length > 0 ? positionals : ['.output/chrome-mv3'];
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const builds: MeasuredBuild[] = [];
  try {
    for (const directory of directories) builds.push(await MeasuredBuild.launch(directory, chromiumPath));
    const samples = builds.map(() => [] as Start[]);
    for (let round = 0; round < starts; round++) {
      for (const [i, build] of builds.entries()) samples[i].push(await build.start());
    }
    for (const [i, build] of builds.entries()) {
      const of = (pick: (start: Start) => number) => median(samples[i].map(pick)).toFixed(1);
      console.log(
        `${build.directory}: worker script ${(build.scriptBytes / 1000).toFixed(0)} kB; evaluated in ${of((s) => s.evaluateCpuMs)} ms CPU ` +
          `(compile ${of((s) => s.compileCpuMs)} ms), ${of((s) => s.evaluateWallMs)} ms wall; medians of ${starts} starts`,
      );
    }
  } finally {
    for (const build of builds) await build.close();
  }
}

await main();
