/** Reads the article of the current page with the shared extractor (Readability runs on a clone of the DOM). */
import { browser } from 'wxt/browser';
import { chooseLanguage, extractArticle } from '../../lib/extract/index.ts';
import type { ExtractedPage } from '../shared/protocol.ts';

/** The browser's own detector knows more languages than the bundled one and costs nothing to ship. */
const DETECTION_SAMPLE_CHARS = 3000;

export async function extractCurrentPage(): Promise<ExtractedPage> {
  const pageUrl = location.href;
  const article = extractArticle(document, { url: pageUrl, languageHint: undefined });
  if (article) article.lang = chooseLanguage(article.lang, article.text, await browserDetector(article.text)) ?? article.lang;
  return { pageUrl, article };
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
