/**
 * Sentence passages by seed and extend, after the PAN text-alignment systems (Sanchez-Perez et al. 2014): sentence
 * pairs whose tf·isf cosine and Dice are both high are seeds; seeds close to each other in both texts are clustered
 * into passages; a passage is kept when its two sides are similar as a whole. Summaries, which condense their source,
 * and chains of weaker pairs are looked for apart.
 */
import { refineEdges } from './edges';
import type { TextModel } from './model';
import { clusterSeeds, spansOverlap, splitByGap, type AlignContext as Context, type AlignDefaults, type Aligned, type ScoredPassage, type Seed } from './stage';
import { cosine, inverseUnitFrequency, sumVectors, unitVectors, type SparseVector } from './vectors';

/** Sentence passages of two models in one language (or with shared terms): seeds, grown into passages, edges refined. */
export function alignModels(page: TextModel, source: TextModel, vocabSize: number, o: AlignDefaults): Aligned {
  const isf = inverseUnitFrequency([page, source], vocabSize);
  const ctx: Context = { page, source, pageVectors: unitVectors(page, isf), sourceVectors: unitVectors(source, isf), isf };
  const found = findSeeds(ctx, o);
  const truncated = found.truncated;
  const strong = found.seeds.filter((s) => !s.weak);
  let passages: ScoredPassage[] = [];
  if (strong.length > 0) {
    const seeds = keepNearBest(strong, o.nearBest);
    passages = extend(ctx, seeds, o.maxGap, o.validation);
    if (condenses(passages)) {
      const wide = extend(ctx, seeds, o.summaryMaxGap, o.validation);
      if (coveredSource(wide) > coveredSource(passages)) passages = wide;
    }
    // Only where nothing else aligned: elsewhere the loose grouping mostly adds noise.
    if (passages.length === 0) passages = summaryPassages(ctx, strong, o);
    passages = removeOverlaps(passages).filter((p) => isLongEnough(p, o));
  }
  // Chains of weaker pairs add passages only where the strong seeds found none: they would blur those.
  if (found.seeds.length > strong.length) {
    const chains = extend(ctx, keepNearBest(chained(found.seeds, o.maxGap, o.chainNeighbours), o.nearBest), o.maxGap, o.validation);
    const disjoint = removeOverlaps(chains).filter((c) => isLongEnough(c, o) && !passages.some((p) => spansOverlap(p.page, c.page)));
    if (disjoint.length) passages = [...passages, ...disjoint].sort((a, b) => a.page[0] - b.page[0]);
  }
  return { passages: finishPassages(ctx, passages), truncated, stage: { ctx, found: passages } };
}

/** Passages with their edges refined and the pieces of a condensed summary merged into one. */
export function finishPassages(ctx: Context, passages: ScoredPassage[]): ScoredPassage[] {
  return mergeCondensed(passages.map((p) => refineEdges(ctx, p)));
}

function isLongEnough(p: ScoredPassage, o: AlignDefaults): boolean {
  if (p.page[1] - p.page[0] < o.minPassageChars || p.source[1] - p.source[0] < o.minPassageChars) return false;
  // One sentence pair alone is weak evidence: topical neighbours share that much.
  return p.seeds > 1 || p.similarity >= o.singleSeedSimilarity;
}

