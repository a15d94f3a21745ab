/**
 * The User Timing mark the worker sets when a first look is ready (its detail: "glance" or "full reading", the text it
 * came from): the benchmark's breakdown of a click (`npm run bench:click`), and DevTools shows it in the worker's
 * timeline.
 */
export const FIRST_LOOK_READY_MARK = 'palimpsest:first-look-ready';
