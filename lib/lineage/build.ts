/**
 * The lineage of a text: which version each version came from. The versions of a page are related to the page
 * one by one; here they are related to each other, and each is placed under the version it most closely copies
 * among those that came before it. A version whose parent cannot be told (no date and no direction, or two
 * earlier versions it copies equally closely) is left unplaced and said to be uncertain, never guessed.
 *
 * Relating two stored versions aligns their texts, the costly step. With a cheap estimate of how close two versions
 * are (LineageCosts), only the earlier versions a node may keep most closely are related; a cost limit on the
 * alignments leaves a node uncertain rather than spend more time on it.
 */
import type { LineageEdge, LineageNode, LineageRelation, Lineage, Relation } from '../types';
import { descriptionOf, type Description } from '../wording/catalogue';
import { inEnglish } from '../wording/render';

/** A version (or the page) as the lineage needs it. */
export interface LineageInput {
  id: string;
  isPage?: boolean;
  title?: string;
  site?: string;
  url?: string;
  lang?: string;
  /** Published, else first seen: ISO 8601. */
  date?: string;
}

/** How `child` relates to `parent` when `child` is read as a copy of `parent`, or null when it is no copy of it. */
export interface PairRelation {
  relation: Relation;
  /** 0..1: how closely the child keeps the parent's text (wording kept, or the match score across languages). */
  closeness: number;
  /** The relation read the parent as the child's original ("original"), the other way ("derivative"), or neither. */
  direction: 'original' | 'derivative' | 'unknown';
  machineTranslated?: boolean;
}

export type Relate = (childId: string, parentId: string) => PairRelation | null;

/** What relating a pair costs, and a cheap guess at its outcome to choose which pairs are worth relating. */
export interface LineageCosts {
  /**
   * How close the two versions look (0..1, symmetric) from what is already known of them, or null when no guess can
   * be made (two languages): a version is related first to the earlier versions that look closest.
   */
  estimate(childId: string, parentId: string): number | null;
  /** Relating the pair aligns two texts (the page's relations come with the full check, at no cost). */
  costly(childId: string, parentId: string): boolean;
  /** At most this many costly pairs are related; a node whose parent needs more is left uncertain. */
  budget: number;
}

/**
 * Earlier versions whose estimate is this far below the closest copy found are not related: on the bench's chains an
 * estimate within 0.1 of the best one held the parent the full relation chose in 128 of 129 versions.
 */
export const ESTIMATE_WINDOW = 0.1;
/** Below this estimate two versions share too little wording to be copies (copies on the bench's chains look 0.23 and closer). */
export const MIN_ESTIMATE = 0.12;

const COPY_RELATIONS: Relation[] = ['verbatim-copy', 'edited-copy', 'rewrite', 'translation'];
/** Two earlier versions copied this closely alike leave the parent open, unless one is a copy of the other. */
export const TIE_MARGIN = 0.02;

/** Earlier first; undated after dated, in the order given (the page last, as it is read now). */
function byDate(a: LineageInput, b: LineageInput): number {
  if (a.date && b.date) return a.date.localeCompare(b.date);
  if (a.date) return -1;
  if (b.date) return 1;
  return 0;
}

export function edgeRelation(pair: PairRelation): LineageRelation {
  if (pair.relation === 'translation') return 'translation';
  if (pair.relation === 'rewrite') return pair.machineTranslated ? 'machine-translated rewrite' : 'rewrite';
  return pair.relation === 'verbatim-copy' ? 'copy' : 'edit';
}

/**
 * Places every version under its parent; `inputs` come in the order their places matter most, which the cost limit
 * follows. Each node's candidates are the versions that came before it (by date, or by
 * the relation's direction when either is undated) and that it is a copy of; its parent is the one it keeps most
 * closely. The root is the earliest version that copies none.
 */
export function buildLineage(inputs: readonly LineageInput[], relate: Relate, costs?: LineageCosts): Lineage {
  const ordered = inputs.map((input, order) => ({ input, order })).sort((a, b) => byDate(a.input, b.input) || a.order - b.order);
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  const parentOf = new Map<string, string>();
  // The cost limit is spent on the inputs in the order given (the versions closest to the page first), then every
  // version is placed in date order.
  const spent = { pairs: new Set<string>() };
  const copied = new Map(inputs.map((input) => [input.id, copiedVersions(input, inputs.filter((other) => other !== input), relate, costs, spent)]));
  for (const [k, { input }] of ordered.entries()) {
    const { candidates, overBudget } = copied.get(input.id)!;
    candidates.sort((a, b) => b.pair.closeness - a.pair.closeness);
    const [best, second] = candidates;
    const node: LineageNode = { id: input.id, isPage: !!input.isPage, title: input.title, site: input.site, url: input.url, lang: input.lang, date: input.date, parent: null };
    nodes.push(node);
    if (overBudget) {
      setUncertain(node, descriptionOf('lineage_overBudget', {}));
      continue;
    }
    if (!best) {
      if (k > 0 && !input.date) setUncertain(node, descriptionOf('lineage_undated', {}));
      continue;
    }
    // Two equally close parents are one lineage when one copies the other: the later one is the nearer parent.
    const tied = second && best.pair.closeness - second.pair.closeness < TIE_MARGIN && !related(best.id, second.id, parentOf);
    if (tied) {
      setUncertain(node, descriptionOf('lineage_tied', { first: best.id, second: second.id }));
      node.candidates = [best.id, second.id];
      continue;
    }
    node.parent = best.id;
    parentOf.set(input.id, best.id);
    edges.push({ from: best.id, to: input.id, relation: edgeRelation(best.pair), closeness: round3(best.pair.closeness) });
  }
  // The earliest version that copies none is the root; a later one that copies no earlier version has no known place.
  const [root, ...others] = nodes.filter((n) => n.parent === null && !n.uncertain);
  for (const n of others) setUncertain(n, descriptionOf('lineage_notACopy', {}));
  return { root: root?.id ?? null, nodes, edges };
}

