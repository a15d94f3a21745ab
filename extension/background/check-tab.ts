/**
 * Checking a tab: read the article, run the engine against the corpus, persist the result for the tab and show
 * the badge. Results live in storage.session, so a restarted worker answers from there or recomputes.
 */
import { correctionsFor } from '../../lib/corpus/corrections.ts';
import { checkArticle, compareWith } from '../../lib/engine.ts';
import { MAX_ARTICLE_CHARS, tooLargeMessage } from '../shared/limits.ts';
import { likelySources } from '../../lib/sources.ts';
import type { CompareOutcome, FirstLook, PageOutcome, TabState, TeamOutcome } from '../shared/protocol.ts';
import { sameAddress } from '../shared/report-view.ts';
import { clearBadge, showBadge } from './badge.ts';
import { popupTranslator } from './translation.ts';
import { getCorpus } from './corpus.ts';
import { findPassageInCorpus } from './passage.ts';
import { readTab, visibleTabUrl, type TabReading } from './tab-access.ts';
import { askTeamServer, teamRecord, withTeamMatches } from './team-server.ts';
import { loadTabState, samePage, saveTabState } from './tab-state.ts';

export interface CheckOptions {
  /** Check again even when a result for the page is stored. */
  force?: boolean;
  /** A passage the reader selected: its earliest occurrence and counterparts are looked up too. */
  selectionText?: string;
}

/**
 * Checks running in this worker, so the popup opened by the context menu waits for the menu's check instead of
 * starting a second one. Only an optimisation: a restarted worker has none and recomputes.
 */
const running = new Map<number, Promise<TabState>>();

async function storedStateForCurrentPage(tabId: number): Promise<TabState | null> {
  const saved = await loadTabState(tabId);
  if (!saved) return null;
  const currentUrl = await visibleTabUrl(tabId);
  return currentUrl === null || samePage(currentUrl, saved.pageUrl) ? saved : null;
}

/**
 * Readings of a tab in progress: the popup asks for its first look and the full check at once, and both need the
 * same extraction of the page.
 */
const readings = new Map<number, Promise<TabReading>>();

function readTabOnce(tabId: number): Promise<TabReading> {
  const pending = readings.get(tabId);
  if (pending) return pending;
  const reading = readTab(tabId);
  readings.set(tabId, reading);
  void reading.finally(() =>
    setTimeout(() => {
      if (readings.get(tabId) === reading) readings.delete(tabId);
    }, READING_SHARED_MS),
  );
  return reading;
}

/** How long a finished reading still serves a request that arrives just after it (the other half of a popup's pair). */
const READING_SHARED_MS = 2000;

