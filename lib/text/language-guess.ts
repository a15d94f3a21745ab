/**
 * The language of a text as alignment reads it: its tag's primary subtag, else a guess by franc from the text.
 */
import { franc } from 'franc-min';
import { ces, deu, fra, hrv, hun, ita, nld, pol, por, ron, spa, swe, tur } from 'stopword';
import { ISO_639_3_TO_1, primarySubtag } from './language';
import { alignmentStopwords } from './stopwords';

/**
 * The languages alignment accepts from a guess on a text without a tag: those franc tells apart reliably on a
 * thousand characters. Any other guess (Indonesian, Swahili…) leaves the language undetermined ("und"): alignment then
 * compares the text without a language's stopwords or segmenter. Alignment's figures were measured with this set.
 */
const RELIABLY_GUESSED: ReadonlySet<string> = new Set([
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sv', 'tr', 'ar', 'zh', 'ja', 'ko', 'bg', 'sr', 'hr',
  'ro', 'hu', 'el', 'fa', 'hi',
]);

function reliableGuess(iso3: string): string | undefined {
  const code = ISO_639_3_TO_1[iso3];
  return code && RELIABLY_GUESSED.has(code) ? code : undefined;
}

/** Primary language subtag ("en"), from the tag when given, else guessed from the text. */
export function languageOf(text: string, tag?: string): string {
  if (tag) return primarySubtag(tag);
  // A thousand characters decide the language as well as the whole text would.
  const sample = text.slice(0, 1000);
  const known = guessedLanguages.get(sample);
  if (known !== undefined) return known;
  // Only languages told apart reliably count; anything else is left undetermined.
  const guess = reliableGuess(franc(sample, { minLength: 20 }));
  const language = guess ? confirmedAgainstEnglish(guess, sample) : 'und';
  guessedLanguages.set(sample, language);
  if (guessedLanguages.size > GUESSED_LANGUAGES) guessedLanguages.delete(guessedLanguages.keys().next().value!);
  return language;
}

// Guessing is costly and the same stored texts are compared with page after page.
const GUESSED_LANGUAGES = 2048;
const guessedLanguages = new Map<string, string>();

/**
 * Function words of the languages written in the Latin script that franc confuses with English. Trigrams alone call
 * English that is mostly abbreviations and figures French, Spanish or Dutch: 1,451 of Reuters-21578's 19,043 English
 * stories ("Shr 45 cts vs 58 cts Net 1.1 mln vs 829,000"), and two such texts were then aligned as a translation.
 */
const LATIN_FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  de: deu, fr: fra, es: spa, it: ita, pt: por, nl: nld, pl: pol, cs: ces, sv: swe, tr: tur, ro: ron, hu: hun, hr: hrv,
};
const functionWordSets = new Map<string, ReadonlySet<string>>();

function functionWords(code: string, list: readonly string[]): ReadonlySet<string> {
  let set = functionWordSets.get(code);
  if (!set) functionWordSets.set(code, (set = new Set(list)));
  return set;
}

/**
 * A guess of another Latin-script language stands only when the text holds more of that language's function words
 * than of English's: real French or German prose is full of its own ("de", "la", "und", "der"). Otherwise the text is
 * English when it holds English function words, and undetermined when it holds none of either (a table of figures).
 */
function confirmedAgainstEnglish(guess: string, sample: string): string {
  const list = LATIN_FUNCTION_WORDS[guess];
  if (!list) return guess;
  const own = functionWords(guess, list);
  // Alignment's English list: it counts the "s" of "Marlow's", which French's list counts as its own.
  const english = alignmentStopwords('en');
  let ownCount = 0;
  let englishCount = 0;
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (own.has(word)) ownCount++;
    if (english.has(word)) englishCount++;
  }
  if (ownCount > englishCount) return guess;
  return englishCount > 0 ? 'en' : 'und';
}