/** Why a version has no place: the description, and the same in English for the command line and the server. */
function setUncertain(node: LineageNode, reason: Description): void {
  node.uncertainReason = reason;
  node.uncertain = inEnglish(reason);
}

interface Copied {
  id: string;
  pair: PairRelation;
}

/**
 * The versions `node` is a copy of and that came before it. Versions dated later are never related. Without costs
 * every other version is related; with them, the free pairs are, then the costly ones from the closest-looking down,
 * until the rest look further than ESTIMATE_WINDOW below the closest copy found. `overBudget`: a costly pair that
 * could still hold the parent was left unrelated by the cost limit.
 */
function copiedVersions(node: LineageInput, others: readonly LineageInput[], relate: Relate, costs: LineageCosts | undefined, spent: { pairs: Set<string> }): { candidates: Copied[]; overBudget: boolean } {
  const candidates: Copied[] = [];
  const consider = (other: LineageInput) => {
    const pair = relate(node.id, other.id);
    if (pair && COPY_RELATIONS.includes(pair.relation) && cameBefore(other, node, pair)) candidates.push({ id: other.id, pair });
    return pair;
  };
  const possible = others.filter((other) => !laterByDate(other, node));
  if (!costs) {
    possible.forEach(consider);
    return { candidates, overBudget: false };
  }
  const costly: { other: LineageInput; estimate: number | null }[] = [];
  for (const other of possible) {
    if (!costs.costly(node.id, other.id)) consider(other);
    else costly.push({ other, estimate: costs.estimate(node.id, other.id) });
  }
  // No guess (across languages) is related first; the rest from the closest-looking down.
  const ranked = costly.filter((c) => c.estimate === null || c.estimate >= MIN_ESTIMATE).sort((a, b) => (b.estimate ?? Infinity) - (a.estimate ?? Infinity));
  let closestCopy = -Infinity;
  for (const { other, estimate } of ranked) {
    if (estimate !== null && estimate < closestCopy - ESTIMATE_WINDOW) break;
    const key = pairKey(node.id, other.id);
    if (!spent.pairs.has(key)) {
      if (spent.pairs.size >= costs.budget) return { candidates, overBudget: true };
      spent.pairs.add(key);
    }
    const pair = consider(other);
    if (estimate !== null && pair && COPY_RELATIONS.includes(pair.relation)) closestCopy = Math.max(closestCopy, estimate);
  }
  return { candidates, overBudget: false };
}

/** One key for a pair of versions, whichever is named first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Both are dated, and `other` later: it cannot be where `node` came from. */
function laterByDate(other: LineageInput, node: LineageInput): boolean {
  return !!other.date && !!node.date && other.date > node.date;
}

/**
 * `other` came before `node`: by date when both are dated and the dates differ; else by the relation's direction;
 * else a dated version came before an undated one (the page is read now). Two undated versions with no direction
 * are not ordered.
 */
function cameBefore(other: LineageInput, node: LineageInput, pair: PairRelation): boolean {
  if (other.date && node.date && other.date !== node.date) return other.date < node.date;
  if (pair.direction === 'original') return true;
  if (pair.direction === 'derivative') return false;
  return !!other.date && !node.date;
}

/** One is an ancestor of the other among the nodes placed so far. */
function related(a: string, b: string, parentOf: Map<string, string>): boolean {
  const ancestors = (id: string) => {
    const seen = new Set<string>();
    for (let at = parentOf.get(id); at && !seen.has(at); at = parentOf.get(at)) seen.add(at);
    return seen;
  };
  return ancestors(a).has(b) || ancestors(b).has(a);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The chain from the root down to a node: The Week → World News Digest → this page. */
export function pathTo(lineage: Lineage, id: string): LineageNode[] {
  const byId = new Map(lineage.nodes.map((n) => [n.id, n]));
  const path: LineageNode[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id); at && !seen.has(at.id); at = at.parent ? byId.get(at.parent) : undefined) {
    seen.add(at.id);
    path.unshift(at);
  }
  return path;
}

/** The children of a node, in date order. */
export function childrenOf(lineage: Lineage, id: string | null): LineageNode[] {
  return lineage.nodes.filter((n) => n.parent === id && (id !== null || !n.uncertain));
}
