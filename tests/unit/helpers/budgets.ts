/**
 * Vitest's timeout is a wall-clock limit; here it only guards against a hang. A test whose work is bounded by
 * its own inputs (a fixed number of property runs on inputs of bounded size, fixed adversarial documents, a fixed
 * set of files or processes) but that takes seconds gets this budget, so a busy two-core machine slows it down
 * without failing it. Its speed is never asserted: that is `npm run bench`'s job.
 */
export const BOUNDED_HEAVY_WORK = { timeout: 120_000 };
