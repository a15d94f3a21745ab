/**
 * The bilingual lexicons (public/lexicons, compiled by npm run build:lexicons) ship inside the extension and are read
 * from its own files, each the first time a comparison across languages needs it: nothing leaves the machine.
 */
import { browser } from 'wxt/browser';
import { setLexiconSource } from '../../lib/text/lexicon.ts';

export function useBundledLexicons(): void {
  setLexiconSource(async (lang) => {
    // Only languages with a compiled list are asked for (lib/text/lexicon.ts LEXICON_LANGUAGES).
    const response = await fetch(browser.runtime.getURL(`/lexicons/${lang}.tsv` as '/lexicons/de.tsv'));
    return response.ok ? response.text() : null;
  });
}
