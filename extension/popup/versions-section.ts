/** "Versions" (copies, rewrites, translations, earliest first) and, apart, same-story coverage. */
import type { Match, Report } from '../../lib/types.ts';
import { directionInWords, isPageItself, relationInWords, safeWebUrl, sameStoryMatches, versionMatches } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { dateLabel, publisherName } from './version-card.ts';

function versionButton(match: Match, chosen: boolean, onChoose: (id: string) => void): HTMLElement {
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
      el('span', { class: `chip relation-${match.relation}` }, relationInWords(match)),
    ),
    el(
      'span',
      { class: 'version-meta' },
      dateLabel(match),
      ' · ',
      el('span', { class: `direction direction-${match.direction}` }, directionInWords(match.direction)),
      ' · ',
      `${Math.round(match.score * 100)}% shared`,
    ),
    chosen ? el('span', { class: 'compared-tag' }, 'compared below') : null,
  );
}

function selfNote(report: Report): HTMLElement | null {
  const self = report.matches.find((match) => isPageItself(match, report));
  return self ? el('p', { class: 'self-note', attrs: { 'data-self-id': self.id } }, `Your corpus also holds this page itself (${publisherName(self)}); it is not listed.`) : null;
}

export function renderVersionsSection(report: Report, chosenId: string | null, onChoose: (id: string) => void): HTMLElement {
  const versions = versionMatches(report);
  const section = el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'versions-heading' } },
    el('h2', { attrs: { id: 'versions-heading' } }, 'Versions ', el('span', { class: 'count' }, String(versions.length))),
  );
  if (versions.length === 0) {
    section.append(el('p', { class: 'muted' }, 'No other version of this article is in your corpus.'));
  } else {
    section.append(
      el('p', { class: 'hint' }, 'Earliest first. Choose one to compare it with this page.'),
      el('ol', { class: 'version-list' }, ...versions.map((match) => el('li', {}, versionButton(match, match.id === chosenId, onChoose)))),
    );
  }
  const note = selfNote(report);
  if (note) section.append(note);
  return section;
}

function coverageTitle(match: Match): HTMLElement | null {
  const label = match.title ?? match.url;
  if (!label) return null;
  const href = safeWebUrl(match.url);
  return href
    ? el('a', { class: 'coverage-title', attrs: { href, target: '_blank', rel: 'noopener noreferrer', title: label } }, label)
    : el('span', { class: 'coverage-title', attrs: { title: label } }, label);
}

export function renderSameStorySection(report: Report): HTMLElement | null {
  const coverage = sameStoryMatches(report);
  if (coverage.length === 0) return null;
  return el(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'same-story-heading' } },
    el('h2', { attrs: { id: 'same-story-heading' } }, 'Same story, other coverage ', el('span', { class: 'count' }, String(coverage.length))),
    el('p', { class: 'hint' }, 'Independent reports of the same events: not copies of this page.'),
    el(
      'ul',
      { class: 'coverage-list' },
      ...coverage.map((match) =>
        el(
          'li',
          { attrs: { 'data-coverage-id': match.id } },
          el('span', { class: 'coverage-top' }, el('span', { class: 'publisher' }, publisherName(match)), dateLabel(match)),
          coverageTitle(match),
        ),
      ),
    ),
  );
}
