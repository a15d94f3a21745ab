/**
 * Function words per language. They carry little evidence of reuse, so alignment
 * works on the remaining content words.
 */
import { deu, eng, fra, ita, nld, pol, por, rus, spa, ukr } from 'stopword';
import { foldWord } from '../text/normalize';

const LISTS: Record<string, string[]> = { en: eng, de: deu, fr: fra, es: spa, it: ita, pt: por, nl: nld, ru: rus, uk: ukr, pl: pol };

// Words the English list lacks but that behave as function words in news prose.
const EXTRA_EN = [
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'the', 'a', 'an', 'its', "it's",
  'who', 'whom', 'whose', 'will', 'shall', 'may', 'also', 'just', 'than', 'then', 'so', 'us', 'them', 'they', 'said',
  'says', 'say', 'one', 'would', 'could', 'should', 'these', 'those', 'there', 'about', 'around', 'against', 'during',
  'without', 'within', 'upon', 'onto', 'off', 'above', 'below', 'again', 'further', 'once', 'whether', 'yet', 'either',
  'neither', 'nor', 'own', 's', 't', 'll', 're', 've', 'd', 'm',
];

const cache = new Map<string, Set<string>>();

/** The stopword set for a BCP 47 tag; English when the language is unknown or unlisted. */
export function stopwordsFor(lang?: string): Set<string> {
  const base = (lang ?? 'en').toLowerCase().split(/[-_]/)[0];
  const key = LISTS[base] ? base : 'en';
  let set = cache.get(key);
  if (!set) {
    const list = key === 'en' ? [...LISTS.en, ...EXTRA_EN] : LISTS[key];
    set = new Set(list.map(foldWord));
    cache.set(key, set);
  }
  return set;
}
