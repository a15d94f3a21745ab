/**
 * The reader's language as the browser gives it, and language names in it: every extension page names a language
 * ("ru") the way the reader says it ("Russian" in English, "russe" in French), as the popup words its sentences.
 */
import { browser } from 'wxt/browser';
import { languageName } from '../../lib/wording/render.ts';

/** The reader's language, as the browser names it; plural rules, dates and language names follow it. */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/** The language a tag names, in the reader's language; null when the tag names none ("", "und"). */
export function languageInReadersWords(tag: string): string | null {
  return languageName(tag, uiLanguage());
}
