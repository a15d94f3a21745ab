/**
 * "Quotes": the page's quotations with the person each is attributed to. Choosing one shows it in every version
 * that holds it, earliest first, the words changed against the earliest wording marked, and who each version says
 * said it.
 */
import type { QuoteOccurrence, QuoteTrail } from '../../lib/quotes/across.ts';
import type { Report } from '../../lib/types.ts';
import { formatDate, safeWebUrl } from '../shared/report-view.ts';
import { clear, el } from '../shared/dom.ts';
import { t } from './messages.ts';

const QUOTE_PREVIEW_CHARS = 90;

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTE_PREVIEW_CHARS ? `${oneLine.slice(0, QUOTE_PREVIEW_CHARS - 1)}…` : oneLine;
}

function publisher(o: QuoteOccurrence): string {
  if (o.isPage) return t('thisPageCapital');
  if (o.site) return o.site;
  const url = safeWebUrl(o.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : o.id;
}

/** The quotation's words, with the earliest version's words struck through and this version's marked. */
function wording(o: QuoteOccurrence, earliest: boolean): HTMLElement {
  const text = el('q', { class: 'quote-wording' });
  if (earliest || !o.changed) {
    text.append(o.text);
    return text;
  }
  for (const op of o.ops) {
    if (op.op === 'equal') text.append(op.text);
    else text.append(el(op.op === 'del' ? 'del' : 'ins', {}, op.text));
  }
  return text;
}

function occurrenceItem(o: QuoteOccurrence, k: number): HTMLElement {
  const date = formatDate(o.date);
  return el(
    'li',
    { class: o.isPage ? 'quote-occurrence quote-page' : 'quote-occurrence', attrs: { 'data-occurrence-id': o.id, 'data-changed': String(o.changed) } },
    el(
      'span',
      { class: 'quote-where' },
      el('span', { class: 'publisher' }, publisher(o)),
      ' · ',
      date ? el('time', { attrs: { datetime: o.date! } }, date) : el('span', { class: 'muted' }, t('dateUnknownShort')),
      k === 0 ? ' ' : null,
      k === 0 ? el('span', { class: 'chip' }, t('earliest')) : null,
    ),
    el('span', { class: 'quote-speaker' }, o.speaker ? t('saidBy', { speaker: o.speaker }) : t('saidByNoOne')),
    wording(o, k === 0),
    k > 0 && !o.changed ? el('span', { class: 'muted' }, ' ', t('quoteSameWords')) : null,
  );
}

/** The section, or null when the page quotes no one. */
export function renderQuotesSection(report: Report): HTMLElement | null {
  const trails = report.quotes ?? [];
  if (trails.length === 0) return null;
  const detail = el('div', { class: 'quote-trail', attrs: { 'aria-live': 'polite' } });
  const buttons: HTMLButtonElement[] = [];
  const choose = (trail: QuoteTrail, button: HTMLButtonElement) => {
    for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
    clear(detail);
    const versions = trail.occurrences.length - 1;
    detail.append(
      el('p', { class: 'hint' }, versions === 0 ? t('quoteNoOtherVersion') : t('quoteInTexts', { count: versions + 1 })),
      el('ol', { class: 'quote-occurrences' }, ...trail.occurrences.map(occurrenceItem)),
    );
  };
  const list = el(
    'ul',
    { class: 'quote-list' },
    ...quoteButtons(trails, buttons, choose),
  );
  return el(
    'section',
    { class: 'block quotes', attrs: { 'aria-labelledby': 'quotes-heading', 'data-section': 'quotes' } },
    el('h2', { attrs: { id: 'quotes-heading' } }, t('quotesHeading'), ' ', el('span', { class: 'count' }, String(trails.length))),
    el('p', { class: 'hint' }, t('quotesHint')),
    list,
    detail,
  );
}

function quoteButtons(trails: QuoteTrail[], buttons: HTMLButtonElement[], choose: (trail: QuoteTrail, button: HTMLButtonElement) => void): HTMLElement[] {
  return trails.map((trail, k) => {
    const changed = trail.occurrences.some((o) => o.changed);
    const button = el(
      'button',
      { class: 'quote-choice', attrs: { type: 'button', 'aria-pressed': 'false', 'data-quote-index': String(k) } },
      el('q', {}, preview(trail.page.text)),
      el('span', { class: 'quote-meta' }, trail.page.speaker ? ` — ${trail.page.speaker}` : '', changed ? el('span', { class: 'chip quote-changed' }, t('quoteWordedElsewhere')) : null),
    );
    button.addEventListener('click', () => choose(trail, button));
    buttons.push(button);
    return el('li', {}, button);
  });
}
