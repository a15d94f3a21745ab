/**
 * Dates as publishers write them, normalised to ISO 8601:
 * "YYYY-MM-DD" when only the day is known, "YYYY-MM-DDTHH:MM:SS[.sss]" plus "Z" or "±HH:MM" when the zone is known.
 * A time without a zone stays zone-less rather than taking the zone of the machine that reads it.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const ZONE_OFFSETS: Record<string, string> = {
  z: 'Z', gmt: 'Z', utc: 'Z', ut: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  bst: '+01:00', cet: '+01:00', cest: '+02:00', eet: '+02:00', eest: '+03:00', msk: '+03:00', jst: '+09:00',
  aest: '+10:00', aedt: '+11:00',
};

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
  zone?: string;
}

const ISO_LIKE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[a-z]{1,5})?)?$/i;
const SLASHED_YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED_DMY = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_PART = '(?:(?:,|\\s+at|\\s*-)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?\\s*(z|[+-]\\d{2}:?\\d{2}|[a-z]{2,5})?)?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_PART}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH_NAME},?\\s+(\\d{4})${TIME_PART}$`, 'i');

/** Normalises a publisher's date string to ISO 8601, or undefined when it is not a date. */
export function normalizeDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw
    .trim()
    .replace(/\s+/g, ' ')
    // JavaScript's Date#toString shape: "… GMT+0000 (Coordinated Universal Time)".
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\b(?:GMT|UTC)([+-]\d{2}:?\d{2})$/i, '$1');
  if (!s) return undefined;
  const parts = parseDateParts(s);
  return parts && isValidParts(parts) ? formatParts(parts) : undefined;
}

function parseDateParts(s: string): DateParts | undefined {
  if (/^\d{10}(\d{3})?$/.test(s)) return epochParts(Number(s.length === 10 ? Number(s) * 1000 : Number(s)));
  let m = ISO_LIKE.exec(s);
  if (m) {
    const zone = m[8] ? zoneOffset(m[8]) : undefined;
    if (m[8] && zone === undefined) return undefined;
    return {
      year: +m[1], month: +m[2], day: +m[3],
      ...(m[4] !== undefined ? { hour: +m[4], minute: +m[5], second: m[6] !== undefined ? +m[6] : 0, fraction: m[7], zone } : {}),
    };
  }
  m = SLASHED_YMD.exec(s);
  if (m) return withTime({ year: +m[1], month: +m[2], day: +m[3] }, m[4], m[5], m[6]);
  m = DOTTED_DMY.exec(s);
  if (m) return withTime({ year: +m[3], month: +m[2], day: +m[1] }, m[4], m[5], m[6]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return withTime({ year: +m[3], month: MONTHS[m[1].toLowerCase()], day: +m[2] }, m[4], m[5], m[6], m[7], m[8]);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return withTime({ year: +m[3], month: MONTHS[m[2].toLowerCase()], day: +m[1] }, m[4], m[5], m[6], m[7], m[8]);
  return undefined;
}

function withTime(
  date: DateParts,
  hour?: string,
  minute?: string,
  second?: string,
  meridiem?: string,
  zoneText?: string,
): DateParts | undefined {
  if (hour === undefined) return date;
  let h = +hour;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    const pm = /^p/i.test(meridiem);
    h = (h % 12) + (pm ? 12 : 0);
  }
  const zone = zoneText ? zoneOffset(zoneText) : undefined;
  if (zoneText && zone === undefined) return undefined;
  return { ...date, hour: h, minute: +(minute ?? 0), second: +(second ?? 0), zone };
}

function zoneOffset(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower in ZONE_OFFSETS) return ZONE_OFFSETS[lower];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const offset = `${m[1]}${m[2]}:${m[3] ?? '00'}`;
  return offset === '+00:00' || offset === '-00:00' ? 'Z' : offset;
}

function epochParts(ms: number): DateParts | undefined {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), zone: 'Z',
  };
}

