/**
 * The lineage of a text: which version each version came from. The versions of a page are related to the page
 * one by one; here they are related to each other, and each is placed under the version it most closely copies
 * among those that came before it. A version whose parent cannot be told (no date and no direction, or two
 * earlier versions it copies equally closely) is left unplaced and said to be uncertain, never guessed.
 */
import type { LineageEdge, LineageNode, LineageRelation, Lineage, Relation } from '../types';

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
 * Places every version under its parent. Each node's candidates are the versions that came before it (by date, or by
 * the relation's direction when either is undated) and that it is a copy of; its parent is the one it keeps most
 * closely. The root is the earliest version that copies none.
 */
export function buildLineage(inputs: readonly LineageInput[], relate: Relate): Lineage {
  const ordered = inputs.map((input, order) => ({ input, order })).sort((a, b) => byDate(a.input, b.input) || a.order - b.order);
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  const parentOf = new Map<string, string>();
  for (const [k, { input }] of ordered.entries()) {
    const candidates: { id: string; pair: PairRelation }[] = [];
    for (const [j, other] of ordered.entries()) {
      if (j === k) continue;
      const pair = relate(input.id, other.input.id);
      if (!pair || !COPY_RELATIONS.includes(pair.relation)) continue;
      if (cameBefore(other.input, input, pair)) candidates.push({ id: other.input.id, pair });
    }
    candidates.sort((a, b) => b.pair.closeness - a.pair.closeness);
    const [best, second] = candidates;
    const node: LineageNode = { id: input.id, isPage: !!input.isPage, title: input.title, site: input.site, url: input.url, lang: input.lang, date: input.date, parent: null };
    nodes.push(node);
    if (!best) {
      if (k > 0 && !input.date) node.uncertain = 'Undated, and no version it came from could be told';
      continue;
    }
    // Two equally close parents are one lineage when one copies the other: the later one is the nearer parent.
    const tied = second && best.pair.closeness - second.pair.closeness < TIE_MARGIN && !related(best.id, second.id, parentOf);
    if (tied) {
      node.uncertain = `As close to ${second.id} as to ${best.id}: which one it came from cannot be told`;
      node.candidates = [best.id, second.id];
      continue;
    }
    node.parent = best.id;
    parentOf.set(input.id, best.id);
    edges.push({ from: best.id, to: input.id, relation: edgeRelation(best.pair), closeness: round3(best.pair.closeness) });
  }
  // The earliest version that copies none is the root; a later one that copies no earlier version has no known place.
  const [root, ...others] = nodes.filter((n) => n.parent === null && !n.uncertain);
  for (const n of others) n.uncertain = 'Not a copy of any earlier version found';
  return { root: root?.id ?? null, nodes, edges };
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
