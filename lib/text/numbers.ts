/**
 * Quantities mentioned in a text, as numeric values, so that "100", "one hundred",
 * "1,300" and "1.300", "15 000" and "15,000", "5.93 mln" and "5,930,000" compare equal
 * and a changed figure shows up as a changed value.
 *
 * Separator rule (one separator followed by exactly three digits is ambiguous):
 * - Languages that write decimal commas (de, fr, ru, es, …): "1.300" = 1300, "1,300" = 1.3.
 * - English and unknown languages: "1,300" = 1300 and also "1.300" = 1300, since an
 *   English "1.300" is far more often a thousands group left by translation than a
 *   decimal with three places; before a scale word ("1.300 million") it is a decimal.
 * The other reading is reported in `alt`, so a comparison can accept either.
 */
import { dateKeys, type DateKey } from './dates';
import { primarySubtag } from './language';
import { foldWord } from './normalize';

export interface NumberKey {
  value: number;
  /** [start, end) in the text; raw = text.slice(start, end). */
  start: number;
  end: number;
  raw: string;
  /** The other reading of an ambiguous separator ("1.300": 1300 or 1.3). */
  alt?: number;
  percent?: boolean;
  /** A 4-digit number that reads as a year (1000–2099, no separators). */
  year?: boolean;
  /** A hedge or bound just before the number: "around", "more than", "etwa"… lowercased. */
  qualifier?: string;
  /** True when the number was written in words ("one hundred"). */
  words?: boolean;
}

const DECIMAL_COMMA_LANGS = new Set([
  'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'be', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'bg', 'ro', 'hu',
  'tr', 'sv', 'da', 'no', 'nb', 'nn', 'fi', 'et', 'lv', 'lt', 'el', 'id', 'ca', 'gl', 'eu', 'vi', 'az', 'kk', 'uz',
]);

function usesDecimalComma(lang?: string): boolean {
  return !!lang && DECIMAL_COMMA_LANGS.has(primarySubtag(lang));
}

// Lookup tables without a prototype, so that a word like "constructor" is no scale.
const SCALES: Record<string, number> = Object.assign(Object.create(null), {
  thousand: 1e3, thousands: 1e3, k: 1e3, tsd: 1e3, tausend: 1e3, mille: 1e3, mil: 1e3, тыс: 1e3, тысяч: 1e3, тысячи: 1e3, тысяча: 1e3,
  million: 1e6, millions: 1e6, mln: 1e6, mn: 1e6, mio: 1e6, millionen: 1e6, millones: 1e6, millon: 1e6, milioni: 1e6, milione: 1e6, млн: 1e6, миллион: 1e6, миллиона: 1e6, миллионов: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, bln: 1e9, mrd: 1e9, milliarde: 1e9, milliarden: 1e9, milliard: 1e9, milliards: 1e9, млрд: 1e9, миллиард: 1e9, миллиарда: 1e9, миллиардов: 1e9,
  trillion: 1e12, trillions: 1e12, tn: 1e12, trn: 1e12, billionen: 1e12, трлн: 1e12,
  // Ukrainian, Polish, Spanish, Italian, Portuguese, Arabic.
  тис: 1e3, тисяч: 1e3, тисячі: 1e3, тисяча: 1e3, мільйон: 1e6, мільйона: 1e6, мільйонів: 1e6, мільярд: 1e9, мільярда: 1e9, мільярдів: 1e9,
  tys: 1e3, tysiecy: 1e3, tysiace: 1e3, miliony: 1e6, milionow: 1e6, milion: 1e6, mld: 1e9, miliard: 1e9, miliardy: 1e9, miliardow: 1e9,
  milliones: 1e6, milhao: 1e6, milhoes: 1e6, milhar: 1e3, milhares: 1e3, bilhao: 1e9, bilhoes: 1e9, miliardi: 1e9, miliardo: 1e9,
  // Arabic as foldWord leaves it: hamza and madda dropped (ألف → الف).
  الف: 1e3, الاف: 1e3, مليون: 1e6, مليونا: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9,
});
// Chinese and Japanese myriads, written right after the digits: "4万5000人", "4.8亿欧元", "3億円".
const CJK_SCALES: Record<string, number> = Object.assign(Object.create(null), { 千: 1e3, 万: 1e4, 萬: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 });
// "m" and "b" are scales only after a currency sign ("$5m"), otherwise metres and bytes.
const CURRENCY_SCALES: Record<string, number> = Object.assign(Object.create(null), { m: 1e6, b: 1e9, bn: 1e9 });

