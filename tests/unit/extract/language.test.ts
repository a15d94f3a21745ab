import { describe, expect, it, vi } from 'vitest';
import { chooseLanguage, declaredLanguage, detectLanguageWithFranc, normalizeLanguageTag } from '../../../lib/extract/language';
import { readMetaTags } from '../../../lib/extract/meta-tags';
import { page } from './dom-helpers';

const ENGLISH =
  'The United States and other Western nations evacuated their embassies in Kabul on Sunday as the Taliban took control of the Afghan capital, but Russia and China stayed put. Russia’s ambassador is scheduled to meet with Taliban leaders on Tuesday, and Moscow will decide whether to recognize the new government based on its conduct.';
const GERMAN =
  'Nachdem die Taliban Kabul eingenommen hatten, schlossen andere Länder eilig ihre Botschaften und wollen das gesamte Personal so schnell wie möglich aus Afghanistan holen. Russland ist anders: Sein Botschafter wird mit Vertretern der Taliban, die bereits die Kontrolle über das Gebiet um die Botschaft übernommen haben, über die Sicherheit der Vertretung sprechen. Die Botschaft in Kabul soll weiterarbeiten, ein Teil der etwa hundert Mitarbeiter aber ausgeflogen werden.';
const FRENCH =
  'Alors que l’Occident évacue ses ambassades, la stratégie plus conciliante des Russes tranche au milieu du chaos. L’ambassadeur russe à Kaboul doit rencontrer les talibans mardi pour discuter de la sécurité de l’ambassade russe, dont l’évacuation n’est pas envisagée.';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en_US', 'en-US'],
    ['en-us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['de, en', 'de'],
    [' fr ', 'fr'],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeLanguageTag(raw)).toBe(tag);
  });

  it.each(['', 'und', 'x-default', '*', 'english language'])('%j names no language', (raw) => {
    expect(normalizeLanguageTag(raw)).toBeUndefined();
  });
});

describe('declaredLanguage', () => {
  const declared = (opts: Parameters<typeof page>[0], jsonLdLanguage?: string) => {
    const doc = page(opts);
    return declaredLanguage(doc, readMetaTags(doc), jsonLdLanguage);
  };

  it('reads <html lang>, then Content-Language, then og:locale, then JSON-LD inLanguage', () => {
    expect(declared({ lang: 'en-GB', head: '<meta http-equiv="content-language" content="fr">' })).toBe('en-GB');
    expect(declared({ head: '<meta http-equiv="Content-Language" content="fr"><meta property="og:locale" content="de_DE">' })).toBe('fr');
    expect(declared({ head: '<meta property="og:locale" content="de_DE">' })).toBe('de-DE');
    expect(declared({}, 'en-CA')).toBe('en-CA');
    expect(declared({})).toBeUndefined();
  });
});

describe('chooseLanguage', () => {
  it('keeps the declared tag when detection agrees on the language', () => {
    expect(chooseLanguage('en-GB', ENGLISH, () => 'en')).toBe('en-GB');
  });

  it('uses the detection when nothing is declared', () => {
    expect(chooseLanguage(undefined, FRENCH, () => 'fr')).toBe('fr');
  });

  it('overrules a declaration that a long enough text contradicts', () => {
    expect(chooseLanguage('en', GERMAN, () => 'de')).toBe('de');
  });

  it('trusts the declaration over detection on a short text', () => {
    expect(chooseLanguage('en', 'Kurzer Text auf Deutsch, aber nicht lang genug.', () => 'de')).toBe('en');
  });

  it('calls the injected detector with the text and tolerates no answer', () => {
    const detect = vi.fn(() => undefined);
    expect(chooseLanguage('en', ENGLISH, detect)).toBe('en');
    expect(detect).toHaveBeenCalledWith(ENGLISH);
  });
});

describe('detectLanguageWithFranc', () => {
  it('maps franc’s ISO 639-3 answers to ISO 639-1', () => {
    expect(detectLanguageWithFranc(ENGLISH)).toBe('en');
    expect(detectLanguageWithFranc(GERMAN)).toBe('de');
    expect(detectLanguageWithFranc(FRENCH)).toBe('fr');
  });

  it('gives no answer for text too short to tell', () => {
    expect(detectLanguageWithFranc('Kabul')).toBeUndefined();
  });
});
