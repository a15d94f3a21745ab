/**
 * The first look's reading of the page: the paragraphs of the element that holds most of the page's paragraph text,
 * with the page's declared language and canonical address. No Readability: the full reader (extension/content/extract-page.ts) costs
 * the page 60–85 ms of its main thread on every click, most of it starting up a 100 kB script, and the first look
 * waited for it. This function is injected on its own (scripting.executeScript's `func`, so the browser sends only
 * its source) just before the full reader, and reads the page in a few milliseconds. Its text finds the same stored
 * versions as the full reader's (tests/unit/extension/first-look-reading.test.ts); when it finds none, the first
 * look waits for the full reading (extension/background/check-tab.ts), so it can bring the first answer forward but
 * never lose it.
 *
 * Injected by its source, it must stand alone: no imports, no names from outside its own body. It only reads the
 * page (textContent and attributes), never writes to it.
 */
export interface GlancedArticle {
  text: string;
  lang?: string;
  url: string;
}

export function glanceAtDocument(doc: Document = document, pageUrl: string = doc.URL): GlancedArticle | null {
  /** Never article text, wherever they stand (the bulk reader's and Readability's furniture, in small). */
  const FURNITURE = 'nav, header, footer, aside, form, figure, figcaption, button, [role="navigation"], [role="complementary"], [aria-hidden="true"]';
  const MIN_PARAGRAPH_CHARS = 25;
  const MAX_LINK_SHARE = 0.5;
  /** Less than this is not enough to look the page up by (a teaser, a login wall): the full reader decides. */
  const MIN_ARTICLE_CHARS = 250;
  const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const linkShare = (element: Element, length: number): number => {
    let links = 0;
    for (const link of element.querySelectorAll('a')) links += clean(link.textContent).length;
    return length === 0 ? 1 : links / length;
  };
  const prose = (element: Element): string | null => {
    if (element.closest(FURNITURE)) return null;
    const text = clean(element.textContent);
    return text.length >= MIN_PARAGRAPH_CHARS && linkShare(element, text.length) <= MAX_LINK_SHARE ? text : null;
  };

  // Readability's scoring in small: each paragraph credits its container fully and the container's parent by half.
  const scores = new Map<Element, number>();
  const credit = (element: Element | null, points: number) => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + points);
  };
  for (const paragraph of doc.querySelectorAll('p')) {
    const text = prose(paragraph);
    if (!text) continue;
    credit(paragraph.parentElement, text.length);
    credit(paragraph.parentElement?.parentElement ?? null, text.length / 2);
  }
  let best: Element | null = null;
  for (const [element, score] of scores) if (!best || score > scores.get(best)!) best = element;
  if (!best) return null;
  const paragraphs: string[] = [];
  for (const paragraph of best.querySelectorAll('p')) {
    const text = prose(paragraph);
    if (text) paragraphs.push(text);
  }
  const text = paragraphs.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) return null;

  const meta = (property: string): string | undefined => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content')?.trim() || undefined;
  const absolute = (address: string | null | undefined): string | undefined => {
    try {
      return address ? new URL(address, pageUrl).href : undefined;
    } catch {
      return undefined;
    }
  };
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || meta('language') || meta('og:locale') || undefined;
  const url = absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')) ?? absolute(meta('og:url')) ?? pageUrl;
  return { text, url, ...(lang ? { lang } : {}) };
}
