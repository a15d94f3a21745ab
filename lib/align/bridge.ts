/**
 * Language-neutral keys for tokens: numbers become their value, words the prefix
 * of their transliterated consonant skeleton (nameKey), so names and cognates
 * ("president", "президент", "Präsident") meet across languages and scripts.
 */
import { nameKey } from '../text/names';

const MIN_WORD = 4;
const PREFIX = 4;

export function bridgeKey(raw: string, norm: string): string | null {
  if (/^\p{N}+$/u.test(norm)) return `#${norm}`;
  if ([...norm].length < MIN_WORD || norm.length > 40) return null;
  const key = nameKey(raw);
  return key ? `~${[...key].slice(0, PREFIX).join('')}` : null;
}
