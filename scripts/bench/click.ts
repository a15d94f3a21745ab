/**
 * Toolbar click to the first result, compared between builds of the extension on one machine at one time: each build
 * in a Chromium of its own per place of its button (pinned to the toolbar, or left in the Extensions menu; the sample
 * corpus of the install), clicked on the seed 000 page in turn, worker running then stopped, round after round
 * (A/B/A/B), so that other jobs on the machine weigh on every build alike. Beside each median: when the worker and the
 * popup page started and when the popup's script ran, after the click, which says where the time of a click goes.
 *
 *   npm run bench:click -- [--rounds 10] [--button pinned|menu|both] [--extension-process kept|ended|both] [--steps]
 *   [--trace] [build directory …]   (default: both places, process kept, .output/chrome-mv3)
 *
 * --extension-process: whether the extension's renderer process outlives the stopped worker (kept: the bench stops the
 * worker from a page of the extension's own) or ends with it (ended: as when an idle worker stops in a reader's
 * browser with no extension page open, so the click starts the process again). Only the stopped rows differ.
 *
 * --steps adds the worker's steps (its CLICK_STEP_MARKS) and the popup page's (navigation timing, first paint).
 *
 * --trace records Chromium's trace of every click and adds, per build, what the scripts injected into the page cost:
 * each script's evaluation (wall and the page's main-thread CPU, which other jobs on the machine barely change).
 *
 * A build with Chrome's default popup kept, for comparison: PALIMPSEST_CHROME_DEFAULT_POPUP=1 npx wxt build (wxt.config.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { positiveInteger } from '../eval/options.ts';
import type { CDPSession } from 'playwright-core';
import { CLICK_STEP_MARKS, FIRST_LOOK_READY_MARK } from '../../extension/shared/timing-marks.ts';
import { traced } from './trace.ts';
import { BenchBrowser, type ButtonPlace, type ClickTiming } from './chromium-path.ts';
import { median } from './stats.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

type WorkerState = 'running' | 'stopped';

/** One injected script's evaluation in a click: ms after the first injected script began, wall and CPU. */
interface ScriptCost {
  script: string;
  startMs: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * A click, with when the worker had its first look (ms after the click) and from which reading, when it made one, and
 * when it took its other steps (CLICK_STEP_MARKS).
 */
interface Click extends ClickTiming {
  firstLookMs: number | null;
  firstLookFrom: string | null;
  workerSteps: Record<string, number>;
}

const STEP_NAMES = Object.fromEntries(Object.entries(CLICK_STEP_MARKS).map(([step, mark]) => [mark, step]));

/** The worker's marks of the click, taken off its timeline so that the next click finds only its own. */
const TAKE_WORKER_MARKS = `(() => {
  const marks = performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('palimpsest:'));
  performance.clearMarks();
  return marks.map((mark) => ({ name: mark.name, startTime: mark.startTime, detail: mark.detail === null ? null : String(mark.detail) }));
})()`;

async function timedClick(browser: BenchBrowser, state: WorkerState): Promise<Click> {
  const click = await browser.timeClick(state);
  const marks = await browser.inWorker<{ name: string; startTime: number; detail: string | null }[]>(TAKE_WORKER_MARKS);
  const look = marks.filter((mark) => mark.name === FIRST_LOOK_READY_MARK).at(-1);
  const workerSteps: Record<string, number> = {};
  for (const mark of marks) if (STEP_NAMES[mark.name] && !(STEP_NAMES[mark.name] in workerSteps)) workerSteps[STEP_NAMES[mark.name]] = click.workerStartMs + mark.startTime;
  return { ...click, firstLookMs: look ? click.workerStartMs + look.startTime : null, firstLookFrom: look?.detail ?? null, workerSteps };
}

const INJECTED_SCRIPT = /\/content-scripts\/([\w-]+\.js)$/;

/** Times one click while Chromium traces it; returns the click and the evaluations of the scripts injected into the page. */
async function tracedClick(browser: BenchBrowser, tracing: CDPSession, state: WorkerState): Promise<{ click: Click; scripts: ScriptCost[] }> {
  const { result: click, events } = await traced(tracing, () => timedClick(browser, state));
  const evaluations = events
    .filter((event) => event.name === 'EvaluateScript' && INJECTED_SCRIPT.test(event.args?.data?.url ?? ''))
    .sort((a, b) => a.ts - b.ts);
  const firstTs = evaluations[0]?.ts ?? 0;
  const scripts = evaluations.map((event) => ({
    script: INJECTED_SCRIPT.exec(event.args!.data!.url!)![1],
    startMs: (event.ts - firstTs) / 1000,
    wallMs: (event.dur ?? 0) / 1000,
    cpuMs: (event.tdur ?? 0) / 1000,
  }));
  return { click, scripts };
}

function scriptSummary(costs: readonly ScriptCost[]): string {
  const names = [...new Set(costs.map((cost) => cost.script))];
  return names
    .map((name) => {
      const mine = costs.filter((cost) => cost.script === name);
      return `${name} starts ${median(mine.map((cost) => cost.startMs)).toFixed(0)}, evaluated in ${median(mine.map((cost) => cost.wallMs)).toFixed(0)} (CPU ${median(mine.map((cost) => cost.cpuMs)).toFixed(0)})`;
    })
    .join('; ');
}

/** Which reading the worker's first looks came from, when not all from one. */
function fromSummary(clicks: readonly Click[]): string {
  const counts = new Map<string, number>();
  for (const click of clicks) if (click.firstLookFrom) counts.set(click.firstLookFrom, (counts.get(click.firstLookFrom) ?? 0) + 1);
  return counts.size === 0 ? '' : ` (${[...counts].map(([from, count]) => `${count} from the ${from}`).join(', ')})`;
}

function summary(clicks: readonly Click[], verbose: boolean): string {
  const of = (pick: (click: Click) => number | null) => {
    const values = clicks.map(pick).filter((value): value is number => value !== null);
    return values.length === 0 ? '–' : median(values).toFixed(0);
  };
  const stepsOf = `worker started ${of((click) => (click.workerStartMs > 0 ? click.workerStartMs : null))}, popup page ${of((click) => click.popupStartMs)}, popup script ${of((click) => click.popupScriptMs)}, worker's first look ${of((click) => click.firstLookMs)}${fromSummary(clicks)}`;
  const stepNames = (pick: (click: Click) => Record<string, number>) => [...new Set(clicks.flatMap((click) => Object.keys(pick(click))))];
  const detail = (label: string, pick: (click: Click) => Record<string, number>) =>
    `${label}: ${stepNames(pick)
      .map((name) => `${name} ${of((click) => pick(click)[name] ?? null)}`)
      .join(', ')}`;
  const steps = verbose ? `\n      ${detail('worker', (click) => click.workerSteps)}\n      ${detail('popup', (click) => click.popupSteps)}` : '';
  return `${of((click) => click.ms)} ms (${stepsOf}; range ${Math.min(...clicks.map((click) => click.ms)).toFixed(0)}–${Math.max(...clicks.map((click) => click.ms)).toFixed(0)})${steps}`;
}

type ProcessFate = 'kept' | 'ended';

/** `--extension-process kept|ended|both`: whether the extension's process outlives its stopped worker. */
function processFates(option: string): ProcessFate[] {
  if (option === 'both') return ['kept', 'ended'];
  if (option === 'kept' || option === 'ended') return [option];
  throw new Error(`--extension-process must be kept, ended or both, not "${option}"`);
}

/** `--button pinned|menu|both`: where the clicked button is (chromium-path.ts, ButtonPlace). */
function buttonPlaces(option: string): ButtonPlace[] {
  if (option === 'both') return ['pinned', 'menu'];
  if (option === 'pinned' || option === 'menu') return [option];
  throw new Error(`--button must be pinned, menu or both, not "${option}"`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, trace: { type: 'boolean', default: false }, steps: { type: 'boolean', default: false }, button: { type: 'string', default: 'both' }, 'extension-process': { type: 'string', default: 'kept' } }, allowPositionals: true });
  const rounds = positiveInteger(values.rounds, '--rounds');
  const directories = positionals.length > 0 ? positionals : ['.output/chrome-mv3'];
  const places = buttonPlaces(values.button);
  const fates = processFates(values['extension-process']);
  // Each build once per place of its button and fate of its process, in a Chromium of its own.
  const runs = places.flatMap((place) => fates.flatMap((fate) => directories.map((directory) => ({ directory, place, fate }))));
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
  console.log(`load before: ${load()}`);
  const browsers: BenchBrowser[] = [];
  try {
    for (const { directory, place, fate } of runs) {
      const browser = await BenchBrowser.launch(directory, chromiumPath, REPO_ROOT, place);
      browser.stopKeepsExtensionProcess = fate === 'kept';
      browsers.push(browser);
    }
    // The install's own work (the sample corpus) settles, and one click each warms what a reader's browser has warm.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const browser of browsers) await browser.timeClick('running');
    const tracings = values.trace ? await Promise.all(browsers.map((browser) => browser.context.browser()!.newBrowserCDPSession())) : null;
    const clicks = browsers.map(() => ({ running: [] as Click[], stopped: [] as Click[] }));
    const scripts = browsers.map(() => ({ running: [] as ScriptCost[], stopped: [] as ScriptCost[] }));
    for (let round = 0; round < rounds; round++) {
      for (const state of ['running', 'stopped'] as WorkerState[]) {
        for (const [i, browser] of browsers.entries()) {
          if (!tracings) {
            clicks[i][state].push(await timedClick(browser, state));
            continue;
          }
          const traced = await tracedClick(browser, tracings[i], state);
          clicks[i][state].push(traced.click);
          scripts[i][state].push(...traced.scripts);
        }
      }
    }
    console.log(`load after: ${load()}`);
    for (const [i, { directory, place, fate }] of runs.entries()) {
      const where = place === 'pinned' ? 'pinned to the toolbar' : 'in the Extensions menu';
      const processFate = fate === 'kept' ? 'extension process kept' : 'extension process ended with the worker';
      console.log(`${directory}, button ${where}, ${processFate}, medians of ${rounds} clicks, ms after the click:`);
      console.log(`  worker running: first result ${summary(clicks[i].running, values.steps)}`);
      console.log(`  worker stopped: first result ${summary(clicks[i].stopped, values.steps)}`);
      if (tracings) for (const state of ['running', 'stopped'] as WorkerState[]) console.log(`  page scripts, worker ${state}: ${scriptSummary(scripts[i][state])}`);
    }
  } finally {
    for (const browser of browsers) await browser.close();
  }
}

await main();
