import { splitFurniture } from '../text/furniture';
import type { Span } from '../text/segment';

export type BlockRole = 'body' | 'furniture' | 'caption';

const BLOCK_SEPARATOR = '\n\n';

/**
 * Plain-text furniture cues for the blocks of an article container: each block's own wording ("Leave a Reply",
 * "Sign up for…") and its neighbours' (a tagline after a newsletter prompt, a tail of teasers after the article).
 * The plain-text classifier sees the blocks as paragraphs; a block stays body when any part of it reads as body.
 */
export function classifyBlocks(texts: string[]): BlockRole[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const text of texts) {
    spans.push([offset, offset + text.length]);
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  const split = splitFurniture(texts.join(BLOCK_SEPARATOR));
  // A headline-shaped first line is the title to the plain-text reader; here the page gives the title, so it is body.
  const bodySpans = split.titleSpan ? [...split.bodySpans, split.titleSpan] : split.bodySpans;
  const captionSpans = split.captions.map((c): Span => [c.start, c.end]);
  return spans.map((span) => {
    if (bodySpans.some((s) => overlaps(s, span))) return 'body';
    if (captionSpans.some((s) => overlaps(s, span))) return 'caption';
    return 'furniture';
  });
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
