/**
 * Originals in other languages, in the built extension: a French page finds its English original offline and the
 * popup shows the translation drift side by side, each side in its own language; an Arabic page reads right to
 * left; a stand-in for the browser's on-device Translator glosses the original, and nothing breaks without one; a
 * Chinese page reads its names in pinyin, which the worker loads only then.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, askBackground, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

const original = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/crosslang-tram/corpus.jsonl'), 'utf8').split('\n')[0]);

/**
 * Chrome's Translator API as the popup meets it, standing in for the on-device models Debian's Chromium lacks: it
 * "translates" by tagging the text with the language pair, and counts what it was asked.
 */
function standInTranslator(): void {
  const calls: string[] = [];
  Object.assign(globalThis, {
    translatorCalls: calls,
    Translator: {
      availability: async () => 'available',
      create: async ({ sourceLanguage, targetLanguage }: { sourceLanguage: string; targetLanguage: string }) => ({
        translate: async (text: string) => {
          calls.push(`${sourceLanguage}>${targetLanguage}`);
          return `[${sourceLanguage}→${targetLanguage}] ${text}`;
        },
      }),
    },
  });
}

async function sideBySide(popup: Page) {
  await popup.locator('.sbs-table .sbs-row:not(.sbs-head)').first().waitFor({ timeout: 30_000 });
  return popup.evaluate(() =>
    [...document.querySelectorAll('.sbs-table .sbs-row:not(.sbs-head)')].map((row) => {
      const side = (name: string) => row.querySelector<HTMLElement>(`.sbs-${name} .sbs-text`);
      return {
        sourceLang: side('source')?.lang ?? null,
        sourceDir: side('source')?.dir ?? null,
        pageLang: side('page')?.lang ?? null,
        pageDir: side('page')?.dir ?? null,
        source: side('source')?.textContent ?? '',
        marks: [...row.querySelectorAll('mark.drift-mark')].map((mark) => mark.textContent),
        gloss: row.querySelector('.sbs-gloss')?.textContent ?? null,
        changed: row.classList.contains('changed'),
      };
    }),
  );
}

describe.skipIf(skipReason !== null)('originals in other languages', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    const page = await session.extensionPage();
    await askBackground(page, 'import-batch', { source: { format: 'jsonl', name: 'tram.jsonl', size: 1, lastModified: 0 }, records: [original], advance: { position: 1, problems: [], done: true } });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows an Arabic translation right to left beside its English original, without a translator', async () => {
    const { tabId } = await session.openFixture('crosslang-tram-ar');
    const popup = await session.openPopup(tabId, { width: 480, height: 1400 });
    const shown = await readPopup(popup);
    expect(shown.originalId).toBe('en-original');
    const rows = await sideBySide(popup);
    const paired = rows.filter((row) => row.pageLang !== null && row.sourceLang !== null);
    expect(paired.length).toBeGreaterThanOrEqual(4);
    for (const row of paired) expect([row.pageLang, row.pageDir, row.sourceDir]).toEqual(['ar', 'rtl', 'ltr']);
    // No translator in this browser: the original is shown as it is, without glosses.
    expect(rows.every((row) => row.gloss === null)).toBe(true);
    await popup.close();
  });

  it('finds the English original of a French page offline and shows the drift side by side, glossed', async () => {
    // From here on, every page of the browser has the stand-in (the Arabic check above ran without it).
    await session.context.addInitScript(standInTranslator);
    const { tabId } = await session.openFixture('crosslang-tram-fr');
    const popup = await session.openPopup(tabId, { width: 480, height: 1400 });
    const shown = await readPopup(popup);

    expect(shown.originalId).toBe('en-original');
    expect(shown.originalText).toMatch(/translation/i);
    const has = (kind: string, source: RegExp, page: RegExp) => shown.drift.some((item) => item.kind === kind && source.test(item.source) && page.test(item.page));
    expect(has('number', /480 million/, /420 millions/), 'changed figure').toBe(true);
    expect(has('name', /Brenner/, /Bremer/), 'garbled name').toBe(true);
    expect(shown.drift.some((item) => item.kind === 'dropped' && /Trams will run/.test(item.source)), 'dropped sentence').toBe(true);
    // The languages by name in the reader's language (the browser's UI language here is English), never as codes.
    const why = await popup.$$eval('[data-why-id="en-original"] li', (items) => items.map((item) => item.textContent ?? ''));
    expect(why.find((line) => line.startsWith('Translation'))).toMatch(/^Translation \(English → French\): the shared text is \d+% of this page/);
    expect(why.join('\n')).not.toMatch(/\b(en|fr) →|→ (en|fr)\b/);
    expect(await popup.locator('.sbs-table').getAttribute('aria-label')).toMatch(/^.+ \(English\) and this page \(French\), sentence by sentence$/);

    const rows = await sideBySide(popup);
    const paired = rows.filter((row) => row.pageLang !== null && row.sourceLang !== null);
    expect(paired.length).toBeGreaterThanOrEqual(4);
    for (const row of paired) expect([row.sourceLang, row.sourceDir, row.pageLang, row.pageDir]).toEqual(['en', 'ltr', 'fr', 'ltr']);
    // The changed parts are marked on both sides.
    const marks = rows.flatMap((row) => row.marks);
    expect(marks).toEqual(expect.arrayContaining(['480 million', '420 millions', 'Brenner', 'Bremer']));
    expect(rows.some((row) => row.changed && row.marks.includes('Bremer'))).toBe(true);
    // The on-device translator glossed the original's sentences into the page's language.
    await popup.locator('.sbs-gloss', { hasText: '[en→fr]' }).first().waitFor();
    const glossed = (await sideBySide(popup)).filter((row) => row.gloss);
    expect(glossed.length).toBeGreaterThanOrEqual(4);
    expect(glossed[0].gloss).toBe(`[en→fr] ${glossed[0].source}`);
    await popup.close();
  });

  it('reads Chinese names in pinyin, loaded only when a Chinese page is compared', async () => {
    const pinyinInWorker = async () => (await session.serviceWorker()).evaluate(() => typeof (globalThis as { pinyinPro?: unknown }).pinyinPro);
    // A worker that starts evaluates its script without pinyin-pro (extension/background/pinyin-on-demand.ts).
    await session.stopServiceWorker();
    const { tabId } = await session.openFixture('crosslang-tram-zh');
    expect(await pinyinInWorker()).toBe('undefined');

    const popup = await session.openPopup(tabId, { width: 480, height: 1400 });
    const shown = await readPopup(popup);
    expect(shown.originalId).toBe('en-original');
    // Aligning the Chinese sentences with the English ones spelled their names in pinyin: the library was imported
    // from the copy the worker installed, after the worker had started.
    expect(await pinyinInWorker()).toBe('object');
    await popup.close();
  });
});
