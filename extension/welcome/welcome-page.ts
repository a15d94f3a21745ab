/**
 * The first-run page, opened when the extension is installed: what Palimpsest does, that nothing leaves the
 * machine, and the directory of feeds (public/feed-directory.json) to follow with one click each. Following asks
 * the browser for access to that feed's site only, in the click, then subscribes (the feed is read once at once).
 * `#lang=xx` opens the page at one language (the popup links there when the corpus holds none of the page's).
 */
import { browser } from 'wxt/browser';
import { DIRECTORY_PATH, groupDirectory, readDirectory, type DirectoryFeed, type LanguageGroup } from '../shared/feed-directory.ts';
import { sendToBackground } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { byId, clear, describeError, el, formatCount } from '../shared/dom.ts';
import { languageInReadersWords, uiLanguage } from '../shared/locale.ts';

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

class FeedCard {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly feed: DirectoryFeed,
    followed: boolean,
  ) {
    this.button = el('button', { class: 'small-button', attrs: { type: 'button', 'aria-label': `Follow ${feed.name}` }, onClick: () => void this.follow() }, 'Follow');
    this.status = el('span', { class: 'follow-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = el(
      'li',
      { class: 'directory-feed', attrs: { 'data-feed-url': feed.feed, lang: feed.lang } },
      el('span', { class: 'feed-name' }, feed.name),
      el('span', { class: 'feed-kind', attrs: { lang: 'en' } }, `${feed.kind} · ${hostOf(feed.site)}`),
      el('p', { class: 'feed-covers', attrs: { lang: 'en' } }, feed.covers),
      el('div', { class: 'follow-row' }, this.button, this.status),
    );
    if (followed) this.showFollowed('Following');
  }

  private showFollowed(message: string): void {
    this.element.dataset.followed = 'true';
    this.button.textContent = 'Following';
    this.button.disabled = true;
    this.status.textContent = message === 'Following' ? '' : message;
  }

  private async follow(): Promise<void> {
    const pattern = originPattern(this.feed.feed)!;
    this.button.disabled = true;
    try {
      // First thing in the click: the browser shows its permission prompt only for a user gesture.
      const granted = await browser.permissions.request({ origins: [pattern] });
      if (!granted) {
        this.status.textContent = `Not followed: Palimpsest needs your permission to read ${hostOf(this.feed.feed)}.`;
        this.button.disabled = false;
        return;
      }
      this.status.textContent = 'Reading the feed…';
      const outcome = await sendToBackground('feed-subscribe', { url: this.feed.feed, title: this.feed.name });
      if (outcome.kind !== 'subscribed') {
        this.status.textContent = outcome.kind === 'refused' ? outcome.reason : 'Waiting for access…';
        this.button.disabled = false;
        return;
      }
      const { refresh } = outcome;
      this.showFollowed(refresh.error ? `Followed; ${refresh.error}` : `Followed: ${formatCount(refresh.added, 'article', 'articles')} stored.`);
    } catch (error) {
      this.status.textContent = `Could not follow: ${describeError(error)}`;
      this.button.disabled = false;
    }
  }
}

function languageSection(group: LanguageGroup, followed: ReadonlySet<string>): HTMLElement {
  const { language } = group;
  const headingId = `lang-${language.code}`;
  // The language's name in the reader's language ("russe" for a French reader), else the directory's English name.
  const readersName = languageInReadersWords(language.code);
  const name = el('span', { attrs: { lang: (readersName && uiLanguage()) || 'en' } }, readersName ?? language.name);
  return el(
    'section',
    { class: 'directory-language', attrs: { 'aria-labelledby': headingId, 'data-lang': language.code } },
    el('h3', { attrs: { id: headingId } }, name, el('span', { class: 'native', attrs: { lang: language.code } }, language.native)),
    ...group.regions.map((region) =>
      el(
        'div',
        { class: 'directory-region' },
        el('h4', {}, region.region),
        el('ul', { class: 'directory-feeds' }, ...region.feeds.map((feed) => new FeedCard(feed, followed.has(feed.feed)).element)),
      ),
    ),
  );
}

/** "#lang=ru": the language the page opens at. */
function requestedLanguage(hash: string): string | null {
  const match = /^#lang=([a-z]{2,3})$/i.exec(hash);
  return match ? match[1].toLowerCase() : null;
}

export async function startWelcomePage(doc: Document): Promise<void> {
  const holder = byId(doc, 'directory');
  const nav = byId(doc, 'directory-languages');
  const status = byId(doc, 'directory-status');
  try {
    const [response, feeds] = await Promise.all([fetch(browser.runtime.getURL(DIRECTORY_PATH)), sendToBackground('feeds-list', {}).catch(() => [])]);
    const { directory, problems } = readDirectory(await response.json());
    const followed = new Set(feeds.map((feed) => feed.url));
    const groups = groupDirectory(directory);
    clear(holder);
    holder.append(...groups.map((group) => languageSection(group, followed)));
    nav.append(...groups.map((group) => el('li', {}, el('a', { attrs: { href: `#lang-${group.language.code}`, lang: group.language.code } }, group.language.native))));
    if (problems.length > 0) status.textContent = `${formatCount(problems.length, 'entry', 'entries')} of the directory could not be read and ${problems.length === 1 ? 'is' : 'are'} not shown.`;
    const wanted = requestedLanguage(doc.location?.hash ?? '');
    if (wanted) doc.getElementById(`lang-${wanted}`)?.scrollIntoView();
  } catch (error) {
    status.textContent = `The directory could not be read: ${describeError(error)}`;
  }
  doc.body.dataset.ready = 'true';
}
