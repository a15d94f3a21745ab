/** What each tool answered for each query, and the figures drawn from the answers. */
import { storyOf, type QueryKind } from './corpus.ts';
import { REAL_VERSION_SHARE, sharedText } from '../eval/shared-text.ts';

export interface QueryOutcome {
  kind: QueryKind;
  truth: string | null;
  /** The tool's first answer (engine: report.matches[0]; baseline: best BM25 hit). */
  top: string | null;
  /** Engine only: the relation of the first match and the original it named. */
  topRelation?: string | null;
  /** No-source queries: the first match is a stored refiling sharing most of the text (a real version, counted apart). */
  topIsRealVersion?: boolean;
  original?: string | null;
  /** Planted queries: the named original is not the planted one but a stored refiling of it (Reuters refiles stories). */
  originalIsRefiling?: boolean;
  ms: number;
  /** Full checks in the extension: the index files reopened after the report (not part of `ms`). */
  reopenMs?: number;
}

export interface Accuracy {
  /** Per planted kind: top 1 is the stored original. */
  recallAt1: Partial<Record<QueryKind, number>>;
  /** Per planted kind: top 1 is a version of the same story (the original or one of its stored copies). */
  anyVersionAt1: Partial<Record<QueryKind, number>>;
  /** Engine: the report's named original is the stored original. */
  originalNamed?: Partial<Record<QueryKind, number>>;
  /** Engine: the named original is a stored refiling of the planted original, sharing most of its text (counted apart). */
  refilingNamed?: Partial<Record<QueryKind, number>>;
  /** No-source queries answered with something at top 1 (for BM25 that is nearly always). */
  noSourceAnswered: number;
  /** Engine: no-source queries whose top match was called a copy (verbatim, edited, rewrite, translation), real refilings left out. */
  noSourceCalledCopy?: number;
  /** Engine: no-source queries whose top match is a copy that really is a stored refiling of the story. */
  noSourceRealVersion?: number;
}

const COPY_RELATIONS = new Set(['verbatim-copy', 'edited-copy', 'rewrite', 'translation']);

function rate(outcomes: readonly QueryOutcome[], hit: (outcome: QueryOutcome) => boolean): number {
  return outcomes.length === 0 ? Number.NaN : outcomes.filter(hit).length / outcomes.length;
}

export function accuracyOf(outcomes: readonly QueryOutcome[], withEngineFields: boolean): Accuracy {
  const planted = (['edited', 'rewritten'] as const).map((kind) => [kind, outcomes.filter((outcome) => outcome.kind === kind)] as const);
  const noSource = outcomes.filter((outcome) => outcome.kind === 'no-source');
  const perKind = (hit: (outcome: QueryOutcome) => boolean) => Object.fromEntries(planted.map(([kind, list]) => [kind, rate(list, hit)]));
  const accuracy: Accuracy = {
    recallAt1: perKind((outcome) => outcome.top === outcome.truth),
    anyVersionAt1: perKind((outcome) => outcome.top !== null && storyOf(outcome.top) === outcome.truth),
    noSourceAnswered: rate(noSource, (outcome) => outcome.top !== null),
  };
  if (withEngineFields) {
    accuracy.originalNamed = perKind((outcome) => outcome.original === outcome.truth);
    accuracy.refilingNamed = perKind((outcome) => outcome.originalIsRefiling === true);
    const calledCopy = (outcome: QueryOutcome) => COPY_RELATIONS.has(outcome.topRelation ?? '');
    accuracy.noSourceCalledCopy = rate(noSource, (outcome) => calledCopy(outcome) && !outcome.topIsRealVersion);
    accuracy.noSourceRealVersion = rate(noSource, (outcome) => calledCopy(outcome) && outcome.topIsRealVersion === true);
  }
  return accuracy;
}

/**
 * Marks the answers that name a stored refiling (Reuters refiles stories): a no-source query whose first match is a
 * stored text sharing most of its text, and a planted copy whose named original is another stored story sharing most
 * of the planted original's text. Such claims are right, and counted apart. `outcomes[i]` answers `pages[i]`.
 */
export function markRealVersions(outcomes: readonly QueryOutcome[], pages: readonly { text: string }[], textOf: (id: string) => string | undefined): void {
  outcomes.forEach((outcome, i) => {
    if (outcome.kind === 'no-source') {
      if (!outcome.top || !COPY_RELATIONS.has(outcome.topRelation ?? '')) return;
      const stored = textOf(outcome.top);
      outcome.topIsRealVersion = stored !== undefined && sharedText(pages[i].text, stored) >= REAL_VERSION_SHARE;
      return;
    }
    if (!outcome.original || !outcome.truth || outcome.original === outcome.truth || storyOf(outcome.original) !== outcome.original) return;
    const named = textOf(outcome.original);
    const planted = textOf(outcome.truth);
    outcome.originalIsRefiling = named !== undefined && planted !== undefined && sharedText(planted, named) >= REAL_VERSION_SHARE;
  });
}
