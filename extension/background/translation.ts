/**
 * The engine's translate hook in the extension: the browser's on-device Translator is not exposed to the service
 * worker, so an open popup translates for it (extension/popup/translator.ts). Without a popup that has a translator
 * the request finds no listener, the engine keeps its offline answer, and nothing leaves the machine either way.
 */
import { sendToTranslator } from '../shared/protocol.ts';

export type Translate = (text: string, from: string, to: string) => Promise<string>;

export interface PopupTranslator {
  translate: Translate;
  /** Whether the check asked for a translation, and whether a popup with a translator answered. */
  asked: boolean;
  reached: boolean;
}

/** A translate function for one check: each text and language pair is asked once, however many records need it. */
export function popupTranslator(): PopupTranslator {
  const done = new Map<string, Promise<string>>();
  const state: PopupTranslator = {
    asked: false,
    reached: false,
    translate: (text, from, to) => {
      state.asked = true;
      const key = `${from}>${to}:${text.length}:${text.slice(0, 64)}`;
      let pending = done.get(key);
      if (!pending) {
        pending = sendToTranslator('translate-text', { text, from, to }).then(({ text: translated }) => {
          state.reached = true;
          if (!translated) throw new Error(`no on-device translation from ${from} to ${to}`);
          return translated;
        });
        done.set(key, pending);
      }
      return pending;
    },
  };
  return state;
}
