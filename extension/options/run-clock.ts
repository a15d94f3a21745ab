/** One run of an import on the page's clock: how fast it stores and how long it has left (lib/import/pace.ts). */
import { finishedRunLine, ImportPace, paceLine } from '../../lib/import/pace.ts';

export class RunClock {
  private readonly startedAt = performance.now();
  private pace: ImportPace | null = null;
  private storedNow: number;

  /** `storedBefore`: the articles the import had stored before this run (a continued import's). */
  constructor(private readonly storedBefore: number) {
    this.storedNow = storedBefore;
  }

  /** The share of the file read so far; the first reading is where this run started in the file. */
  read(fraction: number): void {
    const now = performance.now();
    if (this.pace) this.pace.observe(now, fraction);
    else this.pace = new ImportPace(now, fraction);
  }

  /** The import's stored articles in all, as its progress counts them. */
  stored(total: number): void {
    this.storedNow = total;
  }

  /** "262 articles a second · about 4 min left", or null while too little is known. */
  runningLine(): string | null {
    const now = performance.now();
    return paceLine(this.storedNow - this.storedBefore, now - this.startedAt, this.pace?.msLeft(now) ?? null);
  }

  /** "This run stored 51,200 articles in 3 min 20 s (256 articles a second).", or nothing when it stored none. */
  finishedLine(): string {
    const stored = this.storedNow - this.storedBefore;
    return stored > 0 ? finishedRunLine(stored, performance.now() - this.startedAt) : '';
  }
}
