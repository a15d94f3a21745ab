/**
 * Toolbar click to the first result, compared between builds of the extension on one machine at one time: each build
 * in a Chromium of its own (button pinned, the sample corpus of the install), clicked on the seed 000 page in turn,
 * worker running then stopped, round after round (A/B/A/B), so that other jobs on the machine weigh on every build
 * alike. Beside each median: when the worker and the popup page started and when the popup's script ran, after the
 * click, which says where the time of a click goes.
 *
 *   npm run bench:click -- [--rounds 10] [build directory …]   (default: .output/chrome-mv3)
 *
 * A build with Chrome's default popup kept, for comparison: PALIMPSEST_CHROME_DEFAULT_POPUP=1 npx wxt build (wxt.config.ts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { positiveInteger } from '../eval/options.ts';
import { BenchBrowser, type ClickTiming } from './chromium-path.ts';
import { median } from './stats.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

type WorkerState = 'running' | 'stopped';

function summary(clicks: readonly ClickTiming[]): string {
  const of = (pick: (click: ClickTiming) => number | null) => {
    const values = clicks.map(pick).filter((value): value is number => value !== null);
    return values.length === 0 ? '–' : median(values).toFixed(0);
  };
  const stepsOf = `worker started ${of((click) => (click.workerStartMs > 0 ? click.workerStartMs : null))}, popup page ${of((click) => click.popupStartMs)}, popup script ${of((click) => click.popupScriptMs)}`;
  return `${of((click) => click.ms)} ms (${stepsOf}; range ${Math.min(...clicks.map((click) => click.ms)).toFixed(0)}–${Math.max(...clicks.map((click) => click.ms)).toFixed(0)})`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '10' } }, allowPositionals: true });
  const rounds = positiveInteger(values.rounds, '--rounds');
  const directories = positionals.length > 0 ? positionals : ['.output/chrome-mv3'];
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
  console.log(`load before: ${load()}`);
  const browsers: BenchBrowser[] = [];
  try {
    for (const directory of directories) browsers.push(await BenchBrowser.launch(directory, chromiumPath, REPO_ROOT, 'pinned'));
    // The install's own work (the sample corpus) settles, and one click each warms what a reader's browser has warm.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const browser of browsers) await browser.timeClick('running');
    const clicks = browsers.map(() => ({ running: [] as ClickTiming[], stopped: [] as ClickTiming[] }));
    for (let round = 0; round < rounds; round++) {
      for (const state of ['running', 'stopped'] as WorkerState[]) {
        for (const [i, browser] of browsers.entries()) clicks[i][state].push(await browser.timeClick(state));
      }
    }
    console.log(`load after: ${load()}`);
    for (const [i, directory] of directories.entries()) {
      console.log(`${directory}, medians of ${rounds} clicks, ms after the click:`);
      console.log(`  worker running: first result ${summary(clicks[i].running)}`);
      console.log(`  worker stopped: first result ${summary(clicks[i].stopped)}`);
    }
  } finally {
    for (const browser of browsers) await browser.close();
  }
}

await main();
