/**
 * `npm run eval`: every quality evaluation, one after the other, each writing its details to tests/.artifacts.
 *
 *   npm run eval              the full evaluations (PAN 2013: all 744 queries; same outlet: 150 pages of each kind)
 *   npm run eval -- --quick   smaller runs for CI: PAN's first 150 queries, 60 same-outlet pages of each kind, 60
 *                             planted-drift copies; the saved pages left out
 *
 * Each evaluation also runs alone (`npm run eval:pan`, `npm run eval:outlet`, `npm run eval:crosslang`, `npm run eval:drift`,
 * `npm run eval:pages`) with its own options. An evaluation whose data is not on this machine says so and is skipped.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');

/** `quickArgs` null: left out of the quick runs (CI's time budget). */
const evaluations: { name: string; script: string; args: string[]; quickArgs: string[] | null }[] = [
  { name: 'PAN 2013 text alignment', script: 'eval-pan.ts', args: [], quickArgs: ['--limit', '150'] },
  { name: 'same outlet (Reuters-21578)', script: 'eval-outlet.ts', args: [], quickArgs: ['--per-kind', '60'] },
  { name: 'across languages (WMT development sets)', script: 'eval-crosslang.ts', args: [], quickArgs: [] },
  { name: 'planted drift (Reuters-21578)', script: 'eval-drift.ts', args: [], quickArgs: ['--quick'] },
  // About two minutes: 124 real pages checked three ways each, long ones among them.
  { name: 'saved pages (Readability test pages)', script: 'eval-pages.ts', args: [], quickArgs: null },
];

let failed = 0;
for (const evaluation of evaluations) {
  const args = quick ? evaluation.quickArgs : evaluation.args;
  if (!args) continue;
  process.stdout.write(`\n=== ${evaluation.name}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(scripts, evaluation.script), ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
