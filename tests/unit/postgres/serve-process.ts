/** `palimpsest serve` as a child process on 127.0.0.1, for the server tests and the browser test of the option. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../../../bin/palimpsest.js');

export interface ServeProcess {
  child: ChildProcess;
  /** "http://127.0.0.1:<port>". */
  url: string;
  /** What it wrote on stderr so far. */
  log(): string;
  /** SIGTERM, then waits for it to exit; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts the server on a free port and resolves once it says where it listens. */
export async function startServe(db: string, token: string, extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', ...extraArgs], {
    env: { ...process.env, PALIMPSEST_TOKEN: token },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`palimpsest serve exited (${code}): ${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    return exited;
  };
  return { child, url, log: () => stderr, stop };
}
