/**
 * "Versions" (copies, rewrites, translations, earliest first), and apart from them the stored articles that only
 * share passages with the page and the independent coverage of the same story. Each match says why.
 */
import type { Match, Report } from '../../lib/types.ts';
import { directionInWords, safeWebUrl, sameStoryMatches, sharedPassageMatches, versionMatches } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { t } from './messages.ts';
import { corpusTag, dateLabel, publisherName, whyDetails } from './version-card.ts';
import { relationName, sharedWordingName } from './relation-words.ts';

/** Controls added to each listed match (the reader's "Not a version of this page"). */
export type MatchActions = (match: Match) => Node | null;

function versionButton(match: Match, chosen: boolean, onChoose: (id: string) => void): HTMLElement {
  const wording = sharedWordingName(match);
  return el(
    'button',
    {
      class: 'version',
      attrs: { type: 'button', 'aria-pressed': String(chosen), 'data-version-id': match.id },
      onClick: () => onChoose(match.id),
    },
    el(
      'span',
      { class: 'version-top' },
      el('span', { class: 'publisher' }, publisherName(match)),
      el('span', { class: `chip relation-${match.relation}` }, relationName(match)),
      corpusTag(match),
    ),
    el(
      'span',
      { class: 'version-meta' },
      dateLabel(match),
      ' · ',
      el('span', { class: `direction direction-${match.direction}` }, directionInWords(match.direction)),
      wording ? ` · ${wording}` : null,
    ),
    chosen ? el('span', { class: 'compared-tag' }, t('comparedBelow')) : null,
  );
}

export function renderVersionsSection(report: Report, chosenId: string | null, onChoose: (id: string) => void, actions?: MatchActions): HTMLElement {
  const versions = versionMatches(report);
  const section = el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'versions-heading' } },
    el('h2', { attrs: { id: 'versions-heading' } }, t('versionsHeading'), ' ', el('span', { class: 'count' }, String(versions.length))),
  );
  if (versions.length === 0) {
    section.append(el('p', { class: 'muted' }, t('versionsNone')));
    return section;
  }
  section.append(
    el('p', { class: 'hint' }, t('versionsHint')),
    el('ol', { class: 'version-list' }, ...versions.map((match) => el('li', {}, versionButton(match, match.id === chosenId, onChoose), whyDetails(match), actions?.(match)))),
  );
  return section;
}

function matchTitle(match: Match): HTMLElement | null {
  const label = match.title ?? match.url;
  if (!label) return null;
  const href = safeWebUrl(match.url);
  return href
    ? el('a', { class: 'coverage-title', attrs: { href, target: '_blank', rel: 'noopener noreferrer', title: label } }, label)
    : el('span', { class: 'coverage-title', attrs: { title: label } }, label);
}

/** A list of matches that are not versions: publisher, date, title, and why. */
function otherMatchList(matches: Match[], idAttribute: string, actions?: MatchActions): HTMLElement {
  return el(
    'ul',
    { class: 'coverage-list' },
    ...matches.map((match) => {
      const wording = sharedWordingName(match);
      return el(
        'li',
        { attrs: { [idAttribute]: match.id } },
        el('span', { class: 'coverage-top' }, el('span', { class: 'publisher' }, publisherName(match)), dateLabel(match), wording ? el('span', { class: 'muted' }, ` · ${wording}`) : null, corpusTag(match)),
        matchTitle(match),
        whyDetails(match),
        actions?.(match),
      );
    }),
  );
}

/** Stored articles that share a quotation, a pasted sentence or a paragraph of background with the page. */
export function renderSharedPassagesSection(report: Report, actions?: MatchActions): HTMLElement | null {
  const sharing = sharedPassageMatches(report);
  if (sharing.length === 0) return null;
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'shared-passages-heading' } },
    el('h2', { attrs: { id: 'shared-passages-heading' } }, t('sharedPassagesHeading'), ' ', el('span', { class: 'count' }, String(sharing.length))),
    el('p', { class: 'hint' }, t('sharedPassagesHint')),
    otherMatchList(sharing, 'data-shared-id', actions),
  );
}

export function renderSameStorySection(report: Report, actions?: MatchActions): HTMLElement | null {
  const coverage = sameStoryMatches(report);
  if (coverage.length === 0) return null;
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'same-story-heading' } },
    el('h2', { attrs: { id: 'same-story-heading' } }, t('sameStoryHeading'), ' ', el('span', { class: 'count' }, String(coverage.length))),
    el('p', { class: 'hint' }, t('sameStoryHint')),
    otherMatchList(coverage, 'data-coverage-id', actions),
  );
}
