/** "Original": the page's best original with the relation in words and how sure that is, or an honest unknown. */
import type { Report } from '../../lib/types.ts';
import { confidenceInWords, relationInWords } from '../../lib/relation/words.ts';
import { originalMatch, versionMatches } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { dateLabel, meter, publisherName, sourceLink, whyDetails } from './version-card.ts';

function article(relation: string): string {
  return /^[aeiou]/i.test(relation) ? 'an' : 'a';
}

function unknownOriginal(report: Report): HTMLElement {
  const versions = versionMatches(report);
  const derivatives = versions.filter((match) => match.direction === 'derivative').length;
  let explanation: string;
  if (derivatives > 0 && derivatives === versions.length) {
    explanation = `No earlier version is in your corpus: this page looks like the first. ${derivatives} later ${derivatives === 1 ? 'version derives' : 'versions derive'} from it.`;
  } else if (versions.length > 0) {
    explanation = 'Versions of this article are in your corpus, but which came first is unclear.';
  } else {
    explanation = 'No earlier version of this article is in your corpus.';
  }
  return el('div', { class: 'card original unknown' }, el('p', { class: 'original-headline' }, 'Original unknown'), el('p', { class: 'muted' }, explanation));
}

export function renderOriginalSection(report: Report): HTMLElement {
  const original = originalMatch(report);
  const section = el('section', { class: 'block', attrs: { 'aria-labelledby': 'original-heading' } }, el('h2', { attrs: { id: 'original-heading' } }, 'Original'));
  if (!original) {
    section.append(unknownOriginal(report));
    return section;
  }
  const relation = relationInWords(original);
  section.append(
    el(
      'div',
      { class: 'card original', attrs: { 'data-original-id': original.id } },
      el('div', { class: 'card-top' }, el('span', { class: 'publisher' }, publisherName(original)), dateLabel(original)),
      original.title ? el('p', { class: 'source-title' }, original.title) : null,
      sourceLink(original),
      el('p', { class: 'relation-line' }, 'This page is ', article(relation), ' ', el('strong', { class: 'relation' }, relation), ' of it.'),
      meter(original.confidence, confidenceInWords(original.confidence)),
      whyDetails(original),
    ),
  );
  return section;
}
