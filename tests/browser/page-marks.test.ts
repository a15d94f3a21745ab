/**
 * "Show all changes in the page" in the built extension on the seed 000 page: every drift item marked at once,
 * coloured by kind, the source's wording on hover and on keyboard focus, a marker where a sentence was dropped; the
 * page's DOM and layout untouched; the marks found again after the page re-renders its article; one control
 * removing them all.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, answerOf, browserSuiteUnavailable } from './helpers/extension.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';
import type { PageChange } from '../../extension/shared/page-changes.ts';

const skipReason = browserSuiteUnavailable();

interface ShownMarks {
  host: boolean;
  handles: { index: number; kind: string; focusable: boolean; dropped: boolean; left: number; top: number }[];
  boxes: number;
  tooltip: string;
  tooltipShown: boolean;
}

/** What the overlay shows, read from its (open) shadow root. */
function readMarks(page: Page): Promise<ShownMarks> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-palimpsest-changes]');
    const root = host?.shadowRoot;
    const tooltip = root?.querySelector<HTMLElement>('[role="tooltip"]');
    return {
      host: !!host,
      handles: [...(root?.querySelectorAll<HTMLElement>('[data-change-index]') ?? [])].map((h) => ({
        index: Number(h.dataset.changeIndex),
        kind: h.dataset.kind ?? '',
        focusable: h.tabIndex === 0,
        dropped: h.dataset.dropped === 'true',
        left: Math.round(h.getBoundingClientRect().left + window.scrollX),
        top: Math.round(h.getBoundingClientRect().top + window.scrollY),
      })),
      boxes: root?.querySelectorAll('[data-change-box]').length ?? 0,
      // Its title and lines, one after the other.
      tooltip: [...(tooltip?.children ?? [])].map((line) => line.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim(),
      tooltipShown: !!tooltip && getComputedStyle(tooltip).display !== 'none',
    };
  });
}

/** The page as its own scripts see it: the body's markup and where the article sits. */
function pageShape(page: Page): Promise<{ html: string; height: number; article: number[] }> {
  return page.evaluate(() => {
    const r = document.querySelector('article')!.getBoundingClientRect();
    return { html: document.body.innerHTML, height: document.documentElement.scrollHeight, article: [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height].map(Math.round) };
  });
}

describe.skipIf(skipReason !== null)('Show all changes in the page', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks every drift item of seed 000, shows the source on hover and focus, follows a re-render and removes them all', async () => {
    const { tabId, page } = await session.openFixture('seed-000');
    const before = await pageShape(page);
    const popup = await session.openPopup(tabId);
    await waitForAnswer(popup);
    const driftKinds = await popup.locator('.drift-item').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.kind ?? ''));
    expect(driftKinds.length).toBeGreaterThan(10);

    const control = popup.getByRole('button', { name: 'Show all changes in the page' });
    await control.click();
    await popup.locator('[data-action="page-marks"][aria-pressed="true"]').waitFor();
    expect(await popup.locator('#status').textContent()).toMatch(/changes? marked in the page/);

    const shown = await readMarks(page);
    expect(shown.host).toBe(true);
    // Every drift item is marked, each with a focusable mark of its own kind.
    expect(shown.handles.map((h) => h.index).sort((a, b) => a - b)).toEqual(driftKinds.map((_, k) => k));
    expect(shown.handles.map((h) => h.kind).sort()).toEqual([...driftKinds].sort());
    expect(shown.handles.every((h) => h.focusable)).toBe(true);
    expect(shown.boxes).toBeGreaterThanOrEqual(shown.handles.length);

    // The page's own DOM and layout are untouched: the marks are an overlay outside the body.
    expect(await pageShape(page)).toEqual(before);

    // Keyboard: Tab reaches the marks, and the focused one shows the source's wording.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let presses = 0; presses < 300 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.querySelector('[data-palimpsest-changes]')?.shadowRoot?.activeElement?.getAttribute('data-change-index') ?? '');
    }
    expect(focused, 'a mark is reachable with Tab').not.toBe('');
    const onFocus = await readMarks(page);
    expect(onFocus.tooltipShown).toBe(true);
    expect(onFocus.tooltip.length).toBeGreaterThan(10);

    // Hover: the garbled radio station shows the source's wording, while the pointer still reaches the page.
    const name = await page.evaluate(() => {
      const root = document.querySelector('[data-palimpsest-changes]')!.shadowRoot!;
      const boxes = [...root.querySelectorAll<HTMLElement>('[data-change-box][data-kind="name"]')];
      boxes[0].scrollIntoView({ block: 'center' });
      const r = boxes[0].getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(name.x, name.y);
    const onHover = await readMarks(page);
    expect(onHover.tooltipShown).toBe(true);
    // The words are the messages file's (the popup words them and sends them): the drift list's chip, then the source.
    expect(onHover.tooltip).toMatch(/^name Name changed: “.+” became “.+” The source has: “.+”$/);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-palimpsest-changes]') === null, name)).toBe(true);

    // The site re-renders its article (a single-page app swapping its nodes): the marks are found again.
    const placedBefore = shown.handles.map((h) => [h.index, h.left, h.top]);
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      article.replaceWith(article.cloneNode(true));
    });
    await page.waitForTimeout(800);
    const afterRender = await readMarks(page);
    expect(afterRender.handles.map((h) => [h.index, h.left, h.top])).toEqual(placedBefore);

    // One control removes every mark; the page is as it was.
    await popup.getByRole('button', { name: 'Remove the marks from the page' }).click();
    await popup.locator('[data-action="page-marks"][aria-pressed="false"]').waitFor();
    expect((await readMarks(page)).host).toBe(false);
    expect(await pageShape(page)).toEqual(before);
    await Promise.all([popup.close(), page.close()]);
  });

  it('puts a marker where a sentence was dropped, with the dropped sentence on focus', async () => {
    const { tabId, page } = await session.openFixture('seed-000');
    const extension = await session.extensionPage();
    const changes: PageChange[] = [
      {
        kind: 'dropped',
        severity: 3,
        words: { kind: 'dropped', lines: ['A sentence of the source stood here: “Moscow is ready to talk.”'], label: 'dropped: A sentence of the source stood here: “Moscow is ready to talk.”' },
        page: '',
        source: 'Moscow is ready to talk.',
        droppedAfter: 'evacuated their embassies in Kabul',
      },
    ];
    const outcome = answerOf(
      await extension.evaluate(({ id, list }) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'mark-page-changes', request: { tabId: id, changes: list } }), { id: tabId, list: changes }),
    );
    expect(outcome).toEqual({ marked: 1, missing: 0 });
    const shown = await readMarks(page);
    expect(shown.handles).toEqual([expect.objectContaining({ kind: 'dropped', dropped: true, focusable: true })]);
    await page.evaluate(() => document.querySelector('[data-palimpsest-changes]')!.shadowRoot!.querySelector<HTMLElement>('[data-dropped]')!.focus());
    expect((await readMarks(page)).tooltip).toBe('dropped A sentence of the source stood here: “Moscow is ready to talk.”');
    // The marker shows the kind it was sent, and screen readers hear its label.
    expect(await page.evaluate(() => {
      const marker = document.querySelector('[data-palimpsest-changes]')!.shadowRoot!.querySelector<HTMLElement>('[data-dropped]')!;
      return [marker.textContent, marker.getAttribute('aria-label')];
    })).toEqual(['⌄ dropped', 'dropped: A sentence of the source stood here: “Moscow is ready to talk.”']);
    await Promise.all([extension.close(), page.close()]);
  });
});
