/**
 * `npm run build:lexicons`: compiles the FreeDict bilingual dictionaries Debian installs (`dict-freedict-*`, dictd
 * format under /usr/share/dictd) into the compact word lists cross-language alignment reads: one file per language,
 * public/lexicons/<lang>.tsv, each line a word of that language, a tab, and up to MAX_GLOSSES English words it
 * translates to. English is the pivot: a German and a French text meet through the English words of both.
 *
 *   npm run build:lexicons -- [--dictd /usr/share/dictd] [--out public/lexicons]
 *
 * Only what alignment needs is kept: headwords of one or two words, one-word English glosses, the commonest entries
 * first (Japanese: JMdict's priority marks) up to a per-language budget, so the extension stays small. Languages
 * whose dictionary is not installed are left as they are, with a note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Language (the file name) → the FreeDict dictionary it is compiled from, and how many entries it keeps. */
/**
 * `pivots`: dictionaries from another language into this one ("deu-rus:de"), each entry read the other way round and
 * given the English of its headword from that language's compiled list.
 */
const SOURCES: { lang: string; dict: string; reverse?: boolean; budget: number; script?: RegExp; pivots?: string[] }[] = [
  { lang: 'de', dict: 'deu-eng', budget: 30_000 },
  { lang: 'fr', dict: 'fra-eng', budget: 40_000 },
  { lang: 'es', dict: 'spa-eng', budget: 40_000 },
  { lang: 'it', dict: 'ita-eng', budget: 40_000 },
  { lang: 'pt', dict: 'por-eng', budget: 40_000 },
  { lang: 'pl', dict: 'pol-eng', budget: 40_000 },
  { lang: 'is', dict: 'isl-eng', budget: 40_000 },
  { lang: 'el', dict: 'ell-eng', budget: 15_000, script: /\p{Script=Greek}/u },
  { lang: 'ar', dict: 'ara-eng', budget: 25_000, script: /\p{Script=Arabic}/u },
  { lang: 'ja', dict: 'jpn-eng', budget: 30_000, script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u },
  // No Russian-English FreeDict dictionary: the English-Russian one is read the other way round, and the larger
  // German-, Polish-, French- and Italian-Russian ones through the English of their German, Polish… word (pivot).
  { lang: 'ru', dict: 'eng-rus', reverse: true, budget: 40_000, script: /\p{Script=Cyrillic}/u, pivots: ['deu-rus:de', 'pol-rus:pl', 'fra-rus:fr', 'ita-rus:it'] },
];

const MAX_GLOSSES = 2;
const PIVOTS = new Set(SOURCES.flatMap((source) => (source.pivots ?? []).map((pivot) => pivot.split(':')[1])));
const DICTD_BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeNumber(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 64 + DICTD_BASE64.indexOf(ch);
  return n;
}

/** Each headword of a dictd dictionary with the text of its entry. */
function* entries(dictd: string, name: string): Generator<{ headword: string; body: string }> {
  const index = fs.readFileSync(path.join(dictd, `freedict-${name}.index`), 'utf8');
  // dictzip is gzip with an index of its own in an extra field: plain gunzip reads it whole.
  const dict = gunzipSync(fs.readFileSync(path.join(dictd, `freedict-${name}.dict.dz`)));
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !length || headword.startsWith('00database')) continue;
    const start = decodeNumber(offset);
    yield { headword, body: dict.subarray(start, start + decodeNumber(length)).toString('utf8') };
  }
}

const FUNCTION_WORDS = new Set(['to', 'a', 'an', 'the', 'be', 'of', 'one', 'oneself', "one's", 'something', 'someone', 'somebody', 'etc']);
const ENGLISH_WORD = /^[a-z]{2,24}$/;
// Japanese entries carry JMdict's priority marks: words common in news and everyday text.
const PRIORITY = /\[(?:news1|news2|ichi1|ichi2|spec1|spec2|gai1|gai2)\]/;

