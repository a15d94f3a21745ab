/**
 * Checking a tab: read the article, run the engine against the corpus, persist the result for the tab and show
 * the badge. Results live in storage.session, so a restarted worker answers from there or recomputes.
 *
 * Which requests share one reading of the page, which wait for the first look and what is kept per tab is decided
 * by one `TabChecks` object; the browser and engine work it coordinates is handed to it (`CheckWork`), so the
 * coordination is tested on its own (tests/unit/extension/check-tab.test.ts). The worker has one, `tabChecks`.
 */
import { correctionsFor } from '../../lib/corpus/corrections.ts';
import { checkArticle, compareWith } from '../../lib/engine.ts';
import { likelySources, type LikelySource } from '../../lib/sources.ts';
import type { PageArticle, Report } from '../../lib/types.ts';
import { MAX_ARTICLE_CHARS, tooLargeMessage } from '../shared/limits.ts';
import type { CompareOutcome, FirstLook, PageOutcome, PassageOutcome, TabState, TeamOutcome } from '../shared/protocol.ts';
import { sameAddress } from '../shared/report-view.ts';
import { CLICK_STEP_MARKS, FIRST_LOOK_READY_MARK } from '../shared/timing-marks.ts';
import { browser } from 'wxt/browser';
import { sharedFirstLookKey } from '../shared/first-look-handover.ts';
import { clearBadge, showBadge } from './badge.ts';
import { popupTranslator, type PopupTranslator, type Translate } from './translation.ts';
import { getCorpus, readerFirst, reopenIndexFilesAfterCheck } from './corpus.ts';
import { findPassageInCorpus, type SelectionPage } from './passage.ts';
import { glanceAtTab, readTab, visibleTabUrl, type TabReading } from './tab-access.ts';
import { askTeamServer, teamRecord, withTeamMatches } from './team-server.ts';
import { loadTabState, samePage, saveTabState } from './tab-state.ts';

export interface CheckOptions {
  /** Check again even when a result for the page is stored. */
  force?: boolean;
  /** A passage the reader selected: its earliest occurrence and counterparts are looked up too. */
  selectionText?: string;
}

/** The browser and engine work a check is made of. */
export interface CheckWork {
  /** Reads the tab's article, injecting the reader script when it is not there yet. */
  readTab(tabId: number): Promise<TabReading>;
  /**
   * A quick reading of the tab's article for the first look, without Readability (extension/shared/glance.ts); null
   * when it reads none. Its text finds the same versions as the full reading's, a hundred milliseconds sooner.
   */
  glanceTab(tabId: number): Promise<PageArticle | null>;
  /**
   * The full check: alignment, relation, direction and drift against the corpus, respecting the reader's
   * corrections. `include` are the versions the first look showed: the check assesses them whatever retrieval ranks
   * them, so it confirms or corrects what the reader already saw rather than silently dropping it.
   */
  checkArticle(article: PageArticle, include: readonly string[], translate: Translate): Promise<Report>;
  /** A translate hook for one check: the browser's on-device translator, lent by an open popup when it has one. */
  translator(): PopupTranslator;
  /** The first answer: close stored versions found from the index alone, less those the reader said are none. */
  likelySources(article: PageArticle): Promise<LikelySource[]>;
  /** The team server's answer when the reader turned it on (asked while the local check runs), or null. */
  askTeam(article: PageArticle): Promise<{ report: Report | null; outcome: TeamOutcome } | null>;
  /** "Find original" on a selected passage. */
  findPassage(selection: string, page: SelectionPage): Promise<PassageOutcome>;
  /** Opens the corpus ahead of need. */
  openCorpus(): Promise<unknown>;
  /** Hands the click's first look (null: none yet) to the popup the click opens (sharedFirstLookKey). */
  shareFirstLook(tabId: number, look: FirstLook | null): Promise<void>;
  showBadge(state: TabState): Promise<void>;
  clearBadge(tabId: number): Promise<void>;
}

/** How long a finished reading still serves a request that arrives just after it (the other half of a popup's pair). */
export const READING_SHARED_MS = 2000;
/** How long the glance has the page to itself before the full reader is injected beside it. */
export const GLANCE_ALONE_MS = 300;
/** Bounds the memory held for tabs whose close or navigation the worker missed while stopped. */
export const MAX_KEPT_FIRST_LOOKS = 32;

