/**
 * "Why no original was found": shown when the page's original is unknown. It says what the corpus holds (how many
 * articles, in which languages, whether this site is followed or has articles stored) and what would help:
 * following one of the feeds the page declares in one click, following wire services in the page's language from
 * the directory, importing past news, or keeping this page so a later copy finds it.
 */
import { browser } from 'wxt/browser';
import { sendToBackground, type CorpusHint, type FeedSubscription } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { clear, el } from '../shared/dom.ts';
import { languageInWords, listInWords, t, tn, uiLanguage } from './messages.ts';

/** Page feeds offered at most: a page may declare one per section. */
const OFFERED_FEEDS = 3;
const LANGUAGES_NAMED = 4;

const articles = (n: number): string => tn('articles', n);

/** "Your corpus holds 1,204 articles: 900 in English, 250 in German, 54 in French, 2 other languages." */
function holdings(hint: CorpusHint): string {
  if (hint.count === 0) return t('corpusEmpty');
  const named = hint.languages.filter((entry) => entry.lang !== '').slice(0, LANGUAGES_NAMED);
  const parts = named.map((entry) => t('corpusInLanguage', { count: entry.count.toLocaleString(uiLanguage()), language: languageInWords(entry.lang) }));
  const others = hint.languages.filter((entry) => entry.lang !== '').length - named.length;
  if (others > 0) parts.push(tn('otherLanguages', others));
  if (parts.length === 0) return t('corpusHolds', { articles: articles(hint.count) });
  return t('corpusHoldsIn', { articles: articles(hint.count), languages: listInWords(parts) });
}

function languageLine(hint: CorpusHint): string | null {
  if (!hint.pageLang || hint.count === 0) return null;
  const held = hint.languages.find((entry) => entry.lang === hint.pageLang)?.count ?? 0;
  return held === 0 ? t('noneInPageLanguage', { language: languageInWords(hint.pageLang) }) : null;
}

function siteLine(hint: CorpusHint): string | null {
  const site = hint.site;
  if (!site) return null;
  const stored = site.stored > 0 ? tn('siteStored', site.stored, { articles: articles(site.stored), host: site.host }) : t('siteNothingStored', { host: site.host });
  return site.followed.length > 0
    ? t('siteFollowed', { stored, feeds: listInWords(site.followed.map((feed) => feed.title ?? feed.url)) })
    : t('siteNotFollowed', { stored });
}

function openExtensionPage(path: '/welcome.html' | '/options.html', hash: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL(path)}${hash}` });
}

function subscribedMessage(title: string, outcome: FeedSubscription): string {
  if (outcome.kind === 'refused') return outcome.reason;
  if (outcome.kind === 'pending') return t('followPending', { feed: title });
  const { refresh } = outcome;
  if (refresh.error) return t('followFirstReadFailed', { feed: title, error: refresh.error });
  return t('followSubscribed', { feed: title, articles: articles(refresh.added) });
}

class FollowButton {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly feed: CorpusHint['pageFeeds'][number],
    private readonly onFollowed: () => void,
  ) {
    const title = feed.title ?? new URL(feed.url).hostname;
    this.button = el('button', { class: 'follow-feed', attrs: { type: 'button', 'data-feed-url': feed.url }, onClick: () => void this.follow(title) }, t('followButton', { feed: title }));
    this.status = el('span', { class: 'follow-status hint', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = el('li', { class: 'follow-offer' }, this.button, ' ', this.status);
  }

  private async follow(title: string): Promise<void> {
    const pattern = originPattern(this.feed.url);
    if (!pattern) return;
    this.button.disabled = true;
    this.status.textContent = t('followAsking');
    // Both at once, in the click: the browser's prompt may close this popup, so the background keeps the follow
    // and completes it once access is granted.
    const asking = browser.permissions.request({ origins: [pattern] });
    const following = sendToBackground('feed-follow-when-granted', { url: this.feed.url, title: this.feed.title });
    try {
      const granted = await asking;
      let outcome = await following;
      if (!granted) {
        this.status.textContent = t('followRefused', { host: new URL(this.feed.url).hostname });
        this.button.disabled = false;
        return;
      }
      if (outcome.kind === 'pending') {
        this.status.textContent = t('followReading');
        outcome = await sendToBackground('feed-subscribe', { url: this.feed.url, title: this.feed.title });
      }
      this.status.textContent = subscribedMessage(title, outcome);
      if (outcome.kind === 'subscribed') {
        this.button.textContent = t('followingButton', { feed: title });
        this.element.dataset.followed = 'true';
        this.onFollowed();
      } else {
        this.button.disabled = false;
      }
    } catch (error) {
      this.status.textContent = t('followFailed', { error: error instanceof Error ? error.message : String(error) });
      this.button.disabled = false;
    }
  }
}

function helpList(hint: CorpusHint, onFollowed: () => void): HTMLElement {
  const items: HTMLElement[] = [];
  const unfollowed = hint.pageFeeds.filter((feed) => !feed.followed).slice(0, OFFERED_FEEDS);
  items.push(...unfollowed.map((feed) => new FollowButton(feed, onFollowed).element));
  const lang = hint.pageLang && hint.languages.every((entry) => entry.lang !== hint.pageLang) ? hint.pageLang : null;
  items.push(
    el(
      'li',
      {},
      el(
        'button',
        { class: 'link-button', attrs: { type: 'button', 'data-action': 'directory' }, onClick: () => openExtensionPage('/welcome.html', lang ? `#lang=${lang}` : '') },
        lang ? t('followWireIn', { language: languageInWords(lang) }) : t('followWire'),
      ),
      ': ',
      t('followWireWhy'),
    ),
    el(
      'li',
      {},
      el('button', { class: 'link-button', attrs: { type: 'button', 'data-action': 'import' }, onClick: () => openExtensionPage('/options.html', '#import-heading') }, t('importPastNews')),
      ' ',
      t('importPastNewsWhy'),
    ),
    el('li', {}, t('addPageHelps')),
  );
  return el('ul', { class: 'hint-help' }, ...items);
}

/** The section, filled when the background answers; `tabId` is the popup's tab. */
export function renderCorpusHint(tabId: number): HTMLElement {
  const body = el('div', { class: 'hint-body' }, el('p', { class: 'muted' }, t('corpusLooking')));
  const section = el(
    'section',
    { class: 'block corpus-hint', attrs: { 'aria-labelledby': 'corpus-hint-heading', id: 'corpus-hint' } },
    el('h2', { attrs: { id: 'corpus-hint-heading' } }, t('corpusHintHeading')),
    body,
  );
  const load = async (): Promise<void> => {
    try {
      const hint = await sendToBackground('corpus-hint', { tabId });
      clear(body);
      body.append(
        el('p', { class: 'hint-holdings' }, holdings(hint), ' ', languageLine(hint) ?? ''),
        el('p', { class: 'hint-site' }, siteLine(hint) ?? ''),
        el('h3', {}, t('whatWouldHelp')),
        helpList(hint, () => void refreshSite()),
      );
      section.dataset.hintReady = 'true';
    } catch (error) {
      clear(body);
      body.append(el('p', { class: 'muted' }, t('corpusReadFailed', { error: error instanceof Error ? error.message : String(error) })));
      section.dataset.hintReady = 'true';
    }
  };
  /** After a follow, the site line says so; the offers stay as they are. */
  const refreshSite = async (): Promise<void> => {
    const hint = await sendToBackground('corpus-hint', { tabId }).catch(() => null);
    const line = body.querySelector('.hint-site');
    if (hint && line) line.textContent = siteLine(hint) ?? '';
  };
  void load();
  return section;
}
