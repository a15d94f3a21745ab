/**
 * "Show all changes in the page" on real saved news pages (Readability's test pages, research data beside the
 * repository; skipped without it): the reader stores the page's article, then reads an edited copy of it — a quote,
 * a number and a name changed, a sentence dropped — served from another address. Every drift item the popup lists
 * is marked in that page, the marks are found again when the page re-renders its article, and one control removes
 * them all, leaving the page's DOM as it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, askBackground, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
const savedPagesDir = path.resolve(repoRoot, '..', 'shared', 'extraction', 'readability-test-pages');

interface PlantedEdit {
  kind: 'quote' | 'number' | 'name' | 'dropped';
  /** Exactly as the saved page's markup has it (once). */
  from: string;
  to: string;
  /** The changed word as the edited page has it, which the drift item shows (none for a dropped sentence). */
  changed?: string;
}

interface SavedPage {
  name: string;
  edits: PlantedEdit[];
}

/** Each edit is one a reader would care about; `from` occurs once in the saved markup, so the copy differs only there. */
const SAVED_PAGES: SavedPage[] = [
  {
    name: 'bbc-1',
    edits: [
      { kind: 'quote', from: 'has been something that is distressing', to: 'has been something that is encouraging', changed: 'encouraging' },
      { kind: 'number', from: 'just 18 months left', to: 'just 28 months left', changed: '28' },
      { kind: 'name', from: 'editor Jon Sopel', to: 'editor Jon Soper', changed: 'Soper' },
      { kind: 'dropped', from: 'His father was Kenyan and the president is expected to meet relatives in Nairobi.', to: '' },
    ],
  },
  {
    name: 'nytimes-1',
    edits: [
      { kind: 'quote', from: 'There is no reason to believe the guys in charge', to: 'There is every reason to believe the guys in charge', changed: 'every' },
      { kind: 'number', from: 'killing more than 200 people', to: 'killing more than 300 people', changed: '300' },
      { kind: 'name', from: 'Mr. Clinton ordered a cruise missile strike', to: 'Mr. Carter ordered a cruise missile strike', changed: 'Carter' },
      { kind: 'dropped', from: 'Sales of military equipment will still be prohibited, and some Sudanese militia and rebel leaders will still face sanctions.', to: '' },
    ],
  },
];

/** The saved page with the planted edits; a `from` the markup does not hold exactly once fails the test, not the edit. */
function editedCopy(html: string, edits: readonly PlantedEdit[]): string {
  return edits.reduce((text, edit) => {
    const found = text.split(edit.from).length - 1;
    if (found !== 1) throw new Error(`"${edit.from}" occurs ${found} times in the saved page, not once`);
    return text.replace(edit.from, edit.to);
  }, html);
}

