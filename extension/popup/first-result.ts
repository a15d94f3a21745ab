/**
 * The User Timing mark the popup sets when its first result is on screen (body[data-first-result]): the benchmark
 * times the toolbar click to it, and DevTools shows it in the popup's timeline.
 */
export const FIRST_RESULT_MARK = 'palimpsest:first-result';