/** One-word English glosses of an entry's definition lines, in order. */
function glossesOf(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw.trim();
    if (!line || line.startsWith('(') || /^(?:see|Note|Synonyms?|Antonyms?):/i.test(line)) continue;
    line = line
      .replace(/Note:.*$/, '')
      .replace(/\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\([^)]*\)|\/[^/]*\//g, ' ')
      .replace(/^\s*\d+\.\s*/, '');
    for (const part of line.split(/[,;]/)) {
      const gloss = part.trim().toLowerCase().split(/\s+/).filter((w) => w && !FUNCTION_WORDS.has(w));
      if (gloss.length === 1 && ENGLISH_WORD.test(gloss[0]) && !out.includes(gloss[0])) out.push(gloss[0]);
    }
  }
  return out;
}

/** The headword's line ends where the definitions start. */
function definitionLines(body: string): string[] {
  return body.split('\n').slice(1);
}

function normalizeHeadword(word: string): string | null {
  // Stress marks ("президе́нт") are a reading aid of Russian dictionaries, not spelling: text is written without them.
  // After NFC a combining accent is left only where no precomposed letter exists, so "é" and "ü" keep theirs.
  const w = word.normalize('NFC').replace(/[\u0300\u0301]/g, '').toLowerCase().trim();
  if (!w || w.split(/\s+/).length > 2 || w.length > 30 || /[\d()[\]{}<>/]/.test(w)) return null;
  return w;
}

/** A word found in one dictionary, its English words, and how common an entry it is (lower first). `from` names the dictionary. */
type Found = { word: string; glosses: string[]; rank: number; from?: string }[];

/** Words of the target language in a pivot dictionary's entries, each with the English of the entry's headword. */
function pivotEntries(dictd: string, pivot: string, compiled: ReadonlyMap<string, Map<string, string[]>>, script: RegExp | undefined, found: Found): void {
  const [dict, via] = pivot.split(':');
  const english = compiled.get(via);
  if (!english) {
    console.log(`  pivot ${dict}: no ${via} list compiled in this run; left out`);
    return;
  }
  for (const { headword, body } of entries(dictd, dict)) {
    const glosses = english.get(normalizeHeadword(headword) ?? '');
    if (!glosses) continue;
    for (const line of definitionLines(body)) {
      // Lines in the target script are translations; the others explain the headword in its own language.
      if (script && !script.test(line)) continue;
      for (const part of line.replace(/^\s*\d+\.\s*/, '').split(/[,;]/)) {
        const word = normalizeHeadword(part.replace(/\([^)]*\)/g, ''));
        // Pivot entries rank after the direct ones: two hops lose more senses than one.
        if (word && (!script || script.test(word))) found.push({ word, glosses, rank: 1 + [...word].length, from: dict });
      }
    }
  }
}

/** The list of one language, up to `budget` words (its whole when read as another's pivot). */
function compile(dictd: string, source: (typeof SOURCES)[number], compiled: ReadonlyMap<string, Map<string, string[]>>, budget: number): Map<string, string[]> {
  const found: Found = [];
  for (const pivot of source.pivots ?? []) pivotEntries(dictd, pivot, compiled, source.script, found);
  for (const { headword, body } of entries(dictd, source.dict)) {
    if (source.reverse) {
      const english = headword.toLowerCase();
      if (!ENGLISH_WORD.test(english)) continue;
      for (const line of definitionLines(body)) {
        for (const part of line.replace(/^\s*\d+\.\s*/, '').split(/[,;]/)) {
          const word = normalizeHeadword(part.replace(/\([^)]*\)/g, ''));
          if (word && (!source.script || source.script.test(word))) found.push({ word, glosses: [english], rank: 0, from: source.dict });
        }
      }
      continue;
    }
    const word = normalizeHeadword(headword);
    // Headwords in another script (Latin entries in the Arabic dictionary) are not the language's words.
    if (!word || (source.script && !source.script.test(word))) continue;
    const glosses = glossesOf(definitionLines(body));
    if (glosses.length === 0) continue;
    // Common words first: priority marks where the dictionary has them, then shorter headwords.
    const rank = (source.lang === 'ja' && !PRIORITY.test(body) ? 100 : 0) + [...word].length;
    found.push({ word, glosses, rank });
  }
  found.sort((a, b) => a.rank - b.rank || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const lexicon = new Map<string, string[]>();
  const senses = source.reverse || source.pivots ? sensesByAgreement(found) : null;
  for (const { word, glosses } of found) {
    if (lexicon.size >= budget && !lexicon.has(word)) break;
    if (senses) {
      lexicon.set(word, senses.get(word)!);
      continue;
    }
    const kept = lexicon.get(word) ?? [];
    for (const gloss of glosses) if (kept.length < MAX_GLOSSES && !kept.includes(gloss)) kept.push(gloss);
    lexicon.set(word, kept);
  }
  return lexicon;
}

