/**
 * Person and place names across transliterations. A name travelling through
 * Russian, German, French and back to English changes spelling (Kabulov, Kabulow,
 * Kaboulov, Kabuloff; Zamir, Samir; Rahmon, Rachmon) but keeps its consonant
 * skeleton once the usual transliteration variants are mapped to one spelling.
 */
import { isCalendarWord } from './dates';
import { foldWord } from './normalize';
import { sentences, words, type Segmentation, type Span, type Token } from './segment';
import { memoizeWord } from './word-memo';
import { isKanaWord, romanize } from './romanize';

// Spelling rewrites applied in order; each maps the variants of one sound to one spelling.
const REWRITES: [RegExp, string][] = [
  [/['’`-]/g, ''],
  [/(?:dsch|dzh|dj)/g, 'j'], // Tadschikistan, Tadzhikistan, Tajikistan
  [/tsch|tch/g, 'ch'], // Gorbatschow, Gorbachev
  [/sch|zh|sh/g, 'S'], // Schukow, Zhukov, Shukov (one symbol for the sh sound)
  [/ch|kh/g, 'h'], // Rachmon, Rakhmon, Rahmon; Mikhail, Michael
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'], // Moscow -> moskow
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/tz|ts|z/g, 's'], // Zamir/Samir, Jelzin/Yeltsin
  [/ff$/g, 'v'], // Kabuloff
  [/w/g, 'v'], // Kabulow, Moskwy
  [/ou|oo/g, 'u'], // Kaboulov
  [/[jy](?=[aeiou])/g, 'Y'], // consonant j/y before a vowel: Jelzin/Yeltsin, Tajik
  [/[jy]/g, 'i'], // otherwise a vowel: Nikolaj, Nikolay, Dmitrij
  [/(.)\1+/g, '$1'], // double letters
];

// The first vowel, coarsely, keeps Putin apart from Patton while tolerating o/u and e/i swaps.
const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'i', i: 'i', o: 'u', u: 'u' };

/**
 * A transliteration-tolerant key: Kabulov, Kabulow, Kaboulov, Kabuloff → "kablv";
 * Zamir, Samir → "samr"; Moscow, Moskwy, Moskva → "muskv"; Mexico → "miksk".
 * First letter, the class of the first vowel after it (a | e,i | o,u), then consonants only. Other scripts are romanised
 * first (lib/text/romanize.ts): Cyrillic, Greek, Arabic and kana always, Chinese characters when `lang` is Chinese.
 */
export function nameKey(word: string, lang?: string): string {
  return lang?.startsWith('zh') && HAN.test(word) ? rememberedChineseKey(word) : rememberedNameKey(word);
}

/**
 * The keys a name may be looked up under: a name in kana also under its l spelling, as Japanese writes l and r alike
 * ("ゼレンスキー" Zelensky).
 */
export function nameKeyVariants(word: string, lang?: string): string[] {
  const key = nameKey(word, lang);
  return isKanaWord(word) && key.includes('r') ? [key, key.replace(/r/g, 'l')] : [key];
}

const HAN = /\p{Script=Han}/u;

// The same names recur in every version of a story.
const NAME_KEY_CACHE_LIMIT = 10_000;
const rememberedNameKey = memoizeWord((word) => computeNameKey(word), NAME_KEY_CACHE_LIMIT);
const rememberedChineseKey = memoizeWord((word) => computeNameKey(word, 'zh'), NAME_KEY_CACHE_LIMIT);

