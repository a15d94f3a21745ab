/**
 * "Show all changes in the page": one control that marks every drift item of the comparison in the page at once,
 * and, pressed again, removes every mark.
 */
import type { Comparison } from '../../lib/types.ts';
import { pageChanges } from '../shared/page-changes.ts';
import { sendToBackground } from '../shared/protocol.ts';
import { el } from '../shared/dom.ts';

const SHOW = 'Show all changes in the page';
const REMOVE = 'Remove the marks from the page';

/** The control, or null when there is nothing to mark. `say` announces the outcome in the popup's status line. */
export function renderPageMarksControl(tabId: number, comparison: Comparison | null, pageText: string, say: (message: string) => void): HTMLElement | null {
  if (!comparison || comparison.drift.length === 0) return null;
  let shown = false;
  const button = el('button', { class: 'page-marks', attrs: { type: 'button', 'aria-pressed': 'false', 'data-action': 'page-marks' } }, SHOW);
  const setShown = (value: boolean) => {
    shown = value;
    button.textContent = shown ? REMOVE : SHOW;
    button.setAttribute('aria-pressed', String(shown));
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    const request = shown
      ? sendToBackground('clear-page-changes', { tabId }).then(() => {
          setShown(false);
          say('The marks are removed from the page.');
        })
      : sendToBackground('mark-page-changes', { tabId, changes: pageChanges(comparison.drift, pageText) }).then(({ marked, missing }) => {
          setShown(marked > 0);
          say(marked === 0 ? 'None of the changes is visible in the page.' : `${marked} ${marked === 1 ? 'change' : 'changes'} marked in the page${missing ? `; ${missing} not visible there` : ''}. Hover or tab to a mark for the source's wording.`);
        });
    void request
      .catch((error: unknown) => say(`Could not mark the page: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        button.disabled = false;
      });
  });
  return el('p', { class: 'page-marks-row' }, button);
}
