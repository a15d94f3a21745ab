/**
 * The background's check coordination (extension/background/check-tab.ts) on WXT's fake browser: tabs and
 * storage.session are fakeBrowser's, the 2 s window in which a finished reading is shared runs on fake timers,
 * and the reading of the page and the engine are stand-ins whose calls are counted and whose answers the test
 * releases when it wants.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GLANCE_ALONE_MS, MAX_KEPT_FIRST_LOOKS, READING_SHARED_MS, TabChecks, type CheckWork } from '../../../extension/background/check-tab.ts';
import type { TabReading } from '../../../extension/background/tab-access.ts';
import { loadTabState } from '../../../extension/background/tab-state.ts';
import type { LikelySource } from '../../../lib/sources.ts';
import type { FirstLook } from '../../../extension/shared/protocol.ts';
import type { PageArticle, Report } from '../../../lib/types.ts';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const PAGE_URL = 'https://news.example/story';

function articleReading(url = PAGE_URL): TabReading {
  return { kind: 'read', page: { pageUrl: url, article: { text: 'Russia is already tentatively cozying up to the Taliban.', url, lang: 'en' } } };
}

function reportFor(article: PageArticle): Report {
  return { article, matches: [], drift: [], original: null, comparison: null, corrected: [] };
}

const closeVersion: LikelySource = { id: 'seed-001', url: 'https://theweek.example/original', containment: 0.8 };

/** Stand-ins for the browser and engine work, counting calls; each answer is immediate unless the test holds it. */
function stubWork() {
  const calls = { readTab: 0, glanceTab: 0, checkArticle: 0, likelySources: 0, findPassage: 0, showBadge: 0, clearBadge: 0 };
  const order: string[] = [];
  /** The versions each full check was asked to assess whatever retrieval ranks them. */
  const included: (readonly string[])[] = [];
  let team: Awaited<ReturnType<CheckWork['askTeam']>> = null;
  const held: { glance?: Deferred<PageArticle | null>; reading?: Deferred<TabReading>; sources?: Deferred<LikelySource[]>; report?: Deferred<Report> } = {};
  let reading: TabReading = articleReading();
  /** What the quick reading for the first look reads: by default nothing, as on a page it cannot read. */
  let glance: PageArticle | null = null;
  /** The articles each first look was computed from. */
  const lookedAt: PageArticle[] = [];
  /** What the click handed to its popup through storage, in order (null: removed). */
  const shared: (FirstLook | null)[] = [];
  let sources: LikelySource[] = [];
  let sourcesBy: ((article: PageArticle) => LikelySource[]) | undefined;
  const work: CheckWork = {
    readTab: async () => {
      calls.readTab++;
      order.push('read');
      return held.reading ? held.reading.promise : reading;
    },
    glanceTab: async () => {
      calls.glanceTab++;
      order.push('glance');
      return held.glance ? held.glance.promise : glance;
    },
    checkArticle: async (article, include) => {
      calls.checkArticle++;
      included.push(include);
      order.push('check');
      return held.report ? held.report.promise : reportFor(article);
    },
    likelySources: async (article) => {
      calls.likelySources++;
      lookedAt.push(article);
      order.push('first look');
      const answer = held.sources ? await held.sources.promise : (sourcesBy?.(article) ?? sources);
      order.push('first look done');
      return answer;
    },
    findPassage: async (selection) => {
      calls.findPassage++;
      return { kind: 'not-found', selection };
    },
    askTeam: async () => team,
    translator: () => ({ translate: async (text) => text, asked: false, reached: false }),
    openCorpus: async () => undefined,
    shareFirstLook: async (_tabId, look) => {
      shared.push(look);
    },
    showBadge: async () => {
      calls.showBadge++;
    },
    clearBadge: async () => {
      calls.clearBadge++;
    },
  };
  return {
    work,
    calls,
    order,
    included,
    lookedAt,
    shared,
    held,
    setGlance: (next: PageArticle | null) => (glance = next),
    setTeam: (next: typeof team) => (team = next),
    setReading: (next: TabReading) => (reading = next),
    setSources: (next: LikelySource[]) => (sources = next),
    /** The first look's answer as a function of the text it was given. */
    setSourcesBy: (next: (article: PageArticle) => LikelySource[]) => (sourcesBy = next),
  };
}

