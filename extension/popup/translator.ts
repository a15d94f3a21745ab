import { listen, type TranslatorProtocol } from '../shared/protocol.ts';

/**
 * The browser's on-device Translator (Chrome's Translator API), where there is one: it runs on the reader's machine,
 * so glossing a sentence sends nothing anywhere. Feature-detected; without it the popup shows the original as it is.
 * Not exposed to the service worker, so the popup (an extension page) asks it.
 */

interface OnDeviceTranslator {
  translate(text: string): Promise<string>;
}

interface TranslatorFactory {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: { sourceLanguage: string; targetLanguage: string }): Promise<OnDeviceTranslator>;
}

function translatorFactory(): TranslatorFactory | null {
  const candidate = (globalThis as { Translator?: Partial<TranslatorFactory> }).Translator;
  return candidate && typeof candidate.create === 'function' && typeof candidate.availability === 'function' ? (candidate as TranslatorFactory) : null;
}

/** Whether the browser offers an on-device translator at all (which language pairs it has is asked per pair). */
export function hasOnDeviceTranslator(): boolean {
  return translatorFactory() !== null;
}

/** Translates sentences between two languages. */
export type Gloss = (text: string) => Promise<string | null>;

/**
 * A gloss from `from` into `to`, when the browser translates between them on this machine now (a model still to be
 * downloaded is not fetched for a gloss); null otherwise.
 */
export async function onDeviceGloss(from: string | undefined, to: string | undefined): Promise<Gloss | null> {
  const factory = translatorFactory();
  const sourceLanguage = from?.split(/[-_]/)[0];
  const targetLanguage = to?.split(/[-_]/)[0];
  if (!factory || !sourceLanguage || !targetLanguage || sourceLanguage === targetLanguage) return null;
  try {
    if ((await factory.availability({ sourceLanguage, targetLanguage })) !== 'available') return null;
    const translator = await factory.create({ sourceLanguage, targetLanguage });
    return async (text) => {
      try {
        return await translator.translate(text);
      } catch {
        return null;
      }
    };
  } catch {
    return null;
  }
}

/**
 * Serves the background's requests to translate a page while this popup is open (lib/engine.ts refines alignment
 * across languages with it). Registered only when the browser has a translator, so without one the background's
 * request finds no listener and the check stays offline.
 */
export function serveTranslations(): void {
  if (!hasOnDeviceTranslator()) return;
  const translators = new Map<string, Promise<Gloss | null>>();
  listen<TranslatorProtocol>(
    {
      'translate-text': async ({ text, from, to }) => {
        const key = `${from}>${to}`;
        if (!translators.has(key)) translators.set(key, onDeviceGloss(from, to));
        const translate = await translators.get(key)!;
        return { text: translate ? await translate(text) : null };
      },
    },
    { 'translate-text': 'background' },
    'translator',
  );
}
