/**
 * The popup: asks the background about its tab and shows the answer. All state it shows comes from the
 * background (which persists it), so closing and reopening the popup shows the same answer.
 */
import type { Comparison, DriftItem, Match, Report } from '../../lib/types.ts';
import { sendToBackground, type PageHistory, type TabState } from '../shared/protocol.ts';
import { originalMatch, versionMatches } from '../shared/report-view.ts';
import { summariseAnswer } from './answer-summary.ts';
import { renderCorpusHint } from './corpus-hint-section.ts';
import { correctedInWords, notAVersionButton, renderCorrectedSection, sendCorrection, type CorrectionRequest, type OnCorrection } from './corrections-section.ts';
import { clear, el } from '../shared/dom.ts';
import { renderDriftSection } from './drift-section.ts';
import { hasOnDeviceTranslator, onDeviceGloss } from './translator.ts';
import { markFirstResult, type PopupStart } from './first-look-start.ts';
import { HistorySection } from './history-section.ts';
import { renderLineageSection } from './lineage-section.ts';
import { renderOriginalSection } from './original-section.ts';
import { renderPageMarksControl } from './page-marks-control.ts';
import { t, tn } from './messages.ts';
import { renderAnswer, renderSetAside } from './page-summary.ts';
import { openOptions, renderPageState, type PageStateKind } from './page-states.ts';
import { renderPassageSection } from './passage-section.ts';
import { renderQuotesSection } from './quotes-section.ts';
import { renderSideBySide } from './side-by-side.ts';
import { publisherName } from './version-card.ts';
import { renderSameStorySection, renderSharedPassagesSection, renderVersionsSection } from './versions-section.ts';

interface Chosen {
  id: string;
  comparison: Comparison | null;
  sourceText: string;
  sourceName: string;
}

export class PopupApp {
  private tabId: number | null = null;
  private report: Report | null = null;
  private chosen: Chosen | null = null;
  /** Guards against a slow comparison overwriting a later choice. */
  private choiceCounter = 0;

  constructor(
    private readonly content: HTMLElement,
    private readonly status: HTMLElement,
    private readonly recheckButton: HTMLButtonElement,
    optionsButton?: HTMLButtonElement | null,
  ) {
    recheckButton.textContent = t('checkAgain');
    recheckButton.addEventListener('click', () => void this.load(true));
    if (optionsButton) optionsButton.textContent = t('options');
    optionsButton?.addEventListener('click', openOptions);
  }

  /** A check is asked again once when it ran without the translator this popup has. */
  private checkedWithTranslator = false;

  /** Takes over from the popup's first moments (first-look-start.ts): the first look is asked for or on screen. */
  async start(popupStart: PopupStart): Promise<void> {
    this.tabId = popupStart.tabId;
    await this.load(false, popupStart.firstLook);
  }

  private say(message: string, busy = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('busy', busy);
    document.body.setAttribute('aria-busy', String(busy));
  }

  private readonly onCorrection: OnCorrection = (request, id, name) => void this.correct(request, id, name);

  /** The reader marks a match as not a version, or undoes that: the background stores it and checks the page again. */
  private async correct(request: CorrectionRequest, id: string, name: string): Promise<void> {
    if (this.tabId === null) return;
    const controls = [...this.content.querySelectorAll<HTMLButtonElement>('button.not-a-version, button.undo-correction'), this.recheckButton];
    for (const button of controls) button.disabled = true;
    delete document.body.dataset.ready;
    this.say(request === 'mark-not-a-version' ? t('statusLeavingOut', { publisher: name }) : t('statusUndoing'), true);
    try {
      await this.show(await sendCorrection(request, this.tabId, id));
      this.say(`${correctedInWords(request, name)} ${this.status.textContent ?? ''}`.trim());
    } catch (error) {
      for (const button of controls) button.disabled = false;
      this.say(t('statusCorrectionFailed', { error: error instanceof Error ? error.message : String(error) }));
      this.markReady();
    } finally {
      this.recheckButton.disabled = false;
      document.body.setAttribute('aria-busy', 'false');
    }
  }

