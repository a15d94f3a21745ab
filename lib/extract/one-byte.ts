/**
 * Strings stored one byte a character where their characters allow. A page decoded with any character past U+00FF
 * (a dash, a curly quote) is a two-byte string in V8, and so is every piece cut from it: an article's text, though
 * nearly always Latin, was cloned to the page and to the service worker and stored at two bytes a character, and every
 * pattern run over it reads two bytes a character. JSON.parse builds its strings anew, one byte a character when they
 * fit.
 */

/** A character a one-byte string cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/** The string as one that stores a byte per character, when its characters allow. */
export function narrowed(text: string): string {
  return WIDE.test(text) ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** The same for several strings, in one pass when none needs two bytes (the usual case). */
export function narrowedAll(texts: readonly string[]): string[] {
  return texts.some((text) => WIDE.test(text)) ? texts.map(narrowed) : (JSON.parse(JSON.stringify(texts)) as string[]);
}
