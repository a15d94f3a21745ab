/**
 * Word-pair anchors: text reworded word by word keeps few similar sentences but many pairs of nearby words, and dense
 * clusters of the pairs a page and a source share are passages too (lib/text/word-pairs.ts pairs the words).
 */
import { lexiconOf } from '../text/lexicon';
import { forEachNearbyPair, orderFreePairKey } from '../text/word-pairs';
import type { Token } from '../text/segment';
import type { TextModel } from './model';
import { clusterSeeds, spansOverlap, termSet, type AlignContext as Context, type AlignDefaults, type ScoredPassage, type Seed } from './stage';
import { cosine, rangeVector } from './vectors';

// Words this far apart form a pair: a word inserted or deleted between two others keeps them a pair.
const PAIR_REACH = 2;
// A pair repeated more often than this (occurrences on the page times in the source) is boilerplate, not evidence.
const MAX_PAIR_REPEATS = 4;

interface Anchor extends Seed {
  key: string;
  /** Token index of the pair's second word, on the page and in the source. */
  iEnd: number;
  jEnd: number;
}

/**
 * Every pair of words at most PAIR_REACH apart, at least one of them a content word, as an
 * order-free key (a local shuffle keeps it), with the token indices where it starts.
 */
export function wordPairs(model: TextModel): Map<string, number[]> {
  // Kept with the text's words, so a page compared with many candidates finds its pairs once. Which words are content
  // words differs between stemmed and bridge terms, so each has its own pairs.
  if (!model.bridged) return (model.words.pairStarts ??= pairStarts(model));
  // Bridge terms read the language's lexicon, which may have been loaded since the pairs were found.
  const lexicon = lexiconOf(model.lang);
  const kept = model.words.bridgedPairStarts;
  if (kept && kept.lexicon === lexicon) return kept.pairs;
  const pairs = pairStarts(model);
  model.words.bridgedPairStarts = { lexicon, pairs };
  return pairs;
}

/** The word forms of a text's tokens, kept for a page compared with many candidates. */
const FORMS = new WeakMap<readonly Token[], Set<string>>();

function formsOf(tokens: readonly Token[]): Set<string> {
  let forms = FORMS.get(tokens);
  if (!forms) FORMS.set(tokens, (forms = new Set(tokens.map((token) => token.norm))));
  return forms;
}

/**
 * Where each of the model's pairs starts, as wordPairs lists them; with `within` (the pairs of `other`), only the pairs
 * it holds: a pair with a word `other` lacks is passed over before its key is made.
 */
function pairStarts(model: TextModel, within?: Map<string, number[]>, other?: TextModel): Map<string, number[]> {
  const { tokens, terms } = model;
  const pairs = new Map<string, number[]>();
  const forms = other && formsOf(other.tokens);
  const onOther = forms ? Uint8Array.from(tokens, (token) => (forms.has(token.norm) ? 1 : 0)) : null;
  forEachNearbyPair(tokens.length, PAIR_REACH, (i, j) => {
    if (terms[i] < 0 && terms[j] < 0) return;
    if (onOther && !(onOther[i] && onOther[j])) return;
    const key = orderFreePairKey(tokens[i].norm, tokens[j].norm);
    if (within && !within.has(key)) return;
    let list = pairs.get(key);
    if (!list) pairs.set(key, (list = []));
    list.push(i);
  });
  return pairs;
}

/** Where the key's pair ends, from where it starts. */
function pairEnd(model: TextModel, start: number, key: string): number {
  for (let d = 1; d <= PAIR_REACH && start + d < model.tokens.length; d++) {
    if (orderFreePairKey(model.tokens[start].norm, model.tokens[start + d].norm) === key) return start + d;
  }
  return start + 1;
}

/** Passages made of dense clusters of word pairs that the page and the source share. */
export function anchorPassages(
  ctx: Context,
  o: Pick<AlignDefaults, 'anchorGap' | 'anchorMinPairs' | 'anchorDensity' | 'anchorContainment' | 'anchorManyPairs' | 'maxAnchors'>,
): { passages: ScoredPassage[]; truncated: boolean } {
  const { anchors, truncated } = sharedAnchors(ctx, o.maxAnchors);
  const passages: ScoredPassage[] = [];
  if (anchors.length < o.anchorMinPairs) return { passages, truncated };
  for (const group of clusterSeeds(anchors, o.anchorGap) as Anchor[][]) {
    const pairs = new Set(group.map((a) => a.key)).size;
    if (pairs < o.anchorMinPairs) continue;
    const page: [number, number] = [Math.min(...group.map((a) => a.i)), Math.max(...group.map((a) => a.iEnd)) + 1];
    const source: [number, number] = [Math.min(...group.map((a) => a.j)), Math.max(...group.map((a) => a.jEnd)) + 1];
    const dense = pairs >= o.anchorManyPairs || pairs / (page[1] - page[0]) >= o.anchorDensity;
    if (!dense && termContainment(ctx.page, page, ctx.source, source) < o.anchorContainment) continue;
    passages.push({
      page: [ctx.page.tokens[page[0]].start, ctx.page.tokens[page[1] - 1].end],
      source: [ctx.source.tokens[source[0]].start, ctx.source.tokens[source[1] - 1].end],
      similarity: tokenRangeCosine(ctx, page, source),
      seeds: pairs,
    });
  }
  return { passages, truncated };
}