function computeNameKey(word: string, lang?: string): string {
  const trimmed = word.normalize('NFKC').trim();
  // Acronyms (NATO, U.S., ISIS) are spelled the same everywhere and too short for a skeleton.
  if (/^(?:\p{Lu}\.?){1,6}$/u.test(trimmed)) return foldWord(trimmed.replace(/\./g, ''));
  let w = foldWord(trimmed).replace(/['’]s$/, '');
  w = romanize(w, lang);
  if (!/^[a-z'’-]+$/.test(w)) return w;
  for (const [pattern, replacement] of REWRITES) w = w.replace(pattern, replacement);
  if (!w) return '';
  const first = w[0] === 'Y' ? 'y' : w[0];
  const vowel = VOWEL_CLASS[/[aeiou]/.exec(w.slice(1))?.[0] ?? ''] ?? '';
  const rest = w.slice(1).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return (first + vowel + rest).replace(/S/g, 'sh').replace(/Y/g, 'y');
}

/** Keys of each word of a multi-word name, space separated: "Zamir Kabulov" → "samr kablv". */
export function nameKeyOfPhrase(phrase: string): string {
  return words(phrase)
    .filter((t) => !CONNECTORS.has(t.norm))
    .map((t) => nameKey(t.text))
    .filter(Boolean)
    .join(' ');
}

export interface NameCandidate {
  /** [start, end) in the text; text = the name as written, without a possessive "'s". */
  start: number;
  end: number;
  text: string;
  /** nameKeyOfPhrase(text) */
  key: string;
}

// Lowercase words allowed inside a name: "Echo of Moscow", "Ludwig van Beethoven".
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'y']);

// Capitalised words that start sentences or headlines but are not names.
const STOPWORDS = new Set(
  (
    'a an the this that these those there here he she it its his her hers they them their we our us i you your me my ' +
    'and but or nor so yet for if when while where what who whom whose which why how after before since until though although ' +
    'because as at by from in into of on onto to with without within about above below over under between among through during ' +
    'not no yes all any both each every few many more most much other some such only also even just still then now however ' +
    'meanwhile moreover instead otherwise thus therefore according despite unlike like last next first second earlier later ' +
    'today yesterday tomorrow tonight mr mrs ms dr prof sir is are was were be been can could will would shall should ' +
    'do does did has have had must might don\'t doesn\'t didn\'t can\'t won\'t isn\'t it\'s that\'s there\'s let\'s i\'m ' +
    'we\'re they\'re you\'re he\'s she\'s ' +
    'der die das ein eine und aber oder nicht auch nur noch schon wie wenn weil dass im am zum zur ' +
    'le la les un une des et mais ou pour dans sur avec sans il elle ils elles nous vous on ce cette ces'
  ).split(' '),
);

// Titles that precede a name and are not part of it.
const TITLES = new Set(
  (
    'president vice prime minister secretary chancellor ambassador envoy spokesman spokeswoman ' +
    'spokesperson gen colonel col lieutenant lt major maj captain capt sergeant sgt admiral senator sen governor gov ' +
    'mayor king queen prince princess pope sheikh emir sultan professor prof doctor dr mr mrs ms sir lord ' +
    'lady dame rev reverend saint st herr frau monsieur madame mme bundeskanzler präsident prasident'
  ).split(' '),
);

const MAX_NAME_WORDS = 6;

function isCapitalised(token: Token): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(token.text);
}

function stripPossessive(token: Token): Token {
  const m = /['’]s$/.exec(token.text);
  if (!m) return token;
  const text = token.text.slice(0, -2);
  return { text, norm: token.norm.slice(0, -2), start: token.start, end: token.end - 2 };
}

/**
 * Capitalised word sequences that are likely names: "Zamir Kabulov", "Echo of Moscow",
 * "Novaya Gazeta", "Kabul". Leading titles ("Prime Minister") and function words are
 * dropped, as are weekdays and months. A single capitalised word at the start of a
 * sentence counts only when the text also capitalises it elsewhere, mid-sentence.
 * Scripts without letter case (Arabic, Chinese…) give no candidates.
 */
export function nameCandidates(text: string, lang?: string, segmentation?: Segmentation): NameCandidate[] {
  // The text's analysis, when the caller keeps one, has segmented it already (lib/text/analysis.ts).
  const tokens = segmentation?.tokens ?? words(text, lang);
  const sentenceStarts = firstTokensOfSentences(text, tokens, segmentation?.sentences ?? sentences(text, lang));
  const capitalisedMidSentence = new Set<string>();
  tokens.forEach((t, i) => {
    if (!sentenceStarts.has(i) && isCapitalised(t)) capitalisedMidSentence.add(stripPossessive(t).norm);
  });

  const out: NameCandidate[] = [];
  let run: { token: Token; index: number }[] = [];
  const flush = () => {
    // Most words end no run: an empty run is no name, and needs no look.
    if (run.length === 0) return;
    const candidate = candidateFromRun(text, run, sentenceStarts, capitalisedMidSentence);
    if (candidate) out.push(candidate);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = run.at(-1);
    // Joined by one plain space, read in place rather than sliced out for each word.
    const joined = previous !== undefined && !sentenceStarts.has(i) && token.start - previous.token.end === 1 && text.charCodeAt(previous.token.end) === 0x20;
    const capitalised = isCapitalised(token);
    const connector = !capitalised && CONNECTORS.has(token.norm);
    if (!joined || (!capitalised && !connector) || run.length >= MAX_NAME_WORDS * 2) {
      flush();
      if (!capitalised) continue;
    }
    run.push({ token, index: i });
    // A possessive ends the name: "Russia's Kabul embassy".
    if (/['’]s$/.test(token.text)) flush();
  }
  flush();
  return out;
}

function firstTokensOfSentences(text: string, tokens: Token[], sentenceSpans: readonly Span[]): Set<number> {
  const starts = new Set<number>();
  let t = 0;
  for (const [start, end] of sentenceSpans) {
    while (t < tokens.length && tokens[t].start < start) t++;
    if (t < tokens.length && tokens[t].start < end) starts.add(t);
    // A colon or an opening quote also starts a capitalised clause: "different: Its ambassador".
    while (t < tokens.length && tokens[t].start < end) {
      if (opensClause(text, Math.max(start, tokens[t - 1]?.end ?? start), tokens[t].start)) starts.add(t);
      t++;
    }
  }
  return starts;
}

const CLAUSE_OPENERS = ':;"“„«';

/** True when text[from, to) ends in a colon, semicolon or opening quote and whitespace (read back from `to`, unsliced). */
function opensClause(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && /\s/.test(text[i])) i--;
  return i >= from && CLAUSE_OPENERS.includes(text[i]);
}

function candidateFromRun(
  text: string,
  run: { token: Token; index: number }[],
  sentenceStarts: Set<number>,
  capitalisedMidSentence: Set<string>,
): NameCandidate | null {
  let parts = run;
  // Trim connectors at the edges, then leading function words and titles.
  const isEdgeJunk = (p: { token: Token }) => !isCapitalised(p.token) || STOPWORDS.has(p.token.norm) || TITLES.has(p.token.norm.replace(/\.$/, ''));
  while (parts.length && isEdgeJunk(parts[0])) parts = parts.slice(1);
  while (parts.length && (!isCapitalised(parts[parts.length - 1].token) || STOPWORDS.has(parts[parts.length - 1].token.norm))) {
    parts = parts.slice(0, -1);
  }
  parts = parts.filter((p, i) => !(i === 0 && isCalendarWord(p.token.text)));
  if (parts.length === 0) return null;
  if (parts.length === 1) {
    const only = stripPossessive(parts[0].token);
    if (isCalendarWord(only.text) || STOPWORDS.has(only.norm)) return null;
    if (sentenceStarts.has(parts[0].index) && !capitalisedMidSentence.has(only.norm)) return null;
  }
  if (parts.some((p) => isCalendarWord(p.token.text))) parts = parts.slice(0, parts.findIndex((p) => isCalendarWord(p.token.text)));
  if (parts.length === 0) return null;
  const last = stripPossessive(parts[parts.length - 1].token);
  const start = parts[0].token.start;
  const end = last.end;
  const name = text.slice(start, end);
  const key = parts
    .filter((p) => !CONNECTORS.has(p.token.norm))
    .map((p) => nameKey(stripPossessive(p.token).text))
    .filter(Boolean)
    .join(' ');
  return key ? { start, end, text: name, key } : null;
}