async function runCheck(tabId: number, options: CheckOptions): Promise<TabState> {
  const reading = options.force || options.selectionText ? await readTab(tabId) : await readTabOnce(tabId);
  const pageUrl = reading.kind === 'read' ? reading.page.pageUrl : ((await visibleTabUrl(tabId)) ?? '');
  let outcome: PageOutcome;
  let teamOutcome: TeamOutcome | undefined;
  const translator = popupTranslator();
  if (reading.kind !== 'read') outcome = reading;
  else if (!reading.page.article) outcome = { kind: 'no-article' };
  else if (reading.page.article.text.length > MAX_ARTICLE_CHARS) {
    // The engine caps its own work, but a text this long would still hold the worker for a long time.
    outcome = { kind: 'error', message: tooLargeMessage(reading.page.article.text.length, MAX_ARTICLE_CHARS) };
  } else {
    const article = reading.page.article;
    // The team server, when on, is asked while the local check runs.
    const asking = askTeamServer(article);
    try {
      const store = await getCorpus();
      outcome = { kind: 'report', report: await checkArticle(article, store, { include: await firstLookIds(tabId), corrections: await store.corrections(), translate: translator.translate }) };
    } catch (error) {
      outcome = { kind: 'error', message: `The check failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const team = await asking;
    if (team) {
      teamOutcome = team.outcome;
      if (outcome.kind === 'report') outcome = { kind: 'report', report: withTeamMatches(outcome.report, team.report) };
    }
  }
  const state: TabState = { tabId, pageUrl, checkedAt: new Date().toISOString(), outcome, ...(teamOutcome ? { team: teamOutcome } : {}) };
  if (translator.asked && !translator.reached) state.translation = 'unreached';
  if (reading.kind === 'read' && reading.page.feeds?.length) state.pageFeeds = reading.page.feeds;
  const selection = options.selectionText?.trim();
  if (selection && reading.kind === 'read') {
    const article = reading.page.article ?? undefined;
    const page = { url: article?.url ?? reading.page.pageUrl, article };
    const store = await getCorpus();
    state.passage = await findPassageInCorpus(selection, store, page, await store.corrections());
  }
  // Readable pages keep their result; a refusal is not stored, so a later grant (toolbar click) is not shadowed.
  if (reading.kind === 'read') await saveTabState(state);
  if (outcome.kind === 'report') await showBadge(state);
  else await clearBadge(tabId);
  return state;
}

export function checkTab(tabId: number, options: CheckOptions = {}): Promise<TabState> {
  const pending = running.get(tabId);
  if (pending && !options.force && !options.selectionText) return pending;
  const work = (async () => {
    if (pending) await pending.catch(() => undefined);
    if (!options.force && !options.selectionText) {
      const stored = await storedStateForCurrentPage(tabId);
      if (stored) return stored;
      // The first look is what the reader sees first: the alignment waits rather than share the worker with it.
      await firstLooks.get(tabId);
    }
    return runCheck(tabId, options);
  })();
  running.set(tabId, work);
  void work.finally(() => {
    if (running.get(tabId) === work) running.delete(tabId);
  });
  return work;
}

/**
 * The popup's first answer: stored versions that share much of the page's wording (lib/sources.ts), before any
 * alignment. Nothing when the full result is stored already (the popup gets it at once) or the page cannot be read.
 */
async function computeFirstLook(tabId: number): Promise<FirstLook> {
  if (running.has(tabId) === false && (await storedStateForCurrentPage(tabId))) return { kind: 'none' };
  const reading = await readTabOnce(tabId);
  const article = reading.kind === 'read' ? reading.page.article : null;
  if (!article || article.text.length > MAX_ARTICLE_CHARS) return { kind: 'none' };
  const store = await getCorpus();
  const corrected = correctionsFor(article, await store.corrections());
  const sources = await likelySources(article.text, store, { lang: article.lang, excludeIds: corrected.ids });
  // The stored copy of this very page is not a version of it, nor is what the reader said is not one.
  const others = sources.filter((source) => !(article.url && source.url && sameAddress(article.url, source.url)) && !corrected.covers(source));
  return others.length > 0 ? { kind: 'sources', sources: others } : { kind: 'none' };
}

/**
 * First looks computed or under way, per tab. The toolbar click starts one before the popup exists, and the popup's
 * request must find it even when the full result was stored in between. Found versions are kept until the tab
 * navigates or closes (forgetTabReading); "nothing" is not kept, since a later grant of access may read the page.
 */
const firstLooks = new Map<number, Promise<FirstLook>>();
/** Bounds the memory held for tabs whose close or navigation the worker missed while stopped. */
const MAX_KEPT_FIRST_LOOKS = 32;

export function firstLook(tabId: number): Promise<FirstLook> {
  const known = firstLooks.get(tabId);
  if (known) return known;
  const look = computeFirstLook(tabId).catch((): FirstLook => ({ kind: 'none' }));
  firstLooks.set(tabId, look);
  void look.then((answer) => {
    if (answer.kind !== 'sources' && firstLooks.get(tabId) === look) firstLooks.delete(tabId);
  });
  if (firstLooks.size > MAX_KEPT_FIRST_LOOKS) firstLooks.delete(firstLooks.keys().next().value!);
  return look;
}

/**
 * The versions the first look showed: the full check assesses them whatever retrieval ranks them, so it confirms or
 * corrects what the reader already saw rather than silently dropping it.
 */
async function firstLookIds(tabId: number): Promise<string[]> {
  const look = await firstLooks.get(tabId)?.catch(() => null);
  return look?.kind === 'sources' ? look.sources.map((source) => source.id) : [];
}

/** The tab navigated or closed: what was read from it no longer holds. */
export function forgetTabReading(tabId: number): void {
  readings.delete(tabId);
  firstLooks.delete(tabId);
}

/**
 * Starts what the popup is about to ask for, from the toolbar click: the first look, then the full check (which
 * would otherwise compete with the first look for the worker). The popup's requests join both.
 */
export function prepareAnswer(tabId: number): void {
  // A worker the click woke opens the database while the tab is being read.
  void getCorpus().catch(() => undefined);
  void firstLook(tabId)
    .then(() => checkTab(tabId))
    .catch(() => undefined);
}

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