  /**
   * Asks for the full check and shows it. On opening, `firstLook` is the first look already asked for: the full check is
   * asked for once that is on screen (or known to show nothing); checking again asks at once.
   */
  private async load(force: boolean, firstLook?: Promise<unknown>): Promise<void> {
    if (this.tabId === null) {
      this.showMessage('no-tab');
      return;
    }
    this.recheckButton.disabled = true;
    delete document.body.dataset.ready;
    if (!firstLook) {
      delete document.body.dataset.firstResult;
      this.say(t('statusReading'), true);
    }
    try {
      await firstLook;
      const state = await sendToBackground('check-tab', { tabId: this.tabId, force });
      // The check ran before this popup could lend it the browser's translator: once, check again with it.
      if (state.translation === 'unreached' && hasOnDeviceTranslator() && !this.checkedWithTranslator) {
        this.checkedWithTranslator = true;
        return await this.load(true);
      }
      await this.show(state);
    } catch (error) {
      this.say('');
      this.showMessage('error', error instanceof Error ? error.message : String(error));
    } finally {
      this.recheckButton.disabled = false;
      document.body.setAttribute('aria-busy', 'false');
    }
  }

  private showMessage(kind: PageStateKind, reason = ''): void {
    clear(this.content);
    this.markReady();
    this.content.append(renderPageState(kind, reason));
  }

  private async show(state: TabState): Promise<void> {
    const { outcome } = state;
    this.report = null;
    switch (outcome.kind) {
      case 'no-article':
        this.say('');
        this.showMessage('no-article');
        return;
      case 'restricted':
      case 'no-access':
        this.say('');
        this.showMessage(outcome.kind, outcome.reason);
        return;
      case 'error':
        this.say('');
        this.showMessage('error', outcome.message);
        return;
      case 'report': {
        // The page's own stored copies are part of the answer: read before anything is drawn, so the summary
        // says so at once and no "Looking for stored copies…" stays behind.
        const history = this.tabId === null ? null : await sendToBackground('page-history', { tabId: this.tabId }).catch(() => null);
        this.report = outcome.report;
        this.chosen = this.initialChoice(outcome.report);
        // The headline carries the answer; the status line only speaks of work in progress.
        this.say('');
        this.render(state, history);
      }
    }
  }

  /**
   * The version the drift came from (the original when known), unless that is the stored copy of the page itself;
   * then the earliest other version, whose comparison is fetched after the first render.
   */
  private initialChoice(report: Report): Chosen | null {
    const versions = versionMatches(report);
    const fromReport = versions.find((match) => match.id === report.comparison?.sourceId);
    const match = fromReport ?? versions.find((candidate) => candidate.id === report.original) ?? versions[0];
    if (!match) return null;
    return { id: match.id, comparison: fromReport ? report.comparison : null, sourceText: '', sourceName: publisherName(match) };
  }

  /** The answer first, then the drift (most serious first), the original and versions, then the rest. */
  private render(state: TabState, stored: PageHistory | null): void {
    const report = this.report!;
    clear(this.content);
    const answer = el('div', { class: 'answer-holder' }, renderAnswer(summariseAnswer(report, stored), report.article));
    this.content.append(answer);
    if (state.team?.kind === 'failed') {
      this.content.append(el('p', { class: 'team-note', attrs: { role: 'note', 'data-team': 'failed' } }, t('teamCorpusOnly', { error: state.team.message })));
    }
    if (state.passage) this.content.append(renderPassageSection(state.passage));
    const history =
      this.tabId === null
        ? null
        : new HistorySection(this.tabId, stored, (shown) => answer.replaceChildren(renderAnswer(summariseAnswer(report, shown), report.article)));
    // The page's own stored copy leads when no original is known: that is the answer.
    const storedLeads = history !== null && stored?.currentId !== undefined && !originalMatch(report);
    if (storedLeads) this.content.append(history.element);
    const actions = (match: Match) => notAVersionButton(match, this.onCorrection);
    this.content.append(
      el('div', { attrs: { id: 'comparison' } }),
      renderOriginalSection(report),
      renderVersionsSection(report, this.chosen?.id ?? null, (id) => void this.choose(id), actions),
      el('div', { attrs: { id: 'side-by-side' } }),
    );
    const lineage = renderLineageSection(report);
    if (lineage) this.content.append(lineage);
    const quotes = renderQuotesSection(report);
    if (quotes) this.content.append(quotes);
    const sharing = renderSharedPassagesSection(report, actions);
    if (sharing) this.content.append(sharing);
    const sameStory = renderSameStorySection(report, actions);
    if (sameStory) this.content.append(sameStory);
    const corrected = renderCorrectedSection(report, this.onCorrection);
    if (corrected) this.content.append(corrected);
    if (!originalMatch(report) && this.tabId !== null) this.content.append(renderCorpusHint(this.tabId));
    if (history && !storedLeads) this.content.append(history.element);
    if (history && !stored) void history.load();
    const setAside = renderSetAside(report.article);
    if (setAside) this.content.append(setAside);
    this.renderComparison();
    // The source text for the side-by-side view comes with an explicit comparison request.
    if (this.chosen) void this.choose(this.chosen.id, false).finally(() => this.markReady());
    else this.markReady();
  }

