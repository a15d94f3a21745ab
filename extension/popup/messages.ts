/**
 * The popup's words, from the extension's messages file (public/_locales/<lang>/messages.json, the browser's i18n
 * format), so a translation is one more file. Values are passed by placeholder name; counts choose the plural form
 * by the reader's language (`key_one`, `key_other`, and `key_few`, `key_many`… where a translation has them).
 *
 * Where the browser gives no message, the default locale's file the popup carries (English, the manifest's
 * default_locale) answers: see messageFromBrowser for when that happens.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';
import { languageInReadersWords, uiLanguage } from '../shared/locale.ts';

type Messages = typeof english;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type MessageKey = keyof Messages;
/** Keys with plural forms, named without their `_one` / `_other` ending. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

export type Values = Record<string, string | number>;

/** The values in the order of the placeholders' `$1`, `$2`… (the same in every translation). */
function ordered(entry: Entry, values: Values): string[] {
  const substitutions: string[] = [];
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.slice(1)) - 1;
    substitutions[index] = String(values[name] ?? values[name.toUpperCase()] ?? '');
  }
  return substitutions;
}

/** The browser's own substitution, for the English file read directly: $NAME$ → $n → value. */
function fill(entry: Entry, substitutions: string[]): string {
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()]?.content ?? whole)
    // One pass, so a value holding "$$" or "$1" (article text) is inserted as it is.
    .replace(/\$(\d)|\$\$/g, (whole, n: string | undefined) => (n === undefined ? '$' : (substitutions[Number(n) - 1] ?? whole)));
}

/**
 * The browser's message for `key`, or null where it gives none:
 * - no i18n at all (the unit tests' fake browser throws);
 * - an extension process of Debian's Chromium that holds no messages: when the extension's first page (the first-run
 *   tab) is closed before it has loaded, the pages opened next read "" for every key, the browser's own
 *   "@@extension_id" included, for as long as that process lives (README, "Where Chromium gives no messages").
 * Nothing is cached here, so each call asks the browser again.
 */
function messageFromBrowser(key: string, substitutions: string[]): string | null {
  try {
    return browser.i18n.getMessage(key as MessageKey, substitutions) || null;
  } catch {
    return null;
  }
}

function lookup(key: string, values: Values): string {
  const entry = (english as Record<string, Entry>)[key];
  const substitutions = entry ? ordered(entry, values) : [];
  // Without the browser's message, the default locale's file, as the browser itself falls back for a missing key.
  return messageFromBrowser(key, substitutions) ?? (entry ? fill(entry, substitutions) : key);
}

export function t(key: MessageKey, values: Values = {}): string {
  return lookup(key, values);
}

export { uiLanguage };

/** The language a tag names, in the reader's language ("Russian", "russe"); "an unknown language" for none. */
export function languageInWords(tag: string): string {
  return languageInReadersWords(tag) ?? t('unknownLanguage');
}

/** "86%" in the reader's locale. */
export function percentInWords(share: number): string {
  return new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A message with a count: the plural form the reader's language uses for it (`count` fills `$COUNT$`). */
export function tn(key: PluralKey, count: number, values: Values = {}): string {
  const all = { ...values, count: count.toLocaleString(uiLanguage()) };
  const category = new Intl.PluralRules(uiLanguage()).select(count);
  const specific = `${key}_${category}`;
  const hasSpecific = specific in english || messageFromBrowser(specific, []) !== null;
  return lookup(hasSpecific ? specific : `${key}_other`, all);
}

/** Items written out in a sentence the way the reader's language lists them: "a, b, c", or with `and`, "a, b and c". */
export function listInWords(items: readonly string[], and = false): string {
  return new Intl.ListFormat(uiLanguage(), and ? { style: 'long', type: 'conjunction' } : { style: 'short', type: 'unit' }).format(items);
}

/**
 * A message with an element in place of one of its values ("This page is <strong>an edited copy</strong> of it."), as
 * the parts to append: the translation decides where the element goes.
 */
export function withElement(key: MessageKey, name: string, element: Node, values: Values = {}): (Node | string)[] {
  const MARK = '\u0000';
  const [before, after = ''] = t(key, { ...values, [name]: MARK }).split(MARK);
  return [before, element, after].filter((part) => part !== '');
}
