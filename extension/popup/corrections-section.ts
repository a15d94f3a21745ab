/**
 * The reader's corrections in the popup: a "Not a version of this page" button on every match, and a line per
 * article the reader marked, with its undo. Marking or undoing asks the background, which stores the correction in
 * the corpus and checks the page again; the popup then shows that answer.
 */
import type { CorrectedRecord, Match, Report } from '../../lib/types.ts';
import { sendToBackground, type TabState } from '../shared/protocol.ts';
import { el } from '../shared/dom.ts';
import { t } from './messages.ts';
import { publisherName } from './version-card.ts';

export type CorrectionRequest = 'mark-not-a-version' | 'undo-not-a-version';

/** What the popup does when the reader marks a match or undoes a mark. */
export type OnCorrection = (request: CorrectionRequest, id: string, name: string) => void;

export function notAVersionButton(match: Match, onCorrection: OnCorrection): HTMLElement {
  const name = publisherName(match);
  return el(
    'button',
    {
      class: 'not-a-version',
      attrs: {
        type: 'button',
        'data-not-a-version-id': match.id,
        title: t('notAVersionTitle'),
        'aria-label': t('notAVersionLabel', { publisher: name }),
      },
      onClick: () => onCorrection('mark-not-a-version', match.id, name),
    },
    t('notAVersion'),
  );
}

function correctedLine(record: CorrectedRecord, onCorrection: OnCorrection): HTMLElement {
  const name = publisherName(record);
  return el(
    'li',
    { attrs: { 'data-corrected-id': record.id } },
    t('markedNotAVersion'),
    ' ',
    el('span', { class: 'publisher', attrs: record.title ? { title: record.title } : {} }, name),
    ' — ',
    el(
      'button',
      {
        class: 'link-button undo-correction',
        attrs: { type: 'button', 'aria-label': t('undoLabel', { publisher: name }) },
        onClick: () => onCorrection('undo-not-a-version', record.id, name),
      },
      t('undo'),
    ),
  );
}

/** The articles the reader marked as not versions of this page, each with its undo; nothing when there are none. */
export function renderCorrectedSection(report: Report, onCorrection: OnCorrection): HTMLElement | null {
  if (report.corrected.length === 0) return null;
  return el(
    'section',
    { class: 'block corrected', attrs: { 'aria-label': t('correctionsLabel') } },
    el('ul', { class: 'corrected-list' }, ...report.corrected.map((record) => correctedLine(record, onCorrection))),
  );
}

/** Sends the reader's correction; the answer is the tab checked again with it. */
export function sendCorrection(request: CorrectionRequest, tabId: number, recordId: string): Promise<TabState> {
  return sendToBackground(request, { tabId, recordId });
}

/** What the status line says once the corrected answer is on screen. */
export function correctedInWords(request: CorrectionRequest, name: string): string {
  return request === 'mark-not-a-version' ? t('correctedMarked', { publisher: name }) : t('correctedUndone', { publisher: name });
}
