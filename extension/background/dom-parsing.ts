/**
 * DOM work for the background. Firefox's background page has DOMParser and does it in place; Chrome's service
 * worker has none, so it opens an offscreen document (reason DOM_PARSER) for the duration of a feed refresh.
 */
import { browser } from 'wxt/browser';
import type { ParsedFeed } from '../../lib/import/feed.ts';
import type { PageArticle } from '../../lib/types.ts';
import { sendToOffscreen } from '../shared/protocol.ts';

const OFFSCREEN_PATH = '/offscreen.html';

const hasDom = (): boolean => typeof DOMParser === 'function';

let creating: Promise<void> | null = null;

async function offscreenOpen(): Promise<boolean> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  return contexts.length > 0;
}

/** A closing of the document under way: a task starting meanwhile waits for it, then opens a new one. */
let closing: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  if (closing) await closing;
  // A document being created is listed as open before its script listens: wait for the creation instead.
  if (creating) return creating;
  if (await offscreenOpen()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Read subscribed news feeds and extract the text of their articles.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/**
 * Closes the offscreen document when a batch of DOM work is over; it holds memory for nothing otherwise. A task that
 * began while this looked whether the document was open keeps it open.
 */
async function releaseDom(): Promise<void> {
  if (hasDom()) return;
  closing ??= (async () => {
    if (!(await offscreenOpen()) || domUsers > 0) return;
    await browser.offscreen.closeDocument().catch(() => undefined);
  })().finally(() => {
    closing = null;
  });
  await closing;
}

/** Pieces of DOM work under way (feeds read side by side): the document closes when the last one ends. */
let domUsers = 0;

/** Runs `task`, which may parse through the offscreen document, and closes the document when no task needs it. */
export async function withDom<T>(task: () => Promise<T>): Promise<T> {
  domUsers++;
  try {
    return await task();
  } finally {
    if (--domUsers === 0) await releaseDom();
  }
}

/** Tries of a request whose document was not listening yet (just created, or closed by the browser meanwhile). */
const OFFSCREEN_TRIES = 3;
const NOT_LISTENING = /Receiving end does not exist|Could not establish connection/i;

/** Sends one request to the offscreen document, opening it first, and again when it was not listening yet. */
async function askOffscreen<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await ensureOffscreen();
    try {
      return await send();
    } catch (error) {
      if (attempt >= OFFSCREEN_TRIES || !NOT_LISTENING.test(error instanceof Error ? error.message : String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * The extractor and the feed reader (Readability among them, 60 kB), loaded only where they run in place: Chrome's
 * worker never runs them, and evaluating them would lengthen each start of the worker.
 */
const domWork = () => import('../shared/dom-work.ts');

export async function parseFeedText(xml: string, url: string): Promise<ParsedFeed> {
  if (hasDom()) return (await domWork()).parseFeedXml(xml, url);
  return askOffscreen(() => sendToOffscreen('parse-feed', { xml, url }));
}

export async function extractHtml(html: string, url: string): Promise<PageArticle | null> {
  if (hasDom()) return (await domWork()).extractFromHtmlText(html, url);
  return askOffscreen(() => sendToOffscreen('extract-html', { html, url }));
}
