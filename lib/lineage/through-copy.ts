/**
 * The original of a page's text reached through one of its copies. The earliest version of a text may share too
 * little of its wording with the page to be called its copy (a heavy rewrite keeps a few percent of its word 5-grams),
 * while one of the page's copies is a near copy of it that happens to pass the bars. The page and the earlier text are
 * then versions of one text, through the copy; when the earlier text came before the copy
 * and before the page, it is the earliest version known, and the original.
 *
 * On the benchmark at 100,000 articles, where each story is stored with four or five rewritten and edited copies, 2 of
 * the 17 heavy rewrites whose original was not named had a copy of the original named instead, and 1 more only a
 * later copy; in all three that copy was an edited copy of the original (79–90% of its word 5-grams shared), and two
 * of those pairs were related as edited copies: those two originals are named now (85% of the rewrites' originals
 * named, from 83%), and no other answer of the benchmark's 300 queries or of `npm run eval:outlet` changed.
 */
import type { Relation } from '../types';
import type { PairRelation } from './build';
import { coveredLength } from '../relation/features';

/** A stored version as this step reads it; the caller's own type. */
export interface ThroughCopyInputs<V> {
  /** The page's copies, closest first: only the first `copiesAsked` are asked. */
  copies: readonly V[];
  /** Stored texts the page shares text or a story with but is no copy of, closest first. */
  others: readonly V[];
  /** The original named from the copies alone, if any. */
  named: V | null;
  /** Negative when `a` came before `b` (dates, else the order the corpus stored them in). */
  earlier(a: V, b: V): number;
  /** The version came before the page (or either is undated). */
  beforePage(v: V): boolean;
  /** Both are dated and `a` later: it cannot be where `b` came from. */
  laterThan(a: V, b: V): boolean;
  /** How close two versions look before any alignment (null: cannot tell, e.g. two languages). */
  estimate(copy: V, ancestor: V): number | null;
  /** The copy read as a copy of the ancestor (aligns the two: costly). */
  relate(copy: V, ancestor: V): PairRelation;
  /** The copy and the ancestor are each other's whole text, not a story and a longer one it was cut from. */
  wholeVersions(copy: V, ancestor: V): boolean;
  /** Figures (values of 10 or more) the two give, and how many the one with fewer gives. */
  figures(copy: V, ancestor: V): { shared: number; fewest: number };
  /** The spans of the copy's text it shares with the page, and with the ancestor (null: not comparable). */
  spans(copy: V, ancestor: V): { towardsPage: readonly Span[]; towardsAncestor: readonly Span[] } | null;
  copiesAsked: number;
  othersAsked: number;
  /** Below this estimate two versions are not aligned. */
  minEstimate: number;
}

type Span = readonly [number, number];

export interface ThroughCopy<V> {
  ancestor: V;
  copy: V;
  /** How the copy relates to the ancestor, the copy read as the later text. */
  pair: PairRelation;
}

/**
 * The copy keeps most of the ancestor's wording word for word: the two are nearly one text, so what makes the copy a
 * version of the page makes the ancestor one. Stored versions are related to each other without the corpus's
 * evidence of which keys are stock, so a looser link is no bridge: through rewrites, `npm run eval:outlet` named 4
 * wrong originals in 120 syndicated and rewritten pages (stories sharing 4–26% of their word 5-grams with the page).
 */
const NEAR_COPIES: ReadonlySet<Relation> = new Set(['verbatim-copy', 'edited-copy']);

/**
 * A near copy gives most of its source's figures; the issues of a recurring report printed from one template (a weekly
 * output table, a money-market notice) share all their wording and differ in their figures, and without the corpus's
 * evidence they look like edited copies of each other: on `npm run eval:outlet` a heavy rewrite of one week's
 * electricity output report was otherwise given an earlier week's report as its original (0 of 6 figures shared).
 */
const MIN_FIGURES = 3;
const NEAR_COPY_FIGURES = 0.5;

function sameFigures({ shared, fewest }: { shared: number; fewest: number }): boolean {
  return fewest < MIN_FIGURES || shared >= NEAR_COPY_FIGURES * fewest;
}

/**
 * Most of the copy's text that the page shares must be text the copy shares with the ancestor: a copy that added text
 * of its own to an older story is no bridge from a page that took only the added text.
 */
export const CARRIED_TEXT = 0.5;

/** The earliest stored text reached through a near copy of it among the page's closest copies, or null. */
export function originalThroughCopy<V>(inputs: ThroughCopyInputs<V>): ThroughCopy<V> | null {
  const { copies, others, named, earlier } = inputs;
  const asked = copies.slice(0, inputs.copiesAsked);
  const found: ThroughCopy<V>[] = [];
  for (const ancestor of others.slice(0, inputs.othersAsked)) {
    if (!inputs.beforePage(ancestor) || (named !== null && earlier(ancestor, named) >= 0)) continue;
    // The one copy the lineage would relate the ancestor to (the closest-looking of those not dated after it), so the
    // pairs aligned here are the lineage's own and it places its versions as it would without this step.
    const [copy] = asked
      .filter((c) => !inputs.laterThan(ancestor, c))
      .map((c) => ({ c, estimate: inputs.estimate(c, ancestor) }))
      .filter(({ estimate }) => estimate === null || estimate >= inputs.minEstimate)
      .sort((x, y) => (y.estimate ?? Infinity) - (x.estimate ?? Infinity))
      .map(({ c }) => c);
    if (copy === undefined || earlier(ancestor, copy) >= 0) continue;
    const pair = inputs.relate(copy, ancestor);
    // The pair's own evidence must not say the ancestor came after the copy.
    const through = NEAR_COPIES.has(pair.relation) && pair.direction !== 'derivative' && inputs.wholeVersions(copy, ancestor) && sameFigures(inputs.figures(copy, ancestor)) && carried(inputs.spans(copy, ancestor)) ? { copy, pair } : null;
    if (through) found.push({ ancestor, ...through });
  }
  return found.sort((a, b) => earlier(a.ancestor, b.ancestor))[0] ?? null;
}

function carried(spans: { towardsPage: readonly Span[]; towardsAncestor: readonly Span[] } | null): boolean {
  if (!spans) return false;
  const shared = coveredLength(spans.towardsPage);
  const both = shared + coveredLength(spans.towardsAncestor) - coveredLength([...spans.towardsPage, ...spans.towardsAncestor]);
  return shared > 0 && both >= CARRIED_TEXT * shared;
}

/** The order the relations are weakest first: the chain is no closer than its looser link. */
const WEAKEST_FIRST: Relation[] = ['translation', 'rewrite', 'edited-copy', 'verbatim-copy'];

/** The page's relation to the ancestor: the looser of the page's relation to the copy and the copy's to the ancestor. */
export function relationThroughCopy(pageToCopy: Relation, copyToAncestor: Relation): Relation {
  return WEAKEST_FIRST.find((r) => r === pageToCopy || r === copyToAncestor) ?? 'rewrite';
}
