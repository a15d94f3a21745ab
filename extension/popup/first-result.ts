/**
 * The User Timing mark the popup sets when its first result is on screen (body[data-first-result]): the benchmark
 * times the toolbar click to it, and DevTools shows it in the popup's timeline.
 */
export const FIRST_RESULT_MARK = 'palimpsest:first-result';

/** The mark the popup sets when its first-look module starts running: the benchmark's breakdown of a click. */
export const POPUP_STARTED_MARK = 'palimpsest:popup-started';