async function openTab(url = PAGE_URL): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

/** Stand-ins, the coordinator on them, and one tab showing the article. */
async function arrange() {
  const stub = stubWork();
  return { stub, checks: new TabChecks(stub.work), tabId: await openTab() };
}

describe('check coordination (TabChecks)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads the page once for the popup's pair of requests, and checks only after the first look", async () => {
    const { stub, checks, tabId } = await arrange();
    stub.held.sources = deferred();

    const look = checks.firstLook(tabId);
    const state = checks.check(tabId);
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls.readTab).toBe(1);
    expect(stub.calls.checkArticle).toBe(0);

    stub.held.sources.resolve([closeVersion]);
    expect(await look).toEqual({ kind: 'sources', sources: [closeVersion] });
    expect((await state).outcome.kind).toBe('report');
    expect(stub.calls.readTab).toBe(1);
    expect(stub.order).toEqual(['glance', 'read', 'first look', 'first look done', 'check']);
  });

  it('has the full check assess the versions the first look showed', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    await checks.firstLook(tabId);
    await checks.check(tabId);
    expect(stub.included).toEqual([['seed-001']]);
  });

  it('adds the team server’s matches to the local answer and keeps what the server said', async () => {
    const { stub, checks, tabId } = await arrange();
    const article = (articleReading() as Extract<TabReading, { kind: 'read' }>).page.article!;
    const teamMatch = { ...reportFor(article), matches: [{ id: 'team-1', relation: 'verbatim-copy', direction: 'original', score: 0.9, confidence: 0.9, evidence: [], passages: [] }] } as unknown as Report;
    stub.setTeam({ report: teamMatch, outcome: { kind: 'asked', server: 'https://team.example', matches: 1 } });

    const state = await checks.check(tabId);
    expect(state.team).toEqual({ kind: 'asked', server: 'https://team.example', matches: 1 });
    expect(state.outcome.kind === 'report' && state.outcome.report.matches.map((match) => match.id)).toEqual(['team-1']);
  });

  it('shares a finished reading for 2 s, then reads the page again', async () => {
    const { stub, checks, tabId } = await arrange();

    // Nothing close: "none" is not kept, so each first look goes back to the reading.
    expect(await checks.firstLook(tabId)).toEqual({ kind: 'none' });
    await vi.advanceTimersByTimeAsync(READING_SHARED_MS - 1);
    expect(await checks.firstLook(tabId)).toEqual({ kind: 'none' });
    expect(stub.calls.readTab).toBe(1);
    expect(stub.calls.likelySources).toBe(2);

    await vi.advanceTimersByTimeAsync(READING_SHARED_MS);
    await checks.firstLook(tabId);
    expect(stub.calls.readTab).toBe(2);
  });

  it('joins a check already running for the tab instead of starting another', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.held.report = deferred();

    const first = checks.check(tabId);
    const second = checks.check(tabId);
    expect(second).toBe(first);
    await vi.advanceTimersByTimeAsync(0);
    stub.held.report.resolve(reportFor({ text: 'held' }));
    await first;
    expect(stub.calls.checkArticle).toBe(1);
  });

  it('a forced check waits for the running one, then reads the page afresh', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.held.report = deferred();

    const running = checks.check(tabId);
    await vi.advanceTimersByTimeAsync(0);
    const forced = checks.check(tabId, { force: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls.readTab).toBe(1);

    stub.held.report.resolve(reportFor({ text: 'held' }));
    await running;
    delete stub.held.report;
    await forced;
    expect(stub.calls.readTab).toBe(2);
    expect(stub.calls.checkArticle).toBe(2);
  });

  it('answers from the stored result while the tab shows the same page, and checks again after it navigates', async () => {
    const { stub, checks, tabId } = await arrange();

    const checked = await checks.check(tabId);
    expect(await loadTabState(tabId)).toEqual(checked);
    await vi.advanceTimersByTimeAsync(READING_SHARED_MS);

    // A fragment jump is the same article.
    await fakeBrowser.tabs.update(tabId, { url: `${PAGE_URL}#comments` });
    expect(await checks.check(tabId)).toEqual(checked);
    expect(await checks.firstLook(tabId)).toEqual({ kind: 'none' });
    expect(stub.calls.readTab).toBe(1);

    await fakeBrowser.tabs.update(tabId, { url: 'https://news.example/another-story' });
    stub.setReading(articleReading('https://news.example/another-story'));
    const again = await checks.check(tabId);
    expect(again.pageUrl).toBe('https://news.example/another-story');
    expect(stub.calls.readTab).toBe(2);
    expect(stub.calls.checkArticle).toBe(2);
  });

  it('keeps found versions until the tab navigates or closes', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    const look = checks.firstLook(tabId);
    await look;
    await vi.advanceTimersByTimeAsync(10 * READING_SHARED_MS);
    expect(checks.firstLook(tabId)).toBe(look);
    expect(stub.calls.likelySources).toBe(1);

    checks.forget(tabId);
    await checks.firstLook(tabId);
    expect(stub.calls.likelySources).toBe(2);
    expect(stub.calls.readTab).toBe(2);
  });

  it(`keeps the found versions of at most ${MAX_KEPT_FIRST_LOOKS} tabs`, async () => {
    const stub = stubWork();
    stub.setSources([closeVersion]);
    const checks = new TabChecks(stub.work);
    const tabIds: number[] = [];
    for (let i = 0; i <= MAX_KEPT_FIRST_LOOKS; i++) tabIds.push(await openTab(`https://news.example/story-${i}`));
    const looks = new Map(tabIds.map((tabId) => [tabId, checks.firstLook(tabId)]));
    await Promise.all(looks.values());

    // The oldest went; the others are still answered without work.
    for (const tabId of tabIds.slice(1)) expect(checks.firstLook(tabId)).toBe(looks.get(tabId));
    expect(checks.firstLook(tabIds[0])).not.toBe(looks.get(tabIds[0]));
  });

  it('does not store a refusal, and clears the badge', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setReading({ kind: 'no-access', reason: 'no access yet' });

    const state = await checks.check(tabId);
    expect(state.outcome).toEqual({ kind: 'no-access', reason: 'no access yet' });
    expect(state.pageUrl).toBe(PAGE_URL);
    expect(await loadTabState(tabId)).toBeNull();
    expect(stub.calls).toMatchObject({ checkArticle: 0, showBadge: 0, clearBadge: 1 });
  });

  it('looks up a selected passage on a fresh reading of the page', async () => {
    const { stub, checks, tabId } = await arrange();

    await checks.check(tabId);
    const state = await checks.check(tabId, { selectionText: '  cozying up  ' });
    expect(state.passage).toEqual({ kind: 'not-found', selection: 'cozying up' });
    expect(stub.calls.readTab).toBe(2);
    expect(stub.calls.showBadge).toBe(2);
  });

  it('from the toolbar click, starts the first look and then the check, which the popup then joins', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    checks.prepare(tabId);
    const [look, state] = await Promise.all([checks.firstLook(tabId), checks.check(tabId)]);
    expect(look.kind).toBe('sources');
    expect(state.outcome.kind).toBe('report');
    expect(stub.calls).toMatchObject({ readTab: 1, likelySources: 1, checkArticle: 1 });
  });

  it('from the toolbar click, leaves the popup to draw a first look with versions: its own check waits for the popup', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    checks.prepare(tabId);
    expect((await checks.firstLook(tabId)).kind).toBe('sources');
    // No fixed pause: however long the popup takes to draw, nothing starts until it asks or is gone.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stub.calls.checkArticle).toBe(0);
    expect((await checks.check(tabId)).outcome.kind).toBe('report');
    expect(stub.calls.checkArticle).toBe(1);
  });

  it('from the toolbar click, checks once the popup closed (or could not open) without asking', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    checks.prepare(tabId);
    await checks.firstLook(tabId);
    checks.popupDone(tabId);
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls.checkArticle).toBe(1);
  });

  it('from the toolbar click, checks at once when the first look has nothing to draw', async () => {
    const { stub, checks, tabId } = await arrange();

    checks.prepare(tabId);
    expect((await checks.firstLook(tabId)).kind).toBe('none');
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls.checkArticle).toBe(1);
  });

  it("the popup's request for the full check starts it, and the click's own check joins it", async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    checks.prepare(tabId);
    await checks.firstLook(tabId);
    expect((await checks.check(tabId)).outcome.kind).toBe('report');
    checks.popupDone(tabId);
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls).toMatchObject({ readTab: 1, checkArticle: 1 });
  });

  it("hands the click's first look to its popup through storage, after removing any earlier one, and removes it when the tab navigates", async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([closeVersion]);

    checks.prepare(tabId);
    const look = await checks.firstLook(tabId);
    await vi.waitFor(() => expect(stub.shared).toEqual([null, look]));
    checks.forget(tabId);
    expect(stub.shared).toEqual([null, look, null]);
  });

  it('hands nothing over when the click finds no version', async () => {
    const { stub, checks, tabId } = await arrange();
    stub.setSources([]);

    checks.prepare(tabId);
    expect((await checks.firstLook(tabId)).kind).toBe('none');
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.shared).toEqual([null]);
  });

  describe("the first look from the page's quick reading (glance)", () => {
    const glanced: PageArticle = { text: 'Russia is tentatively cozying up to the Taliban, the glance reads.', url: PAGE_URL, lang: 'en' };

    it('answers from the glance alone: the full reader is injected only when the full check is asked for', async () => {
      const { stub, checks, tabId } = await arrange();
      stub.held.reading = deferred();
      stub.setGlance(glanced);
      stub.setSources([closeVersion]);

      const look = await checks.firstLook(tabId);
      expect(look).toEqual({ kind: 'sources', sources: [closeVersion] });
      expect(stub.lookedAt).toEqual([glanced]);
      expect(stub.order).toEqual(['glance', 'first look', 'first look done']);
      expect(stub.calls.readTab).toBe(0);

      // The full check reads the page once, with the full reader, and assesses what the first look showed.
      const checking = checks.check(tabId);
      await vi.waitFor(() => expect(stub.calls.readTab).toBe(1));
      stub.held.reading.resolve(articleReading());
      const state = await checking;
      expect(state.outcome.kind).toBe('report');
      if (state.outcome.kind === 'report') expect(state.outcome.report.article.text).not.toBe(glanced.text);
      expect(stub.included).toEqual([['seed-001']]);
      expect(stub.calls).toMatchObject({ glanceTab: 1, readTab: 1, likelySources: 1 });
    });

    it("finds nothing from the glance: the first look waits for the full reading's text", async () => {
      const { stub, checks, tabId } = await arrange();
      stub.setGlance(glanced);
      stub.setSourcesBy((article) => (article.text === glanced.text ? [] : [closeVersion]));

      expect(await checks.firstLook(tabId)).toEqual({ kind: 'sources', sources: [closeVersion] });
      expect(stub.lookedAt.map((article) => article.text)).toEqual([glanced.text, 'Russia is already tentatively cozying up to the Taliban.']);
    });

    it('reads nothing at a glance (no access, no article): the full reading decides', async () => {
      const { stub, checks, tabId } = await arrange();
      stub.setReading({ kind: 'no-access', reason: 'Click the button.' });

      expect((await checks.firstLook(tabId)).kind).toBe('none');
      expect(stub.calls).toMatchObject({ glanceTab: 1, readTab: 1, likelySources: 0 });
    });

    it('a glance that never answers (the page holds its tab) does not hold the first look past the reading', async () => {
      const { stub, checks, tabId } = await arrange();
      stub.held.glance = deferred();
      stub.setSources([closeVersion]);

      const look = checks.firstLook(tabId);
      await vi.advanceTimersByTimeAsync(GLANCE_ALONE_MS - 1);
      expect(stub.calls.readTab).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(stub.calls.readTab).toBe(1);
      expect(await look).toEqual({ kind: 'sources', sources: [closeVersion] });
      expect(stub.lookedAt.map((article) => article.text)).toEqual(['Russia is already tentatively cozying up to the Taliban.']);
    });

    it('does not glance at a page whose full reading is already there', async () => {
      const { stub, checks, tabId } = await arrange();
      stub.setGlance(glanced);
      stub.setSources([closeVersion]);

      await checks.check(tabId, { force: true });
      const reading = checks.check(tabId, { force: true });
      await reading;
      expect(stub.calls.glanceTab).toBe(0);
    });
  });
});