export class TabChecks {
  /**
   * Checks running in this worker, so the popup opened by the context menu waits for the menu's check instead of
   * starting a second one. Only an optimisation: a restarted worker has none and recomputes.
   */
  private readonly running = new Map<number, Promise<TabState>>();
  /**
   * Readings of a tab in progress or just finished: the popup asks for its first look and the full check at once,
   * and both need the same extraction of the page.
   */
  private readonly readings = new Map<number, Promise<TabReading>>();
  /**
   * First looks computed or under way, per tab. The toolbar click starts one before the popup exists, and the
   * popup's request must find it even when the full result was stored in between. Found versions are kept until
   * the tab navigates or closes (forget); "nothing" is not kept, since a later grant of access may read the page.
   */
  private readonly firstLooks = new Map<number, Promise<FirstLook>>();
  /**
   * Tabs whose click-started full check waits for their popup: after a first look with versions, the check's alignment
   * would take the machine's time while the popup draws that first answer. The wait ends when the popup asks for the
   * check (it does once the first look is on screen) or when no popup will ask (it closed, or could not open).
   */
  private readonly popupWaits = new Map<number, () => void>();

  constructor(private readonly work: CheckWork) {}

  /** The tab's result: the stored one for the page it shows, the one being computed, or a new check. */
  check(tabId: number, options: CheckOptions = {}): Promise<TabState> {
    this.popupDone(tabId);
    return this.checkOnce(tabId, options);
  }

  private checkOnce(tabId: number, options: CheckOptions = {}): Promise<TabState> {
    const pending = this.running.get(tabId);
    if (pending && !options.force && !options.selectionText) return pending;
    const work = (async () => {
      if (pending) await pending.catch(() => undefined);
      if (!options.force && !options.selectionText) {
        const stored = await storedStateForCurrentPage(tabId);
        if (stored) return stored;
        // The first look is what the reader sees first: the alignment waits rather than share the worker with it.
        await this.firstLooks.get(tabId);
      }
      return this.runCheck(tabId, options);
    })();
    this.running.set(tabId, work);
    void work.finally(() => {
      if (this.running.get(tabId) === work) this.running.delete(tabId);
    });
    return work;
  }

  /**
   * The popup's first answer: stored versions that share much of the page's wording (lib/sources.ts), before any
   * alignment. Nothing when the full result is stored already (the popup gets it at once) or the page cannot be read.
   */
  firstLook(tabId: number): Promise<FirstLook> {
    const known = this.firstLooks.get(tabId);
    if (known) return known;
    const look = this.computeFirstLook(tabId).catch((): FirstLook => ({ kind: 'none' }));
    this.firstLooks.set(tabId, look);
    void look.then((answer) => {
      if (answer.kind !== 'sources' && this.firstLooks.get(tabId) === look) this.firstLooks.delete(tabId);
    });
    if (this.firstLooks.size > MAX_KEPT_FIRST_LOOKS) this.firstLooks.delete(this.firstLooks.keys().next().value!);
    return look;
  }

  /** The tab navigated or closed: what was read from it no longer holds. */
  forget(tabId: number): void {
    this.readings.delete(tabId);
    this.firstLooks.delete(tabId);
    void this.work.shareFirstLook(tabId, null).catch(() => undefined);
    this.popupDone(tabId);
  }

  /**
   * Starts what the popup is about to ask for, from the toolbar click: the first look, then the full check. After a
   * first look with versions, the check waits until the popup asks for it, having drawn them, or is gone (popupDone);
   * after any other first look there is nothing for the popup to draw first, and it starts at once. The popup's
   * requests join both. A first look with versions is also handed to the popup in storage.session
   * (extension/shared/first-look-handover.ts), which its first script reads without asking the worker.
   */
  prepare(tabId: number): void {
    this.popupDone(tabId);
    const popupAsks = new Promise<void>((resolve) => this.popupWaits.set(tabId, resolve));
    // Gone before the popup can read it, so the popup never draws an earlier click's look; then this click's.
    const unshared = this.work.shareFirstLook(tabId, null).catch(() => undefined);
    void this.firstLook(tabId)
      .then(async (look) => {
        if (look.kind === 'sources') await unshared.then(() => this.work.shareFirstLook(tabId, look)).catch(() => undefined);
        return look;
      })
      .then((look) => (look.kind === 'sources' ? popupAsks : undefined))
      .then(() => this.checkOnce(tabId))
      .catch(() => undefined);
  }

  /** A worker the click woke opens the database while the tab is being read. */
  openCorpusAhead(): void {
    void this.work
      .openCorpus()
      .then(() => performance.mark(CLICK_STEP_MARKS.corpusOpen))
      .catch(() => undefined);
  }

  /** The tab's popup asked for the full check, closed or could not open: a check the click started waits no longer. */
  popupDone(tabId: number): void {
    const release = this.popupWaits.get(tabId);
    if (!release) return;
    this.popupWaits.delete(tabId);
    release();
  }

