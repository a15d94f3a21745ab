import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setLexiconSource } from '../lib/text/lexicon.ts';

/** The compiled bilingual lexicons (npm run build:lexicons), as the extension ships them. */
export const LEXICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'lexicons');

/** Cross-language checks in Node read the lexicons from disk, each the first time it is needed. */
export function useLexiconFiles(dir: string = LEXICON_DIR): void {
  setLexiconSource(async (lang) => {
    try {
      return await readFile(path.join(dir, `${lang}.tsv`), 'utf8');
    } catch {
      return null;
    }
  });
}
