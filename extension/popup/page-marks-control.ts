/**
 * "Show all changes in the page": one control that marks every drift item of the comparison in the page at once,
 * and, pressed again, removes every mark.
 */
import type { Comparison } from '../../lib/types.ts';
import { pageChanges } from '../shared/page-changes.ts';
import { sendToBackground } from '../shared/protocol.ts';
import { el } from '../shared/dom.ts';
import { t, tn } from './messages.ts';
import { inReadersWords } from './descriptions.ts';

/** The control, or null when there is nothing to mark. `say` announces the outcome in the popup's status line. */
export function renderPageMarksControl(tabId: number, comparison: Comparison | null, pageText: string, say: (message: string) => void): HTMLElement | null {
  if (!comparison || comparison.drift.length === 0) return null;
  let shown = false;
  const button = el('button', { class: 'page-marks', attrs: { type: 'button', 'aria-pressed': 'false', 'data-action': 'page-marks' } }, t('marksShow'));
  const setShown = (value: boolean) => {
    shown = value;
    button.textContent = shown ? t('marksRemove') : t('marksShow');
    button.setAttribute('aria-pressed', String(shown));
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    const request = shown
      ? sendToBackground('clear-page-changes', { tabId }).then(() => {
          setShown(false);
          say(t('marksRemoved'));
        })
      : sendToBackground('mark-page-changes', { tabId, changes: pageChanges(comparison.drift, pageText, (item) => inReadersWords(item.description)) }).then(({ marked, missing }) => {
          setShown(marked > 0);
          say(marked === 0 ? t('marksNoneVisible') : missing ? tn('marksShownSomeHidden', marked, { missing }) : tn('marksShown', marked));
        });
    void request
      .catch((error: unknown) => say(t('marksFailed', { error: error instanceof Error ? error.message : String(error) })))
      .finally(() => {
        button.disabled = false;
      });
  });
  return el('p', { class: 'page-marks-row' }, button);
}
