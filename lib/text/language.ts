/**
 * Language codes: a tag's primary subtag, franc's ISO 639-3 codes in ISO 639-1, and the language of a text as
 * alignment reads it (its tag, else a guess from the text).
 */
import { franc } from 'franc-min';

/** A language tag's primary subtag, lower case ("en-GB", "EN_gb" -> "en"); "" when there is none. */
export function primarySubtag(tag: string | undefined): string {
  return (tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
}

/** ISO 639-3 codes that franc-min can return, mapped to ISO 639-1 where one exists. */
export const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ku',
  cmn: 'zh', deu: 'de', ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr',
  hun: 'hu', ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko',
  lin: 'ln', mal: 'ml', mar: 'mr', mya: 'my', npi: 'ne', nld: 'nl', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa',
  plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es',
  srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk',
  urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

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
