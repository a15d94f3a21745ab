/** Aligned sentences of the chosen version and the page, with changed words marked. */
import type { Comparison, SentencePair } from '../../lib/types.ts';
import { el } from '../shared/dom.ts';
import { tn } from './messages.ts';
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

/** Runs of unchanged sentences shorter than this stay in view: folding one sentence saves nothing. */
const FOLDED_RUN = 2;

/**
 * Unchanged sentences fold into one row ("12 unchanged sentences") whose button shows them: the changed ones stay
 * in sight without scrolling past the whole article.
 */
function foldUnchanged(rows: { row: HTMLElement; changed: boolean }[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  let run: HTMLElement[] = [];
  const flush = (): void => {
    if (run.length >= FOLDED_RUN) {
      const hidden = run;
      for (const row of hidden) row.hidden = true;
      const label = tn('unchangedSentences', hidden.length);
      const toggle = el('button', { class: 'link-button sbs-unfold', attrs: { type: 'button', 'aria-expanded': 'false' } }, label);
      toggle.addEventListener('click', () => {
        const show = toggle.getAttribute('aria-expanded') !== 'true';
        for (const row of hidden) row.hidden = !show;
        toggle.setAttribute('aria-expanded', String(show));
        toggle.textContent = show ? tn('hideUnchangedSentences', hidden.length) : label;
      });
      out.push(el('div', { class: 'sbs-row sbs-folded', attrs: { role: 'row' } }, el('div', { class: 'sbs-cell sbs-fold-cell', attrs: { role: 'cell' } }, toggle)));
    }
    out.push(...run);
    run = [];
  };
  for (const { row, changed: isChanged } of rows) {
    if (isChanged) {
      flush();
      out.push(row);
    } else {
      run.push(row);
    }
  }
  flush();
  return out;
}

export function renderSideBySide(comparison: Comparison | null, pageText: string, sourceText: string, sourceName: string): HTMLElement | null {
  if (!comparison || comparison.pairs.length === 0) return null;
  const changedCount = comparison.pairs.filter(changed).length;
  const rows = comparison.pairs.map((pair) => ({
    changed: changed(pair),
    row: el('div', { class: `sbs-row${changed(pair) ? ' changed' : ''}`, attrs: { role: 'row' } }, cell(pair, 'source', sourceText), cell(pair, 'page', pageText)),
  }));
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
        ...foldUnchanged(rows),
      ),
    ),
  );
}