  private readTabOnce(tabId: number): Promise<TabReading> {
    const pending = this.readings.get(tabId);
    if (pending) return pending;
    const reading = this.work.readTab(tabId);
    this.readings.set(tabId, reading);
    void reading.finally(() =>
      setTimeout(() => {
        if (this.readings.get(tabId) === reading) this.readings.delete(tabId);
      }, READING_SHARED_MS),
    );
    return reading;
  }

  private async computeFirstLook(tabId: number): Promise<FirstLook> {
    // The glance is injected before anything else is asked, so the page runs it before the full reader, whose reading
    // the look otherwise waits for; on a page whose result is stored it costs the page a few milliseconds for nothing.
    const glancing = this.readings.has(tabId)
      ? null
      : this.work
          .glanceTab(tabId)
          .catch(() => null)
          .finally(() => performance.mark(CLICK_STEP_MARKS.glanced));
    if (this.running.has(tabId) === false && (await storedStateForCurrentPage(tabId))) return { kind: 'none' };
    if (glancing) {
      const look = await this.lookFromGlance(tabId, glancing);
      if (look) return ready(look, 'glance');
    }
    const read = await this.readTabOnce(tabId);
    return ready(await this.lookFor(read.kind === 'read' ? read.page.article : null), 'full reading');
  }

  /**
   * The first look from the glance's text, or null when it read or found nothing. The full reader is not injected
   * while the glance can still answer: its script costs the page 60–100 ms of CPU, which on a stopped worker's click
   * fell just when the popup page was loading. Once the first look is found, the full check reads the page (it is
   * asked for when the popup has drawn the look, or when no popup will). A glance slower than GLANCE_ALONE_MS (a
   * page whose scripts hold the tab) no longer keeps the reading back, and the reading's time limit ends the wait.
   */
  private async lookFromGlance(tabId: number, glancing: Promise<PageArticle | null>): Promise<FirstLook | null> {
    const late = Symbol('late');
    const early = await Promise.race([glancing, new Promise<typeof late>((resolve) => setTimeout(() => resolve(late), GLANCE_ALONE_MS))]);
    const glanced = early === late ? await Promise.race([glancing, this.readTabOnce(tabId).then(() => null)]) : early;
    if (!glanced) return null;
    const look = await this.lookFor(glanced);
    // Nothing found from the glance's text: the full reading may still find what it missed.
    return look.kind === 'sources' ? look : null;
  }

  private async lookFor(article: PageArticle | null): Promise<FirstLook> {
    if (!article || article.text.length > MAX_ARTICLE_CHARS) return { kind: 'none' };
    const sources = await this.work.likelySources(article);
    // The stored copy of this very page is not a version of it.
    const others = sources.filter((source) => !(article.url && source.url && sameAddress(article.url, source.url)));
    return others.length > 0 ? { kind: 'sources', sources: others } : { kind: 'none' };
  }

  private async runCheck(tabId: number, options: CheckOptions): Promise<TabState> {
    const reading = options.force || options.selectionText ? await this.work.readTab(tabId) : await this.readTabOnce(tabId);
    const pageUrl = reading.kind === 'read' ? reading.page.pageUrl : ((await visibleTabUrl(tabId)) ?? '');
    const translator = this.work.translator();
    const { outcome, team } = await this.outcomeOf(tabId, reading, translator);
    const state: TabState = { tabId, pageUrl, checkedAt: new Date().toISOString(), outcome, ...(team ? { team } : {}) };
    // The check wanted the on-device translator, and no open popup lent it one: the popup checks again when it can.
    if (translator.asked && !translator.reached) state.translation = 'unreached';
    if (reading.kind === 'read' && reading.page.feeds?.length) state.pageFeeds = reading.page.feeds;
    const selection = options.selectionText?.trim();
    if (selection && reading.kind === 'read') {
      const article = reading.page.article ?? undefined;
      state.passage = await this.work.findPassage(selection, { url: article?.url ?? reading.page.pageUrl, article, report: outcome.kind === 'report' ? outcome.report : undefined });
    }
    // Readable pages keep their result; a refusal is not stored, so a later grant (toolbar click) is not shadowed.
    if (reading.kind === 'read') await saveTabState(state);
    if (outcome.kind === 'report') await this.work.showBadge(state);
    else await this.work.clearBadge(tabId);
    return state;
  }

