/**
 * Documents of the page's frames that the page reader may open: same-origin frames only (the browser keeps
 * other sites' frames closed to it). Archive viewers and older sites show the article inside such a frame.
 */

/** Frames nested deeper than this are not searched. */
const MAX_FRAME_DEPTH = 3;
/** At most this many frame documents are considered, so a page of a thousand iframes costs little. */
const MAX_FRAMES = 12;

function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const inner = frame.contentDocument;
    return inner?.documentElement ? inner : null;
  } catch {
    return null;
  }
}

/** Readable frame documents of `doc`, those with the most text first. */
export function sameOriginFrameDocuments(doc: Document): Document[] {
  const found: Document[] = [];
  const visit = (parent: Document, depth: number): void => {
    if (depth > MAX_FRAME_DEPTH) return;
    for (const frame of parent.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) {
      if (found.length >= MAX_FRAMES) return;
      const inner = frameDocument(frame);
      if (!inner || found.includes(inner)) continue;
      found.push(inner);
      visit(inner, depth + 1);
    }
  };
  visit(doc, 1);
  const textLength = (inner: Document): number => inner.body?.textContent?.length ?? 0;
  return found.sort((a, b) => textLength(b) - textLength(a));
}
