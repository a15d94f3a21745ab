/**
 * Words a description (lib/wording/catalogue.ts) for a reader. What is the same in every language — an excerpt cut
 * to a line, nested descriptions worded first — is done here; the sentences, numbers, dates and lists come from the
 * front end's `Wording`: English for the command line and the server (`inEnglish`), the messages file in the
 * extension (extension/popup/descriptions.ts).
 */
import { CATALOGUE, type ArgKind, type Description, type DescriptionCode } from './catalogue';

export interface Wording {
  /** The sentence for `code` with its values filled in, in the plural form `count` takes when given. */
  sentence(code: DescriptionCode, values: Record<string, string>, count?: number): string;
  count(n: number): string;
  /** A language tag's name ("ru" → "Russian"). */
  language(tag: string): string;
  percent(share: number): string;
  day(iso: string): string;
  time(iso: string): string;
  /** Worded items, listed. */
  list(items: string[]): string;
}

/** Article text quoted in a description is cut to this many characters. */
const EXCERPT_CHARS = 60;

/** The excerpt on one line, cut to EXCERPT_CHARS with an ellipsis. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line;
}

function wordValue(kind: ArgKind, value: unknown, wording: Wording): string {
  switch (kind) {
    case 'excerpt':
      return excerpt(String(value));
    case 'text':
      return String(value);
    case 'language':
      return wording.language(String(value));
    case 'count':
      return wording.count(Number(value));
    case 'percent':
      return wording.percent(Number(value));
    case 'day':
      return wording.day(String(value));
    case 'time':
      return wording.time(String(value));
    case 'description':
      return render(value as Description, wording);
    case 'list':
      return wording.list((value as Description[]).map((item) => render(item, wording)));
  }
}

/** The description in the words `wording` gives. */
export function render(description: Description, wording: Wording): string {
  const entry = CATALOGUE[description.code];
  const args = description.args as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [name, kind] of Object.entries(entry.args) as [string, ArgKind][]) values[name] = wordValue(kind, args[name], wording);
  const count = 'plural' in entry ? Number(args[entry.plural]) : undefined;
  return wording.sentence(description.code, values, count);
}

/** A `$NAME$` template with its values (names are case-insensitive, as in the messages file). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const byName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  return template.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole);
}

/** Language names in `locale`'s language; the runtime's own locale for a tag it does not take. */
function languageNames(locale: string | undefined): Intl.DisplayNames {
  const options = { type: 'language', fallback: 'none' } as const;
  try {
    return new Intl.DisplayNames(locale, options);
  } catch {
    return new Intl.DisplayNames(undefined, options);
  }
}

/**
 * The name of the language a BCP 47 tag names, in the language of `locale` ("ru" in French: "russe"); the tag itself
 * for a well-formed one the locale data has no name for; null when the tag names no language ("", "und", "?").
 */
export function languageName(tag: string, locale: string | undefined): string | null {
  const trimmed = tag.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'und') return null;
  try {
    return languageNames(locale).of(trimmed) ?? trimmed;
  } catch {
    // Not a language tag (a RangeError): no made-up name.
    return null;
  }
}

/** English, as the command line and the team server print it: figures as they are, ISO dates. */
export const ENGLISH: Wording = {
  sentence(code, values, count) {
    const en = CATALOGUE[code].en;
    const template = typeof en === 'string' ? en : count === 1 ? en.one : en.other;
    return fillTemplate(template, values);
  },
  count: (n) => String(n),
  language: (tag) => languageName(tag, 'en') ?? 'an unknown language',
  percent: (share) => `${Math.round(share * 100)}%`,
  day: (iso) => iso,
  time: (iso) => iso,
  list: (items) => items.join(', '),
};

export function inEnglish(description: Description): string {
  return render(description, ENGLISH);
}