/**
 * Every occurrence in the page of a pair shared with the source, with every occurrence in the source.
 * The page's pairs are indexed once for all candidates; a source's pairs are only looked up there, as
 * most candidates share few. Past the cost limit, what is kept depends on the order the pairs are met
 * in, which the two full indexes decide.
 */
function sharedAnchors(ctx: Context, maxAnchors: number): { anchors: Anchor[]; truncated: boolean } {
  const pagePairs = wordPairs(ctx.page);
  const sourceStarts = pairStarts(ctx.source, pagePairs, ctx.page);
  let count = 0;
  for (const [key, starts] of sourceStarts) {
    const n = pagePairs.get(key)!.length * starts.length;
    if (n <= MAX_PAIR_REPEATS) count += n;
  }
  if (count > maxAnchors) return anchorsUpTo(ctx, pagePairs, wordPairs(ctx.source), maxAnchors);
  const anchors: Anchor[] = [];
  for (const [key, starts] of sourceStarts) addAnchors(anchors, ctx, key, pagePairs.get(key)!, starts);
  return { anchors, truncated: false };
}

function anchorsUpTo(ctx: Context, pagePairs: Map<string, number[]>, sourcePairs: Map<string, number[]>, maxAnchors: number): { anchors: Anchor[]; truncated: boolean } {
  const [fewer, more] = pagePairs.size <= sourcePairs.size ? [pagePairs, sourcePairs] : [sourcePairs, pagePairs];
  const anchors: Anchor[] = [];
  for (const [key, list] of fewer) {
    const other = more.get(key);
    if (!other) continue;
    const [pageStarts, sourceStarts] = fewer === pagePairs ? [list, other] : [other, list];
    addAnchors(anchors, ctx, key, pageStarts, sourceStarts);
    if (anchors.length > maxAnchors) return { anchors, truncated: true };
  }
  return { anchors, truncated: false };
}

/** Anchors for every pairing of the key's page and source occurrences, unless it repeats like boilerplate. */
function addAnchors(anchors: Anchor[], ctx: Context, key: string, pageStarts: number[], sourceStarts: number[]): void {
  if (pageStarts.length * sourceStarts.length > MAX_PAIR_REPEATS) return;
  for (const i of pageStarts) {
    for (const j of sourceStarts) {
      anchors.push({ i, j, sim: 1, dice: 1, key, iEnd: pairEnd(ctx.page, i, key), jEnd: pairEnd(ctx.source, j, key) });
    }
  }
}

/** Share of the distinct content terms of the page tokens that occur in the source tokens. */
function termContainment(page: TextModel, [i0, i1]: [number, number], source: TextModel, [j0, j1]: [number, number]): number {
  const pageTerms = termSet(page, [i0, i1]);
  if (pageTerms.size === 0) return 0;
  const sourceTerms = termSet(source, [j0, j1]);
  let shared = 0;
  for (const t of pageTerms) if (sourceTerms.has(t)) shared++;
  return shared / pageTerms.size;
}

/** Cosine of two token ranges, terms weighted as in the sentence units. */
function tokenRangeCosine(ctx: Context, page: [number, number], source: [number, number]): number {
  const vector = (model: TextModel, [from, to]: [number, number]) => rangeVector(model, { from, to }, ctx.isf);
  return cosine(vector(ctx.page, page), vector(ctx.source, source));
}

/**
 * Word-pair passages where the sentence passages have none on the page. One that lies on sentence
 * passages in both texts adds its pairs to their evidence but not its extent: sentence passages
 * end where the sentences end, word-pair clusters reach past that into neighbouring text.
 */
export function withAnchors(passages: ScoredPassage[], anchors: ScoredPassage[]): ScoredPassage[] {
  const out = passages.map((p) => ({ ...p }));
  const added: ScoredPassage[] = [];
  for (const a of anchors) {
    const onPage = out.filter((p) => spansOverlap(p.page, a.page));
    if (onPage.length === 0) added.push(a);
    else for (const p of onPage) if (spansOverlap(p.source, a.source)) p.seeds += a.seeds;
  }
  return [...out, ...added].sort((x, y) => x.page[0] - y.page[0]);
}