/** Sentence pairs similar enough to start a passage, found through an inverted index. */
function findSeeds(
  ctx: Context,
  o: Pick<AlignDefaults, 'maxPairChecks' | 'maxSeeds' | 'seedCosine' | 'seedDice' | 'seedContainment' | 'seedContainedTerms' | 'weakSeedCosine' | 'weakSeedDice'>,
): { seeds: Seed[]; truncated: boolean } {
  const postings = new Map<number, { unit: number; weight: number }[]>();
  ctx.pageVectors.forEach((v, i) => {
    v.ids.forEach((id, k) => {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ unit: i, weight: v.weights[k] });
    });
  });
  const seeds: Seed[] = [];
  let checks = 0;
  let truncated = false;
  const dots = new Float64Array(ctx.pageVectors.length);
  // Squared weight of the shared terms on the page side and on the source side.
  const pageShared = new Float64Array(ctx.pageVectors.length);
  const sourceShared = new Float64Array(ctx.pageVectors.length);
  const shared = new Int32Array(ctx.pageVectors.length);
  const touched: number[] = [];
  for (let j = 0; j < ctx.sourceVectors.length && !truncated; j++) {
    const sv = ctx.sourceVectors[j];
    if (sv.norm === 0) continue;
    for (let k = 0; k < sv.ids.length; k++) {
      const list = postings.get(sv.ids[k]);
      if (!list) continue;
      checks += list.length;
      if (checks > o.maxPairChecks) {
        truncated = true;
        break;
      }
      const sw = sv.weights[k];
      for (const { unit, weight } of list) {
        if (shared[unit] === 0) touched.push(unit);
        shared[unit]++;
        dots[unit] += weight * sw;
        pageShared[unit] += weight * weight;
        sourceShared[unit] += sw * sw;
      }
    }
    for (const i of touched) {
      const pv = ctx.pageVectors[i];
      const cos = dots[i] / (pv.norm * sv.norm || 1);
      const dc = (2 * shared[i]) / (pv.ids.length + sv.ids.length);
      if ((cos >= o.seedCosine && dc >= o.seedDice) || (shared[i] >= o.seedContainedTerms && contained(pv, sv, pageShared[i], sourceShared[i]) >= o.seedContainment)) {
        seeds.push({ i, j, sim: cos, dice: dc });
      } else if (cos >= o.weakSeedCosine && dc >= o.weakSeedDice) {
        seeds.push({ i, j, sim: cos, dice: dc, weak: true });
      }
      dots[i] = 0;
      shared[i] = 0;
      pageShared[i] = 0;
      sourceShared[i] = 0;
    }
    touched.length = 0;
  }
  if (seeds.length > o.maxSeeds) {
    seeds.sort((a, b) => b.sim - a.sim);
    seeds.length = o.maxSeeds;
    truncated = true;
  }
  return { seeds, truncated };
}

/** Strong seeds, and weak ones with enough seeds near them in both texts. */
function chained(seeds: Seed[], maxGap: number, neighbours: number): Seed[] {
  if (!seeds.some((s) => s.weak)) return seeds;
  const byPage = [...seeds].sort((a, b) => a.i - b.i);
  const kept: Seed[] = [];
  let lo = 0;
  for (const seed of byPage) {
    if (!seed.weak) {
      kept.push(seed);
      continue;
    }
    while (byPage[lo].i < seed.i - maxGap - 1) lo++;
    const near = new Set<number>();
    for (let k = lo; k < byPage.length && byPage[k].i <= seed.i + maxGap + 1; k++) {
      const other = byPage[k];
      // Neighbours in other sentences: one sentence paired with several others is no chain.
      if (other.i !== seed.i && other.j !== seed.j && Math.abs(other.j - seed.j) <= maxGap + 1) near.add(other.i);
    }
    if (near.size >= neighbours) kept.push(seed);
  }
  return kept;
}

/** Share of the smaller vector's squared weight that lies on shared terms. */
function contained(pv: SparseVector, sv: SparseVector, pageShared: number, sourceShared: number): number {
  return pv.ids.length <= sv.ids.length ? pageShared / (pv.norm * pv.norm || 1) : sourceShared / (sv.norm * sv.norm || 1);
}

/**
 * A sentence copied verbatim also resembles other sentences on the same topic; those
 * weaker pairings stretch passages. A seed is kept when it is nearly as good as
 * the best seed of its page sentence and of its source sentence.
 */
function keepNearBest(seeds: Seed[], ratio: number): Seed[] {
  if (ratio <= 0) return seeds;
  const bestI = new Map<number, number>();
  const bestJ = new Map<number, number>();
  for (const s of seeds) {
    bestI.set(s.i, Math.max(bestI.get(s.i) ?? 0, s.sim));
    bestJ.set(s.j, Math.max(bestJ.get(s.j) ?? 0, s.sim));
  }
  return seeds.filter((s) => s.sim >= ratio * bestI.get(s.i)! && s.sim >= ratio * bestJ.get(s.j)!);
}

