import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'bin', 'palimpsest.js');

/** A corpus directory that does not exist: nothing imported yet, as on a new reader's machine. */
const noCorpus = path.join(os.tmpdir(), `palimpsest-bin-test-${process.pid}`, 'corpus');

async function palimpsest(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: repoRoot, timeout: 60_000, env: { ...process.env, PALIMPSEST_DB: noCorpus } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failure = err as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('bin/palimpsest.js', BOUNDED_HEAVY_WORK, () => {
  it('starts as a node executable and prints the version', async () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(await palimpsest(['--version'])).toEqual({ code: 0, stdout: `palimpsest ${version}\n`, stderr: '' });
  });

  it('exits 2 on a usage error', async () => {
    const result = await palimpsest(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^palimpsest: check needs at least one file/);
  });

  it('checks a page against the bundled corpus', async () => {
    const page = 'tests/fixtures/seed-000/page.html';
    const result = await palimpsest(['check', page, '--json']);
    expect(result.stderr).toBe(`palimpsest: no articles imported at ${noCorpus} yet: checking against the bundled sample corpus (palimpsest import stores yours)\n`);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.input).toBe(page);
    expect(report.original).toBe('seed-001');
  });
});
