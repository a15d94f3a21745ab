/**
 * "Show all changes in the page": one control that marks every drift item of the comparison in the page at once,
 * and, pressed again, removes every mark.
 */
import type { Comparison, DriftItem } from '../../lib/types.ts';
import { pageChanges, type MarkWords } from '../shared/page-changes.ts';
import { sendToBackground } from '../shared/protocol.ts';
import { el } from '../shared/dom.ts';
import { t, tn } from './messages.ts';
import { inReadersWords } from './descriptions.ts';
import { driftKindName } from './relation-words.ts';

/** What a change's mark in the page says: the drift list's kind and sentence, and what the source has there. */
export function markWords(item: DriftItem): MarkWords {
  const source = item.source.text.trim();
  const lines =
    item.kind === 'dropped'
      ? [t('marksDroppedHere', { sentence: source })]
      : item.kind === 'added'
        ? [inReadersWords(item.description), t('marksNotInSource')]
        : [inReadersWords(item.description), ...(source ? [t('marksSourceHas', { source })] : [])];
  const kind = driftKindName(item.kind);
  return { kind, lines, label: t('marksLabel', { kind, detail: lines.join(' ') }) };
}

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
      : sendToBackground('mark-page-changes', { tabId, changes: pageChanges(comparison.drift, pageText, markWords) }).then(({ marked, missing }) => {
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
