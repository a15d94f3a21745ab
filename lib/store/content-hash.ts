/**
 * The identity of a text as the store sees it: a hash of the normalised text, so whitespace or quote-style
 * differences do not make another text. Pure (no Dexie), so the engine and the importers use the same hash as the
 * store without pulling the database in.
 */
import { hash64Hex } from '../index/hash';
import { normalize } from '../text/normalize';

/** 16 hex digits of the normalised text's hash. */
export function contentHash(text: string): string {
  return hash64Hex(normalize(text));
}
