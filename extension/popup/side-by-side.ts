/**
 * Aligned sentences of the chosen version and the page, with changed words marked. Across languages each side is
 * shown in its own language and direction, the drift's changed parts (figures, names) marked on both sides, and,
 * where the browser translates on this machine, a gloss of the original sentence in the page's language.
 */
import type { Comparison, DriftItem, SentencePair } from '../../lib/types.ts';
import { el } from '../shared/dom.ts';
import { languageInWords, t, tn } from './messages.ts';
import type { Gloss } from './translator.ts';
import { renderSide } from './word-diff.ts';

export interface SideLanguages {
  page?: string;
  source?: string;
}

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv']);

function base(lang: string | undefined): string | undefined {
  return lang?.toLowerCase().split(/[-_]/)[0];
}

/** The text's direction from its language; "auto" when the language is not known. */
export function directionOf(lang: string | undefined): 'rtl' | 'ltr' | 'auto' {
  const code = base(lang);
  if (!code || code === 'und') return 'auto';
  return RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr';
}

/** The sentence's text, with the spans drift items point at marked (offsets are the whole text's). */
function marked(text: string, [start, end]: [number, number], spans: [number, number][]): Node {
  const inside = spans.filter(([s, e]) => e > s && s >= start && e <= end).sort((a, b) => a[0] - b[0]);
  const fragment = document.createDocumentFragment();
  let at = start;
  for (const [s, e] of inside) {
    if (s < at) continue;
    fragment.append(document.createTextNode(text.slice(at, s)), el('mark', { class: 'drift-mark' }, text.slice(s, e)));
    at = e;
  }
  fragment.append(document.createTextNode(text.slice(at, end)));
  return fragment;
}

interface CellContext {
  text: string;
  lang?: string;
  /** Spans of this side that drift items point at (across languages only). */
  marks: [number, number][] | null;
}

function cell(pair: SentencePair, side: 'source' | 'page', context: CellContext): HTMLElement {
  const span = side === 'page' ? pair.page : pair.source;
  if (!span) return el('div', { class: `sbs-cell sbs-${side} empty`, attrs: { role: 'cell' } }, el('em', {}, side === 'page' ? t('sbsDropped') : t('sbsAdded')));
  const content = context.marks ? marked(context.text, span, context.marks) : pair.ops.length > 0 ? renderSide(pair.ops, side) : document.createTextNode(context.text.slice(span[0], span[1]));
  const language = context.lang ? { lang: context.lang, dir: directionOf(context.lang) } : {};
  return el('div', { class: `sbs-cell sbs-${side}`, attrs: { role: 'cell' } }, el('div', { class: 'sbs-text', attrs: language }, content));
}

function changed(pair: SentencePair, drift: DriftItem[], across: boolean): boolean {
  if (!pair.page || !pair.source) return true;
  if (!across) return pair.ops.some((op) => op.op !== 'equal');
  const [ps, pe] = pair.page;
  return drift.some((d) => d.page.start >= ps && d.page.end <= pe && d.page.end > d.page.start);
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

export function renderSideBySide(
  comparison: Comparison | null,
  pageText: string,
  sourceText: string,
  sourceName: string,
  languages: SideLanguages = {},
  gloss: Promise<Gloss | null> | null = null,
): HTMLElement | null {
  if (!comparison || comparison.pairs.length === 0) return null;
  const across = !!base(languages.page) && !!base(languages.source) && base(languages.page) !== base(languages.source);
  const marks = (side: 'page' | 'source') => (across ? comparison.drift.map((d): [number, number] => [d[side].start, d[side].end]) : null);
  const sourceCell = { text: sourceText, lang: across ? languages.source : undefined, marks: marks('source') };
  const pageCell = { text: pageText, lang: across ? languages.page : undefined, marks: marks('page') };
  const changedCount = comparison.pairs.filter((pair) => changed(pair, comparison.drift, across)).length;
  const rows = comparison.pairs.map((pair) => {
    const source = cell(pair, 'source', sourceCell);
    if (gloss && across && pair.source) addGloss(source, sourceText.slice(pair.source[0], pair.source[1]), gloss, languages.page);
    const isChanged = changed(pair, comparison.drift, across);
    return { changed: isChanged, row: el('div', { class: `sbs-row${isChanged ? ' changed' : ''}`, attrs: { role: 'row' } }, source, cell(pair, 'page', pageCell)) };
  });
  const caption = across
    ? t('sbsCaptionAcross', { source: sourceName, source_lang: languageInWords(languages.source ?? ''), page_lang: languageInWords(languages.page ?? '') })
    : t('sbsCaption', { source: sourceName });
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'sbs-heading' } },
    el(
      'details',
      { class: 'sbs', attrs: { open: '' } },
      el('summary', {}, el('h2', { attrs: { id: 'sbs-heading' } }, t('sbsHeading'), ' ', el('span', { class: 'count' }, t('sbsChangedCount', { changed: changedCount, total: comparison.pairs.length })))),
      el(
        'div',
        { class: 'sbs-table', attrs: { role: 'table', 'aria-label': caption } },
        el('div', { class: 'sbs-row sbs-head', attrs: { role: 'row' } }, el('div', { class: 'sbs-cell', attrs: { role: 'columnheader' } }, sourceName), el('div', { class: 'sbs-cell', attrs: { role: 'columnheader' } }, t('thisPageColumn'))),
        // Across languages no sentence reads "unchanged" (only drift marks a change), and each carries its gloss.
        ...(across ? rows.map(({ row }) => row) : foldUnchanged(rows)),
      ),
    ),
  );
}

/** The original sentence in the page's language, by the on-device translator, filled in when it answers. */
function addGloss(cellElement: HTMLElement, sentence: string, gloss: Promise<Gloss | null>, lang: string | undefined): void {
  const holder = el('div', { class: 'sbs-gloss', attrs: { lang, dir: directionOf(lang), title: t('glossTitle') } });
  cellElement.append(holder);
  void gloss
    .then((translate) => (translate ? translate(sentence) : null))
    .then((text) => {
      if (text) holder.textContent = text;
      else holder.remove();
    });
}