function isValidParts(p: DateParts): boolean {
  if (p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()) return false;
  if (p.hour === undefined) return true;
  return p.hour <= 23 && (p.minute ?? 0) <= 59 && (p.second ?? 0) <= 60;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatParts(p: DateParts): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === undefined) return date;
  const fraction = p.fraction && /[1-9]/.test(p.fraction) ? p.fraction.slice(0, 4) : '';
  return `${date}T${pad(p.hour)}:${pad(p.minute ?? 0)}:${pad(p.second ?? 0)}${fraction}${p.zone ?? ''}`;
}

/**
 * The instant an ISO 8601 string names, in ms since the epoch. Zone-less values are read as UTC so that the
 * result never depends on the machine's zone; that is how two dates are compared.
 */
export function instantOf(iso: string): number | undefined {
  const normalized = normalizeDate(iso);
  if (!normalized) return undefined;
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(normalized);
  const value = normalized.length === 10 ? `${normalized}T00:00:00Z` : hasZone ? normalized : `${normalized}Z`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The calendar day an ISO 8601 string names, as the publisher wrote it (its own zone). */
function dayOf(iso: string): string | undefined {
  return normalizeDate(iso)?.slice(0, 10);
}

export interface UrlDate {
  /** Full date when the path names year, month and day. */
  iso?: string;
  /** The year alone, when only that is in the path. */
  year?: number;
}

/** Dates that news sites put in article paths: /2021/08/16/, /2021-08-16/, -20210816, /2021/aug/16/. */
export function dateFromUrl(url: string | undefined): UrlDate {
  if (!url) return {};
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const candidates: [string, string, string][] = [];
  for (const m of path.matchAll(/(?:^|[/_-])((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?=$|[/_.-])/gi)) {
    candidates.push([m[1], m[2], m[3]]);
  }
  for (const m of path.matchAll(/(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/g)) {
    candidates.push([m[1], m[2], m[3]]);
  }
  for (const [y, mo, d] of candidates) {
    const month = /^\d+$/.test(mo) ? +mo : MONTHS[mo.toLowerCase()];
    if (!month) continue;
    const iso = normalizeDate(`${y}-${pad(month)}-${pad(+d)}`);
    if (iso) return { iso, year: +y };
  }
  const yearOnly = /\/((?:19|20)\d{2})\//.exec(path);
  return yearOnly ? { year: +yearOnly[1] } : {};
}

// Wire-style place in capitals with an optional region ("MOSCOW,", "KABUL, Afghanistan,"); matched case-sensitively.
const DATELINE_PLACE = /^\s*\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*(?!\p{L}+\.?\s+\d)\p{Lu}[\p{L}.'’ -]{1,30})?,?\s+/u;
// Then the date and an optional agency: "Aug 16 (Reuters) -", "16 August 2021 (AFP) –".
const DATELINE_DATE = new RegExp(
  `^(?:${MONTH_NAME}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH_NAME})(?:,?\\s+(\\d{4}))?` +
    `\\s*(?:\\([\\p{L}\\s&.-]{2,40}\\)\\s*)?[-–—]`,
  'iu',
);

/**
 * The date of a wire dateline at the start of the text. Datelines rarely carry the year, so `yearHint` supplies
 * it; `notAfter` (an ISO date such as the modified time) moves the day back a year when it would fall later.
 */
export function datelineDate(text: string, yearHint?: number, notAfter?: string): string | undefined {
  const head = text.slice(0, 200);
  const place = DATELINE_PLACE.exec(head);
  const m = place ? DATELINE_DATE.exec(head.slice(place[0].length)) : null;
  if (!m) return undefined;
  const month = MONTHS[(m[1] ?? m[4]).toLowerCase()];
  const day = +(m[2] ?? m[3]);
  const statedYear = m[5] ? +m[5] : undefined;
  const limitDay = notAfter ? dayOf(notAfter) : undefined;
  let year = statedYear ?? yearHint ?? (limitDay ? +limitDay.slice(0, 4) : undefined);
  if (year === undefined) return undefined;
  let iso = normalizeDate(`${year}-${pad(month)}-${pad(day)}`);
  if (iso && statedYear === undefined && limitDay && iso > limitDay) {
    year -= 1;
    iso = normalizeDate(`${year}-${pad(month)}-${pad(day)}`);
  }
  return iso;
}
