/**
 * Reaching into a tab: the reader script is injected on demand (activeTab is granted by the toolbar click or the
 * context menu), so no script runs on pages the reader never asked about.
 */
import { browser } from 'wxt/browser';
import { isReply, sendToTab, unwrap, type ExtractedPage, type PageOutcome } from '../shared/protocol.ts';
import { normalizeLanguageTag } from '../../lib/extract/language.ts';
import type { PageArticle } from '../../lib/types.ts';
import { glanceAtDocument, type GlancedArticle } from '../shared/glance.ts';
import { isTooLargeMessage, READ_TIMEOUT_MESSAGE, READ_TIMEOUT_MS, TimeLimitExceeded, withTimeLimit } from '../shared/limits.ts';

const READER_SCRIPT = '/content-scripts/content.js';

export type TabReading = { kind: 'read'; page: ExtractedPage } | Exclude<PageOutcome, { kind: 'report' }>;

const RESTRICTED_REASON =
  'The browser does not let extensions read this page (browser pages, the extension store and the built-in PDF viewer are off-limits).';
const NO_ACCESS_REASON =
  'Palimpsest has no access to this tab yet. Click the Palimpsest button in the toolbar (or “Find original” in the page’s menu) to let it read the article.';

/** Sorts a scripting failure into what the reader should be told. */
export function classifyInjectionError(message: string): TabReading {
  if (/cannot be scripted|chrome:\/\/|chrome-extension:\/\/|edge:\/\/|about:|moz-extension:|view-source:|devtools:|file:\/\/|PDF/i.test(message)) {
    return { kind: 'restricted', reason: RESTRICTED_REASON };
  }
  if (/permission|Missing host|Cannot access contents/i.test(message)) {
    return { kind: 'no-access', reason: NO_ACCESS_REASON };
  }
  if (/No tab with id|Invalid tab ID/i.test(message)) return { kind: 'error', message: 'That tab is closed.' };
  return { kind: 'error', message };
}

async function readerIsRunning(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'ping', {});
    return true;
  } catch {
    return false;
  }
}

/** The reader script's own answer when it arrives: what it read (readOnArrival in extension/content/reader.ts). */
type Injection = { refused: TabReading } | { arrivalAnswer: unknown };

async function injectReaderOnce(tabId: number): Promise<Injection> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT] });
    return { arrivalAnswer: frame?.result };
  } catch (error) {
    return { refused: classifyInjectionError(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Pauses before injecting again into a tab the extension was just given. Chromium grants activeTab in the browser
 * (the tab's address becomes visible at once) and tells the page's renderer separately, so a reader injected the
 * moment the click arrives can be refused by a renderer that has not heard of the grant yet, as happened now and
 * then on a busy machine.
 */
const GRANT_SETTLING_PAUSES_MS = [50, 150, 400, 1000];

const accessRefused = (injection: Injection): boolean => 'refused' in injection && injection.refused.kind === 'no-access';

async function injectReader(tabId: number): Promise<Injection> {
  let injection = await injectReaderOnce(tabId);
  for (const pause of GRANT_SETTLING_PAUSES_MS) {
    // Without a grant the address stays hidden: the reader has to click, and is told so at once.
    if (!accessRefused(injection) || (await visibleTabUrl(tabId)) === null) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
    injection = await injectReaderOnce(tabId);
  }
  return injection;
}

/** Makes sure the reader script answers in the tab; returns why not when the page cannot be read. */
export async function ensureReader(tabId: number): Promise<TabReading | null> {
  if (await readerIsRunning(tabId)) return null;
  const injection = await injectReader(tabId);
  return 'refused' in injection ? injection.refused : null;
}

/** Browser and extension pages (this extension's own included): never scriptable, whatever the injection error says. */
const NON_WEB_PAGE = /^(chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|about|moz-extension|view-source):/i;

type Extraction = { refused: TabReading } | { page: ExtractedPage };

/** A freshly injected reader has read the page already; one that was running is asked. */
async function extractInTab(tabId: number, readerRunning: Promise<boolean>): Promise<Extraction> {
  if (!(await readerRunning)) {
    const injection = await injectReader(tabId);
    if ('refused' in injection) return injection;
    // A browser that does not pass on the script's result leaves only the message.
    if (isReply(injection.arrivalAnswer)) return { page: unwrap<ExtractedPage>('extract-article', injection.arrivalAnswer) };
  }
  return { page: await sendToTab(tabId, 'extract-article', {}) };
}

async function injectAndRead(tabId: number): Promise<TabReading> {
  // Both questions at once: each is a round trip through the browser, which is busy opening the popup.
  const readerRunning = readerIsRunning(tabId);
  const url = await visibleTabUrl(tabId);
  if (url !== null && NON_WEB_PAGE.test(url)) return { kind: 'restricted', reason: RESTRICTED_REASON };
  const extracted = await extractInTab(tabId, readerRunning);
  if ('refused' in extracted) return extracted.refused;
  const { page } = extracted;
  // Some builds let scripts into the PDF viewer's frame, where there is never an article to read.
  if (!page.article && (await documentType(tabId)) === 'application/pdf') return { kind: 'restricted', reason: RESTRICTED_REASON };
  return { kind: 'read', page };
}

async function documentType(tabId: number): Promise<string | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => document.contentType });
    return typeof frame?.result === 'string' ? frame.result : null;
  } catch {
    return null;
  }
}

/**
 * The first look's quick reading of the tab (extension/shared/glance.ts), or null: no article read, or no answer at
 * all (no access yet, a restricted page, a frame around the article), which the full reading (readTab) then explains.
 * Asked once, without the full reading's retries: its only use is to come first.
 */
export async function glanceAtTab(tabId: number): Promise<PageArticle | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: glanceAtDocument, args: [] });
    return glancedArticle(frame?.result);
  } catch {
    return null;
  }
}

/** The glance's answer as an article, or null when it is not one: it crossed from the page's renderer. */
export function glancedArticle(answer: unknown): PageArticle | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { text, url, lang } = answer as Partial<Record<keyof GlancedArticle, unknown>>;
  if (typeof text !== 'string' || typeof url !== 'string') return null;
  const tag = typeof lang === 'string' ? normalizeLanguageTag(lang) : undefined;
  return { text, url, ...(tag ? { lang: tag } : {}) };
}

/** Reads the tab's article; a page that is huge or stuck (its scripts hold the tab) gets an answer in bounded time. */
export async function readTab(tabId: number): Promise<TabReading> {
  try {
    return await withTimeLimit(injectAndRead(tabId), READ_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof TimeLimitExceeded) return { kind: 'error', message: READ_TIMEOUT_MESSAGE };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'error', message: isTooLargeMessage(message) ? message : `Could not read the page: ${message}` };
  }
}

/** The tab's address when the extension may see it (activeTab or host access), else null. */
export async function visibleTabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}
