/**
 * Dates, weekdays and years mentioned in a text, reduced to comparable keys so that
 * "16 August 2021", "Aug. 16, 2021", "2021-08-16" and "16.08.2021" all give
 * iso "2021-08-16", and a changed day, month, year or weekday shows as a changed key.
 */
import { foldWord } from './normalize';

export type DatePrecision = 'day' | 'month' | 'year' | 'decade' | 'weekday';

export interface DateKey {
  /**
   * ISO 8601 form of what the text states: "2021-08-16", "2021-08", "2021", or,
   * without a year, "--08-16" (day and month) and "--08" (month). "" for a weekday alone.
   * A decade ("the 1980s") is "1980" with precision "decade".
   */
  iso: string;
  /** 0 = Sunday … 6 = Saturday, when the text names a weekday (alone or with a date). */
  weekday?: number;
  precision: DatePrecision;
  /** [start, end) in the text; raw = text.slice(start, end). */
  start: number;
  end: number;
  raw: string;
}

// No prototype: "constructor" or "toString" in a text must not look like a month.
const MONTHS: Record<string, number> = Object.create(null);
function addMonths(names: string[][]): void {
  names.forEach((forms, i) => {
    for (const form of forms) MONTHS[foldWord(form)] = i + 1;
  });
}
addMonths([
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'января', 'январь', 'январе', 'styczeń', 'stycznia'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'февраля', 'февраль', 'феврале', 'luty', 'lutego'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'марта', 'март', 'марте', 'marzec', 'marca'],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'апреля', 'апрель', 'апреле', 'kwiecień', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maggio', 'мая', 'май', 'мае', 'maj', 'maja'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'июня', 'июнь', 'июне', 'czerwiec', 'czerwca'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'июля', 'июль', 'июле', 'lipiec', 'lipca'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'августа', 'август', 'августе', 'sierpień', 'sierpnia'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'сентября', 'сентябрь', 'сентябре', 'wrzesień', 'września'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'октября', 'октябрь', 'октябре', 'październik', 'października'],
  ['november', 'nov', 'novembre', 'noviembre', 'ноября', 'ноябрь', 'ноябре', 'listopad', 'listopada'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dicembre', 'декабря', 'декабрь', 'декабре', 'grudzień', 'grudnia'],
]);

// Month words that are also common words: only taken as months next to a day or a year.
const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'march', 'jan', 'mai', 'mars', 'sep', 'dec', 'oct', 'nov', 'aug', 'jun', 'jul', 'apr', 'feb', 'maj', 'dez', 'okt', 'sept']);

const WEEKDAYS = new Map<string, number>();
[
  ['sunday', 'sun', 'sonntag', 'dimanche', 'domingo', 'domenica', 'воскресенье', 'воскресенья', 'niedziela', 'niedzielę'],
  ['monday', 'mon', 'montag', 'lundi', 'lunes', 'lunedi', 'понедельник', 'понедельника', 'poniedziałek', 'poniedzialek'],
  ['tuesday', 'tue', 'tues', 'dienstag', 'mardi', 'martes', 'martedi', 'вторник', 'вторника', 'wtorek'],
  ['wednesday', 'wed', 'mittwoch', 'mercredi', 'miercoles', 'mercoledi', 'среда', 'среду', 'среды', 'środa', 'sroda', 'środę', 'srode'],
  ['thursday', 'thu', 'thur', 'thurs', 'donnerstag', 'jeudi', 'jueves', 'giovedi', 'четверг', 'четверга', 'czwartek'],
  ['friday', 'fri', 'freitag', 'vendredi', 'viernes', 'venerdi', 'пятница', 'пятницу', 'пятницы', 'piątek', 'piatek'],
  ['saturday', 'sat', 'samstag', 'sonnabend', 'samedi', 'sabado', 'sabato', 'суббота', 'субботу', 'субботы', 'sobota', 'sobotę', 'sobote'],
].forEach((forms, day) => {
  for (const form of forms) WEEKDAYS.set(form, day);
});
// Short weekday forms that are ordinary words elsewhere ("Sat down", "Sun rose").
const WEEKDAY_ABBREVIATIONS = new Set(['sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat']);

function weekdayOf(word: string): number | undefined {
  return WEEKDAYS.get(foldWord(word));
}

