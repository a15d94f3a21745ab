/**
 * Text normalisation for comparison. Two articles that differ only in typography
 * (curly vs straight quotes, en dash vs hyphen, non-breaking spaces, full-width
 * forms) must normalise to the same string.
 */
import { ACCENT_APOSTROPHES, CJK_DOUBLE_QUOTE_MARKS, DOUBLE_PRIME, DOUBLE_QUOTE_MARKS, PRIME, SINGLE_GUILLEMETS, SINGLE_QUOTE_MARKS } from './typography';
import { memoizeWord } from './word-memo';

// Characters with no visible width that only break comparisons. They are removed
// before NFKC so that a mark separated from its base by one of them composes on the
// first pass (this keeps normalize idempotent). ZWJ/ZWNJ are kept: they change the
// shape of Persian and Indic words and of emoji.
const INVISIBLE = /[\u00AD\u180E\u200B\u2060\uFEFF]/g;

// Spacing accents and modifier letters that writers use as apostrophes. NFKC would
// turn U+00B4 into a space plus a combining accent, so they are mapped first.
const APOSTROPHE_LIKE = new RegExp(`[${ACCENT_APOSTROPHES}\u02B9\u02BC\u02BB${PRIME}]`, 'g');

const SINGLE_QUOTES = new RegExp(`[${SINGLE_QUOTE_MARKS}${SINGLE_GUILLEMETS}]`, 'g');
const DOUBLE_QUOTES = new RegExp(`[${DOUBLE_QUOTE_MARKS}${DOUBLE_PRIME}${CJK_DOUBLE_QUOTE_MARKS}]`, 'g');
// Every Unicode dash punctuation plus the minus sign.
const DASHES = /[\p{Pd}\u2212]/gu;
const WHITESPACE_RUN = /\s+/g;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029\u0085\u000B\u000C]/;

export interface NormalizeOptions {
  /**
   * Keep line structure: a whitespace run holding one line break becomes "\n",
   * one holding two or more becomes "\n\n"; other runs become one space.
   * Default false: every whitespace run becomes one space.
   */
  keepLineBreaks?: boolean;
}

/**
 * NFKC, curly quotes / guillemets / „“ to straight ' and ", all dashes to '-',
 * ellipsis to "...", exotic spaces to plain ones, whitespace runs collapsed, trimmed.
 * Idempotent: normalize(normalize(s)) === normalize(s).
 */
export function normalize(s: string, options: NormalizeOptions = {}): string {
  const text = s
    .replace(INVISIBLE, '')
    .replace(APOSTROPHE_LIKE, "'")
    .normalize('NFKC')
    // NFKC can make one too: "ŉ" becomes U+02BC and "n".
    .replace(APOSTROPHE_LIKE, "'")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
  const collapsed = options.keepLineBreaks
    ? text.replace(WHITESPACE_RUN, collapseKeepingLines)
    : text.replace(WHITESPACE_RUN, ' ');
  return collapsed.trim();
}

function collapseKeepingLines(run: string): string {
  if (!LINE_BREAK.test(run)) return ' ';
  const breaks = run.replace(/\r\n/g, '\n').match(/[\n\r\u2028\u2029\u0085\u000B\u000C]/g)?.length ?? 0;
  return breaks >= 2 ? '\n\n' : '\n';
}

// Letters that carry no combining mark in NFD but are still "a letter with a
// diacritic" to a reader, and common ligatures.
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

// Combining marks that act as diacritics: Latin/Greek/Cyrillic accents, Hebrew
// points, Arabic harakat. Vowel signs of Indic, Thai and similar scripts are also
// \p{M} but are letters to their readers, so they are kept.
const DIACRITIC_MARKS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;

/**
 * Lowercase and strip diacritics, for comparing words: "Köln" -> "koln",
 * "Straße" -> "strasse", "Ёлка" -> "елка". Recomposed to NFC so Hangul stays syllables.
 */
export function foldWord(w: string): string {
  // ASCII has no diacritics, ligatures or decompositions: lowercasing is the whole fold.
  if (ASCII_ONLY.test(w)) return w.toLowerCase();
  return rememberedFold(w);
}

const ASCII_ONLY = /^[\x00-\x7F]*$/;
// Words recur across the articles of a comparison; the bound keeps long sessions flat.
const FOLD_CACHE_LIMIT = 20_000;
const rememberedFold = memoizeWord((w) => foldNonAscii(w), FOLD_CACHE_LIMIT);

function foldNonAscii(w: string): string {
  return w
    .toLowerCase()
    .normalize('NFD')
    .replace(DIACRITIC_MARKS, '')
    .replace(LETTER_FOLD_PATTERN, (c) => LETTER_FOLDS[c])
    .normalize('NFC');
}

const rememberedWordNorm = memoizeWord((word) => foldWord(normalize(word)), FOLD_CACHE_LIMIT);
const PLAIN_ASCII = /^[\x21-\x5F\x61-\x7E]*$/;

/**
 * foldWord(normalize(word)): the comparison form of one word. ASCII words without
 * spaces or backquotes only need lowercasing; other words are remembered, since
 * the same words recur across the articles being compared.
 */
export function wordNorm(word: string): string {
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return rememberedWordNorm(word);
}
