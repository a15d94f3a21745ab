/**
 * Language-neutral terms for tokens, so that a sentence and its translation share terms:
 * - English words of the bilingual lexicon (lib/text/lexicon.ts), stemmed: "hús", "Haus" and "house" meet;
 * - the start of a word's transliterated consonant skeleton, for names and cognates, whatever the script:
 *   "Zelensky", "Зеленський", "ゼレンスキー"; "president", "президент", "Präsident".
 * Numbers are bridged by value (lib/align/crosslang.ts).
 */
import { stemmer } from 'stemmer';
import { glossesOf, type Lexicon } from '../text/lexicon';
import { nameKey } from '../text/names';
import { isKanaWord } from '../text/romanize';
import { alignmentStopwords } from '../text/stopwords';

const MIN_WORD = 4;
const MIN_KANA_WORD = 3;
const PREFIX = 3;
const MAX_WORD = 40;
const ENGLISH_STOPWORDS = alignmentStopwords('en');
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface BridgeContext {
  lang: string;
  /** The lexicon of the text's language (none for English, the pivot). */
  lexicon: Lexicon | null;
}

/** Bridge terms of one token: its English pivot words and its skeleton. Empty for function words. */
export function bridgeTerms(raw: string, norm: string, context: BridgeContext): string[] {
  if (/^\p{N}+$/u.test(norm)) return [`#${norm}`];
  if (norm.length > MAX_WORD) return [];
  const terms: string[] = [];
  // A function word has no gloss worth bridging: its dictionary senses are content words' ("він", he, read as the
  // Russian "вон", out, glosses as "abroad"), which pair it with sentences it has nothing to do with.
  const functionWord = alignmentStopwords(context.lang).has(norm);
  const english = context.lang === 'en' ? (/^[a-z]+$/.test(norm) ? [norm] : []) : context.lexicon && !functionWord ? (glossesOf(context.lexicon, norm) ?? []) : [];
  for (const word of english) if (!ENGLISH_STOPWORDS.has(word)) terms.push(`=${stemmer(word)}`);
  const skeleton = functionWord ? null : skeletonKey(raw, norm, context.lang);
  if (skeleton) terms.push(skeleton);
  return [...new Set(terms)];
}

/**
 * The first consonants of the word's skeleton, without the vowel class (a name and its transliteration keep their
 * consonants in order where vowels drift), r and l as one and b and v as one (Japanese writes each pair alike).
 */
function skeletonKey(raw: string, norm: string, lang: string): string | null {
  const length = [...norm].length;
  if (length < (isKanaWord(raw) ? MIN_KANA_WORD : MIN_WORD)) return null;
  // Chinese and Japanese words in characters have no spelling to compare (Chinese names do: pinyin).
  if (SPACELESS.test(raw) && !isKanaWord(raw) && !lang.startsWith('zh')) return null;
  const key = nameKey(raw, lang);
  if (!key || !/^[a-z]/.test(key)) return null;
  const consonants = key[0] + key.slice(1).replace(/[aeiou]/g, '');
  return `~${consonants.replace(/l/g, 'r').replace(/b/g, 'v').slice(0, PREFIX)}`;
}
