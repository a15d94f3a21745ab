/**
 * The User Timing mark the worker sets when a first look is ready (its detail: "glance" or "full reading", the text it
 * came from): the benchmark's breakdown of a click (`npm run bench:click`), and DevTools shows it in the worker's
 * timeline.
 */
export const FIRST_LOOK_READY_MARK = 'palimpsest:first-look-ready';
/**
 * The worker's steps on a toolbar click, in its timeline: the click reached the worker, the popup was asked to open
 * (and had opened), the glance came back from the page, the corpus was open. `npm run bench:click` reports each.
 */
export const CLICK_STEP_MARKS = {
  clicked: 'palimpsest:click',
  popupAsked: 'palimpsest:popup-asked',
  popupOpened: 'palimpsest:popup-opened',
  glanced: 'palimpsest:glanced',
  corpusOpen: 'palimpsest:corpus-open',
} as const;
