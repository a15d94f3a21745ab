/**
 * Change regions: runs of word-diff operations between two aligned sentences,
 * with nearby runs merged (a rewording often changes a few words on each side of
 * one kept word). Quoted speech is left out: quotes are compared as wholes.
 */
import type { DiffPiece } from '../text/word-ops';

export interface Region {
  /** [start, end) relative to the source sentence and to the page sentence. */
  source: [number, number];
  page: [number, number];
  /** The changed pieces (del/ins) and the equal pieces between them. */
  pieces: DiffPiece[];
}

/** Merge two change runs separated by at most this many unchanged words. */
export const MERGE_WORDS = 3;

const WORD = /[\p{L}\p{N}]+/gu;

export function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/**
 * @param excluded tells whether a changed piece lies in a part compared elsewhere (a quote); such pieces end a region.
 */
export function changeRegions(pieces: DiffPiece[], excluded: (piece: DiffPiece) => boolean = () => false, mergeWords = MERGE_WORDS): Region[] {
  const regions: Region[] = [];
  let current: DiffPiece[] = [];
  let gap: DiffPiece[] = [];
  const flush = () => {
    if (current.some((p) => p.op !== 'equal')) regions.push(toRegion(current));
    current = [];
    gap = [];
  };
  for (const piece of pieces) {
    if (piece.op === 'equal') {
      if (current.length) gap.push(piece);
      if (gap.reduce((n, p) => n + wordCount(p.text), 0) > mergeWords) flush();
      continue;
    }
    if (excluded(piece)) {
      flush();
      continue;
    }
    current.push(...gap, piece);
    gap = [];
  }
  flush();
  return regions;
}

function toRegion(pieces: DiffPiece[]): Region {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return { source: [first.source[0], last.source[1]], page: [first.page[0], last.page[1]], pieces };
}

export function changedText(region: Region, side: 'del' | 'ins'): string {
  return region.pieces
    .filter((p) => p.op === side)
    .map((p) => p.text)
    .join(' ');
}
