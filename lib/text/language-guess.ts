/**
 * The language of a text as alignment reads it: its tag's primary subtag, else a guess by franc from the text.
 */
import { franc } from 'franc-min';
import { ISO_639_3_TO_1, primarySubtag } from './language';

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
  const language = reliableGuess(franc(sample, { minLength: 20 })) ?? 'und';
  guessedLanguages.set(sample, language);
  if (guessedLanguages.size > GUESSED_LANGUAGES) guessedLanguages.delete(guessedLanguages.keys().next().value!);
  return language;
}

// Guessing is costly and the same stored texts are compared with page after page.
const GUESSED_LANGUAGES = 2048;
const guessedLanguages = new Map<string, string>();