  /** Everything for this answer is on screen (tests and screenshots wait for it). */
  private markReady(): void {
    markFirstResult();
    document.body.dataset.ready = 'true';
  }

  private renderComparison(): void {
    const holder = this.content.querySelector('#comparison');
    const sideBySideHolder = this.content.querySelector('#side-by-side');
    if (!holder || !sideBySideHolder || !this.report) return;
    clear(holder);
    clear(sideBySideHolder);
    const chosen = this.chosen;
    // Nothing to compare with: the sections below already say so.
    if (!chosen) return;
    const sourceName = chosen.sourceName;
    const direction = this.report.matches.find((match) => match.id === chosen.id)?.direction ?? 'unknown';
    const marksControl = this.tabId === null ? null : renderPageMarksControl(this.tabId, chosen.comparison, this.report.article.text, (message) => this.say(message));
    if (marksControl) holder.append(marksControl);
    holder.append(
      renderDriftSection(chosen.comparison, { name: sourceName, direction }, { onChoose: (item, button) => void this.highlight(item, button) }),
    );
    const languages = chosen.comparison?.languages;
    const gloss = languages ? onDeviceGloss(languages.source, languages.page) : null;
    const sideBySide = renderSideBySide(chosen.comparison, this.report.article.text, chosen.sourceText, sourceName, languages, gloss);
    if (sideBySide) sideBySideHolder.append(sideBySide);
  }

  private markChosenVersion(id: string): void {
    for (const button of this.content.querySelectorAll<HTMLButtonElement>('button.version')) {
      const chosen = button.dataset.versionId === id;
      button.setAttribute('aria-pressed', String(chosen));
      button.querySelector('.compared-tag')?.remove();
      if (chosen) button.append(el('span', { class: 'compared-tag' }, t('comparedBelow')));
    }
  }

  private async choose(id: string, announce = true): Promise<void> {
    if (this.tabId === null || !this.report) return;
    const match = this.report.matches.find((candidate) => candidate.id === id);
    if (!match) return;
    const ticket = ++this.choiceCounter;
    this.markChosenVersion(id);
    if (announce) this.say(t('statusComparing', { publisher: publisherName(match) }), true);
    try {
      const outcome = await sendToBackground('compare-version', { tabId: this.tabId, sourceId: id });
      if (ticket !== this.choiceCounter) return;
      if (outcome.kind === 'unavailable') {
        this.say(outcome.reason);
        return;
      }
      this.chosen = { id, comparison: outcome.comparison, sourceText: outcome.source.text, sourceName: publisherName(match) };
      this.renderComparison();
      if (announce) this.say(tn('statusCompared', outcome.comparison.drift.length, { publisher: publisherName(match) }));
    } catch (error) {
      if (ticket === this.choiceCounter) this.say(t('statusCompareFailed', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  private async highlight(item: DriftItem, button: HTMLButtonElement): Promise<void> {
    if (this.tabId === null) return;
    for (const other of this.content.querySelectorAll('.drift-item[aria-current]')) other.removeAttribute('aria-current');
    button.setAttribute('aria-current', 'true');
    if (!item.page.text.trim()) {
      this.say(t('statusPassageDropped'));
      return;
    }
    try {
      const { found } = await sendToBackground('highlight-passage', { tabId: this.tabId, text: item.page.text });
      this.say(found ? t('statusMarked') : t('statusNotVisible'));
    } catch (error) {
      this.say(t('statusMarkFailed', { error: error instanceof Error ? error.message : String(error) }));
    }
  }
}
