/**
 * The first answer, shown while the full check runs: stored versions found from the index alone (lib/sources.ts).
 * It names them and how much wording they share; which came first and what changed come with the full check.
 */
import type { LikelySource } from '../../lib/sources.ts';
import { el } from '../shared/dom.ts';
import { t, tn } from './messages.ts';
import { dateLabel, publisherName, sourceLink } from './version-card.ts';

function sourceCard(source: LikelySource): HTMLElement {
  const shared = t('firstLookShares', { percent: Math.round(source.containment * 100) });
  return el(
    'li',
    { class: 'card first-look-source', attrs: { 'data-source-id': source.id } },
    el('div', { class: 'card-top' }, el('span', { class: 'publisher' }, publisherName(source)), dateLabel(source)),
    source.title ? el('p', { class: 'source-title' }, source.title) : null,
    sourceLink(source),
    el('p', { class: 'muted' }, shared),
  );
}

export function renderFirstLook(sources: readonly LikelySource[]): HTMLElement {
  const heading = tn('firstLookHeading', sources.length);
  return el(
    'section',
    { class: 'block first-look', attrs: { 'aria-labelledby': 'first-look-heading' } },
    // The popup's answer until the full check is in: its one heading of the first rank.
    el('h1', { attrs: { id: 'first-look-heading' } }, heading),
    el('ul', { class: 'first-look-list' }, ...sources.map(sourceCard)),
    el('p', { class: 'muted' }, t('firstLookChecking')),
  );
}