/** Clusters seeds that lie within maxGap units of each other in both texts, then validates each cluster. */
function extend(ctx: Context, seeds: Seed[], maxGap: number, validation: number): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const group of clusterSeeds(seeds, maxGap)) {
    const passage = toPassage(ctx, group);
    if (passage.similarity >= validation) out.push(passage);
    else if (maxGap > 0 && group.length > 1) out.push(...extend(ctx, group, maxGap - 1, validation));
  }
  return out;
}

/** Alternately splits by page and source position wherever two neighbouring seeds are more than maxGap apart. */
/** The passage a group of seeds spans, with the cosine of its two sides as wholes. */
export function toPassage(ctx: Context, group: Seed[]): ScoredPassage {
  let i0 = Infinity;
  let i1 = -1;
  let j0 = Infinity;
  let j1 = -1;
  for (const s of group) {
    i0 = Math.min(i0, s.i);
    i1 = Math.max(i1, s.i);
    j0 = Math.min(j0, s.j);
    j1 = Math.max(j1, s.j);
  }
  const similarity = cosine(sumVectors(ctx.pageVectors.slice(i0, i1 + 1)), sumVectors(ctx.sourceVectors.slice(j0, j1 + 1)));
  return {
    page: [ctx.page.units[i0].start, ctx.page.units[i1].end],
    source: [ctx.source.units[j0].start, ctx.source.units[j1].end],
    similarity,
    seeds: group.length,
  };
}

// A page that condenses its source (a summary) spreads its seeds far apart in the source.
function condenses(passages: ScoredPassage[]): boolean {
  if (passages.length === 0) return true;
  const pageCovered = passages.reduce((n, p) => n + p.page[1] - p.page[0], 0);
  return pageCovered < 0.5 * coveredSource(passages);
}

function coveredSource(passages: ScoredPassage[]): number {
  return passages.reduce((n, p) => n + p.source[1] - p.source[0], 0);
}

/**
 * Summaries: consecutive page sentences that each resemble some sentence of the
 * source, wherever it is, form a passage when the page condenses a much longer
 * stretch of the source and the two stretches are similar as wholes.
 */
function summaryPassages(ctx: Context, seeds: Seed[], o: { summaryPageGap: number; summaryMinSentences: number; summaryValidation: number }): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const group of splitByGap(seeds, (s) => s.i, o.summaryPageGap)) {
    const pageUnits = new Set(group.map((s) => s.i));
    if (pageUnits.size < o.summaryMinSentences) continue;
    const passage = toPassage(ctx, group);
    const pageLength = passage.page[1] - passage.page[0];
    if (pageLength * 2 > passage.source[1] - passage.source[0]) continue;
    if (passage.similarity >= o.summaryValidation) out.push(passage);
  }
  return out;
}

// Page characters between two passages that a summary may have left unaligned.
const SUMMARY_PAGE_GAP = 250;

/**
 * A summary packs sentences from all over its source into one short stretch: page
 * passages that follow each other closely while their sources lie far apart (and
 * span much more text) are one condensed passage.
 */
function mergeCondensed(passages: ScoredPassage[]): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  for (const p of [...passages].sort((a, b) => a.page[0] - b.page[0])) {
    const last = out[out.length - 1];
    if (last && p.page[0] - last.page[1] <= SUMMARY_PAGE_GAP) {
      const page: [number, number] = [last.page[0], Math.max(last.page[1], p.page[1])];
      const source: [number, number] = [Math.min(last.source[0], p.source[0]), Math.max(last.source[1], p.source[1])];
      if (page[1] - page[0] < 0.5 * (source[1] - source[0])) {
        const weight = (x: ScoredPassage) => x.page[1] - x.page[0];
        const similarity = (last.similarity * weight(last) + p.similarity * weight(p)) / (weight(last) + weight(p));
        out[out.length - 1] = { page, source, similarity, seeds: last.seeds + p.seeds };
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

function removeOverlaps(passages: ScoredPassage[]): ScoredPassage[] {
  const strength = (p: ScoredPassage) => p.similarity * Math.sqrt(p.page[1] - p.page[0]);
  const kept: ScoredPassage[] = [];
  for (const p of [...passages].sort((a, b) => strength(b) - strength(a))) {
    if (!kept.some((k) => spansOverlap(k.page, p.page))) kept.push(p);
  }
  return kept.sort((a, b) => a.page[0] - b.page[0]);
}
