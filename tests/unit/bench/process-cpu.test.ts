import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionProcesses } from '../../../scripts/bench/process-cpu.ts';

const children: ChildProcess[] = [];

/** A child that waits, with `args` on its command line as a renderer's switches are. */
function waitingChild(...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', '--', ...args], { stdio: 'ignore' });
  children.push(child);
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe.skipIf(!existsSync('/proc/self/stat'))('extensionProcesses', () => {
  it('names the descendants whose command line says --extension-process, and no other', async () => {
    const extension = waitingChild('--type=renderer', '--extension-process');
    const page = waitingChild('--type=renderer');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const found = extensionProcesses(process.pid);
    expect(found).toContain(extension.pid);
    expect(found).not.toContain(page.pid);
  });

  it('leaves out the processes of another tree', async () => {
    const extension = waitingChild('--extension-process');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(extensionProcesses(extension.pid!)).toEqual([]);
  });
});
