/**
 * Followed feeds: add (asking access to the feed's site in the same click), each feed's status (last read, articles
 * added, last error, next read), remove, read now, and the feed list as OPML in and out.
 */
import { browser } from 'wxt/browser';
import { OPML_SKELETON, OpmlError, readOpml, writeOpml } from '../../lib/import/opml.ts';
import { sendToBackground, type FeedRefreshReport, type FeedView } from '../shared/protocol.ts';
import { originPattern } from '../shared/settings.ts';
import { byId, clear, describeError, el, formatCount } from '../shared/dom.ts';
import { announceCorpusChange, formatTime } from './ui.ts';

function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

function refreshSummary(reports: FeedRefreshReport[]): string {
  const added = reports.reduce((total, report) => total + report.added, 0);
  const failed = reports.filter((report) => report.error).length;
  const waiting = reports.filter((report) => report.waitingUntil).length;
  const problems = reports.reduce((total, report) => total + report.problems.length, 0);
  const reached = reports.reduce((total, report) => total + report.alreadyStored, 0);
  const parts = [added > 0 ? `${formatCount(added, 'new article', 'new articles')} stored` : 'No new articles'];
  if (reached > 0) parts.push(`${formatCount(reached, 'article was', 'articles were')} in your corpus already`);
  if (problems > 0) parts.push(`${formatCount(problems, 'item', 'items')} could not be stored`);
  if (failed > 0) parts.push(`${formatCount(failed, 'feed', 'feeds')} could not be read`);
  if (waiting > 0) parts.push(`${formatCount(waiting, 'feed', 'feeds')} not read: the site asked to wait`);
  return `${parts.join('; ')}.`;
}

/** "Read 3 Jan 2026, 14:05 · 4 added · next read 15:10", and what went wrong last. */
function statusLine(feed: FeedView): string {
  const parts = [feed.lastRead ? `Read ${formatTime(feed.lastRead)}` : 'Not read yet'];
  if (feed.lastAdded !== undefined) parts.push(`${formatCount(feed.lastAdded, 'article', 'articles')} added then`);
  parts.push(`${feed.waiting ? 'the site asked to wait until' : 'next read'} ${formatTime(feed.nextRead)}`);
  return parts.join(' · ');
}

function opmlFileName(now = new Date()): string {
  return `palimpsest-feeds-${now.toISOString().slice(0, 10)}.opml`;
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
  const opmlInput = byId<HTMLInputElement>(doc, 'opml-file');
  const opmlExport = byId<HTMLButtonElement>(doc, 'opml-export');
  const opmlLink = byId<HTMLAnchorElement>(doc, 'opml-link');
  let feeds: FeedView[] = [];
  let opmlUrl: string | null = null;

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
    const item = el(
      'li',
      { class: 'feed', attrs: { 'data-feed-url': feed.url, 'data-state': feed.lastError ? 'error' : feed.lastRead ? 'ok' : 'new' } },
      el('div', { class: 'feed-top' }, el('strong', { class: 'feed-title' }, feed.title ?? hostOf(originPattern(feed.url) ?? feed.url)), el('span', { class: 'feed-count' }, formatCount(feed.stored, 'article', 'articles'))),
      el('p', { class: 'feed-url muted small' }, feed.url),
      el('p', { class: 'feed-meta muted small' }, `Followed ${formatTime(feed.addedAt)} · ${statusLine(feed)}`),
    );
    if (feed.lastError) {
      const attempts = feed.failures > 1 ? ` (${feed.failures} failed reads in a row; Palimpsest waits longer after each)` : '';
      item.append(el('p', { class: 'feed-error small' }, `Last read ${formatTime(feed.lastChecked)}: ${feed.lastError}${attempts}`));
    }
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

  const render = (shown: FeedView[]): void => {
    feeds = shown;
    clear(list);
    list.append(...shown.map(feedItem));
    empty.hidden = shown.length > 0;
    refresh.hidden = shown.length === 0;
    opmlExport.disabled = shown.length === 0;
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
      if (outcome.kind !== 'subscribed') {
        status.textContent = outcome.kind === 'refused' ? outcome.reason : 'Waiting for access to the feed’s site.';
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

  /**
   * OPML in: the feeds are added without reading them now (a list of 200 would hold the worker), and the schedule
   * reads them over the next hour. Access to their sites is asked for in one prompt, in the reader's gesture.
   */
  opmlInput.addEventListener('change', async () => {
    const file = opmlInput.files?.[0];
    if (!file) return;
    try {
      const reading = readOpml(new DOMParser().parseFromString(await file.text(), 'application/xml'));
      if (reading.feeds.length === 0) {
        status.textContent = `${file.name} lists no feeds.`;
        return;
      }
      const origins = [...new Set(reading.feeds.map((feed) => originPattern(feed.url)).filter((origin): origin is string => origin !== null))];
      const granted = await browser.permissions.request({ origins });
      if (!granted) {
        status.textContent = `Not imported: Palimpsest needs your permission to read the ${formatCount(origins.length, 'site', 'sites')} these feeds are on.`;
        return;
      }
      const result = await sendToBackground('feeds-add', { feeds: reading.feeds });
      render(result.feeds);
      const already = result.already > 0 ? ` ${formatCount(result.already, 'was', 'were')} followed already.` : '';
      const skipped = reading.problems.length > 0 ? ` ${formatCount(reading.problems.length, 'entry was', 'entries were')} not a feed address.` : '';
      status.textContent = `${formatCount(result.added, 'feed', 'feeds')} added from ${file.name}; they are read over the next hour.${already}${skipped}`;
      clear(problems);
      problems.append(...reading.problems.slice(0, 20).map((text) => el('li', { class: 'problem' }, text)));
      problems.hidden = reading.problems.length === 0;
    } catch (error) {
      status.textContent = error instanceof OpmlError ? `${file.name}: ${error.message}` : `Could not import ${file.name}: ${describeError(error)}`;
    } finally {
      opmlInput.value = '';
    }
  });

  opmlExport.addEventListener('click', () => {
    const parsed = new DOMParser().parseFromString(OPML_SKELETON, 'application/xml');
    const written = writeOpml(parsed, feeds.map((feed) => ({ url: feed.url, title: feed.title, siteUrl: feed.siteUrl })), { title: 'Feeds followed in Palimpsest', created: new Date() });
    const blob = new Blob([new XMLSerializer().serializeToString(written)], { type: 'text/x-opml' });
    if (opmlUrl) URL.revokeObjectURL(opmlUrl);
    opmlUrl = URL.createObjectURL(blob);
    opmlLink.href = opmlUrl;
    opmlLink.download = opmlFileName();
    opmlLink.textContent = `Download ${opmlLink.download} again`;
    opmlLink.hidden = false;
    status.textContent = `Exported ${formatCount(feeds.length, 'feed', 'feeds')} as OPML.`;
    opmlLink.click();
  });

  refresh.addEventListener('click', () => void readNow());
  void show().catch((error) => (status.textContent = `Could not list the feeds: ${describeError(error)}`));
}
