/**
 * Bilingual word lists with English as the pivot: a word of one language → the English words it translates to. Two
 * texts in any two languages meet through the English words of both. The lists are compiled from FreeDict's
 * dictionaries and, for Ukrainian, Apertium's Russian–Ukrainian pair (scripts/build-lexicons.ts), and loaded the first
 * time a comparison across languages needs them: where they come from (a file on disk, a URL inside the extension) is
 * the caller's business (setLexiconSource).
 */
import { primarySubtag } from './language';
import { foldWord } from './normalize';
import { words } from './segment';
import { retrievalStopwords } from './stopwords';

/** Languages with a compiled list (public/lexicons/<lang>.tsv). English needs none: it is the pivot. */
export const LEXICON_LANGUAGES: readonly string[] = ['ar', 'de', 'el', 'es', 'fr', 'is', 'it', 'ja', 'pl', 'pt', 'ru', 'uk'];

/** Reads the compiled list of a language, or null when there is none. */
export type LexiconSource = (lang: string) => Promise<string | null>;

export interface Lexicon {
  lang: string;
  /** Folded word → English words, the commonest sense first. */
  words: Map<string, string[]>;
  /** A close relative's list, read for words the language's own list lacks, through the spellings they may have in it. */
  borrowed?: { words: Map<string, string[]>; spellings: (folded: string) => string[] };
}

/**
 * Languages whose own list is read with a close relative's, through the spelling correspondences of the two. Ukraine's
 * own list (Apertium's Ukrainian forms) holds the words Apertium translates into Russian; Ukrainian and Russian share
 * much of the rest of their vocabulary ("бояться", "станція"/"станция", "місто"/"место").
 */
const BORROWED: Record<string, { from: string; spellings: (folded: string) => string[] }> = {
  uk: { from: 'ru', spellings: ukrainianAsRussian },
};

/**
 * Russian spellings a folded Ukrainian word may have (folding already made ї і and й и): і is mostly и, or an е or о
 * of the Russian word (місто, кіт); и is ы or и; є is е; ґ is г; the infinitive's -ти is -ть; the apostrophe goes.
 */
