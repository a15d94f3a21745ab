/** Shared bits for describing one stored version: who published it, when, where. */
import type { Match } from '../../lib/types.ts';
import { displayUrl, formatDate, safeWebUrl } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { t } from './messages.ts';
import { whyLines } from './relation-words.ts';

export function publisherName(match: Pick<Match, 'site' | 'url' | 'id'>): string {
  if (match.site) return match.site;
  const url = safeWebUrl(match.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : match.id;
}

/** A link to the stored article's address, or nothing when it has none (or an unsafe one). */
export function sourceLink(match: Pick<Match, 'url'>): HTMLElement | null {
  const href = safeWebUrl(match.url);
  if (!href) return null;
  return el('a', { class: 'source-link', attrs: { href, target: '_blank', rel: 'noopener noreferrer', title: href } }, displayUrl(href));
}

/** "16 Aug 2021" or "date unknown". */
export function dateLabel(match: Pick<Match, 'published'>): HTMLElement {
  const date = formatDate(match.published);
  return date
    ? el('time', { attrs: { datetime: match.published } }, date)
    : el('span', { class: 'muted' }, t('dateUnknownShort'));
}

/** A 0..1 value as a small bar with its meaning in text (the bar alone would carry nothing for screen readers). */
export function meter(value: number, label: string): HTMLElement {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  const fill = el('span', { class: 'meter-fill' });
  fill.style.width = `${percent}%`;
  return el('span', { class: 'meter-wrap' }, el('span', { class: 'meter', attrs: { 'aria-hidden': 'true' } }, fill), el('span', { class: 'meter-label' }, label));
}

/** "Why": the evidence behind one match in plain sentences, and how sure Palimpsest is (relation-words.ts). */
export function whyDetails(match: Match): HTMLElement {
  return el(
    'details',
    { class: 'evidence why', attrs: { 'data-why-id': match.id } },
    el('summary', {}, t('why')),
    el('ul', {}, ...whyLines(match).map((line) => el('li', {}, line))),
  );
}

/** Which corpus holds the version, when the team server was asked too: "your corpus" or "team". */
export function corpusTag(match: Pick<Match, 'corpus'>): HTMLElement | null {
  if (!match.corpus) return null;
  return match.corpus === 'team'
    ? el('span', { class: 'chip corpus-team', attrs: { 'data-corpus': 'team', title: t('foundInTeam') } }, t('corpusTeam'))
    : el('span', { class: 'chip corpus-local', attrs: { 'data-corpus': 'local', title: t('foundInLocal') } }, t('corpusLocal'));
}
