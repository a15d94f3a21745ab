/**
 * `npm run build:lexicons`: compiles the FreeDict bilingual dictionaries Debian installs (`dict-freedict-*`, dictd
 * format under /usr/share/dictd) into the compact word lists cross-language alignment reads: one file per language,
 * public/lexicons/<lang>.tsv, each line a word of that language, a tab, and up to MAX_GLOSSES English words it
 * translates to. English is the pivot: a German and a French text meet through the English words of both. Ukrainian,
 * which FreeDict lacks, is compiled from Apertium's Russian–Ukrainian pair (`apertium-rus-ukr`, read with lttoolbox-dev's
 * lt-paradigm and lttoolbox's lt-proc): every inflected form, through its Russian translation, to the Russian list's English.
 *
 *   npm run build:lexicons -- [--dictd /usr/share/dictd] [--apertium /usr/share/apertium/apertium-rus-ukr] [--out public/lexicons]
 *
 * Only what alignment needs is kept: headwords of one or two words, one-word English glosses, the commonest entries
 * first (Japanese: JMdict's priority marks) up to a per-language budget, so the extension stays small. Languages
 * whose dictionary is not installed are left as they are, with a note.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { glossesOf as lookUp, parseLexicon, ukrainianAsRussian, type Lexicon } from '../lib/text/lexicon';
import { foldWord } from '../lib/text/normalize';

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

/**
 * Apertium's Russian–Ukrainian pair (Debian's apertium-rus-ukr): the Ukrainian generator lists the forms, the Ukrainian
 * analyser reads them as the pair's translation step expects (its tags are the bilingual dictionary's: "новий<adj><sint>"
 * where the generator has "новий<adj>"), and the Ukrainian→Russian dictionary translates them.
 */
const APERTIUM_UKRAINIAN = { generator: 'rus-ukr.autogen.bin', analyser: 'ukr-rus.automorf.bin', bilingual: 'ukr-rus.autobil.bin' };

/** The lexical form's lemma: what comes before its first tag ("глядач<n><m><aa><pl><gen>" → "глядач"). */
function lemmaOf(analysis: string): string {
  const tag = analysis.indexOf('<');
  return tag < 0 ? analysis : analysis.slice(0, tag);
}

/** English words of several sources in turn: every first word, then every second, up to MAX_GLOSSES. */
function interleaved(lists: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < MAX_GLOSSES && lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (i < list.length && out.length < MAX_GLOSSES && !out.includes(list[i])) out.push(list[i]);
  }
  return out;
}

/** Runs an lttoolbox program over the input and returns its stream units ("^surface/reading/reading$") in order. */
function lttoolbox(program: string, args: string[], input: string): string[][] {
  const output = execFileSync(program, args, { input, maxBuffer: 1 << 30 }).toString('utf8');
  return [...output.matchAll(/\^((?:[^$\\]|\\.)*)\$/g)].map((unit) => unit[1].split('/'));
}

/**
 * Tags the bilingual dictionary has after the part of speech of some words where the generator's listing has none
 * ("новий<adj><sint>": an adjective with a synthetic comparative; "ампутувати<vblex><dual>" is listed as perfective
 * or imperfective): a reading the dictionary does not translate is tried again as its lemma, part of speech and each.
 */
const BILINGUAL_TAGS = ['<sint>', '<perf>', '<impf>'];

/** The Russian lexical forms of each Ukrainian reading the bilingual dictionary translates. */
function translateReadings(bilingual: string, readings: string[]): Map<string, string[]> {
  const russianOf = new Map<string, string[]>();
  const translate = (asked: string[], answer: (i: number, targets: string[]) => void) => {
    const units = lttoolbox('lt-proc', ['-b', bilingual], asked.map((reading) => `^${reading}$`).join('\n'));
    asked.forEach((_, i) => answer(i, (units[i] ?? []).slice(1).filter((target) => !target.startsWith('@') && !target.includes('#'))));
  };
  translate(readings, (i, targets) => targets.length && russianOf.set(readings[i], targets));
  const untranslated = readings.filter((reading) => !russianOf.has(reading));
  const retried = untranslated.flatMap((reading) => BILINGUAL_TAGS.map((tag) => (reading.match(/^[^<]*<[^>]*>/)?.[0] ?? reading) + tag));
  translate(retried, (i, targets) => {
    const reading = untranslated[Math.floor(i / BILINGUAL_TAGS.length)];
    if (targets.length && !russianOf.has(reading)) russianOf.set(reading, targets);
  });
  return russianOf;
}

/**
 * Every inflected form of the Ukrainian words Apertium can translate into Russian, with the English of their Russian
 * translation (from the Russian list). lt-paradigm lists each form the Ukrainian generator makes ("глядачів"), lt-proc
 * reads it with the analyser ("глядач<n><m><aa><pl><gen>") and then with the bilingual dictionary ("зритель<n>…").
 * Multiword forms and readings are left out: a text is looked up word by word.
 */
