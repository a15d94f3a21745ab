/**
 * The index keys of a stored record, the same every time they are computed from its text: with the English gloss of a
 * record in a language that has a lexicon (lib/index/features.ts featuresOf), so that its lexicon must be loaded
 * before the keys are computed — when the record is stored, when its postings are removed, when the index is rebuilt.
 */
import { featuresOf, type FeatureOptions } from '../index/features';
import { primarySubtag } from '../text/language';
import { lexiconOf, loadLexicons } from '../text/lexicon';

/** Loads the lexicons recordKeys will read for records in these languages (once each per process). */
export function loadRecordLexicons(langs: Iterable<string | null | undefined>): Promise<void> {
  return loadLexicons([...langs].map((lang) => lang ?? undefined));
}

export function recordKeys(text: string, lang: string | null | undefined, options: Partial<FeatureOptions>): Uint32Array {
  const base = primarySubtag(lang ?? undefined);
  return featuresOf(text, lang ?? undefined, options, base && base !== 'en' ? lexiconOf(base) : null);
}
