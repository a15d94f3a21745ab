/**
 * Hard pages: each gets a clear message or a correct answer, in bounded time, and the popup never stays busy.
 * A 5 MB article, pages with no article, browser pages and the PDF viewer, articles inside frames, right-to-left
 * and CJK articles, and pages served in windows-1252 and Shift_JIS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionSession, answerOf, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { selfContainedSeed000 } from './helpers/hardening-pages.ts';
import { HTML_UTF8, TINY_PNG, startHardeningServer, type HardeningServer } from './helpers/hardening-server.ts';
import { openAndClick } from './helpers/hardening-session.ts';
import { encodeLegacy } from './helpers/legacy-encodings.ts';
import { readPopup, type PopupContent } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

interface Checked {
  shown: PopupContent;
  popup: Page;
  page: Page;
  title: string | null;
}

function fixtureHtml(name: string): string {
  return readFileSync(path.join(repoRoot, 'tests/fixtures', name, 'page.html'), 'utf8');
}

/** A long article of varied, plausible sentences: about `bytes` characters. */
function hugeArticle(bytes: number): string {
  const subjects = ['The council', 'The harbour authority', 'A spokesperson', 'The mayor', 'Residents', 'The ferry operator', 'Engineers'];
  const verbs = ['said on Thursday that', 'argued that', 'warned that', 'confirmed that', 'denied that', 'wrote that'];
  const objects = ['the new piers would open in spring', 'the budget had grown by 12 percent', 'the tender was delayed again', 'the timetable would change in May', 'the old crane would be sold', 'the inspection found no defects'];
  const paragraphs: string[] = [];
  let size = 0;
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; size < bytes; k++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) sentences.push(`${subjects[next(subjects.length)]} ${verbs[next(verbs.length)]} ${objects[next(objects.length)]} (item ${k}.${s}).`);
    const paragraph = `<p>${sentences.join(' ')}</p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour budget: the full minutes</title>
<meta property="og:type" content="article"></head><body><main><article><h1>Harbour budget: the full minutes</h1>
${paragraphs.join('\n')}</article></main></body></html>`;
}

