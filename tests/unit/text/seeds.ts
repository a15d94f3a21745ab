import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const seedsAvailable = fs.existsSync(seedsDir);

/** Seed text by its numeric prefix ("000"…"004"); '' when the shared data is absent. */
export function seed(prefix: string): string {
  if (!seedsAvailable) return '';
  const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(`${prefix}_`));
  return file ? fs.readFileSync(path.join(seedsDir, file), 'utf8') : '';
}
