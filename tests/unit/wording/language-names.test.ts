/**
 * A language reaches the reader by its name in the reader's language, never as a code: "Translation (Russian →
 * English)" on the command line, "russe → anglais" in a French popup.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { descriptionOf } from '../../../lib/wording/catalogue.ts';
import { inEnglish, languageName } from '../../../lib/wording/render.ts';
import { inReadersWords } from '../../../extension/popup/descriptions.ts';
import { languageInWords } from '../../../extension/popup/messages.ts';

const translation = (from: string, to: string) => descriptionOf('evidence_translation', { from, to, page: 0.86, source: 0.5, passages: 3 });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('languageName', () => {
  it('names a tag in the locale’s language', () => {
    expect(languageName('ru', 'en')).toBe('Russian');
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('ru', 'fr')).toBe('russe');
    expect(languageName('en', 'fr')).toBe('anglais');
    expect(languageName('zh', 'de')).toBe('Chinesisch');
    expect(languageName('pt-BR', 'en')).toBe('Brazilian Portuguese');
    expect(languageName(' RU ', 'en')).toBe('Russian');
  });

  it('gives the tag itself for a well-formed one without a name, and nothing for no language', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    for (const none of ['', ' ', 'und', '?', 'not a tag']) expect(languageName(none, 'en'), JSON.stringify(none)).toBeNull();
  });

  it('falls back to the runtime’s locale for a locale it cannot read', () => {
    expect(languageName('ru', 'not-a-locale!')).toBe(new Intl.DisplayNames(undefined, { type: 'language' }).of('ru'));
  });
});

describe('the translation reason', () => {
  it('names the languages in English on the command line', () => {
    expect(inEnglish(translation('ru', 'en'))).toBe(
      'Translation (Russian → English): the shared text is 86% of this page and 50% of the stored article (3 passages), matched through names, numbers and cognates',
    );
    expect(inEnglish(translation('?', 'en'))).toMatch(/^Translation \(an unknown language → English\)/);
  });

  it('names them in the reader’s language in the popup', () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(inReadersWords(translation('ru', 'en'))).toMatch(/^Translation \(Russian → English\): /);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('fr');
    expect(inReadersWords(translation('ru', 'en'))).toMatch(/^Translation \(russe → anglais\): /);
    expect(languageInWords('de')).toBe('allemand');
    // No language: the messages file's words for it, never a code or "?".
    expect(languageInWords('')).toBe('an unknown language');
    expect(inReadersWords(translation('?', 'en'))).toMatch(/^Translation \(an unknown language → anglais\)/);
  });
});
