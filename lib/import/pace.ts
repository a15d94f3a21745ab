/**
 * How an import is going, in words a reader can plan by: how long it has left and how many articles a second it
 * stores, and once done how long the run took. Pure: the caller passes the clock's readings.
 *
 * Time left is read from how fast the file has been read over the last two minutes, not since the start: a bulk
 * import slows as the corpus grows (the benchmark's 1 GB crawl stored 257–308 articles a second between a tenth and a
 * third of the file, 179–218 over the whole run). Half a minute was too short: some batches wait seconds on the index
 * merging its generations, and at three quarters of that crawl a half-minute rate said 5 min were left when 3.2 were.
 */

/** Before this long, or this share of the file, a guess would swing too much to be worth showing. */
const MIN_ELAPSED_MS = 2000;
const MIN_PROGRESS = 0.01;
/** The recent stretch the rate is read over. */
const WINDOW_MS = 120_000;
const READING_GAP_MS = 250;

interface Reading {
  at: number;
  fraction: number;
}

export class ImportPace {
  private readonly readings: Reading[] = [];
  private readonly start: Reading;

  /** `at` in milliseconds on any clock that only moves forward; `fraction` of the file read, 0 to 1. */
  constructor(at: number, fraction: number) {
    this.start = { at, fraction };
  }

  /** Notes how far the file has been read at `at`. */
  observe(at: number, fraction: number): void {
    // Readings can come faster than a rate needs (the options page reports every 200 ms): within a quarter second of
    // the one before, a reading only moves the latest, so the window holds at most about 480.
    const before = this.readings.at(-2);
    if (before && at - before.at < READING_GAP_MS) this.readings[this.readings.length - 1] = { at, fraction };
    else this.readings.push({ at, fraction });
    // Readings older than the window are no longer needed, but the one just before it anchors the window's start.
    while (this.readings.length > 2 && this.readings[1]!.at <= at - WINDOW_MS) this.readings.shift();
  }

  /** Milliseconds left at `at`, or null while too little of the file has been read to tell. */
  msLeft(at: number): number | null {
    const latest = this.readings.at(-1);
    if (!latest || at - this.start.at < MIN_ELAPSED_MS || latest.fraction - this.start.fraction < MIN_PROGRESS) return null;
    // Within its first two minutes the run is read from its start; after that, from the window's oldest reading.
    const oldest = this.readings[0]!;
    const windowed = latest.at - this.start.at > WINDOW_MS && latest.fraction > oldest.fraction;
    const from = windowed ? oldest : this.start;
    const perMs = (latest.fraction - from.fraction) / (latest.at - from.at);
    if (!(perMs > 0)) return null;
    return Math.max(0, (1 - latest.fraction) / perMs - (at - latest.at));
  }
}

/** "less than a minute left", "about 4 min left", "about 1 h 20 min left". */
export function describeTimeLeft(ms: number): string {
  if (ms < 60_000) return 'less than a minute left';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** "0.8 s", "12 s", "3 min 20 s", "1 h 5 min". */
export function describeDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} min ${wholeSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "262 articles a second", or null over too short a time for a rate to mean anything. */
export function describeRate(articles: number, ms: number): string | null {
  if (ms < MIN_ELAPSED_MS || articles <= 0) return null;
  const perSecond = (articles * 1000) / ms;
  const shown = perSecond >= 10 ? Math.round(perSecond).toLocaleString('en') : perSecond.toFixed(1);
  return `${shown} articles a second`;
}

/** The line under an import in progress: "262 articles a second · about 4 min left", or null while nothing is known. */
export function paceLine(storedThisRun: number, elapsedMs: number, msLeft: number | null): string | null {
  const parts = [describeRate(storedThisRun, elapsedMs), msLeft === null ? null : describeTimeLeft(msLeft)].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The line under a finished run: "This run stored 51,200 articles in 3 min 20 s (256 articles a second)." */
export function finishedRunLine(storedThisRun: number, elapsedMs: number): string {
  const rate = describeRate(storedThisRun, elapsedMs);
  const count = `${storedThisRun.toLocaleString('en')} ${storedThisRun === 1 ? 'article' : 'articles'}`;
  return `This run stored ${count} in ${describeDuration(elapsedMs)}${rate ? ` (${rate})` : ''}.`;
}
