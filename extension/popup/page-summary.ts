/** The article the popup speaks about, as the extractor read it. */
import type { PageArticle } from '../../lib/types.ts';
import { formatDate } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';

export function renderPageSummary(article: PageArticle): HTMLElement {
  const details = [article.siteName, formatDate(article.publishedTime), article.byline].filter(Boolean).join(' · ');
  return el(
    'section',
    { class: 'page-summary', attrs: { 'aria-label': 'This page' } },
    el('p', { class: 'eyebrow' }, 'This page'),
    // The page's own words may run right to left (Arabic, Hebrew): their direction comes from the text itself.
    el('h1', { class: 'page-title', attrs: { dir: article.title ? 'auto' : undefined } }, article.title || 'Untitled article'),
    details ? el('p', { class: 'muted' }, details) : null,
    renderSetAside(article),
  );
}

/**
 * What the extractor kept out of the compared text. Showing it lets the reader see that newsletter prompts,
 * bios and related links were not missed but deliberately left out of matching and drift.
 */
function renderSetAside(article: PageArticle): HTMLElement | null {
  const furniture = article.furniture ?? [];
  const captions = article.captions ?? [];
  if (furniture.length + captions.length === 0) return null;
  const parts = [
    furniture.length ? `${furniture.length} piece${furniture.length === 1 ? '' : 's'} of page furniture` : '',
    captions.length ? `${captions.length} caption${captions.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return el(
    'details',
    { class: 'set-aside' },
    el('summary', {}, `Set aside: ${parts.join(' and ')}`),
    el('p', { class: 'muted' }, 'Not compared: newsletter prompts, bios, related links and the like; captions are kept apart.'),
    furniture.length ? renderPieces('Page furniture', 'set-aside-furniture', furniture) : null,
    captions.length ? renderPieces('Captions', 'set-aside-captions', captions) : null,
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
