/**
 * "Your copies of this page": the versions of the tab's article stored in the corpus (captured, imported or read
 * from a feed), newest first, each with what changed since the one before, as a word diff per changed sentence;
 * and "Add this page", which stores the page as it is now when its text is new.
 */
import type { WordOp } from '../../lib/types.ts';
import { sendToBackground, type CaptureOutcome, type ChangedSentence, type HistoryChange, type HistoryVersion, type PageHistory } from '../shared/protocol.ts';
import { formatDate } from '../shared/report-view.ts';
import { clear, el } from '../shared/dom.ts';
import { phraseOps } from './word-diff.ts';

function when(version: HistoryVersion): string {
  if (version.firstSeen) {
    const date = new Date(version.firstSeen);
    if (!Number.isNaN(date.getTime())) {
      return `Stored ${date.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}`;
    }
  }
  const published = formatDate(version.published);
  return published ? `Published ${published}` : 'Date unknown';
}

/** One sentence, older wording struck through and newer wording marked, in reading order. */
function inlineDiff(ops: WordOp[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of phraseOps(ops)) {
    if (run.op === 'equal') fragment.append(run.text);
    else fragment.append(el(run.op, {}, run.text));
  }
  return fragment;
}

const SENTENCE_WORDS: Record<ChangedSentence['kind'], string> = { changed: 'reworded', added: 'added', removed: 'removed' };

function countsLine(change: HistoryChange): string {
  const counts = { changed: 0, added: 0, removed: 0 };
  for (const sentence of change.sentences) counts[sentence.kind]++;
  const parts = (['changed', 'added', 'removed'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${counts[kind] === 1 ? 'sentence' : 'sentences'} ${SENTENCE_WORDS[kind]}`);
  return parts.length > 0 ? parts.join(', ') : 'wording unchanged (spacing or punctuation only)';
}

function changeDetails(change: HistoryChange, open: boolean): HTMLElement {
  return el(
    'details',
    { class: 'history-change', attrs: { open: open ? '' : undefined, 'data-from-id': change.fromId, 'data-to-id': change.toId } },
    el('summary', {}, `Changes from the version before: ${countsLine(change)}`),
    change.truncated ? el('p', { class: 'note' }, 'The versions are too different or too long to compare fully: this list may be incomplete.') : null,
    el(
      'ol',
      { class: 'history-diff' },
      ...change.sentences.map((sentence) => el('li', { class: `diff-sentence diff-${sentence.kind}`, attrs: { 'data-kind': sentence.kind } }, inlineDiff(sentence.ops))),
    ),
  );
}

function versionList(history: PageHistory): HTMLElement {
  const changeInto = new Map(history.changes.map((change) => [change.toId, change]));
  const newestFirst = [...history.versions].reverse();
  return el(
    'ol',
    { class: 'history-list', attrs: { reversed: '' } },
    ...newestFirst.map((version, index) => {
      const change = changeInto.get(version.id);
      const isFirst = index === newestFirst.length - 1;
      return el(
        'li',
        { class: 'history-version', attrs: { 'data-version-id': version.id } },
        el('span', { class: 'history-when' }, when(version)),
        el('span', { class: 'muted' }, ` · ${version.chars.toLocaleString('en')} characters`),
        change ? changeDetails(change, index === 0) : isFirst ? el('p', { class: 'muted history-first' }, 'The first stored version.') : null,
      );
    }),
  );
}

function captureMessage(outcome: CaptureOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return outcome.versions > 1 ? `Stored as version ${outcome.versions}: the text has changed.` : 'Added to your corpus.';
    case 'unchanged':
      return `Already in your corpus${outcome.firstSeen ? ` (stored ${formatDate(outcome.firstSeen)})` : ''}: the text has not changed, so nothing was added.`;
    case 'no-article':
      return 'No article on this page to add.';
    case 'refused':
      return outcome.reason;
    case 'error':
      return `Could not add the page: ${outcome.message}`;
  }
}

export class HistorySection {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly addButton: HTMLButtonElement;

  /** `history` is the stored copies when the popup has read them already (nothing then says "Looking…"). */
  constructor(
    private readonly tabId: number,
    history: PageHistory | null = null,
    /** Called with every history shown: storing the page changes the popup's answer. */
    private readonly onHistory?: (history: PageHistory) => void,
  ) {
    this.body = el('div', { class: 'history-body' });
    this.status = el('p', { class: 'history-status hint', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.addButton = el('button', { class: 'add-page', attrs: { type: 'button' }, onClick: () => void this.capture() }, 'Add this page');
    this.element = el(
      'section',
      { class: 'block history', attrs: { 'aria-labelledby': 'history-heading', id: 'page-history' } },
      el('h2', { attrs: { id: 'history-heading' } }, 'Your copies of this page'),
      this.body,
      el('div', { class: 'history-actions' }, this.addButton, this.status),
    );
    if (history) {
      this.show(history);
      this.element.dataset.historyReady = 'true';
    } else {
      this.body.append(el('p', { class: 'muted' }, 'Looking for stored copies…'));
    }
  }

  async load(): Promise<void> {
    try {
      this.show(await sendToBackground('page-history', { tabId: this.tabId }));
    } catch (error) {
      clear(this.body);
      this.body.append(el('p', { class: 'muted' }, `Could not read the stored copies: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      this.element.dataset.historyReady = 'true';
    }
  }

  private show(history: PageHistory): void {
    this.onHistory?.(history);
    clear(this.body);
    const heading = this.element.querySelector('h2')!;
    heading.querySelector('.count')?.remove();
    // A page stored as it reads now has nothing to add: the store keeps one copy of a text.
    this.addButton.hidden = history.currentId !== undefined;
    this.element.dataset.stored = history.currentId !== undefined ? 'current' : history.versions.length > 0 ? 'older' : 'none';
    if (history.versions.length === 0) {
      this.body.append(el('p', { class: 'muted' }, 'This page is not in your corpus. Add it to keep this version: adding it again later stores a new version if the text has changed.'));
      return;
    }
    heading.append(' ', el('span', { class: 'count' }, String(history.versions.length)));
    const hint =
      history.versions.length > 1
        ? 'The text changed between these visits. Newest first.'
        : history.currentId !== undefined
          ? 'Stored as it reads now; a later visit with changed text adds a version.'
          : 'Stored once; the page reads differently now: add it to keep this version too.';
    this.body.append(el('p', { class: 'hint' }, hint), versionList(history));
  }

  private async capture(): Promise<void> {
    this.addButton.disabled = true;
    this.status.textContent = 'Reading the page…';
    delete this.element.dataset.historyReady;
    try {
      const outcome = await sendToBackground('capture-tab', { tabId: this.tabId });
      this.status.textContent = captureMessage(outcome);
      await this.load();
    } catch (error) {
      this.status.textContent = `Could not add the page: ${error instanceof Error ? error.message : String(error)}`;
      this.element.dataset.historyReady = 'true';
    } finally {
      this.addButton.disabled = false;
    }
  }
}
