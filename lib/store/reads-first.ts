/**
 * Lets a reader's check go before a bulk import's next write.
 *
 * IndexedDB starts a read-only transaction only once every read-write transaction begun before it over the same
 * tables has ended. An import keeps one under way nearly all the time (the options page sends the next batch as soon
 * as the last is stored), so each of a check's reads, one after another, waited for a whole batch's transaction: a
 * first answer took 4–8 s during a 1 GB import, against tens of milliseconds on an idle corpus. The import asks for
 * its turn before each of its transactions and, while a check is under way, waits; a check then waits for at most
 * the one transaction already running.
 *
 * A turn is never put off longer than `maxDeferMs`, so checks one after another slow an import but never stop it.
 */
export const MAX_WRITE_DEFER_MS = 5_000;

/** The turn of a write that nothing holds back (a store opened without ReadsFirst, a write that is not an import's). */
export function turnAtOnce(): Promise<void> {
  return Promise.resolve();
}

export class ReadsFirst {
  private reading = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly maxDeferMs = MAX_WRITE_DEFER_MS) {}

  /** Runs a reader's work; writes that ask for their turn meanwhile wait until it is done. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.reading++;
    try {
      return await work();
    } finally {
      this.reading--;
      if (this.reading === 0) for (const go of [...this.waiting]) go();
    }
  }

  /** Resolves when no reader's work is under way, or after `maxDeferMs`. */
  writeTurn(): Promise<void> {
    if (this.reading === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.waiting.delete(go);
        resolve();
      };
      const timer = setTimeout(go, this.maxDeferMs);
      this.waiting.add(go);
    });
  }
}
