import type { OutputStream } from './io.ts';

/** On a terminal, loads faster than this finish silently: a progress line for five records is noise. */
const TERMINAL_QUIET_MS = 300;
const TERMINAL_REDRAW_MS = 100;
/**
 * Off a terminal (CI logs, pipes) a line is logged this often, so only a corpus large enough to take
 * that long reports progress at all.
 */
export const LOG_INTERVAL_MS = 10_000;

export interface ProgressOptions {
  stream: OutputStream;
  label: string;
  /** Size of the corpus file in bytes, for the percentage done. */
  sizeBytes: number;
  now: () => number;
  /** What is being done and what was done, in the progress lines (default: loading). */
  verbs?: { doing: string; done: string };
}

/**
 * Reports records loaded and records per second on stderr. On a terminal one line is redrawn in place;
 * elsewhere a line is logged every few seconds while loading is slow enough to need it.
 */
export class LoadProgress {
  private readonly startedAt: number;
  private lastWriteAt: number;
  private shown = false;
  private readonly terminal: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.terminal = options.stream.isTTY === true;
    this.startedAt = options.now();
    this.lastWriteAt = this.startedAt;
  }

  update(records: number, bytesRead: number): void {
    const now = this.options.now();
    const elapsed = now - this.startedAt;
    if (this.terminal) {
      if (elapsed < TERMINAL_QUIET_MS || now - this.lastWriteAt < TERMINAL_REDRAW_MS) return;
      this.options.stream.write(`\r\x1b[K${this.describe(records, bytesRead, elapsed)}`);
    } else {
      if (now - this.lastWriteAt < LOG_INTERVAL_MS) return;
      this.options.stream.write(`${this.describe(records, bytesRead, elapsed)}\n`);
    }
    this.lastWriteAt = now;
    this.shown = true;
  }

  /** Ends the progress display; a final summary line is written only if progress was shown at all. */
  finish(records: number): void {
    if (!this.shown) return;
    const elapsed = this.options.now() - this.startedAt;
    const prefix = this.terminal ? '\r\x1b[K' : '';
    this.options.stream.write(
      `${prefix}${this.options.verbs?.done ?? 'Loaded'} ${formatCount(records)} records from ${this.options.label} in ${(elapsed / 1000).toFixed(1)} s (${formatRate(records, elapsed)})\n`,
    );
  }

  private describe(records: number, bytesRead: number, elapsed: number): string {
    const done = this.options.sizeBytes > 0 ? `, ${Math.floor((100 * bytesRead) / this.options.sizeBytes)}% read` : '';
    return `${this.options.verbs?.doing ?? 'Loading'} ${this.options.label}: ${formatCount(records)} records (${formatRate(records, elapsed)}${done})`;
  }
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function formatRate(records: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? Math.round((records * 1000) / elapsedMs) : 0;
  return `${formatCount(perSecond)} records/s`;
}
