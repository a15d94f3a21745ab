/**
 * What the popup says when there is no report to show: why (the page has no article, the browser keeps it closed,
 * the check failed) and what the reader can try next. Every state offers the options page, where the corpus is.
 */
import { browser } from 'wxt/browser';
import { el } from '../shared/dom.ts';

export type PageStateKind = 'no-article' | 'restricted' | 'no-access' | 'error' | 'no-tab';

export interface PageStateWords {
  title: string;
  why: string;
  tries: string[];
}

export function pageStateWords(kind: PageStateKind, reason = ''): PageStateWords {
  switch (kind) {
    case 'no-article':
      return {
        title: 'No article found on this page',
        why: 'Palimpsest compares news articles, and found no article text here: a front page, a list of links, a video page or a page that is still loading has none.',
        tries: [
          'Open one article and click Palimpsest again.',
          'Or select a passage, right-click it and choose “Find original”.',
        ],
      };
    case 'restricted':
      return {
        title: 'Palimpsest can’t read this page',
        why: reason,
        tries: ['Open the article itself in an ordinary tab (for a PDF, the web page that links to it) and click Palimpsest there.'],
      };
    case 'no-access':
      return { title: 'Palimpsest needs your go-ahead', why: reason, tries: ['Click the Palimpsest button on the page’s tab, or right-click the page and choose “Find original”.'] };
    case 'error':
      return { title: 'The check did not finish', why: reason, tries: ['Reload the page and choose “Check again”.'] };
    case 'no-tab':
      return { title: 'No tab to check', why: 'The popup was opened without a tab to read.', tries: ['Open the popup from a tab with an article.'] };
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
    el('h2', { class: 'message-try-heading' }, 'What to try'),
    el('ul', { class: 'message-tries' }, ...words.tries.map((line) => el('li', {}, line))),
    el('div', { class: 'message-options' }, optionsLink('Open the options'), ' to import saved pages, web archives or feeds, or to keep a copy of every article you read.'),
  );
}
