/**
 * When a followed feed is read next. A feed that answered is read again after the refresh interval; one that failed
 * waits longer after each failure in a row (network trouble or a server error should not be hammered), and one
 * whose site answered 429 or 503 with Retry-After waits at least as long as the site asked. A small spread keeps
 * feeds followed together from falling due in the same minute forever.
 */

export const REFRESH_INTERVAL_MS = 60 * 60_000;
/** The first retry after a failure; each further failure in a row doubles it… */
export const FIRST_BACKOFF_MS = 30 * 60_000;
/** …up to a day. */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Retry-After values beyond this are read as this (a site cannot park a feed for a month). */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60_000;
/** Spread added to each next read, as a share of the interval. */
const SPREAD = 0.1;

/**
 * The wait a Retry-After header asks for, in milliseconds from `now`: delay-seconds or an HTTP date; undefined when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** The wait after `failures` failed reads in a row (1 for the first). */
export function backoffMs(failures: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

/** `random` in [0, 1): the spread; tests pass a fixed value. */
export function nextReadAfterSuccess(now: number, random: number = Math.random()): number {
  return now + REFRESH_INTERVAL_MS + Math.floor(random * SPREAD * REFRESH_INTERVAL_MS);
}

export function nextReadAfterFailure(now: number, failures: number, askedWaitMs?: number): number {
  return now + Math.max(backoffMs(failures), askedWaitMs ?? 0);
}

/**
 * First reads of feeds followed together (an OPML file of 200): spread evenly over one interval from `now`, so the
 * schedule takes them a few at a time.
 */
export function staggeredFirstReads(now: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => now + Math.floor((i * REFRESH_INTERVAL_MS) / Math.max(1, count)));
}
