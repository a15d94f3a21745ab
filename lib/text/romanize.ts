/**
 * Latin spellings of words in other scripts, so that a name written in Cyrillic, Greek, Arabic, kana or Chinese
 * characters meets its Latin spelling. Not a transliteration standard: a spelling close to how the name is written
 * in English, good enough for the consonant skeletons of lib/text/names.ts.
 */
import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};
// Ukrainian г is an h ("Харків" Kharkiv, "Гончаренко" Honcharenko); и is a short y-like i.
const UKRAINIAN: Record<string, string> = { г: 'h', и: 'y' };
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
// Arabic is written without short vowels: the consonants are what a name keeps, which is what a skeleton compares.
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r',
  ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm',
  ن: 'n', ه: 'h', ة: 'a', و: 'w', ي: 'y', ى: 'a', ئ: 'y', ؤ: 'w', ء: '', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
};

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}'’-]*$/u;

/** Lower-case Latin spelling of a word; Han characters only for Chinese (`lang` zh), as Japanese reads them otherwise. */
export function romanize(word: string, lang?: string): string {
  const lower = word.toLowerCase();
  if (LATIN_ONLY.test(lower)) return lower;
  if (KANA.test(lower)) return romanizeKana(lower);
  if (HAN.test(lower) && lang?.startsWith('zh')) return pinyin(lower, { toneType: 'none', type: 'array' }).join('');
  const ukrainian = lang?.startsWith('uk') || /[іїєґ]/.test(lower);
  let out = '';
  for (const ch of lower) out += (ukrainian ? UKRAINIAN[ch] : undefined) ?? CYRILLIC[ch] ?? GREEK[ch] ?? ARABIC[ch] ?? ch;
  return out;
}

/**
 * Kana read as romaji, without the vowels Japanese adds between consonants ("ukuraina" → "ukraina", "zerensukii" →
 * "zerenskii"): a foreign name keeps its consonant clusters.
 */
function romanizeKana(word: string): string {
  const romaji = toRomaji(word.replace(/[・=＝]/g, ''));
  return romaji.replace(/([bcdfghkmpstvz])[uo](?=[bcdfghkmprstvwz])/g, '$1').replace(/([bcdfgkmprstvz])u$/, '$1');
}

/** A word written in kana (hiragana or katakana). */
export function isKanaWord(word: string): boolean {
  return KANA.test(word);
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー・]+$/u;

/** A word written in katakana only: in Japanese, mostly a foreign name or loanword, written as it sounds. */
export function isKatakanaWord(word: string): boolean {
  return KATAKANA_WORD.test(word);
}
