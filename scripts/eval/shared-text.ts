/**
 * How much text two stories share, measured plainly and apart from the engine, to judge the engine's claims in the
 * evaluations and the benchmark: a refiling shares most of it, a story that repeats a stock sentence a few percent.
 */

/** Share of `a`'s words covered by word 5-grams it shares with `b`. */
export function sharedTextShare(a: string, b: string, n = 5): number {
  const tokensA = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const tokensB = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokensA.length < n || tokensB.length < n) return 0;
  const grams = new Set<string>();
  for (let i = 0; i + n <= tokensB.length; i++) grams.add(tokensB.slice(i, i + n).join(' '));
  const covered = new Uint8Array(tokensA.length);
  for (let i = 0; i + n <= tokensA.length; i++) {
    if (grams.has(tokensA.slice(i, i + n).join(' '))) covered.fill(1, i, i + n);
  }
  return covered.reduce((sum, c) => sum + c, 0) / tokensA.length;
}

/** A stored text sharing at least this share of either text is a real version of it (a refiling, a syndicated copy). */
export const REAL_VERSION_SHARE = 0.5;
/** A copy claim on a text sharing under this share of both is false. */
export const FALSE_CLAIM_SHARE = 1 / 3;

/** The larger of the two shares. */
export function sharedText(a: string, b: string): number {
  return Math.max(sharedTextShare(a, b), sharedTextShare(b, a));
}

/** How a copy claim on `stored` holds up against the text the page and it really share. */
export interface ClaimJudgement {
  sharePage: number;
  shareStored: number;
  verdict: 'real version' | 'false claim' | 'unclear';
}

export function judgeCopyClaim(page: string, stored: string): ClaimJudgement {
  const sharePage = sharedTextShare(page, stored);
  const shareStored = sharedTextShare(stored, page);
  const most = Math.max(sharePage, shareStored);
  const verdict = most >= REAL_VERSION_SHARE ? 'real version' : most < FALSE_CLAIM_SHARE ? 'false claim' : 'unclear';
  return { sharePage: Math.round(sharePage * 1000) / 1000, shareStored: Math.round(shareStored * 1000) / 1000, verdict };
}
