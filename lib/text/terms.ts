/**
 * Content terms: the words of a text that carry its topic, in a comparison form. Two measured variants:
 * - retrieval terms (lib/index): a plain word pattern, stopwords of retrievalStopwords, numbers and words under three
 *   letters left out, Porter stems in English and six-letter prefixes elsewhere;
 * - alignment terms (lib/align, lib/drift): lib/text's ICU words, stopwords of alignmentStopwords, numbers kept as
 *   they are, a possessive "'s" dropped, Porter stems for plain a–z words and six-character prefixes otherwise.
 */
import { stemmer } from 'stemmer';
import { primarySubtag } from './language';
import { wordNorm } from './normalize';
import { words } from './segment';
import { retrievalStopwords } from './stopwords';
import { memoizeWord } from './word-memo';
import { analysed, type TextAnalysis, type TextView } from './analysis';

/** The primary subtag retrieval reads a tag as: English when there is none. */
export function retrievalLanguage(lang: string | undefined): string {
  return primarySubtag(lang) || 'en';
}

const APOSTROPHE_TAIL = /['’](?:s|d|ll|re|ve|t)?$/u;
const DIGITS = /\p{N}/u;
// Scripts written without spaces give one-character words that still carry meaning.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const STEM_PREFIX = 6;

const STEM_CACHE_LIMIT = 50_000;
const englishStem = memoizeWord((word) => stemmer(word), STEM_CACHE_LIMIT);

/** Porter stem for English; a fixed-length prefix elsewhere, a light stemmer that needs no word lists. */
function retrievalStem(word: string, lang: string): string {
  return lang === 'en' ? englishStem(word) : word.slice(0, STEM_PREFIX);
}

/** The comparison form of a word without its clitic tail ("Biden's", "they'll", "don't" lose "'s", "'ll", "'t"). */
export function withoutApostropheTail(norm: string): string {
  // Most words have no apostrophe: looking for one is cheaper than running the pattern.
  return norm.includes("'") || norm.includes('’') ? norm.replace(APOSTROPHE_TAIL, '') : norm;
}

/** True when the word holds a digit of any script. */
export function hasDigit(word: string): boolean {
  return DIGITS.test(word);
}

export interface RetrievalToken {
  text: string;
  norm: string;
  /** Offset of the word in the text. */
  start: number;
}

// Scripts written without spaces need ICU's dictionary segmentation; everything else splits on a pattern.
const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Words with their comparison form, as retrieval reads them. Space-delimited text is split by a plainer pattern than
 * lib/text's words(), which follows ICU: keeping "U.S"-style and digit-joined runs apart, as ICU does, lowered PAN
 * candidate recall@50 on random obfuscation from 0.989 to 0.979 (first 150 queries). Both sides of a lookup use this
 * same function.
 */
export function retrievalTokens(text: string, lang: string | undefined): RetrievalToken[] {
  if (SPACELESS_SCRIPT.test(text)) return words(text, lang);
  const tokens: RetrievalToken[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ text: m[0], norm: wordNorm(m[0]), start: m.index });
  return tokens;
}

/** A text's retrieval tokens, read once per text and language: its keys, terms and name keys all start from them. */
export const RETRIEVAL_TOKENS: TextView<RetrievalToken[]> = { compute: (text, lang) => retrievalTokens(text, lang) };

/**
 * The words a text is written in, as written (lower-cased, unstemmed, letters only, three or more): what two texts in
 * one language share however their words are reordered, and two languages share only in names and cognates.
 */
export const WORD_FORMS: TextView<ReadonlySet<string>> = {
  compute(_text, lang, analysis) {
    const forms = new Set<string>();
    for (const token of analysis.view(RETRIEVAL_TOKENS, lang)) if (LETTER_WORD.test(token.norm)) forms.add(token.norm);
    return forms;
  },
};

const LETTER_WORD = /^[\p{L}\p{M}]{3,}$/u;

/** Retrieval terms with the offset of each in the text (index keys are placed on the page by them). */
export interface PlacedTerms {
  terms: string[];
  starts: number[];
}

export const RETRIEVAL_TERMS: TextView<PlacedTerms> = {
  compute(_text, lang, analysis) {
    const starts: number[] = [];
    const terms = retrievalTermsOf(analysis.view(RETRIEVAL_TOKENS, lang), retrievalLanguage(lang), starts);
    return { terms, starts };
  },
};

/**
 * Retrieval's stemmed content words in text order: stopwords, numbers and one- or two-letter words left out. An
 * analysed text gives the terms found the first time they were asked for.
 */
export function retrievalTerms(text: string | TextAnalysis, lang?: string): string[] {
  return analysed(text).view(RETRIEVAL_TERMS, lang).terms;
}

/** The same from tokens in hand, for a primary subtag; `starts`, when given, receives each term's offset in the text. */
export function retrievalTermsOf(tokens: RetrievalToken[], lang: string, starts?: number[]): string[] {
  const stop = retrievalStopwords(lang);
  const terms: string[] = [];
  for (const token of tokens) {
    const word = withoutApostropheTail(token.norm);
    if (hasDigit(word)) continue;
    if (word.length < 3 && !IDEOGRAPHIC.test(word)) continue;
    if (stop.has(word)) continue;
    terms.push(retrievalStem(word, lang));
    starts?.push(token.start);
  }
  return terms;
}

// Tokens longer than this are not words (URLs, hashes, hostile input) and carry no term.
const MAX_WORD_LENGTH = 40;

/** Alignment's stemmed comparison form of a content word, or null for function words and non-words. */
export function alignmentTerm(word: string, stop: Set<string>): string | null {
  // A possessive is the same word: "Biden's administration", "the Biden administration".
  const norm = word.replace(/'s$/, '');
  if (norm.length > MAX_WORD_LENGTH || stop.has(norm) || stop.has(word)) return null;
  if (/^\p{N}+$/u.test(norm)) return norm;
  if (norm.length < 2) return null;
  if (/^[a-z]+$/.test(norm)) return englishStem(norm);
  // Other scripts: a fixed prefix stands in for a stemmer.
  return [...norm].slice(0, 6).join('');
}

/** The alignment terms of a text as a sorted bag: two wordings with the same bag differ in function words only. */
export function alignmentTermBag(text: string, stop: Set<string>): string[] {
  return words(text)
    .map((t) => alignmentTerm(t.norm, stop))
    .filter((t): t is string => t !== null)
    .sort();
}
