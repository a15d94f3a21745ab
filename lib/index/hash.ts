/**
 * Small, fast, deterministic string hashes. Feature keys are 32-bit numbers so that
 * postings stay compact and lookups never carry strings.
 */

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the output, for sampling decisions independent of bucket bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 bits as 16 hex digits: two independent 32-bit hashes, enough to tell 10^8 texts apart. */
export function hash64Hex(s: string): string {
  // fnv1a32(s) and fnv1a32(s, 0x9747b28c) in one pass over the text: every record is hashed when it is stored.
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + mix32((b >>> 0) ^ s.length).toString(16).padStart(8, '0');
}