export function ukrainianAsRussian(folded: string): string[] {
  const base = folded.replace(/є/g, 'е').replace(/ґ/g, 'г').replace(/['’ʼ]/g, '').replace(/ти$/, 'ть');
  return [...new Set([base.replace(/і/g, 'и'), base.replace(/и/g, 'ы').replace(/і/g, 'и'), base.replace(/і/g, 'е'), base.replace(/і/g, 'о')])];
}

let source: LexiconSource | null = null;
const loaded = new Map<string, Lexicon | null>();
const loading = new Map<string, Promise<Lexicon | null>>();

/** Where lexicons are read from; without a source only lexicons installed directly are known. */
export function setLexiconSource(read: LexiconSource | null): void {
  source = read;
}

/** Parses a compiled list: one word a line, a tab, its English words separated by spaces. */
export function parseLexicon(lang: string, tsv: string): Lexicon {
  const words = new Map<string, string[]>();
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = foldWord(line.slice(0, tab).trim());
    const english = line.slice(tab + 1).trim().split(/\s+/).filter(Boolean);
    if (word && english.length && !words.has(word)) words.set(word, english);
  }
  return { lang: primarySubtag(lang), words };
}

export function installLexicon(lang: string, tsv: string): Lexicon {
  const lexicon = parseLexicon(lang, tsv);
  loaded.set(lexicon.lang, lexicon);
  return lexicon;
}

/**
 * Loads the lexicons of the given languages not loaded yet (once each, however many callers ask at the same time).
 * A language without a list, or a list that cannot be read, is remembered as having none.
 */
export async function loadLexicons(langs: Iterable<string | undefined>): Promise<void> {
  const wanted = [...new Set([...langs].map(primarySubtag))].filter((lang) => (LEXICON_LANGUAGES.includes(lang) || lang in BORROWED) && !loaded.has(lang));
  await Promise.all(wanted.map((lang) => (lang in BORROWED ? loadBorrowed(lang) : loadOne(lang))));
}

/**
 * A language reading a relative's list as well as its own: both read once. Without its own list it reads the relative's
 * alone; without the relative's, its own alone.
 */
async function loadBorrowed(lang: string): Promise<void> {
  const { from, spellings } = BORROWED[lang];
  // The language's own list is kept under a key of its own: the language's key is set once both are read.
  const ownKey = `${lang}:own`;
  const [own, relative] = await Promise.all([loaded.get(ownKey) ?? loadOne(lang, ownKey), loaded.get(from) ?? loadOne(from)]);
  if (!loaded.has(ownKey) && !loaded.has(from)) return;
  const borrowed = relative ? { words: relative.words, spellings } : undefined;
  loaded.set(lang, own || borrowed ? { lang, words: own?.words ?? new Map(), borrowed } : null);
}

function loadOne(lang: string, key: string = lang): Promise<Lexicon | null> {
  let pending = loading.get(key);
  if (!pending) {
    const read = source;
    pending = (read ? read(lang) : Promise.resolve(null))
      .then((tsv) => (tsv ? parseLexicon(lang, tsv) : null))
      .catch(() => null)
      .then((lexicon) => {
        // A source set later may still provide it: only a list read (or refused) by a source is final.
        if (read) loaded.set(key, lexicon);
        loading.delete(key);
        return lexicon;
      });
    loading.set(key, pending);
  }
  return pending;
}

/** The loaded lexicon of a language, or null. */
export function lexiconOf(lang: string | undefined): Lexicon | null {
  return loaded.get(primarySubtag(lang)) ?? null;
}

/** For tests: forget every loaded lexicon. */
export function resetLexicons(): void {
  loaded.clear();
  loading.clear();
}

const MIN_STEM = 4;
const MAX_SUFFIX = 4;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * English words for a word of the lexicon's language: the word itself, or, for an inflected form, the longest
 * dictionary form it starts with, down to four letters ("Hauses" → "Haus", "президента" → "президент"). Scripts
 * written without spaces are looked up whole, as the segmenter gives dictionary words. A language that also reads a
 * relative's list (Ukrainian) asks its own list first at each step, then the relative's under the word's spellings in it.
 */
export function glossesOf(lexicon: Lexicon, word: string): string[] | null {
  const folded = foldWord(word);
  const borrowed = lexicon.borrowed;
  const spellings = borrowed ? borrowed.spellings(folded) : [];
  const exact = lexicon.words.get(folded) ?? (borrowed && firstFound(borrowed.words, spellings));
  if (exact) return exact;
  if (SPACELESS.test(folded)) return null;
  return dictionaryForm(lexicon.words, folded) ?? (borrowed && firstFound(borrowed.words, spellings, dictionaryForm)) ?? null;
}

function firstFound(
  words: Map<string, string[]>,
  spellings: readonly string[],
  find: (words: Map<string, string[]>, spelling: string) => string[] | null | undefined = (list, spelling) => list.get(spelling),
): string[] | null {
  for (const spelling of spellings) {
    const hit = find(words, spelling);
    if (hit) return hit;
  }
  return null;
}

/** The English words of the longest dictionary form a word starts with, cut by one to four letters, keeping four. */
function dictionaryForm(words: Map<string, string[]>, folded: string): string[] | null {
  const chars = [...folded];
  for (let cut = 1; cut <= MAX_SUFFIX && chars.length - cut >= MIN_STEM; cut++) {
    const hit = words.get(chars.slice(0, chars.length - cut).join(''));
    if (hit) return hit;
  }
  return null;
}

/**
 * The text with each word the lexicon knows replaced by its first English word, other words kept as written and the
 * language's function words left out: an English stand-in good enough to look a foreign text up among English ones
 * (word pairs, names and numbers), never shown. A function word's first gloss is noise that English retrieval does not
 * drop ("am" → "armenia", "die" → "that"): it would stand between two content words and part their word pair.
 */
export function glossText(lexicon: Lexicon, text: string): string {
  const out: string[] = [];
  const functionWords = retrievalStopwords(lexicon.lang);
  let at = 0;
  for (const token of words(text, lexicon.lang)) {
    // Words written without spaces between them (Japanese) get one: their glosses are English words.
    out.push(text.slice(at, token.start) || ' ');
    if (functionWords.has(token.norm)) {
      at = token.end;
      continue;
    }
    out.push(glossesOf(lexicon, token.norm)?.[0] ?? token.text);
    at = token.end;
  }
  out.push(text.slice(at));
  return out.join('').trimStart();
}
