/**
 * Word pairs: two words near each other, as one order-free key. They survive reordering and word swaps better than
 * n-grams, and names or numbers alone, which same-topic stories share, make few of them. Three measured variants
 * build on the same pairing:
 * - retrieval keys (lib/index/features.ts): retrieval terms at distance 1–3, hashed and sampled;
 * - shared wording (sharedWordingPairs here): retrieval terms at distance 1–2, every pair, as strings;
 * - alignment anchors (lib/align/anchors.ts): token forms at distance 1–2, at least one a content word, with where
 *   each pair starts.
 */
import { retrievalTerms } from './terms';

/** Visits each pair of positions (i, j) with i < j ≤ i + reach and j < count, in order of i, then of j. */
export function forEachNearbyPair(count: number, reach: number, visit: (i: number, j: number) => void): void {
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j <= i + reach && j < count; j++) visit(i, j);
  }
}

/** The pair of two words as one key, whichever comes first: "court russia" for "Russia courts" and "courts Russia". */
export function orderFreePairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** Shared wording pairs words at most this far apart. */
const SHARED_WORDING_REACH = 2;

/**
 * Unordered pairs of stemmed content words within two words of each other: every pair, where the index keeps a
 * hashed sample. The shared-wording measure of a match (lib/sources.ts containment) counts them.
 */
export function sharedWordingPairs(text: string, lang?: string): Set<string> {
  return sharedWordingPairsOf(retrievalTerms(text, lang));
}

/** The same from retrieval terms already in hand. */
export function sharedWordingPairsOf(terms: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  forEachNearbyPair(terms.length, SHARED_WORDING_REACH, (i, j) => pairs.add(orderFreePairKey(terms[i], terms[j])));
  return pairs;
}