const WORD = '[\\p{L}\\p{M}]+';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.)?';
const YEAR = '(\\d{4})';
// A month alone counts after one of these words, read from a short slice before it
// (a look-behind over an unbounded run of spaces would make the scan quadratic).
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|since|until|till|by|from|last|next|early|late|mid|im|seit|bis|ab|en|depuis|dès|в|с|до|к)[\s-]{1,3}$/iu;

const DATE_PATTERNS: {
  re: RegExp;
  build: (m: RegExpExecArray, lang: string | undefined, text: string) => Omit<DateKey, 'start' | 'end' | 'raw'> | null;
}[] = [
  {
    // 2021-08-16, 2021-08-16T10:00
    re: /(?<![\d.,-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.,]\d)/g,
    build: (m) => dayKey(+m[1], +m[2], +m[3]),
  },
  {
    // 16.08.2021, 16.8.21
    re: /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.,]\d|\d)/g,
    build: (m) => dayKey(fullYear(m[3]), +m[2], +m[1]),
  },
  {
    // 08/16/2021 (month first in English), 16/08/2021 (day first elsewhere)
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
    build: (m, lang) => {
      const a = +m[1];
      const b = +m[2];
      const monthFirst = a > 12 ? false : b > 12 ? true : !lang || /^en(-US)?$/i.test(lang);
      return monthFirst ? dayKey(fullYear(m[3]), a, b) : dayKey(fullYear(m[3]), b, a);
    },
  },
  {
    // 2021年8月16日
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    build: (m) => dayKey(+m[1], +m[2], +m[3]),
  },
  {
    // 16 August 2021, 16. August, 16th of August, 16 августа 2021 года
    re: new RegExp(`(?<![\\d.,])${DAY}\\s+(?:of\\s+)?(${WORD})\\.?(?:,?\\s+${YEAR}(?!\\d))?`, 'gu'),
    build: (m) => {
      const month = MONTHS[foldWord(m[2])];
      if (!month) return null;
      return m[3] ? dayKey(+m[3], month, +m[1]) : partialDayKey(month, +m[1]);
    },
  },
  {
    // August 16, 2021; Aug. 16 2021; August 16
    re: new RegExp(`(?<!\\p{L})(${WORD})\\.?\\s+${DAY}(?!\\d|[.,]\\d)(?:,?\\s+${YEAR}(?!\\d))?`, 'gu'),
    build: (m) => {
      const month = MONTHS[foldWord(m[1])];
      if (!month) return null;
      return m[3] ? dayKey(+m[3], month, +m[2]) : partialDayKey(month, +m[2]);
    },
  },
  {
    // August 2021, im August 2021
    re: new RegExp(`(?<!\\p{L})(${WORD})\\.?,?\\s+${YEAR}(?!\\d)`, 'gu'),
    build: (m) => {
      const month = MONTHS[foldWord(m[1])];
      const year = +m[2];
      if (!month || !plausibleYear(year)) return null;
      return { iso: `${year}-${pad(month)}`, precision: 'month' };
    },
  },
  {
    // "in July", "since March": a month alone, after a preposition so "may"/"march" stay verbs.
    re: new RegExp(`(?<!\\p{L})(${WORD})(?!\\p{L})`, 'gu'),
    build: (m, _lang, text) => {
      const folded = foldWord(m[1]);
      const month = MONTHS[folded];
      if (!month || AMBIGUOUS_MONTHS.has(folded)) return null;
      if (!PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      return { iso: `--${pad(month)}`, precision: 'month' };
    },
  },
  {
    // the 1980s, 1990s
    re: /(?<![\d.,'’])(1[0-9]|20)(\d0)(?:'?s)(?!\p{L})/gu,
    build: (m) => ({ iso: `${m[1]}${m[2]}`, precision: 'decade' }),
  },
  {
    // A year alone: 1000–2099 written without separators.
    re: /(?<![\p{L}\d.,:/'’$€£¥])(1\d{3}|20\d{2})(?![\d%]|[.,:/]\d|-\d{1,2}(?!\d)|\s?%|\s?(?:per\s?cent|percent|prozent|pour\s?cent)(?!\p{L}))/giu,
    build: (m) => ({ iso: m[1], precision: 'year' }),
  },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fullYear(text: string): number {
  const y = +text;
  return text.length === 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
}

function plausibleYear(y: number): boolean {
  return y >= 1000 && y <= 2099;
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function dayKey(year: number, month: number, day: number): Omit<DateKey, 'start' | 'end' | 'raw'> | null {
  if (!plausibleYear(year) || !validDay(month, day)) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function partialDayKey(month: number, day: number): Omit<DateKey, 'start' | 'end' | 'raw'> | null {
  if (!validDay(month, day)) return null;
  return { iso: `--${pad(month)}-${pad(day)}`, precision: 'day' };
}

const WEEKDAY_WORD = /(?<!\p{L})[\p{L}\p{M}]+(?!\p{L})\.?/gu;
// How a weekday may be joined to a following date: "Monday, August 16" / "Montag, 16. August".
const WEEKDAY_TO_DATE = /^,?\s+(?:the\s+|den\s+|le\s+)?$/i;

/**
 * Dates, weekdays, months and years in `text`, in order, not overlapping.
 * `lang` only decides the order of day and month in "08/09/2021" (month first for English).
 */
export function dateKeys(text: string, lang?: string): DateKey[] {
  const found: DateKey[] = [];
  for (const { re, build } of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const key = build(m, lang, text);
      if (key) found.push({ ...key, start: m.index, end: m.index + m[0].length, raw: m[0] });
      // A word that turned out not to be a month must not hide a date starting inside the match.
      // Step a whole code point: with the u flag a lastIndex inside a surrogate pair snaps back to its start.
      else re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    }
  }
  const dates = keepLongestNonOverlapping(found);
  const weekdays = findWeekdays(text);
  return attachWeekdays(text, dates, weekdays);
}

function findWeekdays(text: string): DateKey[] {
  const out: DateKey[] = [];
  for (const m of text.matchAll(WEEKDAY_WORD)) {
    const word = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    const day = weekdayOf(word);
    if (day === undefined) continue;
    // "Sat", "Wed" are weekdays only when capitalised and abbreviated with a dot or a comma after.
    if (WEEKDAY_ABBREVIATIONS.has(word.toLowerCase()) && !(/^\p{Lu}/u.test(word) && /^[.,]/.test(text.slice(m.index + word.length, m.index + word.length + 1)))) continue;
    const raw = word;
    out.push({ iso: '', weekday: day, precision: 'weekday', start: m.index, end: m.index + raw.length, raw });
  }
  return out;
}

function keepLongestNonOverlapping(keys: DateKey[]): DateKey[] {
  const sorted = [...keys].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: DateKey[] = [];
  for (const key of sorted) {
    const last = kept.at(-1);
    if (last && key.start < last.end) {
      // Overlap: keep the one covering more text.
      if (key.end - key.start > last.end - last.start) kept[kept.length - 1] = key;
      continue;
    }
    kept.push(key);
  }
  return kept;
}

/** Merges "Monday, August 16, 2021" into one key; keeps other weekdays as weekday-only keys. */
function attachWeekdays(text: string, dates: DateKey[], weekdays: DateKey[]): DateKey[] {
  const out: DateKey[] = [];
  let d = 0;
  for (const weekday of weekdays) {
    while (d < dates.length && dates[d].end <= weekday.start) out.push(dates[d++]);
    const next = dates[d];
    if (next && next.start < weekday.end) continue; // inside a date already found
    if (next && next.precision === 'day' && WEEKDAY_TO_DATE.test(text.slice(weekday.end, next.start))) {
      const end = next.end;
      out.push({ ...next, weekday: weekday.weekday, start: weekday.start, end, raw: text.slice(weekday.start, end) });
      d++;
      continue;
    }
    out.push(weekday);
  }
  while (d < dates.length) out.push(dates[d++]);
  return out;
}

/** Whether a word names a month or a weekday in full ("August", "Montag"); "May" is left to names. */
export function isCalendarWord(word: string): boolean {
  const folded = foldWord(word.replace(/\.$/, ''));
  if (folded.length < 4 || folded === 'may' || folded === 'mars' || folded === 'mai') return false;
  return folded in MONTHS || weekdayOf(folded) !== undefined;
}
