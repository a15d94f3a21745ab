/**
 * Stands in for pinyin-pro in Chrome's service worker (wxt.config.ts). pinyin-pro carries its dictionaries in its
 * script (325 kB, two fifths of the worker's), and a worker evaluates its whole script each time it starts, which is
 * on the path of a toolbar click that wakes it; yet pinyin is read only when a Chinese name is compared. So the
 * library's own build is copied beside the worker as a classic script and imported when first needed.
 *
 * A service worker may import a script after its install only if it imported that script during the install (the
 * HTML standard's script resource map; Chrome refuses any other): the install imports it once, and later starts
 * import it from the installed copy, synchronously, so lib/text keeps calling pinyin() as a plain function.
 */
import type { pinyin as pinyinFunction } from 'pinyin-pro';

/** The pinyin-pro build copied to the extension's root (wxt.config.ts); it defines the global `pinyinPro`. */
export const PINYIN_SCRIPT = 'pinyin-pro.js';

type Pinyin = typeof pinyinFunction;

interface WorkerScope {
  importScripts?: (...urls: string[]) => void;
  addEventListener?: (type: 'install', listener: () => void) => void;
  pinyinPro?: { pinyin: Pinyin };
}

const scope = globalThis as unknown as WorkerScope;

let loaded: Pinyin | null = null;
let unavailable = false;

function importPinyin(): Pinyin | null {
  if (loaded || unavailable) return loaded;
  try {
    scope.importScripts?.(PINYIN_SCRIPT);
    loaded = scope.pinyinPro?.pinyin ?? null;
  } catch (error) {
    console.error('Palimpsest: pinyin could not be loaded; Chinese names are compared as written', error);
  }
  unavailable = loaded === null;
  return loaded;
}

// During the install, so that the worker may import it again on any later start.
scope.addEventListener?.('install', () => {
  importPinyin();
});

/** pinyin-pro's pinyin(), loaded on its first call; without it, the characters as written (one per syllable). */
export const pinyin = ((text: string, options?: { type?: string }) => {
  const real = importPinyin();
  if (real) return (real as (text: string, options?: object) => unknown)(text, options);
  const characters = Array.from(text);
  return options?.type === 'array' ? characters : characters.join(' ');
}) as Pinyin;