/** Serves /<name>/source.html (the saved page) and /<name>/edited.html (its edited copy) on 127.0.0.1; nothing else. */
async function serveSavedPages(pages: readonly SavedPage[]): Promise<{ url: (pathname: string) => string; close: () => Promise<void> }> {
  const documents = new Map<string, string>();
  for (const { name, edits } of pages) {
    const html = readFileSync(path.join(savedPagesDir, name, 'source.html'), 'utf8');
    documents.set(`/${name}/source.html`, html);
    documents.set(`/${name}/edited.html`, editedCopy(html, edits));
  }
  const server: Server = createServer((request, response) => {
    const body = documents.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (body === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the saved-page server has no port');
  return {
    url: (pathname) => `http://127.0.0.1:${address.port}${pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface ShownMarks {
  host: boolean;
  handles: { index: number; kind: string; left: number; top: number }[];
}

/** The overlay's marks, read from its (open) shadow root. */
function readMarks(page: Page): Promise<ShownMarks> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-palimpsest-changes]');
    return {
      host: !!host,
      handles: [...(host?.shadowRoot?.querySelectorAll<HTMLElement>('[data-change-index]') ?? [])].map((h) => ({
        index: Number(h.dataset.changeIndex),
        kind: h.dataset.kind ?? '',
        left: Math.round(h.getBoundingClientRect().left + window.scrollX),
        top: Math.round(h.getBoundingClientRect().top + window.scrollY),
      })),
    };
  });
}

/** The page as its own scripts see it: the document's markup (the overlay host left out) and its height. */
function pageShape(page: Page): Promise<{ html: string; height: number }> {
  return page.evaluate(() => ({ html: document.body.outerHTML + document.head.outerHTML, height: document.documentElement.scrollHeight }));
}

describe.skipIf(skipReason !== null || !existsSync(savedPagesDir))('Show all changes in the page, on real saved news pages', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof serveSavedPages>>;
  /** Saved pages still name their sites' scripts and images: no request leaves the machine. */
  const offline = (url: URL) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1';

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    await session.context.route(offline, (route) => route.abort());
    site = await serveSavedPages(SAVED_PAGES);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  for (const saved of SAVED_PAGES) {
    it(`${saved.name}: marks every change of an edited copy of the stored article, follows a re-render and removes them all`, async () => {
      // The reader stores the real page's article.
      const original = await session.openUrl(site.url(`/${saved.name}/source.html`));
      const store = await session.extensionPage();
      expect(await askBackground(store, 'capture-tab', { tabId: original.tabId })).toMatchObject({ kind: 'added' });
      await Promise.all([store.close(), original.page.close()]);

      // Then reads the edited copy at another address.
      const { tabId, page } = await session.openUrl(site.url(`/${saved.name}/edited.html`));
      const before = await pageShape(page);
      const popup = await session.openPopup(tabId);
      const shown = await readPopup(popup);
      const kinds = shown.drift.map((d) => d.kind);
      // Each planted change is in the drift list under its own kind (a dropped sentence with the stored wording).
      for (const edit of saved.edits) {
        const listed = shown.drift.some((d) => d.kind === edit.kind && (edit.changed === undefined ? d.source.includes(edit.from.slice(0, 40)) : d.page.includes(edit.changed) || d.summary.includes(edit.changed)));
        expect(listed, `${edit.kind} "${edit.to || edit.from}" in ${JSON.stringify(shown.drift)}`).toBe(true);
      }

      await popup.getByRole('button', { name: 'Show all changes in the page' }).click();
      await popup.locator('[data-action="page-marks"][aria-pressed="true"]').waitFor();
      const status = (await popup.locator('#status').textContent()) ?? '';
      expect(status).toMatch(/changes? marked in the page/);
      expect(status).not.toMatch(/not visible there/);

      // Every drift item is marked, each with a mark of its own kind.
      const marked = await readMarks(page);
      expect(marked.handles.map((h) => h.index).sort((a, b) => a - b)).toEqual(kinds.map((_, k) => k));
      expect(marked.handles.map((h) => h.kind).sort()).toEqual([...kinds].sort());
      // The page's own DOM is untouched: the marks are an overlay outside its body.
      expect(await pageShape(page)).toEqual(before);

      // The site re-renders its article: the element holding the changed sentences is swapped for a copy of itself.
      const placedBefore = marked.handles.map((h) => [h.index, h.left, h.top]);
      const swapped = await page.evaluate((needles) => {
        const holding = (needle: string) => [...document.querySelectorAll('p')].find((p) => (p.textContent ?? '').replace(/\s+/g, ' ').includes(needle)) ?? null;
        const [first, last] = [holding(needles[0]), holding(needles[1])];
        if (!first || !last) return false;
        let article: Element | null = first.parentElement;
        while (article && !article.contains(last)) article = article.parentElement;
        if (!article || article === document.body) return false;
        article.replaceWith(article.cloneNode(true));
        return true;
      }, [saved.edits[0].to, saved.edits[1].to]);
      expect(swapped).toBe(true);
      await expect.poll(async () => (await readMarks(page)).handles.map((h) => [h.index, h.left, h.top]), { timeout: 5_000 }).toEqual(placedBefore);

      // One control removes every mark; the page is as it was.
      await popup.getByRole('button', { name: 'Remove the marks from the page' }).click();
      await popup.locator('[data-action="page-marks"][aria-pressed="false"]').waitFor();
      expect((await readMarks(page)).host).toBe(false);
      expect(await pageShape(page)).toEqual(before);
      await Promise.all([popup.close(), page.close()]);
    });
  }
});
