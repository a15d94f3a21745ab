/** The article the popup speaks about, as the extractor read it. */
import type { PageArticle } from '../../lib/types.ts';
import { formatDate } from '../shared/report-view.ts';
import { el } from './dom.ts';

export function renderPageSummary(article: PageArticle): HTMLElement {
  const details = [article.siteName, formatDate(article.publishedTime), article.byline].filter(Boolean).join(' · ');
  return el(
    'section',
    { class: 'page-summary', attrs: { 'aria-label': 'This page' } },
    el('p', { class: 'eyebrow' }, 'This page'),
    // The page's own words may run right to left (Arabic, Hebrew): their direction comes from the text itself.
    el('h1', { class: 'page-title', attrs: { dir: article.title ? 'auto' : undefined } }, article.title || 'Untitled article'),
    details ? el('p', { class: 'muted' }, details) : null,
  );
}
