import { francAll } from 'franc-min';
import { ISO_639_3_TO_1, primarySubtag } from '../text/language';
import { attr } from './dom';
import type { MetaTags } from './meta-tags';

/** Returns a BCP 47 language tag for a text, or undefined when unsure. */
export type LanguageDetector = (text: string) => string | undefined;

/**
 * "en_US" → "en-US", "EN" → "en". Tags that name no language ("x-default", "und", "*") give undefined.
 * Only the first of a comma-separated list counts ("de, en").
 */
export function normalizeLanguageTag(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const first = raw.split(/[,;]/)[0].trim().replace(/_/g, '-');
  const m = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?(?:-[a-z0-9]{1,8})*$/i.exec(first);
  if (!m || /^(und|mul|zxx|xx)$/i.test(m[1])) return undefined;
  const script = m[2] ? `-${m[2][0].toUpperCase()}${m[2].slice(1).toLowerCase()}` : '';
  const region = m[3] ? `-${m[3].toUpperCase()}` : '';
  return `${m[1].toLowerCase()}${script}${region}`;
}

/** The language the page declares: <html lang>, Content-Language, og:locale, JSON-LD inLanguage, in that order. */
export function declaredLanguage(doc: Document, meta: MetaTags, jsonLdLanguage?: string): string | undefined {
  const root = doc.documentElement;
  return declaredLanguageOf(root ? (attr(root, 'lang') ?? attr(root, 'xml:lang')) : undefined, meta, jsonLdLanguage);
}

/** The same from the root element's lang attribute as read without a DOM. */
export function declaredLanguageOf(rootLang: string | undefined, meta: MetaTags, jsonLdLanguage?: string): string | undefined {
  const candidates = [
    rootLang,
    meta.get('content-language', 'language', 'dc:language', 'dcterms:language'),
    meta.get('og:locale'),
    jsonLdLanguage,
  ];
  for (const candidate of candidates) {
    const tag = normalizeLanguageTag(candidate);
    if (tag) return tag;
  }
  return undefined;
}

/** Below this length trigram detection guesses too often to overrule what the page declares. */
const MIN_CHARS_TO_OVERRULE = 400;
/** Below this length a detection is not worth reporting even when the page declares nothing. */
const MIN_CHARS_TO_DETECT = 60;

/**
 * The article's language: the declared one unless detection on a long enough text disagrees with it
 * (pages keep a site-wide lang="en" on translated or foreign articles).
 */
export function chooseLanguage(declared: string | undefined, text: string, detect: LanguageDetector | undefined): string | undefined {
  if (!detect || text.length < MIN_CHARS_TO_DETECT) return declared;
  const detected = normalizeLanguageTag(detect(text));
  if (!detected) return declared;
  if (!declared) return detected;
  if (primarySubtag(detected) === primarySubtag(declared)) return declared;
  return text.length >= MIN_CHARS_TO_OVERRULE ? detected : declared;
}

/** How far ahead of the runner-up franc's best guess must be (scores are 0..1) to be believed. */
const FRANC_MARGIN = 0.02;
const FRANC_SAMPLE_CHARS = 3000;

/** Default detector for Node and the CLI: franc-min trigrams, mapped to ISO 639-1 (639-3 when 639-1 has none). */
export const detectLanguageWithFranc: LanguageDetector = (text) => {
  const ranked = francAll(text.slice(0, FRANC_SAMPLE_CHARS), { minLength: MIN_CHARS_TO_DETECT });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return undefined;
  if (second && best[1] - second[1] < FRANC_MARGIN) return undefined;
  return ISO_639_3_TO_1[best[0]] ?? best[0];
};