const MAX_DIGITS = 18;
const NUMERAL_RUN = /\d+(?:[.,'’\u00A0\u2009\u202F ]\d+)*/g;
const SPACE_SEPARATORS = new Set([' ', '\u00A0', '\u2009', '\u202F', "'", '’']);
const SCALE_AFTER = /^(\s?)([\p{L}]+)(\.?)/u;
const PERCENT_AFTER = /^\s?(?:%|per\s?cent(?!\p{L})|percent(?!\p{L})|prozent(?!\p{L})|pour\s?cent(?!\p{L})|por\s?ciento(?!\p{L})|процент\p{L}*)/iu;
const ORDINAL_OR_DECADE_AFTER = /^(?:st|nd|rd|th|er|e|'?s)(?!\p{L})/u;

const QUALIFIERS = [
  'around', 'about', 'approximately', 'approx.', 'roughly', 'nearly', 'almost', 'some', 'an estimated', 'more than',
  'over', 'less than', 'fewer than', 'under', 'at least', 'at most', 'up to', 'as many as', 'as few as', 'just over',
  'just under', 'circa', 'ca.', 'etwa', 'rund', 'ungefähr', 'fast', 'knapp', 'mehr als', 'über', 'weniger als', 'bis zu',
  'mindestens', 'environ', 'près de', 'plus de', 'moins de', 'au moins', 'jusqu’à', "jusqu'à", 'около', 'примерно', 'более',
  'почти', 'свыше', 'менее', 'не менее', 'до',
];
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${QUALIFIERS.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\s+$`,
  'iu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Numbers in `text`, in order: numerals with grouping and decimals, scale words
 * ("2.5 million", "1.2bn", "5.93 mln"), percentages, English, German, French and
 * Russian number words, and years. Digits that belong to a full date ("16 August
 * 2021", "2021-08-16") are left to dateKeys; a year alone is both a date and a number.
 * Numbers glued to letters in names ("COVID-19", "G7", "F-16") and clock times are skipped.
 */
export function numberKeys(text: string, lang?: string, dates?: readonly DateKey[]): NumberKey[] {
  // Arabic-Indic, Persian and full-width digits read as ASCII ones; each is one UTF-16 unit, so offsets hold.
  const folded = foldDigits(text);
  // `dates`, the text's dateKeys when the caller has them, are the folded text's when no digit was folded.
  const keys = numberKeysOf(folded, lang, folded === text ? dates : undefined);
  if (folded !== text) for (const key of keys) key.raw = text.slice(key.start, key.end);
  return keys;
}

const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19\u066B\u066C]/g;

/** Text with every decimal digit written as an ASCII digit (the Arabic decimal and thousands signs as . and ,). */
export function foldDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

const CJK_NUMBER = /\d+(?:\.\d+)?[千万萬億亿兆](?:\d+(?:\.\d+)?[千万萬億亿兆])*\d*/gu;

/** Numbers written with Chinese and Japanese myriads: "4万5000" 45,000; "4億8000万" 480,000,000; "4.8亿" 480,000,000. */
export function myriadNumbers(text: string): NumberKey[] {
  const out: NumberKey[] = [];
  for (const m of text.matchAll(CJK_NUMBER)) {
    let value = 0;
    let rest = m[0];
    for (const part of m[0].matchAll(/(\d+(?:\.\d+)?)([千万萬億亿兆])/gu)) {
      value += Number(part[1]) * CJK_SCALES[part[2]];
      rest = rest.slice(part[0].length);
    }
    if (rest) value += Number(rest);
    out.push({ value: round(value), start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

function numberKeysOf(text: string, lang?: string, dates?: readonly DateKey[]): NumberKey[] {
  const dateSpans = (dates ?? dateKeys(text, lang)).filter((d) => d.precision === 'day' || d.precision === 'month');
  const myriads = myriadNumbers(text);
  const inMyriad = (n: NumberKey) => myriads.some((m) => n.start >= m.start && n.start < m.end);
  const all = [...myriads, ...numerals(text, lang).filter((n) => !inMyriad(n)), ...numberWords(text)].sort((a, b) => a.start - b.start);
  const keys: NumberKey[] = [];
  let d = 0;
  for (const key of all) {
    while (d < dateSpans.length && dateSpans[d].end <= key.start) d++;
    const date = dateSpans[d];
    if (date && key.start >= date.start && key.end <= date.end) continue;
    keys.push(key);
  }
  for (const key of keys) {
    const qualifier = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, key.start - 24), key.start))?.[1];
    if (qualifier) key.qualifier = qualifier.toLowerCase().replace('’', "'");
  }
  return keys;
}

interface Group {
  digits: string;
  start: number;
  /** The separator before this group ('' for the first). */
  sep: string;
}

function numerals(text: string, lang?: string): NumberKey[] {
  const out: NumberKey[] = [];
  for (const m of text.matchAll(NUMERAL_RUN)) {
    const groups = splitGroups(m[0], m.index);
    for (const number of splitIntoNumbers(groups)) {
      const key = readNumeral(text, number, lang);
      if (key) out.push(key);
    }
  }
  return out;
}

function splitGroups(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  const re = /(\D?)(\d+)/g;
  for (const m of run.matchAll(re)) groups.push({ sep: m[1], digits: m[2], start: offset + m.index + m[1].length });
  return groups;
}

/**
 * Cuts a digit run at spaces that are not thousands separators:
 * "1996 2001" is two numbers, "15 000" is one.
 */
function splitIntoNumbers(groups: Group[]): Group[][] {
  const numbers: Group[][] = [];
  let current: Group[] = [];
  // The separator used so far inside `current`: a space group may only extend a number grouped by that same space.
  let currentSep = '';
  for (const group of groups) {
    if (current.length > 0 && SPACE_SEPARATORS.has(group.sep)) {
      const spaceGrouped = current.length === 1 || currentSep === group.sep;
      if (!(spaceGrouped && current[0].digits.length <= 3 && group.digits.length === 3)) {
        numbers.push(current);
        current = [{ ...group, sep: '' }];
        currentSep = '';
        continue;
      }
    }
    if (current.length === 1) currentSep = group.sep;
    else if (current.length > 1 && group.sep !== currentSep) currentSep = '\u0000';
    current.push(group);
  }
  if (current.length > 0) numbers.push(current);
  return numbers;
}

interface Reading {
  value: number;
  alt?: number;
}

/** The value of digit groups with separators, or null when they are not one number (16.08.2021, 1.2.3). */
function readGroups(groups: Group[], lang: string | undefined, beforeScale: boolean): Reading | null {
  if (groups.length === 1) return { value: Number(groups[0].digits) };
  const seps = groups.slice(1).map((g) => g.sep);
  const tail = groups.slice(1).map((g) => g.digits);
  const last = seps.length - 1;
  const isGrouping = (from: number, to: number, sep: string) =>
    groups[0].digits.length <= 3 && tail.slice(from, to).every((d) => d.length === 3) && seps.slice(from, to).every((s) => s === sep);
  const joined = (n: number) => groups[0].digits + tail.slice(0, n).join('');

  if (seps.length === 1) {
    const sep = seps[0];
    const grouped = Number(joined(1));
    const decimal = Number(`${groups[0].digits}.${tail[0]}`);
    if (SPACE_SEPARATORS.has(sep)) return { value: grouped };
    if (tail[0].length !== 3 || groups[0].digits.length > 3 || /^0+$/.test(groups[0].digits)) return { value: decimal };
    const commaIsDecimal = usesDecimalComma(lang);
    const readAsDecimal = sep === ',' ? commaIsDecimal : !commaIsDecimal && beforeScale;
    return readAsDecimal ? { value: decimal, alt: grouped } : { value: grouped, alt: decimal };
  }
  // Several separators: all the same grouping ("1,234,567"), or grouping then one decimal ("1.234,5").
  if (isGrouping(0, seps.length, seps[0])) return { value: Number(joined(seps.length)) };
  const decimalSep = seps[last];
  if ((decimalSep === '.' || decimalSep === ',') && isGrouping(0, last, seps[0]) && seps[0] !== decimalSep) {
    return { value: Number(`${joined(last)}.${tail[last]}`) };
  }
  return null;
}

function readNumeral(text: string, groups: Group[], lang?: string): NumberKey | null {
  const start = groups[0].start;
  const lastGroup = groups[groups.length - 1];
  let end = lastGroup.start + lastGroup.digits.length;
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 24);
  // Names and codes: "G7", "COVID-19", "F-16", "Tu-154", clock times "10:30".
  // Chinese and Japanese write numbers right after a word ("約4万人", "去年12月"): no code there.
  if (/\p{L}$|\p{L}-$|:$/u.test(before) && !/[$€£¥]$/u.test(before) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(before)) return null;
  if (/^:\d/.test(after)) return null;

  // Long digit strings are identifiers (phone numbers, IDs), not quantities.
  if (groups.reduce((n, g) => n + g.digits.length, 0) > MAX_DIGITS) return null;
  const scale = scaleAfter(after, /[$€£¥]\s?$/u.test(before));
  const reading = readGroups(groups, lang, scale !== null);
  if (!reading) return null;
  let value = reading.value;
  let alt = reading.alt;
  if (scale) {
    value = round(value * scale.factor);
    if (alt !== undefined) alt = round(alt * scale.factor);
    end += scale.length;
  }
  const key: NumberKey = { value, start, end, raw: '' };
  if (alt !== undefined) key.alt = alt;
  const percent = PERCENT_AFTER.exec(text.slice(end, end + 24));
  if (percent) {
    key.percent = true;
    key.end = end + percent[0].length;
  } else if (!scale) {
    const suffix = ORDINAL_OR_DECADE_AFTER.exec(text.slice(end, end + 4));
    if (suffix) key.end = end + suffix[0].length;
    else if (groups.length === 1 && /^(1\d{3}|20\d{2})$/.test(groups[0].digits)) key.year = true;
  }
  key.raw = text.slice(key.start, key.end);
  return key;
}

function scaleAfter(after: string, afterCurrency: boolean): { factor: number; length: number } | null {
  const m = SCALE_AFTER.exec(after);
  if (!m) return null;
  const word = foldWord(m[2]);
  const factor = SCALES[word] ?? (afterCurrency && m[1] === '' ? CURRENCY_SCALES[word] : undefined);
  if (!factor) return null;
  const abbreviated = word.length <= 4 && m[3] === '.';
  return { factor, length: m[1].length + m[2].length + (abbreviated ? 1 : 0) };
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}

// ---- Number words ----------------------------------------------------------------

const UNITS: Record<string, number> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12,
  zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, сто: 100,
};
// Words for "one" that are also articles or pronouns: numbers only before a scale word.
const ONE = new Set(['one', 'a', 'an', 'ein', 'eine', 'einer', 'un', 'une', 'один', 'одна', 'одно']);
const HUNDRED = new Set(['hundred', 'hundert', 'cent']);
const WORD_SCALES: Record<string, number> = {
  thousand: 1e3, tausend: 1e3, mille: 1e3, тысяч: 1e3, тысячи: 1e3, тысяча: 1e3,
  million: 1e6, millionen: 1e6, millions: 1e6, миллион: 1e6, миллиона: 1e6, миллионов: 1e6,
  billion: 1e9, milliarde: 1e9, milliarden: 1e9, milliard: 1e9, milliards: 1e9, миллиард: 1e9, миллиарда: 1e9, миллиардов: 1e9,
  trillion: 1e12,
  dozen: 12,
  // Wire-style abbreviations after number words: "six bln", "four mln".
  mln: 1e6, mio: 1e6, bln: 1e9, bn: 1e9, mrd: 1e9, trn: 1e12,
};
const JOINERS = new Set(['and', 'und', 'et']);
// German compounds: "einhundert", "fünfundzwanzig", "zweitausend".
const GERMAN_COMPOUND = /^(?:(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)?(hundert))?(?:(ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und)?(zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)?$/;
const GERMAN_DIGITS: Record<string, number> = { ein: 1, zwei: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 };

type WordRole =
  | { kind: 'unit'; value: number }
  | { kind: 'one' }
  | { kind: 'hundred' }
  | { kind: 'scale'; value: number }
  | { kind: 'joiner' };

interface WordToken {
  role: WordRole;
  start: number;
  end: number;
}

// Every number word's role, looked up once per word of the text. Earlier tables win.
const FIXED_ROLES = new Map<string, WordRole>();
function addRoles(words: Iterable<string>, roleOfWord: (w: string) => WordRole): void {
  for (const w of words) if (!FIXED_ROLES.has(w)) FIXED_ROLES.set(w, roleOfWord(w));
}
addRoles(Object.keys(UNITS), (w) => ({ kind: 'unit', value: UNITS[w] }));
addRoles(ONE, () => ({ kind: 'one' }));
addRoles(HUNDRED, () => ({ kind: 'hundred' }));
addRoles(Object.keys(WORD_SCALES), (w) => ({ kind: 'scale', value: WORD_SCALES[w] }));
addRoles(JOINERS, () => ({ kind: 'joiner' }));

function roleOf(word: string, next: string): WordRole | null {
  const w = foldWord(word);
  // "Sept." is September; "sept" is French for seven.
  if (w === 'sept' && (word !== 'sept' || next.startsWith('.'))) return null;
  const role = FIXED_ROLES.get(w);
  if (role) return role;
  const german = germanCompound(w);
  if (german !== null) return { kind: 'unit', value: german };
  return null;
}

function germanCompound(w: string): number | null {
  if (w.length < 6 || !/(hundert|zig|ssig)$/.test(w)) return null;
  const m = GERMAN_COMPOUND.exec(w);
  if (!m || (!m[2] && !m[4])) return null;
  const hundreds = m[2] ? (m[1] ? GERMAN_DIGITS[m[1]] : 1) * 100 : 0;
  const units = m[3] ? GERMAN_DIGITS[m[3]] : 0;
  const tens = m[4] ? UNITS[m[4]] : 0;
  return hundreds + tens + units;
}

const LETTER_WORD = /[\p{L}\p{M}]+/gu;

/** Number-word tokens grouped into runs of adjacent words (separated by spaces or hyphens). */
function numberWords(text: string): NumberKey[] {
  const out: NumberKey[] = [];
  let run: WordToken[] = [];
  const flush = () => {
    for (const parsed of parseWordRun(run)) {
      const start = parsed[0].start;
      let end = parsed[parsed.length - 1].end;
      const key: NumberKey = { value: wordValue(parsed), start, end, raw: '', words: true };
      const percent = PERCENT_AFTER.exec(text.slice(end, end + 24));
      if (percent) {
        key.percent = true;
        end += percent[0].length;
        key.end = end;
      }
      key.raw = text.slice(start, end);
      out.push(key);
    }
    run = [];
  };
  for (const m of text.matchAll(LETTER_WORD)) {
    const end = m.index + m[0].length;
    const role = roleOf(m[0], text.slice(end, end + 1));
    const last = run.at(-1);
    const adjacent = last !== undefined && m.index - last.end <= 3 && /^[\s-]+$/.test(text.slice(last.end, m.index));
    if ((!role || !adjacent) && run.length > 0) flush();
    if (role) run.push({ role, start: m.index, end });
  }
  if (run.length > 0) flush();
  return out;
}

/**
 * Splits a run of number words into numbers following the usual grammar
 * ([unit] hundred [and] [tens] [unit]) (scale …)*: "five six" is two numbers,
 * "one hundred and twenty" one. Joiners and lone articles are dropped at the edges.
 */
function parseWordRun(run: WordToken[]): WordToken[][] {
  const numbers: WordToken[][] = [];
  let current: WordToken[] = [];
  // What the current number can take next.
  let segmentValue = 0; // value of the segment below the last scale
  let lastKind: WordRole['kind'] | 'none' = 'none';
  let lastUnit = 0;
  const close = () => {
    while (current.length && (current.at(-1)!.role.kind === 'joiner' || current.at(-1)!.role.kind === 'one')) current.pop();
    while (current.length && current[0].role.kind === 'joiner') current.shift();
    if (current.some((t) => t.role.kind === 'unit' || ((t.role.kind === 'hundred' || t.role.kind === 'scale') && current.length > 1))) {
      numbers.push(current);
    }
    current = [];
    segmentValue = 0;
    lastKind = 'none';
    lastUnit = 0;
  };
  for (let i = 0; i < run.length; i++) {
    const token = run[i];
    const role = token.role;
    const next = run[i + 1]?.role;
    switch (role.kind) {
      case 'unit': {
        const fits =
          lastKind === 'none' ||
          lastKind === 'hundred' ||
          lastKind === 'scale' ||
          lastKind === 'joiner' ||
          (lastKind === 'unit' && lastUnit >= 20 && lastUnit % 10 === 0 && role.value < 10 && lastUnit < 100);
        if (!fits) close();
        current.push(token);
        segmentValue += role.value;
        lastUnit = role.value;
        lastKind = 'unit';
        break;
      }
      case 'one':
        if (!next || (next.kind !== 'hundred' && next.kind !== 'scale')) {
          close();
          break;
        }
        if (lastKind !== 'none' && lastKind !== 'scale' && lastKind !== 'joiner') close();
        current.push(token);
        segmentValue += 1;
        lastKind = 'one';
        break;
      case 'hundred':
        if (lastKind === 'hundred' || segmentValue >= 100 || (lastKind === 'none' && current.length === 0 && !next)) {
          close();
          break;
        }
        current.push(token);
        segmentValue = (segmentValue || 1) * 100;
        lastKind = 'hundred';
        break;
      case 'scale':
        if (lastKind === 'none' && current.length === 0 && (!next || next.kind === 'joiner')) break;
        current.push(token);
        segmentValue = 0;
        lastKind = 'scale';
        break;
      case 'joiner':
        if ((lastKind === 'hundred' || lastKind === 'scale') && next?.kind === 'unit') {
          current.push(token);
          lastKind = 'joiner';
        } else {
          close();
        }
        break;
    }
  }
  close();
  return numbers;
}

/** Value of a parsed number-word sequence: "two million three hundred and five" = 2000305. */
function wordValue(tokens: WordToken[]): number {
  let total = 0;
  let current = 0;
  for (const { role } of tokens) {
    if (role.kind === 'unit') current += role.value;
    else if (role.kind === 'one') current += 1;
    else if (role.kind === 'hundred') current = (current || 1) * 100;
    else if (role.kind === 'scale') {
      total += (current || 1) * role.value;
      current = 0;
    }
  }
  return total + current;
}
