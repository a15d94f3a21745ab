/** The answer in one sentence, then the article the popup speaks about, as the extractor read it. */
import type { PageArticle } from '../../lib/types.ts';
import { formatDate } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import type { AnswerSummary } from './answer-summary.ts';
import { listInWords, t, tn } from './messages.ts';

/** "BBC News · 19 Nov 2019 · Jane Doe": a byline that only repeats the site's name is left out. */
export function pageDetails(article: PageArticle): string {
  const site = article.siteName?.trim();
  const byline = article.byline?.trim();
  const bylineRepeatsSite = !!site && !!byline && byline.toLowerCase() === site.toLowerCase();
  return [site, formatDate(article.publishedTime), bylineRepeatsSite ? null : byline].filter(Boolean).join(' · ');
}

/** The headline of the popup (its h1) with the page it is about beneath. */
export function renderAnswer(summary: AnswerSummary, article: PageArticle): HTMLElement {
  const details = pageDetails(article);
  return el(
    'section',
    { class: 'answer', attrs: { 'aria-labelledby': 'answer-heading', 'data-state': summary.state } },
    el('h1', { class: 'summary-line', attrs: { id: 'answer-heading' } }, summary.headline),
    summary.detail ? el('p', { class: 'summary-detail' }, summary.detail) : null,
    el(
      'p',
      { class: 'page-line' },
      el('span', { class: 'eyebrow' }, t('thisPage')),
      ' ',
      // The page's own words may run right to left (Arabic, Hebrew): their direction comes from the text itself.
      el('span', { class: 'page-title', attrs: { dir: article.title ? 'auto' : undefined } }, article.title || t('untitledArticle')),
      details ? el('span', { class: 'muted page-details' }, ` · ${details}`) : null,
    ),
  );
}

/**
 * What the extractor kept out of the compared text. Showing it lets the reader see that newsletter prompts,
 * bios and related links were not missed but deliberately left out of matching and drift.
 */
export function renderSetAside(article: PageArticle): HTMLElement | null {
  const furniture = article.furniture ?? [];
  const captions = article.captions ?? [];
  if (furniture.length + captions.length === 0) return null;
  const parts = [furniture.length ? tn('furniturePieces', furniture.length) : '', captions.length ? tn('captions', captions.length) : ''].filter(Boolean);
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'set-aside-heading' } },
    el(
      'details',
      { class: 'set-aside' },
      el('summary', {}, el('h2', { attrs: { id: 'set-aside-heading' } }, t('setAsideHeading', { parts: listInWords(parts, true) }))),
      el('p', { class: 'muted' }, t('setAsideWhy')),
      furniture.length ? renderPieces(t('pageFurniture'), 'set-aside-furniture', furniture) : null,
      captions.length ? renderPieces(t('captionsHeading'), 'set-aside-captions', captions) : null,
    ),
  );
}

function renderPieces(heading: string, className: string, pieces: string[]): HTMLElement {
  return el(
    'div',
    { class: className },
    el('h3', { class: 'set-aside-heading' }, heading),
    el('ul', {}, ...pieces.map((piece) => el('li', { attrs: { dir: 'auto' } }, piece))),
  );
}
