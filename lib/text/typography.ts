/**
 * Typographic variants that carry no meaning, one inventory of the marks, and the folds built from it:
 * - normalize (lib/text/normalize.ts): the comparison text, with NFKC and every Unicode dash;
 * - foldForDiff: one character for one, so a word diff's offsets are the original's; spaces of every width are
 *   one space, and spacing accents used as apostrophes are apostrophes;
 * - foldTypographyChar: what a reader sees as the same text in a page (the content script's passage finder), the
 *   ellipsis character as three dots.
 */

/** ‘ ’ ‚ ‛: single quotation marks. */
export const SINGLE_QUOTE_MARKS = '\u2018\u2019\u201A\u201B';
/** ‹ ›: single guillemets. */
export const SINGLE_GUILLEMETS = '\u2039\u203A';
/** ′: the prime, typed for an apostrophe. */
export const PRIME = '\u2032';
/** “ ” „ ‟ « »: double quotation marks and guillemets. */
export const DOUBLE_QUOTE_MARKS = '\u201C\u201D\u201E\u201F\u00AB\u00BB';
/** ″: the double prime, typed for a quotation mark. */
export const DOUBLE_PRIME = '\u2033';
/** 〝 〞 〟: East Asian double quotation marks. */
export const CJK_DOUBLE_QUOTE_MARKS = '\u301D\u301E\u301F';
/** ´ `: spacing accents that writers use as apostrophes. */
export const ACCENT_APOSTROPHES = '\u00B4\u0060';
/** ‐ ‑ ‒ – — ― −: hyphens, dashes and the minus sign. */
export const DASH_MARKS = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
/** No-break, thin, narrow no-break and figure spaces. */
export const WIDTH_SPACES = '\u00A0\u2009\u202F\u2007';

function folds(...groups: [string, string][]): Readonly<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const [marks, plain] of groups) for (const mark of marks) table[mark] = plain;
  return table;
}

const DIFF_FOLDS = folds(
  [SINGLE_QUOTE_MARKS + PRIME + ACCENT_APOSTROPHES, "'"],
  [DOUBLE_QUOTE_MARKS + DOUBLE_PRIME, '"'],
  [DASH_MARKS, '-'],
  [WIDTH_SPACES, ' '],
);

/** Lower case and typographic variants folded, one character for one, so offsets carry over. */
export function foldForDiff(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    const mapped = DIFF_FOLDS[c] ?? c.toLowerCase();
    out += mapped.length === 1 ? mapped : c;
  }
  return out;
}

const TYPOGRAPHIC_FOLDS = folds(
  [SINGLE_QUOTE_MARKS + PRIME + SINGLE_GUILLEMETS, "'"],
  [DOUBLE_QUOTE_MARKS + DOUBLE_PRIME, '"'],
  [DASH_MARKS, '-'],
  ['\u2026', '...'],
);

/** One character in its plain form: straight quotes, hyphen-minus, three dots. */
export function foldTypographyChar(char: string): string {
  return TYPOGRAPHIC_FOLDS[char] ?? char;
}