/** The smallest well-formed PDF with one line of text, its cross-reference offsets computed. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 52 >>\nstream\nBT /F1 14 Tf 30 100 Td (Harbour budget minutes) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe.skipIf(skipReason !== null)('hard pages', () => {
  let session: ExtensionSession;
  let server: HardeningServer;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    server = await startHardeningServer();
    server.serve('/afghan-tank.png', { body: TINY_PNG, contentType: 'image/png' });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function expectSettled(popup: Page): Promise<void> {
    expect(await popup.locator('#status.busy').count(), 'no busy indicator left').toBe(0);
    expect(await popup.locator('body').getAttribute('aria-busy')).not.toBe('true');
  }

  /** Opens `url`, clicks the toolbar button, and reads the popup's answer (bounded by readPopup's wait). */
  async function check(url: string): Promise<Checked> {
    const { page, tabId } = await openAndClick(session, url);
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);
    await expectSettled(popup);
    const title = await popup.evaluate(() => document.querySelector('.page-title')?.textContent ?? null);
    return { shown, popup, page, title };
  }

  /** Clicks the toolbar button on `page` and returns its tab id (for pages whose address the test cannot match). */
  async function tabIdAfterClick(page: Page): Promise<number> {
    await page.bringToFront();
    const worker = await session.serviceWorker();
    const tabId = await worker.evaluate(async () => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id ?? null;
    });
    await session.clickToolbarButton(page).catch(() => undefined);
    expect(tabId).not.toBeNull();
    return tabId!;
  }

  async function done(checked: Checked): Promise<void> {
    await checked.popup.close();
    await checked.page.close();
  }

  it('a 5 MB article gets a clear "too large" message', async () => {
    const html = hugeArticle(5 * 1024 * 1024);
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    const checked = await check(server.serve('/huge.html', { body: html, contentType: HTML_UTF8 }));
    expect(checked.shown.message).toBe('The check did not finish');
    // Normally the size is measured and named; on a machine so slow that reading alone outlasts the time limit,
    // the time-limit message says the same in other words.
    expect(await checked.popup.locator('.message p').textContent()).toMatch(
      /^This page is too large to check: its text runs to \d\.\d million characters, and Palimpsest checks up to 2 million\.$|did not answer within \d+ seconds: it may be too large to check/,
    );
    await done(checked);
  });

  it('a page whose scripts hold the tab gets a message once the read time is up', async () => {
    // Busy while it is still being parsed, for longer than the read time limit: the reader script cannot answer,
    // however quickly the click arrives (a timer started after load could lose that race on a fast machine).
    const url = server.serve('/stuck.html', {
      body: `<!DOCTYPE html><html><head><title>Stuck</title></head><body><p>${'Loading the live blog. '.repeat(30)}</p>
<script>const until = Date.now() + 40000; while (Date.now() < until) {}</script></body></html>`,
      contentType: HTML_UTF8,
    });
    const page = await session.context.newPage();
    // Another site than the other pages' ("localhost", not "127.0.0.1"), so the busy renderer is its own.
    // The page never loads while it is busy, so the navigation counts as done once the response is committed.
    await page.goto(url.replace('127.0.0.1', 'localhost'), { waitUntil: 'commit' });
    const tabId = await tabIdAfterClick(page);
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);
    await expectSettled(popup);
    expect(shown.message).toBe('The check did not finish');
    expect(await popup.locator('.message p').textContent()).toMatch(/did not answer within \d+ seconds/);
    await popup.close();
    await page.close({ runBeforeUnload: false });
  });

  it('an empty page and a page of pictures have no article', async () => {
    for (const [pathname, body] of [
      ['/empty.html', '<!DOCTYPE html><html><head><title></title></head><body></body></html>'],
      ['/pictures.html', `<!DOCTYPE html><html><body>${'<img src="/afghan-tank.png" alt="">'.repeat(40)}</body></html>`],
    ]) {
      const checked = await check(server.serve(pathname, { body, contentType: HTML_UTF8 }));
      expect(checked.shown.message, pathname).toBe('No article found on this page');
      await done(checked);
    }
  });

  it('browser pages are explained, not attempted', async () => {
    for (const address of ['chrome://settings/', 'chrome://extensions/', `chrome-extension://${session.extensionId}/options.html`]) {
      const { page, tabId } = await session.openAddress(address);
      await session.clickToolbarButton(page).catch(() => undefined);
      const popup = await session.openPopup(tabId);
      const shown = await readPopup(popup);
      await expectSettled(popup);
      expect(shown.message, address).toBe('Palimpsest can’t read this page');
      await popup.close();
      await page.close();
    }
  });

  it('the built-in PDF viewer is explained, not attempted', async () => {
    const url = server.serve('/minutes.pdf', { body: tinyPdf(), contentType: 'application/pdf' });
    const page = await session.context.newPage();
    // Headless builds without the viewer download the file instead; the tab then stays on its previous page.
    await page.goto(url).catch(() => undefined);
    expect(page.url(), 'the viewer shows the file').toBe(url);
    const tabId = await tabIdAfterClick(page);
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);
    await expectSettled(popup);
    expect(shown.message).toBe('Palimpsest can’t read this page');
    expect(await popup.locator('.message p').textContent()).toContain('PDF viewer');
    await popup.close();
    await page.close();
  });

  it('an article inside a same-origin iframe or a frameset is read from its frame', async () => {
    server.serve('/inner-seed-000.html', { body: selfContainedSeed000(), contentType: HTML_UTF8 });
    server.serve('/frame-banner.html', { body: '<!DOCTYPE html><html><body><p>Archive viewer</p></body></html>', contentType: HTML_UTF8 });
    const iframePage = server.serve('/iframe.html', {
      body: '<!DOCTYPE html><html><head><title>Archive viewer</title></head><body><p>Archive viewer · saved copy</p><iframe src="/inner-seed-000.html" title="Saved article" style="width:100%;height:2400px;border:0"></iframe></body></html>',
      contentType: HTML_UTF8,
    });
    const framesetPage = server.serve('/frameset.html', {
      body: '<!DOCTYPE html><html><head><title>Archive viewer</title></head><frameset rows="60,*"><frame src="/frame-banner.html"><frame src="/inner-seed-000.html"></frameset></html>',
      contentType: HTML_UTF8,
    });
    for (const url of [iframePage, framesetPage]) {
      const checked = await check(url);
      expect(checked.shown.message, url).toBeNull();
      expect(checked.shown.originalId, url).toBe('seed-001');
      // Choosing a drift item marks it inside the frame.
      await checked.popup.locator('.drift-item', { hasText: 'chains of slavery' }).first().click();
      await checked.popup.locator('#status', { hasText: 'Marked in the page' }).waitFor();
      const frame = checked.page.frames().find((candidate) => candidate.url().endsWith('/inner-seed-000.html'))!;
      expect((await frame.locator('mark[data-palimpsest-highlight]').allTextContents()).join('')).toContain('chains of slavery');
      await done(checked);
    }
  });

  it('an article in a frame from another site gets a clear message', async () => {
    const url = server.serve('/foreign-iframe.html', {
      // "localhost" is another origin than "127.0.0.1": the frame is another site's.
      body: `<!DOCTYPE html><html><head><title>Embed</title></head><body><p>Embedded story</p><iframe src="${server.url('/inner-seed-000.html').replace('127.0.0.1', 'localhost')}" style="width:100%;height:2400px"></iframe></body></html>`,
      contentType: HTML_UTF8,
    });
    const checked = await check(url);
    const frame = checked.page.frames().find((candidate) => candidate.url().includes('//localhost:'));
    expect(await frame?.locator('body').textContent(), 'the foreign frame loaded').toContain('chains of slavery');
    expect(checked.shown.message).toBe('No article found on this page');
    await done(checked);
  });

  it.each([
    ['hostile-rtl-arabic', 'افتتاح محطة جديدة لتحلية مياه البحر شمال المدينة'],
    ['hostile-rtl-hebrew', 'העירייה תפתח שלושה גני ילדים חדשים בשכונות הצפוניות'],
    ['hostile-cjk-chinese', '市图书馆延长开放时间 周末开放至晚上十点'],
    ['hostile-cjk-japanese', '市内の路線バス、来月から深夜便を増発'],
  ])('%s: checked, with its title shown whole', async (fixture, title) => {
    const checked = await check(session.fixtures.url(`/${fixture}/page.html`));
    expect(checked.shown.message).toBeNull();
    expect(checked.title).toBe(title);
    const direction = await checked.popup.locator('.page-title').evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe(fixture.includes('-rtl-') ? 'rtl' : 'ltr');
    // Nothing in the sample corpus is a version of these articles.
    expect(checked.shown.versions).toEqual([]);
    await done(checked);
  });

  it.each([
    ['hostile-cp1252-french', 'windows-1252', 'La mairie rénove le marché couvert : réouverture prévue en septembre', '2,4 millions d’€'],
    ['hostile-cjk-japanese', 'shift_jis', '市内の路線バス、来月から深夜便を増発', '「夜遅くまで働く人や学生から多くの要望が寄せられていた。'],
  ] as const)('%s served as %s is decoded by its charset header', async (fixture, charset, title, phrase) => {
    const html = fixtureHtml(fixture).replace('<meta charset="utf-8">', '');
    const url = server.serve(`/${fixture}-${charset}.html`, { body: encodeLegacy(html, charset), contentType: `text/html; charset=${charset}` });
    const checked = await check(url);
    expect(checked.shown.message).toBeNull();
    expect(checked.title).toBe(title);
    const state = await checked.popup.evaluate(
      (tabId) => chrome.runtime.sendMessage({ channel: 'palimpsest/1', type: 'check-tab', request: { tabId } }),
      Number(new URL(checked.popup.url()).searchParams.get('tabId')),
    );
    const { outcome } = answerOf(state);
    expect(outcome.kind).toBe('report');
    expect(outcome.kind === 'report' && outcome.report.article.text).toContain(phrase);
    await done(checked);
  });
});
