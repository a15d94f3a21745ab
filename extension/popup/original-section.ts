/** "Original": the page's best original with the relation in words and how sure that is, or an honest unknown. */
import type { Report } from '../../lib/types.ts';
import { originalMatch, versionMatches } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { t, tn, withElement } from './messages.ts';
import { dateLabel, meter, publisherName, sourceLink, whyDetails } from './version-card.ts';
import { confidenceName, relationName } from './relation-words.ts';

/** "an edited copy", "a rewrite": the messages say which article, a translation may give none. */
function withArticle(relation: string): string {
  const article = /^[aeiou]/i.test(relation) ? t('articleBeforeVowel') : t('articleBeforeConsonant');
  return article ? `${article} ` : '';
}

function unknownOriginal(report: Report): HTMLElement {
  const versions = versionMatches(report);
  const derivatives = versions.filter((match) => match.direction === 'derivative').length;
  let explanation: string;
  if (derivatives > 0 && derivatives === versions.length) {
    explanation = tn('unknownOriginalFirst', derivatives);
  } else if (versions.length > 0) {
    explanation = t('unknownOriginalUnclear');
  } else {
    explanation = t('unknownOriginalNone');
  }
  return el('div', { class: 'card original unknown' }, el('p', { class: 'original-headline' }, t('originalUnknown')), el('p', { class: 'muted' }, explanation));
}

export function renderOriginalSection(report: Report): HTMLElement {
  const original = originalMatch(report);
  const section = el('section', { class: 'block', attrs: { 'aria-labelledby': 'original-heading' } }, el('h2', { attrs: { id: 'original-heading' } }, t('originalHeading')));
  if (!original) {
    section.append(unknownOriginal(report));
    return section;
  }
  const relation = relationName(original);
  section.append(
    el(
      'div',
      { class: 'card original', attrs: { 'data-original-id': original.id } },
      el('div', { class: 'card-top' }, el('span', { class: 'publisher' }, publisherName(original)), dateLabel(original)),
      original.title ? el('p', { class: 'source-title' }, original.title) : null,
      sourceLink(original),
      el('p', { class: 'relation-line' }, ...withElement('relationLine', 'relation', el('span', {}, withArticle(relation), el('strong', { class: 'relation' }, relation)))),
      meter(original.confidence, confidenceName(original.confidence)),
      whyDetails(original),
    ),
  );
  return section;
}
