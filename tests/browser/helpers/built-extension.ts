/** What the Chromium and the Firefox suites share about the built extension they load. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** CI runs every suite: there a missing browser or build is a failure, never a skip. */
export const runningInCi = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());

/**
 * Skips a browser suite that cannot run here: returns why (after a warning), or null when it can run. In CI
 * (CI=true) it throws instead, failing the suite, so a broken install never passes as a green run.
 */
export function skipUnless(missing: string | null, suite: string): string | null {
  if (missing === null) return null;
  if (runningInCi) throw new Error(`${missing}. CI=true: the ${suite} must run, not skip.`);
  console.warn(`[${suite} skipped] ${missing}`);
  return missing;
}

/**
 * A copy of a built extension whose manifest grants access to every site up front, as if the reader had granted
 * the optional host access (or clicked the toolbar button on each page): browsers ask for that outside the page,
 * where no test can answer. The caller removes the copy.
 */
export function copyWithHostAccess(builtDir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'palimpsest-granted-'));
  cpSync(builtDir, copy, { recursive: true });
  const manifestPath = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}
