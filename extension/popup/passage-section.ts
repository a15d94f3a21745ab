/** "Selected passage": where the passage the reader selected first appeared, and how each version words it. */
import type { PassageOccurrence, PassageReport } from '../../lib/engine.ts';
import type { DriftItem } from '../../lib/types.ts';
import type { PassageOutcome } from '../shared/protocol.ts';
import { DRIFT_KIND_WORDS } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { dateLabel, publisherName, sourceLink } from './version-card.ts';
import { renderSide, unmarked } from './word-diff.ts';

function changeList(changes: DriftItem[], label: string): HTMLElement | null {
  if (changes.length === 0) return null;
  return el(
    'ul',
    { class: 'counterpart-changes', attrs: { 'aria-label': label } },
    ...changes.map((item) => el('li', {}, el('span', { class: `chip kind-${item.kind}` }, DRIFT_KIND_WORDS[item.kind]), ' ', item.summary)),
  );
}

/** The earliest wording against the selection, changed words marked as the engine found them (both wordings whole without them). */
function earliestAgainstSelection(report: PassageReport, earliest: PassageOccurrence): HTMLElement {
  const ops = earliest.ops ?? unmarked(earliest.text, report.selection);
  return el(
    'div',
    { class: 'counterpart-text' },
    el('span', { class: 'wording wording-page' }, el('span', { class: 'wording-label' }, 'This page'), el('span', { class: 'wording-text' }, renderSide(ops, 'page'))),
    el('span', { class: 'wording wording-source' }, el('span', { class: 'wording-label' }, publisherName(earliest)), el('span', { class: 'wording-text' }, renderSide(ops, 'source'))),
    changeList(report.drift, 'Changes from the earliest wording to this page'),
  );
}

function occurrenceItem(report: PassageReport, occurrence: PassageOccurrence, earliest: boolean): HTMLElement {
  return el(
    'li',
    { class: `counterpart${earliest ? ' earliest' : ''}`, attrs: { 'data-counterpart-id': occurrence.id } },
    el(
      'span',
      { class: 'version-top' },
      el('span', { class: 'publisher' }, publisherName(occurrence)),
      earliest ? el('span', { class: 'chip chip-earliest' }, 'earliest') : el('span', { class: 'chip' }, `${Math.round(occurrence.similarity * 100)}% alike`),
      occurrence.kind === 'counterpart' ? el('span', { class: 'chip chip-counterpart' }, 'same fact, own words') : null,
    ),
    el('span', { class: 'version-meta' }, dateLabel(occurrence)),
    earliest ? earliestAgainstSelection(report, occurrence) : el('blockquote', { class: 'counterpart-text' }, occurrence.text),
    earliest ? null : changeList(occurrence.drift, 'Changes from the earliest wording'),
    sourceLink(occurrence),
  );
}

export function renderPassageSection(passage: PassageOutcome): HTMLElement {
  const selection = passage.kind === 'found' ? passage.report.selection : passage.selection;
  const section = el(
    'section',
    { class: 'block passage', attrs: { 'aria-labelledby': 'passage-heading' } },
    el('h2', { attrs: { id: 'passage-heading' } }, 'Selected passage'),
    el('blockquote', { class: 'selection' }, selection),
  );
  if (passage.kind === 'not-found') {
    section.append(el('p', { class: 'muted' }, 'This passage is not in any other stored article.'));
  } else if (passage.kind === 'error') {
    section.append(el('p', { class: 'note' }, `The passage could not be looked up: ${passage.message}`));
  } else {
    const { occurrences, earliest } = passage.report;
    const copies = occurrences.filter((occurrence) => occurrence.kind !== 'counterpart').length;
    const articles = (n: number) => `${n} stored ${n === 1 ? 'article' : 'articles'}`;
    const hint =
      copies === occurrences.length
        ? `Found in ${articles(copies)}, earliest first.`
        : copies === 0
          ? `Not copied in any stored article; ${articles(occurrences.length)} report the same fact in their own words, earliest first.`
          : `Found in ${articles(copies)}, earliest first; ${articles(occurrences.length - copies)} more report the same fact in their own words.`;
    section.append(
      el('p', { class: 'hint' }, hint),
      el('ol', { class: 'counterpart-list' }, ...occurrences.map((occurrence) => occurrenceItem(passage.report, occurrence, occurrence.id === earliest?.id))),
    );
  }
  return section;
}
