/** Reads the article of the current page with the shared extractor (Readability runs on a clone of the DOM). */
import { browser } from 'wxt/browser';
import { chooseLanguage, extractArticle } from '../../lib/extract/index.ts';
import { declaredFeeds } from '../../lib/import/feed.ts';
import { MAX_PAGE_TEXT_CHARS, tooLargeMessage } from '../shared/limits.ts';
import type { ExtractedPage } from '../shared/protocol.ts';
import type { PageArticle } from '../../lib/types.ts';
import { sameOriginFrameDocuments } from './frames.ts';

/** The browser's own detector knows more languages than the bundled one and costs nothing to ship. */
const DETECTION_SAMPLE_CHARS = 3000;

export async function extractCurrentPage(): Promise<ExtractedPage> {
  const pageUrl = location.href;
  const article = readDocument(document, pageUrl) ?? readFrames(document);
  if (article) article.lang = chooseLanguage(article.lang, article.text, await browserDetector(article.text)) ?? article.lang;
  // The feeds the page declares: the popup offers to follow one when the page's original is unknown.
  const feeds = declaredFeeds(document, pageUrl);
  return { pageUrl, article, ...(feeds.length > 0 ? { feeds } : {}) };
}

function readDocument(doc: Document, url: string): PageArticle | null {
  // Counting the text is linear and cheap; the extractor on a page this large would hold the tab for minutes.
  const size = doc.body?.textContent?.length ?? 0;
  if (size > MAX_PAGE_TEXT_CHARS) throw new Error(tooLargeMessage(size, MAX_PAGE_TEXT_CHARS));
  return extractArticle(doc, { url, languageHint: undefined });
}

/** A page that is only a frame around the article (archive viewers, framesets): the article of its largest frame. */
function readFrames(doc: Document): PageArticle | null {
  for (const frame of sameOriginFrameDocuments(doc)) {
    const article = readDocument(frame, frame.URL);
    if (article) return article;
  }
  return null;
}

async function browserDetector(text: string): Promise<() => string | undefined> {
  try {
    const { isReliable, languages } = await browser.i18n.detectLanguage(text.slice(0, DETECTION_SAMPLE_CHARS));
    const best = isReliable ? languages[0]?.language : undefined;
    return () => (best && best !== 'und' ? best : undefined);
  } catch {
    return () => undefined;
  }
}