/**
 * The English words of each word of a list read from other dictionaries (reversed, or through a pivot language), the
 * ones most dictionaries agree on first. A word read the other way round is listed under every English headword it
 * translates ("президент" under "president" and, in one dictionary, under "mayor"), and the entries come in the
 * order of those headwords, so the first one found is as likely a rare sense as the common one; the sense that
 * several independent dictionaries give is the common one. Each dictionary votes once per English word (its headword's
 * first English word fully, the second by half); ties keep the order found.
 */
export function sensesByAgreement(found: Found): Map<string, string[]> {
  const votes = new Map<string, Map<string, Map<string, number>>>();
  for (const { word, glosses, from } of found) {
    let byGloss = votes.get(word);
    if (!byGloss) votes.set(word, (byGloss = new Map()));
    glosses.forEach((gloss, i) => {
      let byDictionary = byGloss.get(gloss);
      if (!byGloss.has(gloss)) byGloss.set(gloss, (byDictionary = new Map()));
      const weight = i === 0 ? 1 : 0.5;
      const dictionary = from ?? '';
      if ((byDictionary!.get(dictionary) ?? 0) < weight) byDictionary!.set(dictionary, weight);
    });
  }
  const senses = new Map<string, string[]>();
  for (const [word, byGloss] of votes) {
    const total = (gloss: string) => [...byGloss.get(gloss)!.values()].reduce((n, w) => n + w, 0);
    // A stable sort: glosses with as many votes stay in the order they were found.
    senses.set(word, [...byGloss.keys()].sort((a, b) => total(b) - total(a)).slice(0, MAX_GLOSSES));
  }
  return senses;
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const at = argv.indexOf(name);
    return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : fallback;
  };
  const dictd = option('--dictd', '/usr/share/dictd');
  const out = option('--out', path.join(repoRoot, 'public', 'lexicons'));
  fs.mkdirSync(out, { recursive: true });
  const compiled = new Map<string, Map<string, string[]>>();
  for (const source of SOURCES) {
    // A list is compiled from all its dictionaries or kept as it is: a partial rebuild would lose words.
    const missing = [source.dict, ...(source.pivots ?? []).map((pivot) => pivot.split(':')[0])].filter((dict) => !fs.existsSync(path.join(dictd, `freedict-${dict}.index`)));
    if (missing.length) {
      console.log(`${source.lang}: ${missing.map((dict) => `dict-freedict-${dict}`).join(', ')} not installed; ${fs.existsSync(path.join(out, `${source.lang}.tsv`)) ? 'kept the compiled list' : 'no list'}`);
      continue;
    }
    // A list read as another's pivot is read whole: the budget limits only what is shipped.
    const lexicon = compile(dictd, source, compiled, source.budget);
    compiled.set(source.lang, PIVOTS.has(source.lang) ? compile(dictd, source, compiled, Infinity) : lexicon);
    const lines = [...lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, glosses]) => `${word}\t${glosses.join(' ')}`);
    fs.writeFileSync(path.join(out, `${source.lang}.tsv`), `${lines.join('\n')}\n`);
    console.log(`${source.lang}: ${lexicon.size} words from dict-freedict-${source.dict}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
