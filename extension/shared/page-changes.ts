/**
 * "Show all changes in the page": the drift items as the content script marks them, each with the page's wording
 * to find, the source's wording to show, and, for a sentence dropped from the page, the words it stood after (or
 * before, at the very start) so a marker can be put where it was.
 */
import type { DriftItem, DriftKind } from '../../lib/types.ts';

/**
 * What a mark says, in the reader's language: worded by the popup from the messages file, so the page script, injected
 * at every check, carries no words and no messages file of its own.
 */
export interface MarkWords {
  /** The kind of change, as the popup's drift list names it ("quote", "dropped"): the tooltip's title, the marker's text. */
  kind: string;
  /** The tooltip's lines: what changed, then what the source has. */
  lines: string[];
  /** The mark's accessible name: the kind and the lines in one sentence. */
  label: string;
}

export interface PageChange {
  kind: DriftKind;
  severity: number;
  words: MarkWords;
  /** The page's wording, found in the page and marked; empty for a dropped sentence. */
  page: string;
  /** The page's words just before it, to find the right occurrence of a short wording ("40", "not"). */
  pageBefore?: string;
  /** The source's wording, shown on hover and focus. */
  source: string;
  /** For a dropped sentence: the page's words just before where it stood, or just after when it stood first. */
  droppedAfter?: string;
  droppedBefore?: string;
}

export interface MarkOutcome {
  /** Changes marked in the page (dropped-sentence markers included). */
  marked: number;
  /** Changes whose wording the page does not show (hidden, or cut by the site). */
  missing: number;
}

/** Enough of the neighbouring text to find the spot again, cut at a word boundary. */
const ANCHOR_CHARS = 60;
/** Words before a marked wording: enough to tell one "40" from another, little enough to survive a site's own edits. */
const CONTEXT_CHARS = 24;

function anchorBefore(text: string, at: number): string {
  const slice = text.slice(Math.max(0, at - ANCHOR_CHARS), at);
  const cut = at - ANCHOR_CHARS > 0 ? slice.replace(/^\S*\s+/, '') : slice;
  return cut.trim();
}

function anchorAfter(text: string, at: number): string {
  const slice = text.slice(at, at + ANCHOR_CHARS);
  return (at + ANCHOR_CHARS < text.length ? slice.replace(/\s+\S*$/, '') : slice).trim();
}

/**
 * The page changes for drift items of the page text `pageText`, most serious first as the drift list has them;
 * `inWords` says what each mark says in the reader's language.
 */
export function pageChanges(drift: readonly DriftItem[], pageText: string, inWords: (item: DriftItem) => MarkWords): PageChange[] {
  return drift.map((item) => {
    const change: PageChange = { kind: item.kind, severity: item.severity, words: inWords(item), page: item.page.text, source: item.source.text };
    const before = anchorBefore(pageText, item.page.start);
    if (item.page.text.trim() && before) change.pageBefore = before.slice(-CONTEXT_CHARS);
    if (item.kind === 'dropped' || !item.page.text.trim()) {
      if (before) change.droppedAfter = before;
      else change.droppedBefore = anchorAfter(pageText, item.page.start);
      change.page = '';
    }
    return change;
  });
}
