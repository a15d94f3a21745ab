/** "Selected passage": where the passage the reader selected first appeared, and how each version words it. */
import type { PassageOccurrence, PassageReport } from '../../lib/engine.ts';
import type { DriftItem } from '../../lib/types.ts';
import type { PassageOutcome } from '../shared/protocol.ts';
import { el } from '../shared/dom.ts';
import { dateLabel, publisherName, sourceLink } from './version-card.ts';
import { t, tn } from './messages.ts';
import { renderSide, unmarked } from './word-diff.ts';
import { driftKindName } from './relation-words.ts';
import { inReadersWords } from './descriptions.ts';

function changeList(changes: DriftItem[], label: string): HTMLElement | null {
  if (changes.length === 0) return null;
  return el(
    'ul',
    { class: 'counterpart-changes', attrs: { 'aria-label': label } },
    ...changes.map((item) => el('li', {}, el('span', { class: `chip kind-${item.kind}` }, driftKindName(item.kind)), ' ', inReadersWords(item.description))),
  );
}

/** The earliest wording against the selection, changed words marked as the engine found them (both wordings whole without them). */
function earliestAgainstSelection(report: PassageReport, earliest: PassageOccurrence): HTMLElement {
  const ops = earliest.ops ?? unmarked(earliest.text, report.selection);
  return el(
    'div',
    { class: 'counterpart-text' },
    el('span', { class: 'wording wording-page' }, el('span', { class: 'wording-label' }, t('thisPageCapital')), el('span', { class: 'wording-text' }, renderSide(ops, 'page'))),
    el('span', { class: 'wording wording-source' }, el('span', { class: 'wording-label' }, publisherName(earliest)), el('span', { class: 'wording-text' }, renderSide(ops, 'source'))),
    changeList(report.drift, t('passageChangesFromEarliestToPage')),
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
      earliest ? el('span', { class: 'chip chip-earliest' }, t('earliest')) : el('span', { class: 'chip' }, t('percentAlike', { percent: Math.round(occurrence.similarity * 100) })),
      occurrence.kind === 'counterpart' ? el('span', { class: 'chip chip-counterpart' }, t('sameFactOwnWords')) : null,
    ),
    el('span', { class: 'version-meta' }, dateLabel(occurrence)),
    earliest ? earliestAgainstSelection(report, occurrence) : el('blockquote', { class: 'counterpart-text' }, occurrence.text),
    earliest ? null : changeList(occurrence.drift, t('passageChangesFromEarliest')),
    sourceLink(occurrence),
  );
}

export function renderPassageSection(passage: PassageOutcome): HTMLElement {
  const selection = passage.kind === 'found' ? passage.report.selection : passage.selection;
  const section = el(
    'section',
    { class: 'block passage', attrs: { 'aria-labelledby': 'passage-heading' } },
    el('h2', { attrs: { id: 'passage-heading' } }, t('passageHeading')),
    el('blockquote', { class: 'selection' }, selection),
  );
  if (passage.kind === 'not-found') {
    section.append(el('p', { class: 'muted' }, t('passageNotFound')));
  } else if (passage.kind === 'error') {
    section.append(el('p', { class: 'note' }, t('passageFailed', { error: passage.message })));
  } else {
    const { occurrences, earliest } = passage.report;
    const copies = occurrences.filter((occurrence) => occurrence.kind !== 'counterpart').length;
    const articles = (n: number) => tn('storedArticles', n);
    const hint =
      copies === occurrences.length
        ? t('passageFoundIn', { articles: articles(copies) })
        : copies === 0
          ? t('passageOnlyOwnWords', { articles: articles(occurrences.length) })
          : t('passageFoundAndOwnWords', { articles: articles(copies), others: articles(occurrences.length - copies) });
    section.append(
      el('p', { class: 'hint' }, hint),
      el('ol', { class: 'counterpart-list' }, ...occurrences.map((occurrence) => occurrenceItem(passage.report, occurrence, occurrence.id === earliest?.id))),
    );
  }
  return section;
}
