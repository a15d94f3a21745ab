/**
 * CPU time used by a browser and every process it started (Linux /proc), so a benchmark on a machine shared with
 * other jobs can report what its work cost in CPU, which other jobs do not change, beside the wall-clock rate,
 * which they do.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function statOf(pid: number): ProcessStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function allStats(): ProcessStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => statOf(Number(name)))
    .filter((stat): stat is ProcessStat => stat !== null);
}

/** The browser's main process: the one whose command line names this profile directory and whose parent does not. */
export function browserPid(profileDir: string): number | null {
  const named = allStats().filter((stat) => {
    try {
      return readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').includes(profileDir);
    } catch {
      return false;
    }
  });
  const pids = new Set(named.map((stat) => stat.pid));
  return named.find((stat) => !pids.has(stat.ppid))?.pid ?? null;
}

/** The browser's extension renderer processes (their command line says --extension-process), by pid. */
export function extensionProcesses(rootPid: number): number[] {
  const stats = allStats();
  const parentOf = new Map(stats.map((stat) => [stat.pid, stat.ppid]));
  const underRoot = (pid: number) => {
    for (let ancestor = parentOf.get(pid); ancestor !== undefined && ancestor > 1; ancestor = parentOf.get(ancestor)) if (ancestor === rootPid) return true;
    return false;
  };
  return stats
    .filter((stat) => underRoot(stat.pid))
    .filter((stat) => {
      try {
        return readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').includes('--extension-process');
      } catch {
        return false;
      }
    })
    .map((stat) => stat.pid);
}

/** What a thread of the browser does, for the CPU split of the bulk-import row. */
export type ThreadRole = 'workers' | 'service worker' | 'page' | 'extension process, other' | 'browser process' | 'other processes';

function threadRole(process: { pid: number; extension: boolean; root: boolean }, tid: number, name: string): ThreadRole {
  if (process.root) return 'browser process';
  if (!process.extension) return 'other processes';
  if (name.startsWith('DedicatedWorker')) return 'workers';
  if (name.startsWith('ServiceWorker')) return 'service worker';
  // An extension process's main thread runs its pages (the options page).
  return tid === process.pid ? 'page' : 'extension process, other';
}

function threadStats(pid: number): { tid: number; name: string; ticks: number }[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ tid: Number(tid), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return [];
    }
  });
}

/**
 * CPU time of a process tree, sampled: each process counts with the most CPU it was seen to have used, so a
 * process that exits between samples (a closed page's renderer) keeps what it used up to the last sample. Threads
 * are counted the same way, by what they do (threadRole).
 */
export class CpuMeter {
  private readonly seen = new Map<number, number>();
  private readonly threads = new Map<string, { role: ThreadRole; name: string; ticks: number }>();
  private readonly extensionProcess = new Map<number, boolean>();

  constructor(private readonly rootPid: number) {}

  private isExtensionProcess(pid: number): boolean {
    if (!this.extensionProcess.has(pid)) {
      let extension = false;
      try {
        extension = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process');
      } catch {
        // Gone: counted with what it used up to the last sample.
      }
      this.extensionProcess.set(pid, extension);
    }
    return this.extensionProcess.get(pid)!;
  }

  sample(): void {
    const stats = allStats();
    const children = new Map<number, ProcessStat[]>();
    for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
    const record = (stat: ProcessStat) => {
      this.seen.set(stat.pid, Math.max(this.seen.get(stat.pid) ?? 0, stat.ticks));
      const process = { pid: stat.pid, extension: this.isExtensionProcess(stat.pid), root: stat.pid === this.rootPid };
      for (const thread of threadStats(stat.pid)) {
        const key = `${stat.pid}/${thread.tid}`;
        const known = this.threads.get(key);
        this.threads.set(key, { role: threadRole(process, thread.tid, thread.name), name: thread.name, ticks: Math.max(known?.ticks ?? 0, thread.ticks) });
      }
      for (const child of children.get(stat.pid) ?? []) record(child);
    };
    const root = stats.find((stat) => stat.pid === this.rootPid);
    if (root) record(root);
  }

  /** CPU seconds used by the tree up to the last sample. */
  seconds(): number {
    let ticks = 0;
    for (const value of this.seen.values()) ticks += value;
    return ticks / TICKS_PER_SECOND;
  }

  /** CPU seconds by thread role up to the last sample. */
  secondsByRole(): Map<ThreadRole, number> {
    const byRole = new Map<ThreadRole, number>();
    for (const { role, ticks } of this.threads.values()) byRole.set(role, (byRole.get(role) ?? 0) + ticks / TICKS_PER_SECOND);
    return byRole;
  }

  /** CPU seconds of one role's threads up to the last sample, by thread name (numbers dropped: a pool is one name). */
  secondsByThreadName(role: ThreadRole): Map<string, number> {
    const byName = new Map<string, number>();
    for (const thread of this.threads.values()) {
      if (thread.role !== role) continue;
      const name = thread.name.replace(/\d+/g, '');
      byName.set(name, (byName.get(name) ?? 0) + thread.ticks / TICKS_PER_SECOND);
    }
    return byName;
  }
}
