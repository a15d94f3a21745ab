/**
 * Refreshes the README's screenshots from the browser tests' artefacts: the tests write only to tests/.artifacts,
 * and this copies the pictures the README shows into docs/.
 * Usage: npm run docs:screenshots (after `npm run test:browser`, or its popup test alone).
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Artefact written by a test -> where the README takes it from. */
const SCREENSHOTS: { artefact: string; doc: string; writtenBy: string }[] = [
  { artefact: 'tests/.artifacts/popup-seed-000.png', doc: 'docs/popup-seed-000.png', writtenBy: 'tests/browser/popup.test.ts' },
  // The popup's first screen in each state a page can be in.
  ...['edited-copy', 'stored', 'same-story', 'unknown', 'no-article', 'restricted'].map((state) => ({
    artefact: `tests/.artifacts/popup-state-${state}.png`,
    doc: `docs/popup-state-${state}.png`,
    writtenBy: 'tests/browser/popup-states.test.ts',
  })),
];

let missing = 0;
for (const { artefact, doc, writtenBy } of SCREENSHOTS) {
  const from = path.join(repoRoot, artefact);
  if (!existsSync(from)) {
    process.stderr.write(`${artefact} is missing: run \`npm run build && npx vitest run --project browser ${writtenBy}\` first.\n`);
    missing++;
    continue;
  }
  copyFileSync(from, path.join(repoRoot, doc));
  process.stdout.write(`${doc} <- ${artefact} (taken ${statSync(from).mtime.toISOString()})\n`);
}
process.exitCode = missing > 0 ? 1 : 0;
