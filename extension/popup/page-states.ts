/**
 * What the popup says when there is no report to show: why (the page has no article, the browser keeps it closed,
 * the check failed) and what the reader can try next. Every state offers the options page, where the corpus is.
 */
import { browser } from 'wxt/browser';
import { el } from '../shared/dom.ts';
import { t } from './messages.ts';

export type PageStateKind = 'no-article' | 'restricted' | 'no-access' | 'error' | 'no-tab';

export interface PageStateWords {
  title: string;
  why: string;
  tries: string[];
}

export function pageStateWords(kind: PageStateKind, reason = ''): PageStateWords {
  switch (kind) {
    case 'no-article':
      return { title: t('noArticleTitle'), why: t('noArticleWhy'), tries: [t('noArticleTryOne'), t('noArticleTrySelection')] };
    case 'restricted':
      return { title: t('restrictedTitle'), why: reason, tries: [t('restrictedTry')] };
    case 'no-access':
      return { title: t('noAccessTitle'), why: reason, tries: [t('noAccessTry')] };
    case 'error':
      return { title: t('errorTitle'), why: reason, tries: [t('errorTry')] };
    case 'no-tab':
      return { title: t('noTabTitle'), why: t('noTabWhy'), tries: [t('noTabTry')] };
  }
}

/** The options page: the corpus, imports, capture and feeds. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

export function optionsLink(label: string): HTMLElement {
  return el('button', { class: 'link-button options-link', attrs: { type: 'button' }, onClick: openOptions }, label);
}

export function renderPageState(kind: PageStateKind, reason = ''): HTMLElement {
  const words = pageStateWords(kind, reason);
  return el(
    'section',
    { class: `message message-${kind}`, attrs: { 'data-outcome': kind, 'aria-labelledby': 'message-heading' } },
    el('h1', { attrs: { id: 'message-heading' } }, words.title),
    words.why ? el('p', { class: 'message-why' }, words.why) : null,
    el('h2', { class: 'message-try-heading' }, t('whatToTry')),
    el('ul', { class: 'message-tries' }, ...words.tries.map((line) => el('li', {}, line))),
    el('div', { class: 'message-options' }, optionsLink(t('openOptions')), t('openOptionsWhy')),
  );
}