export function ukrainianForms(apertium: string, russian: Lexicon): Map<string, string[]> {
  const file = (name: keyof typeof APERTIUM_UKRAINIAN) => path.join(apertium, APERTIUM_UKRAINIAN[name]);
  const generated = new Map<string, string[]>();
  for (const line of execFileSync('lt-paradigm', ['-a', file('generator')], { input: '*\n', maxBuffer: 1 << 30 }).toString('utf8').split('\n')) {
    const colon = line.indexOf(':');
    const form = line.slice(0, colon);
    if (colon <= 0 || /[\s#+]/.test(line)) continue;
    generated.set(form, [...(generated.get(form) ?? []), line.slice(colon + 1)]);
  }
  const readingsOfForm = new Map<string, string[]>();
  for (const [surface, ...readings] of lttoolbox('lt-proc', [file('analyser')], [...generated.keys()].join('\n'))) {
    const known = readings.filter((reading) => !reading.startsWith('*') && !/[#+]/.test(reading));
    if (generated.has(surface) && known.length) readingsOfForm.set(surface, known);
  }
  const lemmasOfForm = new Map<string, string[]>();
  for (const [surface, fromGenerator] of generated) {
    const form = foldWord(surface);
    const readings = lemmasOfForm.get(form) ?? [];
    for (const reading of readingsOfForm.get(surface) ?? fromGenerator) if (!readings.includes(reading)) readings.push(reading);
    lemmasOfForm.set(form, readings);
  }
  const readings = [...new Set([...lemmasOfForm.values()].flat())];
  const russianOf = translateReadings(file('bilingual'), readings);
  const englishOfReading = new Map<string, string[]>();
  for (const reading of readings) {
    englishOfReading.set(reading, interleaved((russianOf.get(reading) ?? []).map((target) => russian.words.get(foldWord(lemmaOf(target))) ?? [])));
  }
  const forms = new Map<string, string[]>();
  for (const [form, lexical] of lemmasOfForm) {
    // A form that is itself a dictionary form ("мати", mother) reads first as that word, then as a form of another ("мати", to have).
    const first = lexical.filter((reading) => foldWord(lemmaOf(reading)) === form);
    const english = interleaved([...first, ...lexical.filter((reading) => !first.includes(reading))].map((reading) => englishOfReading.get(reading)!));
    if (english.length) forms.set(form, english);
  }
  return forms;
}

/**
 * The Ukrainian list as shipped: only the forms whose English the lookup would not find anyway — through a shorter
 * form kept (the dictionary form "глядач" finds "глядачів") or the Russian list's spelling ("станція" → "станция").
 * Forms are decided shortest first: a kept form changes the lookup only of longer ones.
 */
export function withoutFoundForms(forms: ReadonlyMap<string, string[]>, russian: Lexicon): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  const lexicon: Lexicon = { lang: 'uk', words: kept, borrowed: { words: russian.words, spellings: ukrainianAsRussian } };
  const byLength = [...forms].sort(([a], [b]) => [...a].length - [...b].length || (a < b ? -1 : a > b ? 1 : 0));
  for (const [form, english] of byLength) {
    const found = lookUp(lexicon, form);
    if (!found || found.join(' ') !== english.join(' ')) kept.set(form, english);
  }
  return kept;
}

function writeList(out: string, lang: string, lexicon: ReadonlyMap<string, string[]>): void {
  const lines = [...lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, glosses]) => `${word}\t${glosses.join(' ')}`);
  fs.writeFileSync(path.join(out, `${lang}.tsv`), `${lines.join('\n')}\n`);
}

/** Ukrainian, from Apertium's Russian–Ukrainian pair through the Russian list, or kept as it is without them. */
function compileUkrainian(apertium: string, out: string): void {
  const missing = Object.values(APERTIUM_UKRAINIAN).filter((file) => !fs.existsSync(path.join(apertium, file)));
  const russianList = path.join(out, 'ru.tsv');
  if (missing.length || !fs.existsSync(russianList)) {
    const why = missing.length ? 'apertium-rus-ukr not installed' : 'no Russian list';
    console.log(`uk: ${why}; ${fs.existsSync(path.join(out, 'uk.tsv')) ? 'kept the compiled list' : 'no list'}`);
    return;
  }
  const russian = parseLexicon('ru', fs.readFileSync(russianList, 'utf8'));
  let forms: Map<string, string[]>;
  try {
    forms = ukrainianForms(apertium, russian);
  } catch (error) {
    // lt-paradigm and lt-proc come with lttoolbox-dev and lttoolbox: without them the list is kept as it is.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.log(`uk: lt-paradigm or lt-proc not installed (lttoolbox-dev); ${fs.existsSync(path.join(out, 'uk.tsv')) ? 'kept the compiled list' : 'no list'}`);
    return;
  }
  const lexicon = withoutFoundForms(forms, russian);
  writeList(out, 'uk', lexicon);
  console.log(`uk: ${lexicon.size} of ${forms.size} word forms from apertium-rus-ukr (the others are found through shorter forms or the Russian list)`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const at = argv.indexOf(name);
    return at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : fallback;
  };
  const dictd = option('--dictd', '/usr/share/dictd');
  const apertium = option('--apertium', '/usr/share/apertium/apertium-rus-ukr');
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
    writeList(out, source.lang, lexicon);
    console.log(`${source.lang}: ${lexicon.size} words from dict-freedict-${source.dict}`);
  }
  compileUkrainian(apertium, out);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
