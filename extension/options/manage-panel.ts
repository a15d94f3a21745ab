/** Deleting stored articles: a whole site, everything before or after a date, one at a time from a search, or all. */
import type { RecordFilter, RecordSummary } from '../../lib/store/catalog.ts';
import { sendToBackground, type DeleteOutcome } from '../shared/protocol.ts';
import { formatDate } from '../shared/report-view.ts';
import { byId, clear, describeError, el, formatCount } from '../shared/dom.ts';
import { announceCorpusChange, CORPUS_CHANGED } from './ui.ts';

const PAGE = 15;

export function startManagePanel(doc: Document): void {
  const siteSelect = byId<HTMLSelectElement>(doc, 'site-select');
  const deleteSite = byId<HTMLButtonElement>(doc, 'delete-site');
  const dateSide = byId<HTMLSelectElement>(doc, 'date-side');
  const dateValue = byId<HTMLInputElement>(doc, 'date-value');
  const deleteDate = byId<HTMLButtonElement>(doc, 'delete-date');
  const findText = byId<HTMLInputElement>(doc, 'find-text');
  const results = byId<HTMLUListElement>(doc, 'find-results');
  const more = byId<HTMLButtonElement>(doc, 'find-more');
  const deleteAll = byId<HTMLButtonElement>(doc, 'delete-all');
  const confirmBox = byId(doc, 'confirm-box');
  const confirmText = byId(doc, 'confirm-text');
  const confirmYes = byId<HTMLButtonElement>(doc, 'confirm-yes');
  const confirmNo = byId<HTMLButtonElement>(doc, 'confirm-no');
  const status = byId(doc, 'manage-status');

  let pendingAction: (() => Promise<DeleteOutcome>) | null = null;
  let returnFocus: HTMLElement | null = null;
  let shown = 0;
  let searchTicket = 0;

  const closeConfirm = (): void => {
    confirmBox.hidden = true;
    pendingAction = null;
    returnFocus?.focus();
  };

  /** Deleting cannot be undone: every deletion is confirmed, saying how many articles it removes. */
  const askToDelete = (from: HTMLElement, question: string, action: () => Promise<DeleteOutcome>): void => {
    pendingAction = action;
    returnFocus = from;
    confirmText.textContent = question;
    confirmBox.hidden = false;
    // Shown next to what it confirms: inside a listed article, or below the row of controls.
    const item = from.closest('li');
    if (item) item.append(confirmBox);
    else (from.closest('.row') ?? from).insertAdjacentElement('afterend', confirmBox);
    confirmNo.focus();
  };

  confirmNo.addEventListener('click', closeConfirm);
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeConfirm();
  });
  confirmYes.addEventListener('click', async () => {
    const action = pendingAction;
    if (!action) return;
    confirmYes.disabled = true;
    status.textContent = 'Deleting…';
    try {
      const { deleted, count } = await action();
      status.textContent = `Deleted ${formatCount(deleted, 'article', 'articles')}; ${formatCount(count, 'article remains', 'articles remain')}.`;
      announceCorpusChange(doc);
    } catch (error) {
      status.textContent = `Could not delete: ${describeError(error)}`;
    } finally {
      confirmYes.disabled = false;
      closeConfirm();
    }
  });

  const loadSites = async (): Promise<void> => {
    const sites = await sendToBackground('corpus-sites', {});
    const previous = siteSelect.value;
    clear(siteSelect);
    siteSelect.append(el('option', { attrs: { value: '' } }, sites.length > 0 ? 'Choose a site' : 'No named sites'));
    for (const { site, count } of sites) siteSelect.append(el('option', { attrs: { value: site } }, `${site} (${count.toLocaleString('en')})`));
    siteSelect.value = sites.some((entry) => entry.site === previous) ? previous : '';
    deleteSite.disabled = siteSelect.value === '';
  };

  siteSelect.addEventListener('change', () => (deleteSite.disabled = siteSelect.value === ''));
  deleteSite.addEventListener('click', async () => {
    const site = siteSelect.value;
    if (!site) return;
    const { count } = await sendToBackground('corpus-select', { site });
    askToDelete(deleteSite, `Delete ${formatCount(count, 'article', 'articles')} from ${site}?`, () => sendToBackground('corpus-delete-where', { site }));
  });

  const dateFilter = (): RecordFilter | null => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateValue.value)) return null;
    return dateSide.value === 'after' ? { after: dateValue.value } : { before: dateValue.value };
  };
  dateValue.addEventListener('input', () => (deleteDate.disabled = dateFilter() === null));
  deleteDate.addEventListener('click', async () => {
    const filter = dateFilter();
    if (!filter) return;
    const { count } = await sendToBackground('corpus-select', filter);
    if (count === 0) {
      status.textContent = `No articles are dated ${dateSide.value} ${formatDate(dateValue.value)}.`;
      return;
    }
    askToDelete(deleteDate, `Delete ${formatCount(count, 'article', 'articles')} dated ${dateSide.value} ${formatDate(dateValue.value)}?`, () => sendToBackground('corpus-delete-where', filter));
  });

  const recordItem = (summary: RecordSummary): HTMLElement => {
    const title = summary.title ?? summary.url ?? summary.id;
    const date = formatDate(summary.published) ?? (summary.firstSeen ? `stored ${formatDate(summary.firstSeen)}` : null);
    const meta = [summary.site, date, `${summary.chars.toLocaleString('en')} characters`].filter(Boolean).join(' · ');
    const item = el(
      'li',
      { class: 'record', attrs: { 'data-record-id': summary.id } },
      el('div', { class: 'record-text' }, el('span', { class: 'record-title' }, title), el('span', { class: 'record-meta muted small' }, meta), summary.url ? el('span', { class: 'record-url muted small' }, summary.url) : null),
    );
    const button = el('button', { class: 'secondary small-button', attrs: { type: 'button', 'aria-label': `Delete “${title}”` } }, 'Delete');
    button.addEventListener('click', () => askToDelete(button, `Delete “${title}”?`, () => sendToBackground('corpus-delete', { ids: [summary.id] })));
    item.append(button);
    return item;
  };

  const search = async (append: boolean): Promise<void> => {
    const ticket = ++searchTicket;
    const offset = append ? shown : 0;
    const found = await sendToBackground('corpus-find', { text: findText.value, offset, limit: PAGE });
    if (ticket !== searchTicket) return;
    if (!append) {
      clear(results);
      shown = 0;
    }
    results.append(...found.items.map(recordItem));
    shown += found.items.length;
    more.hidden = !found.more;
    if (!append && found.items.length === 0) results.append(el('li', { class: 'muted' }, findText.value ? 'No stored article matches.' : 'The corpus is empty.'));
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  findText.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(false), 200);
  });
  more.addEventListener('click', () => void search(true));

  deleteAll.addEventListener('click', async () => {
    const { count } = await sendToBackground('corpus-status', {});
    askToDelete(deleteAll, `Delete all ${formatCount(count, 'article', 'articles')}? Your “not a version” corrections go with them. Export first if you may want them back.`, () => sendToBackground('corpus-clear', {}));
  });

  const refresh = (): void => {
    void loadSites().catch(() => undefined);
    void search(false).catch(() => undefined);
  };
  doc.addEventListener(CORPUS_CHANGED, refresh);
  refresh();
}
