/**
 * "Your copies of this page": the versions of the tab's article stored in the corpus (captured, imported or read
 * from a feed), newest first, each with what changed since the one before, as a word diff per changed sentence;
 * and "Add this page", which stores the page as it is now when its text is new.
 */
import type { WordOp } from '../../lib/types.ts';
import { sendToBackground, type CaptureOutcome, type ChangedSentence, type HistoryChange, type HistoryVersion, type PageHistory } from '../shared/protocol.ts';
import { formatDate } from '../shared/report-view.ts';
import { clear, el } from '../shared/dom.ts';
import { listInWords, t, tn, uiLanguage, type PluralKey } from './messages.ts';
import { phraseOps } from './word-diff.ts';

function when(version: HistoryVersion): string {
  if (version.firstSeen) {
    const date = new Date(version.firstSeen);
    if (!Number.isNaN(date.getTime())) {
      return t('historyStoredAt', { when: date.toLocaleString(uiLanguage(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) });
    }
  }
  const published = formatDate(version.published);
  return published ? t('historyPublished', { date: published }) : t('dateUnknown');
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

const SENTENCE_WORDS: Record<ChangedSentence['kind'], PluralKey> = { changed: 'sentencesReworded', added: 'sentencesAdded', removed: 'sentencesRemoved' };

function countsLine(change: HistoryChange): string {
  const counts = { changed: 0, added: 0, removed: 0 };
  for (const sentence of change.sentences) counts[sentence.kind]++;
  const parts = (['changed', 'added', 'removed'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => tn(SENTENCE_WORDS[kind], counts[kind]));
  return parts.length > 0 ? listInWords(parts) : t('wordingUnchanged');
}

function changeDetails(change: HistoryChange, open: boolean): HTMLElement {
  return el(
    'details',
    { class: 'history-change', attrs: { open: open ? '' : undefined, 'data-from-id': change.fromId, 'data-to-id': change.toId } },
    el('summary', {}, t('changesFromBefore', { counts: countsLine(change) })),
    change.truncated ? el('p', { class: 'note' }, t('historyTruncated')) : null,
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
        el('span', { class: 'muted' }, ' ', t('characters', { count: version.chars.toLocaleString(uiLanguage()) })),
        change ? changeDetails(change, index === 0) : isFirst ? el('p', { class: 'muted history-first' }, t('historyFirst')) : null,
      );
    }),
  );
}

function captureMessage(outcome: CaptureOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return outcome.versions > 1 ? t('captureNewVersion', { count: outcome.versions.toLocaleString(uiLanguage()) }) : t('captureAdded');
    case 'unchanged': {
      const stored = formatDate(outcome.firstSeen);
      return stored ? t('captureUnchangedSince', { date: stored }) : t('captureUnchanged');
    }
    case 'no-article':
      return t('captureNoArticle');
    case 'refused':
      return outcome.reason;
    case 'error':
      return t('captureFailed', { error: outcome.message });
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
    this.addButton = el('button', { class: 'add-page', attrs: { type: 'button' }, onClick: () => void this.capture() }, t('addThisPage'));
    this.element = el(
      'section',
      { class: 'block history', attrs: { 'aria-labelledby': 'history-heading', id: 'page-history' } },
      el('h2', { attrs: { id: 'history-heading' } }, t('historyHeading')),
      this.body,
      el('div', { class: 'history-actions' }, this.addButton, this.status),
    );
    if (history) {
      this.show(history);
      this.element.dataset.historyReady = 'true';
    } else {
      this.body.append(el('p', { class: 'muted' }, t('historyLooking')));
    }
  }

  async load(): Promise<void> {
    try {
      this.show(await sendToBackground('page-history', { tabId: this.tabId }));
    } catch (error) {
      clear(this.body);
      this.body.append(el('p', { class: 'muted' }, t('historyReadFailed', { error: error instanceof Error ? error.message : String(error) })));
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
      this.body.append(el('p', { class: 'muted' }, t('historyNotStored')));
      return;
    }
    heading.append(' ', el('span', { class: 'count' }, String(history.versions.length)));
    const hint =
      history.versions.length > 1
        ? t('historyChanged')
        : history.currentId !== undefined
          ? t('historyStoredAsNow')
          : t('historyStoredOlder');
    this.body.append(el('p', { class: 'hint' }, hint), versionList(history));
  }

  private async capture(): Promise<void> {
    this.addButton.disabled = true;
    this.status.textContent = t('statusReadingPage');
    delete this.element.dataset.historyReady;
    try {
      const outcome = await sendToBackground('capture-tab', { tabId: this.tabId });
      this.status.textContent = captureMessage(outcome);
      await this.load();
    } catch (error) {
      this.status.textContent = t('captureFailed', { error: error instanceof Error ? error.message : String(error) });
      this.element.dataset.historyReady = 'true';
    } finally {
      this.addButton.disabled = false;
    }
  }
}
