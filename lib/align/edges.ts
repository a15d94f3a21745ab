/**
 * Passage edges: passages are built from whole sentences, and an edge moves inwards past words the other side does
 * not have.
 */
import type { TextModel } from './model';
import { termSet, type AlignContext as Context, type ScoredPassage } from './stage';

// How far into a passage an edge may move, in tokens.
const EDGE_SCAN = 200;
// Content words in the look-ahead window, and how many of them must occur on the other side.
const EDGE_WINDOW = 4;
const EDGE_HITS = 3;
// A cut-off edge must be foreign to the other side: at most this share of its content words occur there.
const FOREIGN_SHARE = 0.25;

/**
 * Passages are built from whole sentences, but reuse often starts or ends inside
 * one. An edge moves inwards past words that the other side does not have, up to
 * where a run of shared content words begins.
 */
export function refineEdges(ctx: Context, p: ScoredPassage): ScoredPassage {
  const page = tokenRange(ctx.page, p.page);
  const source = tokenRange(ctx.source, p.source);
  if (page[1] - page[0] < 3 || source[1] - source[0] < 3) return p;
  const pageTerms = termSet(ctx.page, page);
  const sourceTerms = termSet(ctx.source, source);
  const pageCut = [trimEdge(ctx.page, page, sourceTerms, 1), trimEdge(ctx.page, page, sourceTerms, -1)];
  const sourceCut = [trimEdge(ctx.source, source, pageTerms, 1), trimEdge(ctx.source, source, pageTerms, -1)];
  if (pageCut[1] <= pageCut[0] || sourceCut[1] <= sourceCut[0]) return p;
  return {
    ...p,
    page: [ctx.page.tokens[pageCut[0]].start, ctx.page.tokens[pageCut[1] - 1].end],
    source: [ctx.source.tokens[sourceCut[0]].start, ctx.source.tokens[sourceCut[1] - 1].end],
  };
}

function tokenRange(model: TextModel, [start, end]: [number, number]): [number, number] {
  const tokens = model.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.length && tokens[last].start < end) last++;
  return [lo, last];
}

/**
 * New edge (start index for step 1, end index for step -1) of the token range:
 * the first content word, walking inwards, that opens a window of mostly shared
 * content words, provided what is skipped is mostly foreign.
 */
function trimEdge(model: TextModel, [from, to]: [number, number], other: Set<number>, step: 1 | -1): number {
  const content: number[] = [];
  const first = step === 1 ? from : to - 1;
  for (let t = first, n = 0; t >= from && t < to && n < EDGE_SCAN; t += step, n++) if (model.terms[t] >= 0) content.push(t);
  let skippedHits = 0;
  for (let k = 0; k + EDGE_WINDOW <= content.length; k++) {
    let hits = 0;
    for (let w = k; w < k + EDGE_WINDOW; w++) if (other.has(model.terms[content[w]])) hits++;
    if (hits >= EDGE_HITS && other.has(model.terms[content[k]])) {
      if (k < 3 || skippedHits > FOREIGN_SHARE * k) return step === 1 ? from : to;
      return step === 1 ? content[k] : content[k] + 1;
    }
    if (other.has(model.terms[content[k]])) skippedHits++;
  }
  return step === 1 ? from : to;
}