  private async outcomeOf(tabId: number, reading: TabReading, translator: PopupTranslator): Promise<{ outcome: PageOutcome; team?: TeamOutcome }> {
    if (reading.kind !== 'read') return { outcome: reading };
    const { article } = reading.page;
    if (!article) return { outcome: { kind: 'no-article' } };
    // The engine caps its own work, but a text this long would still hold the worker for a long time.
    if (article.text.length > MAX_ARTICLE_CHARS) return { outcome: { kind: 'error', message: tooLargeMessage(article.text.length, MAX_ARTICLE_CHARS) } };
    // The team server, when on, is asked while the local check runs.
    const asking = this.work.askTeam(article).catch(() => null);
    let outcome: PageOutcome;
    try {
      outcome = { kind: 'report', report: await this.work.checkArticle(article, await this.firstLookIds(tabId), translator.translate) };
    } catch (error) {
      outcome = { kind: 'error', message: `The check failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const team = await asking;
    if (!team) return { outcome };
    if (outcome.kind === 'report') outcome = { kind: 'report', report: withTeamMatches(outcome.report, team.report) };
    return { outcome, team: team.outcome };
  }

  /** The versions the first look showed. */
  private async firstLookIds(tabId: number): Promise<string[]> {
    const look = await this.firstLooks.get(tabId)?.catch(() => null);
    return look?.kind === 'sources' ? look.sources.map((source) => source.id) : [];
  }
}

/** Marks the moment a first look is ready in the worker's timeline, for the benchmark and DevTools. */
function ready(look: FirstLook, from: 'glance' | 'full reading'): FirstLook {
  performance.mark(FIRST_LOOK_READY_MARK, { detail: from });
  return look;
}

async function storedStateForCurrentPage(tabId: number): Promise<TabState | null> {
  const saved = await loadTabState(tabId);
  if (!saved) return null;
  const currentUrl = await visibleTabUrl(tabId);
  return currentUrl === null || samePage(currentUrl, saved.pageUrl) ? saved : null;
}

/** The popup's first answer: the likely sources of the page's text, less those the reader said are not versions of it. */
async function firstAnswer(article: PageArticle): Promise<LikelySource[]> {
  const store = await getCorpus();
  const corrected = correctionsFor(article, await store.corrections());
  const sources = await likelySources(article.text, store, { lang: article.lang, excludeIds: corrected.ids });
  return sources.filter((source) => !corrected.covers(source));
}

/** The worker's checks, on the real browser, engine and corpus. */
export const tabChecks = new TabChecks({
  readTab,
  glanceTab: glanceAtTab,
  checkArticle: async (article, include, translate) => {
    const store = await getCorpus();
    const report = await readerFirst(async () => checkArticle(article, store, { include, corrections: await store.corrections(), translate }));
    void reopenIndexFilesAfterCheck(store);
    return report;
  },
  translator: popupTranslator,
  likelySources: (article) => readerFirst(() => firstAnswer(article)),
  askTeam: askTeamServer,
  findPassage: (selection, page) =>
    readerFirst(async () => {
      const store = await getCorpus();
      return findPassageInCorpus(selection, store, page, await store.corrections());
    }),
  openCorpus: getCorpus,
  shareFirstLook: (tabId, look) => {
    const key = sharedFirstLookKey(tabId);
    return look ? browser.storage.session.set({ [key]: look }) : browser.storage.session.remove(key);
  },
  showBadge,
  clearBadge,
});

export const checkTab = (tabId: number, options?: CheckOptions): Promise<TabState> => tabChecks.check(tabId, options);
export const firstLook = (tabId: number): Promise<FirstLook> => tabChecks.firstLook(tabId);
export const forgetTabReading = (tabId: number): void => tabChecks.forget(tabId);
export const prepareAnswer = (tabId: number): void => tabChecks.prepare(tabId);
export const openCorpusAhead = (): void => tabChecks.openCorpusAhead();
export const popupDone = (tabId: number): void => tabChecks.popupDone(tabId);

/** Drift of the tab's article against one stored version (the reader picked it in the popup). */
export async function compareTabWith(tabId: number, sourceId: string): Promise<CompareOutcome> {
  const state = await checkTab(tabId);
  if (state.outcome.kind !== 'report') return { kind: 'unavailable', reason: 'This tab has no checked article.' };
  const { report } = state.outcome;
  const [local] = await (await getCorpus()).getRecords([sourceId]);
  const fromTeam = report.matches.find((match) => match.id === sourceId)?.corpus === 'team';
  const source = local ?? (fromTeam ? await teamRecord(sourceId) : null);
  if (!source) return { kind: 'unavailable', reason: fromTeam ? 'The team server did not give that version.' : 'That version is no longer in the corpus.' };
  // The report already holds the comparison with its original: no need to align the texts again.
  const comparison = report.comparison?.sourceId === sourceId ? report.comparison : compareWith(report.article, source);
  return { kind: 'comparison', comparison, source };
}
