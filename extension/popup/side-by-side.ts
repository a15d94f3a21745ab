/** Aligned sentences of the chosen version and the page, with changed words marked. */
import type { Comparison, SentencePair } from '../../lib/types.ts';
import { el } from '../shared/dom.ts';
import { renderSide } from './word-diff.ts';

function cell(pair: SentencePair, side: 'source' | 'page', text: string): HTMLElement {
  const span = side === 'page' ? pair.page : pair.source;
  if (!span) return el('div', { class: `sbs-cell sbs-${side} empty`, attrs: { role: 'cell' } }, el('em', {}, side === 'page' ? 'dropped' : 'added'));
  const content = pair.ops.length > 0 ? renderSide(pair.ops, side) : document.createTextNode(text.slice(span[0], span[1]));
  return el('div', { class: `sbs-cell sbs-${side}`, attrs: { role: 'cell' } }, content);
}

function changed(pair: SentencePair): boolean {
  return !pair.page || !pair.source || pair.ops.some((op) => op.op !== 'equal');
}

export function renderSideBySide(comparison: Comparison | null, pageText: string, sourceText: string, sourceName: string): HTMLElement | null {
  if (!comparison || comparison.pairs.length === 0) return null;
  const changedCount = comparison.pairs.filter(changed).length;
  const rows = comparison.pairs.map((pair) =>
    el('div', { class: `sbs-row${changed(pair) ? ' changed' : ''}`, attrs: { role: 'row' } }, cell(pair, 'source', sourceText), cell(pair, 'page', pageText)),
  );
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'sbs-heading' } },
    el(
      'details',
      { class: 'sbs', attrs: { open: '' } },
      el('summary', {}, el('h2', { attrs: { id: 'sbs-heading' } }, 'Side by side ', el('span', { class: 'count' }, `${changedCount} of ${comparison.pairs.length} sentences changed`))),
      el(
        'div',
        { class: 'sbs-table', attrs: { role: 'table', 'aria-label': `${sourceName} and this page, sentence by sentence` } },
        el('div', { class: 'sbs-row sbs-head', attrs: { role: 'row' } }, el('div', { class: 'sbs-cell', attrs: { role: 'columnheader' } }, sourceName), el('div', { class: 'sbs-cell', attrs: { role: 'columnheader' } }, 'This page')),
        ...rows,
      ),
    ),
  );
}
