/**
 * Function words per language, in two measured variants. Retrieval and alignment tune their lists apart: each was
 * measured on its own stage (PAN 2013 recall for retrieval, passage and drift figures for alignment), so each keeps
 * its own, under its own name.
 * - retrievalStopwords: English always included (quotes and names in English turn up in every language), news wording
 *   that names no topic ("said", "reports", "year") added; the lists' words as written, unfolded.
 * - alignmentStopwords: the language's own list only (English when unknown or unlisted), folded as words are
 *   compared (lib/text/normalize.ts foldWord), English with the function words of news prose its list lacks.
 */
import { deu, eng, fra, ita, jpn, nld, pol, por, rus, spa, ukr, zho } from 'stopword';
import { foldWord } from './normalize';
import { primarySubtag } from './language';

// News wording that carries no topic ("said", "told", "reports") joins the general stopwords.
const NEWS_STOPWORDS = [
  'said', 'says', 'say', 'told', 'tell', 'also', 'would', 'could', 'will', 'may', 'might', 'must', 'shall',
  'one', 'two', 'like', 'us', 'can', 'mr', 'mrs', 'ms', 'new', 'many', 'much', 'however', 'well', 'even',
  'since', 'yet', 'still', 'every', 'within', 'without', 'upon', 'among', 'according', 'report', 'reports',
  'reported', 'just', 'now', 'last', 'first', 'year', 'years', 'time', 'way', 'make', 'made', 'get', 'got',
];

const RETRIEVAL_LISTS: Record<string, string[]> = { en: eng, de: deu, fr: fra, es: spa, it: ita, pt: por, nl: nld, ru: rus };
const retrievalSets: Record<string, ReadonlySet<string>> = {};

/** Stopwords of retrieval's content terms, for a primary subtag ("en"); English and news wording whatever the language. */
export function retrievalStopwords(lang: string): ReadonlySet<string> {
  let set = retrievalSets[lang];
  if (!set) {
    // English stopwords are always included: quotes and names in English turn up in every language.
    set = new Set([...eng, ...NEWS_STOPWORDS, ...(RETRIEVAL_LISTS[lang] ?? [])]);
    retrievalSets[lang] = set;
  }
  return set;
}

// Japanese and Chinese particles and auxiliaries too: written in kana, a particle is also the reading of some noun
// ("は", 歯 tooth; "の", 野 field), which the Japanese lexicon would otherwise give as its English word across languages.
const ALIGNMENT_LISTS: Record<string, string[]> = { en: eng, de: deu, fr: fra, es: spa, it: ita, pt: por, nl: nld, ru: rus, uk: ukr, pl: pol, ja: jpn, zh: zho };

// Words the English list lacks but that behave as function words in news prose.
const EXTRA_EN = [
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'the', 'a', 'an', 'its', "it's",
  'who', 'whom', 'whose', 'will', 'shall', 'may', 'also', 'just', 'than', 'then', 'so', 'us', 'them', 'they', 'said',
  'says', 'say', 'one', 'would', 'could', 'should', 'these', 'those', 'there', 'about', 'around', 'against', 'during',
  'without', 'within', 'upon', 'onto', 'off', 'above', 'below', 'again', 'further', 'once', 'whether', 'yet', 'either',
  'neither', 'nor', 'own', 's', 't', 'll', 're', 've', 'd', 'm',
];

const alignmentSets = new Map<string, Set<string>>();

/** Stopwords of alignment's content terms, for a BCP 47 tag; English when the language is unknown or unlisted. */
export function alignmentStopwords(lang?: string): Set<string> {
  const base = primarySubtag(lang ?? 'en');
  const key = ALIGNMENT_LISTS[base] ? base : 'en';
  let set = alignmentSets.get(key);
  if (!set) {
    const list = key === 'en' ? [...ALIGNMENT_LISTS.en, ...EXTRA_EN] : ALIGNMENT_LISTS[key];
    set = new Set(list.map(foldWord));
    alignmentSets.set(key, set);
  }
  return set;
}
