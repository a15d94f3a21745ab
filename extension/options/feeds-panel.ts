/** Feed subscriptions: add (asking access to the feed's site in the same click), list, remove, read now. */
import { browser } from 'wxt/browser';
import { sendToBackground, type FeedRefreshReport, type FeedView } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { clear, el } from '../shared/dom.ts';
import { announceCorpusChange, byId, describeError, formatCount, formatTime } from './ui.ts';

function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

function refreshSummary(reports: FeedRefreshReport[]): string {
  const added = reports.reduce((total, report) => total + report.added, 0);
  const failed = reports.filter((report) => report.error).length;
  const problems = reports.reduce((total, report) => total + report.problems.length, 0);
  const parts = [added > 0 ? `${formatCount(added, 'new article', 'new articles')} stored` : 'No new articles'];
  if (problems > 0) parts.push(`${formatCount(problems, 'item', 'items')} could not be stored`);
  if (failed > 0) parts.push(`${formatCount(failed, 'feed', 'feeds')} could not be read`);
  return `${parts.join('; ')}.`;
}

export function startFeedsPanel(doc: Document): void {
  const form = byId<HTMLFormElement>(doc, 'feed-form');
  const input = byId<HTMLInputElement>(doc, 'feed-url');
  const subscribeButton = byId<HTMLButtonElement>(doc, 'feed-subscribe');
  const status = byId(doc, 'feeds-status');
  const problems = byId<HTMLUListElement>(doc, 'feeds-problems');
  const list = byId<HTMLUListElement>(doc, 'feed-list');
  const empty = byId(doc, 'feeds-empty');
  const refresh = byId<HTMLButtonElement>(doc, 'feeds-refresh');

  const allowAccess = async (origins: string[]): Promise<void> => {
    try {
      const granted = await browser.permissions.request({ origins });
      status.textContent = granted
        ? `Palimpsest may now read articles on ${origins.map(hostOf).join(', ')}.`
        : 'Access not granted: those articles are stored from the text the feed carries, when it carries enough.';
      await show();
    } catch (error) {
      status.textContent = describeError(error);
    }
  };

  const feedItem = (feed: FeedView): HTMLElement => {
    const checked = feed.lastChecked ? `read ${formatTime(feed.lastChecked)}` : 'not read yet';
    const item = el(
      'li',
      { class: 'feed', attrs: { 'data-feed-url': feed.url } },
      el('div', { class: 'feed-top' }, el('strong', { class: 'feed-title' }, feed.title ?? hostOf(originPattern(feed.url) ?? feed.url)), el('span', { class: 'feed-count' }, formatCount(feed.stored, 'article', 'articles'))),
      el('p', { class: 'feed-url muted small' }, feed.url),
      el('p', { class: 'feed-meta muted small' }, `Subscribed ${formatTime(feed.addedAt)} · ${checked}`),
    );
    if (feed.lastError) item.append(el('p', { class: 'feed-error small' }, feed.lastError));
    if (feed.missingOrigins.length > 0) {
      const hosts = feed.missingOrigins.map(hostOf).join(', ');
      item.append(
        el(
          'p',
          { class: 'feed-access small' },
          `Its articles live on ${hosts}: without access they are stored from the feed’s own text. `,
          el('button', { class: 'link-button', attrs: { type: 'button' }, onClick: () => void allowAccess(feed.missingOrigins) }, `Allow ${hosts}`),
        ),
      );
    }
    item.append(
      el(
        'div',
        { class: 'feed-actions' },
        el('button', { class: 'secondary small-button', attrs: { type: 'button' }, onClick: () => void readNow(feed.url) }, 'Read now'),
        el('button', { class: 'secondary small-button', attrs: { type: 'button', 'aria-label': `Unsubscribe from ${feed.title ?? feed.url}` }, onClick: () => void remove(feed.url) }, 'Unsubscribe'),
      ),
    );
    return item;
  };

  const render = (feeds: FeedView[]): void => {
    clear(list);
    list.append(...feeds.map(feedItem));
    empty.hidden = feeds.length > 0;
    refresh.hidden = feeds.length === 0;
  };

  const show = async (): Promise<void> => render(await sendToBackground('feeds-list', {}));

  /** Which items were left out and why, so a reader can tell a gone page from a missing permission. */
  const showProblems = (reports: FeedRefreshReport[]): void => {
    clear(problems);
    const lines = reports.flatMap((report) => [...(report.error ? [report.error] : []), ...report.problems]);
    problems.append(...lines.slice(0, 20).map((text) => el('li', { class: 'problem' }, text)));
    problems.hidden = lines.length === 0;
  };

  const readNow = async (url?: string): Promise<void> => {
    refresh.disabled = true;
    status.textContent = 'Reading the feeds…';
    try {
      const reports = await sendToBackground('feeds-refresh', url ? { url } : {});
      status.textContent = refreshSummary(reports);
      showProblems(reports);
      announceCorpusChange(doc);
      await show();
    } catch (error) {
      status.textContent = `Could not read the feeds: ${describeError(error)}`;
    } finally {
      refresh.disabled = false;
    }
  };

  const remove = async (url: string): Promise<void> => {
    render(await sendToBackground('feed-unsubscribe', { url }));
    status.textContent = 'Unsubscribed. Articles already stored stay in your corpus.';
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const url = input.value.trim();
    const pattern = originPattern(url);
    if (!pattern) {
      status.textContent = 'Enter the feed’s full address, starting with http:// or https://.';
      input.focus();
      return;
    }
    subscribeButton.disabled = true;
    try {
      // First thing in the click: the browser shows its permission prompt only for a user gesture.
      const granted = await browser.permissions.request({ origins: [pattern] });
      if (!granted) {
        status.textContent = `Not subscribed: Palimpsest needs your permission to read ${hostOf(pattern)}.`;
        return;
      }
      status.textContent = 'Reading the feed…';
      const outcome = await sendToBackground('feed-subscribe', { url });
      if (outcome.kind === 'refused') {
        status.textContent = outcome.reason;
        return;
      }
      const { feed, refresh: report } = outcome;
      showProblems([report]);
      input.value = '';
      status.textContent = `Subscribed to ${feed.title ?? feed.url}. ${report.error ?? refreshSummary([report])}`;
      announceCorpusChange(doc);
      await show();
    } catch (error) {
      status.textContent = `Could not subscribe: ${describeError(error)}`;
    } finally {
      subscribeButton.disabled = false;
    }
  });
  refresh.addEventListener('click', () => void readNow());
  void show().catch((error) => (status.textContent = `Could not list the feeds: ${describeError(error)}`));
}
