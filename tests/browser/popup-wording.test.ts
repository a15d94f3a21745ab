/**
 * The popup words what the engine found from the extension's messages file: the drift list and the "Why" reasons
 * of seed 000 read as the engine's English (the command line's), dates in the reader's locale, and a reworded
 * messages file rewords them — so the popup shows no English the engine wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, askBackground, browserSuiteUnavailable } from './helpers/extension.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';
import type { Page } from 'playwright-core';

const skipReason = browserSuiteUnavailable();

/** The sentence of each drift item, without its kind chip, in the order shown. */
async function driftSentences(popup: Page): Promise<string[]> {
  await waitForAnswer(popup);
  return popup.$$eval('.drift-item .drift-summary > span:last-child', (spans) => spans.map((span) => span.textContent ?? ''));
}

async function whyLinesOf(popup: Page, id: string): Promise<string[]> {
  return popup.$$eval(`[data-why-id="${id}"] li`, (items) => items.map((item) => item.textContent ?? ''));
}

const sorted = (lines: readonly string[]) => [...lines].sort();

describe.skipIf(skipReason !== null)('the popup’s wording of the engine’s findings', () => {
  describe('with the messages file as shipped', () => {
    let session: ExtensionSession;

    beforeAll(async () => {
      session = await ExtensionSession.launch();
    });

    afterAll(async () => {
      await session?.close();
    });

    it('shows the drift of seed 000 in the same sentences as the engine’s English, and the reasons with local dates', async () => {
      const { tabId } = await session.openFixture('seed-000');
      const popup = await session.openPopup(tabId);
      const shown = await driftSentences(popup);
      const outcome = await askBackground(popup, 'compare-version', { tabId, sourceId: 'seed-001' });
      if (outcome.kind !== 'comparison') throw new Error(`no comparison: ${outcome.reason}`);
      const english = outcome.comparison.drift.map((item) => item.summary);
      expect(shown.length).toBeGreaterThan(10);
      expect(sorted(shown)).toEqual(sorted(english));
      // As `palimpsest check` prints them for this page.
      expect(shown).toContain('Name changed: “Echo of Moscow radio” became “Echo Zamir Kabulov”');
      expect(shown).toContain('Tense or modality changed: “with decide” (read as “will decide”) became “had decided”');
      expect(shown).toContain('Quote altered: “it\'s” became “it has”; “altogether” became “in total”');
      expect(shown).toContain('Quote altered: “otherwise” added; “in some other way” removed (+1 more)');
      // The same message, straight from the browser's i18n: the built extension ships it.
      expect(await popup.evaluate(() => chrome.i18n.getMessage('drift_quoteAltered', ['“a” became “b”']))).toBe('Quote altered: “a” became “b”');

      const why = await whyLinesOf(popup, 'seed-001');
      expect(why).toContain('Rewrite: the shared text is 100% of this page and 100% of the stored article (1 passage)');
      expect(why).toContain('The page repeats a garbled name where the stored text has distinct ones: “Echo of Moscow radio” → “Echo Zamir Kabulov”');
      // The command line says "published 2021-08-16, before the page (2021-08-17)"; the popup, the reader's dates.
      const [stored, page] = await popup.evaluate(() =>
        ['2021-08-16', '2021-08-17'].map((day) => new Date(`${day}T12:00:00Z`).toLocaleDateString(chrome.i18n.getUILanguage(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })),
      );
      expect(why).toContain(`The stored article was published ${stored}, before the page (${page})`);
      expect(why.join('\n')).not.toContain('2021-08-16');
      await popup.close();
    });
  });

  describe('with a reworded messages file', () => {
    let session: ExtensionSession;

    beforeAll(async () => {
      session = await ExtensionSession.launch({
        messages: {
          drift_nameChanged: 'NAME: $CHANGE$',
          change_became: '[$BEFORE$ ⇒ $AFTER$]',
          drift_quoteAlteredTwice: 'QUOTE: $FIRST$ + $SECOND$',
          evidence_rewrite_one: 'REWRITE over $PAGE$ / $SOURCE$ in $PASSAGES$ passage',
          driftKind_name: 'NOM',
          marksSourceHas: 'SOURCE ⇒ “$SOURCE$”',
          marksLabel: '$KIND$ — $DETAIL$',
        },
      });
    });

    afterAll(async () => {
      await session?.close();
    });

    it('rewords the drift and the reasons: the popup takes every sentence from the messages file', async () => {
      const { tabId, page } = await session.openFixture('seed-000');
      const popup = await session.openPopup(tabId);
      const shown = await driftSentences(popup);
      expect(shown).toContain('NAME: [Echo of Moscow radio ⇒ Echo Zamir Kabulov]');
      expect(shown).toContain('QUOTE: [it\'s ⇒ it has] + [altogether ⇒ in total]');
      expect(shown.some((line) => line.startsWith('Name changed:'))).toBe(false);
      expect(await whyLinesOf(popup, 'seed-001')).toContain('REWRITE over 100% / 100% in 1 passage');

      // The marks in the page say what the popup says, from the same messages: the chip's kind, the drift sentence.
      await popup.getByRole('button', { name: 'Show all changes in the page' }).click();
      await popup.locator('[data-action="page-marks"][aria-pressed="true"]').waitFor();
      const mark = await page.evaluate(() => {
        const root = document.querySelector('[data-palimpsest-changes]')!.shadowRoot!;
        const handle = root.querySelector<HTMLElement>('[data-change-index][data-kind="name"]')!;
        handle.focus();
        const tooltip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
        return { lines: [...tooltip.children].map((line) => line.textContent), label: handle.getAttribute('aria-label') };
      });
      expect(mark.lines).toEqual(['NOM', expect.stringMatching(/^NAME: \[.+ ⇒ .+\]$/), expect.stringMatching(/^SOURCE ⇒ “.+”$/)]);
      expect(shown).toContain(mark.lines[1]);
      expect(mark.label).toBe(`NOM — ${mark.lines[1]} ${mark.lines[2]}`);
      await Promise.all([popup.close(), page.close()]);
    });
  });
});
