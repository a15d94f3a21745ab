/**
 * The one size limit on a record's text, whichever way the record enters the corpus (a JSONL line, a saved page, a
 * web-archive record, a feed item, a captured page). A longer record is reported where it was found, not stored:
 * every later check that met it among its candidates would spend seconds on it, and pages longer than this are
 * not checked either. News articles are far shorter.
 */

/** About 300,000 words: several books. */
export const MAX_RECORD_TEXT_CHARS = 2_000_000;

/** Why a text is too large to store ("too large (N characters; the limit is M)"), or undefined when it fits. */
export function recordTextTooLarge(text: string): string | undefined {
  if (text.length <= MAX_RECORD_TEXT_CHARS) return undefined;
  return `too large (${text.length.toLocaleString('en')} characters; the limit is ${MAX_RECORD_TEXT_CHARS.toLocaleString('en')})`;
}
