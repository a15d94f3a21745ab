import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// The extension never talks to a server: every permission here serves local matching and capture.
/** `npm run dev` opens this browser; Debian's Chromium is not where web-ext looks for Chrome. */
const chromiumBinary = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
/** `npm run dev:firefox` opens Debian's Firefox ESR when there is one. */
const firefoxBinary = process.env.FIREFOX_PATH ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined);
/** Chromium refuses to start as root without this. */
const runningAsRoot = process.getuid?.() === 0;

/** The toolbar button's tooltip. WXT would otherwise give the popup's <title> ("Palimpsest") in its place. */
const ACTION_TITLE = 'Palimpsest: find the original';

/** The content script leaves the bundled language detector out (extension/content/no-franc.ts says why). */
const contentScriptLanguageDetector = {
  name: 'palimpsest:content-script-without-franc',
  enforce: 'pre' as const,
  resolveId: (source: string) => (source === 'franc-min' ? fileURLToPath(new URL('./extension/content/no-franc.ts', import.meta.url)) : null),
};

/**
 * Chrome's service worker leaves pinyin-pro out of its script and imports the library's own build when a Chinese name
 * is first read (extension/background/pinyin-on-demand.ts says why). Firefox's event page keeps it bundled.
 */
const PINYIN_ON_DEMAND = fileURLToPath(new URL('./extension/background/pinyin-on-demand.ts', import.meta.url));
const workerPinyinOnDemand = {
  name: 'palimpsest:worker-pinyin-on-demand',
  enforce: 'pre' as const,
  resolveId: (source: string, importer?: string) => (source === 'pinyin-pro' && importer !== PINYIN_ON_DEMAND ? PINYIN_ON_DEMAND : null),
};
/**
 * The popup reads its English messages file for the placeholders' order and as the fallback where the browser's i18n
 * is not there (extension/popup/messages.ts); the translators' descriptions and examples, half the file, stay out of
 * the bundle: they were half the module that draws the popup's first look.
 */
const MESSAGES_FILE = fileURLToPath(new URL('./public/_locales/en/messages.json', import.meta.url));
const messagesWithoutNotes = {
  name: 'palimpsest:messages-without-notes',
  enforce: 'pre' as const,
  transform: (code: string, id: string) => {
    if (id !== MESSAGES_FILE) return null;
    const entries = JSON.parse(code) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
    const kept = Object.fromEntries(
      Object.entries(entries).map(([key, { message, placeholders }]) => [
        key,
        placeholders ? { message, placeholders: Object.fromEntries(Object.entries(placeholders).map(([name, { content }]) => [name, { content }])) } : { message },
      ]),
    );
    return { code: JSON.stringify(kept), map: null };
  },
};
/**
 * franc-min builds its trigram tables from its 86 kB of data when its module is evaluated: in the service worker at every
 * start, on the path of a toolbar click that wakes it (about a quarter of the script's evaluation), yet they serve only
 * a text compared without a language tag. The bundled copy builds the same tables on its first guess instead. Its
 * source is edited at three exact places, and the build fails if franc-min's text there ever changes.
 */
const FRANC_INDEX = /[\\/]node_modules[\\/]franc-min[\\/]index\.js$/;
const FRANC_ON_FIRST_GUESS: [string, string][] = [
  ['const numericData = {}\n\nfor (script in data) {', 'let numericData\n\nfunction buildNumericData() {\nnumericData = {}\nfor (script in data) {'],
  ['\n\n/**\n * Get the most probable language for the given value.', '\n}\n\n/**\n * Get the most probable language for the given value.'],
  ['export function francAll(value, options = {}) {', 'export function francAll(value, options = {}) {\n  if (!numericData) buildNumericData()'],
];
export const francTablesOnFirstGuess = {
  name: 'palimpsest:franc-tables-on-first-guess',
  enforce: 'pre' as const,
  transform: (code: string, id: string) => {
    if (!FRANC_INDEX.test(id)) return null;
    let edited = code;
    for (const [before, after] of FRANC_ON_FIRST_GUESS) {
      if (edited.split(before).length !== 2) throw new Error(`franc-min/index.js changed: "${before.split('\n')[0]}" is not there once; see wxt.config.ts`);
      edited = edited.replace(before, after);
    }
    return { code: edited, map: null };
  },
};
/**
 * Two edits of the popup's page as the build writes it. The popup's stylesheet goes into it as a <style>: as a file it
 * was one more request the popup page waited for before its first script could run (a deferred script waits for the
 * stylesheets before it), on the path of every toolbar click. The build stops if Vite's link to it is not there.
 */
const POPUP_STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/popup-[\w-]+\.css)">/;
/**
 * The full popup's module script becomes a modulepreload link: fetched and compiled as before, but evaluated by
 * popup-start.js once the first look is drawn (extension/popup/popup-start-handover.ts, loadPopupAppAfter).
 */
const POPUP_APP_SCRIPT = /<script type="module"(?: crossorigin)? src="(\/chunks\/popup-[\w-]+\.js)"><\/script>/;
/** Where Vite writes the popup's page, before WXT moves it to popup.html. */
const POPUP_PAGE = 'entrypoints/popup/index.html';
type BundleFile = { type: 'asset'; source: string | Uint8Array } | { type: 'chunk' };
function editPopupPage(bundle: Record<string, BundleFile>): void {
  const page = bundle[POPUP_PAGE];
  if (page?.type !== 'asset') return;
  const html = String(page.source);
  const link = POPUP_STYLESHEET_LINK.exec(html);
  const stylesheet = link ? bundle[link[1]] : undefined;
  if (!link || stylesheet?.type !== 'asset') throw new Error(`${POPUP_PAGE} has no stylesheet link to inline; see wxt.config.ts`);
  const app = POPUP_APP_SCRIPT.exec(html);
  if (!app) throw new Error(`${POPUP_PAGE} has no module script to preload; see wxt.config.ts`);
  const css = String(stylesheet.source);
  page.source = html.replace(link[0], () => `<style>${css}</style>`).replace(app[0], () => `<link rel="modulepreload" crossorigin href="${app[1]}" data-popup-app>`);
  // Out of the bundle rather than deleted after the build: WXT's list of written files then never names it.
  delete bundle[link[1]];
}
/** Runs after Vite's own HTML plugin has written the page into the bundle; production builds only. */
const popupPageEdits = {
  name: 'palimpsest:popup-page-edits',
  apply: 'build' as const,
  enforce: 'post' as const,
  generateBundle(_options: unknown, bundle: Record<string, BundleFile>) {
    editPopupPage(bundle);
  },
};
const PINYIN_BUILD = fileURLToPath(new URL('./node_modules/pinyin-pro/dist/index.js', import.meta.url));
let targetBrowser = 'chrome';

export default defineConfig({
  // Firefox too: Manifest V3, with an event page for the background (Firefox has no extension service workers).
  manifestVersion: 3,
  webExt: {
    binaries: { ...(chromiumBinary ? { chrome: chromiumBinary } : {}), ...(firefoxBinary ? { firefox: firefoxBinary } : {}) },
    chromiumArgs: ['--no-first-run', ...(runningAsRoot ? ['--no-sandbox'] : [])],
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [messagesWithoutNotes, francTablesOnFirstGuess, popupPageEdits] }),
  hooks: {
    'config:resolved': (wxt) => {
      targetBrowser = wxt.config.browser;
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) viteConfig.plugins = [contentScriptLanguageDetector, ...(viteConfig.plugins ?? [])];
      if (targetBrowser !== 'firefox' && entrypoints.some((entrypoint) => entrypoint.type === 'background')) {
        viteConfig.plugins = [workerPinyinOnDemand, ...(viteConfig.plugins ?? [])];
      }
    },
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ absoluteSrc: PINYIN_BUILD, relativeDest: 'pinyin-pro.js' });
    },
    // Chrome: no default popup, so a toolbar click reaches the worker (action.onClicked), which starts reading the
    // page at once and opens the popup itself (extension/background/toolbar-click.ts): the reading overlaps the
    // popup's opening. Firefox keeps its default popup, which it opens without waking the background.
    // PALIMPSEST_CHROME_DEFAULT_POPUP=1 keeps it in Chrome too, only to compare the two designs (`npm run bench:click`).
    'build:manifestGenerated': (wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = ACTION_TITLE;
      const keepDefaultPopup = wxt.config.browser === 'firefox' || process.env.PALIMPSEST_CHROME_DEFAULT_POPUP === '1';
      if (!keepDefaultPopup && manifest.action) delete manifest.action.default_popup;
    },
  },
  manifest: ({ browser }) => ({
    name: 'Palimpsest',
    // The popup's words live in public/_locales/<lang>/messages.json; a translation is one more folder there.
    default_locale: 'en',
    description: 'Finds where a news article came from: its original, earlier versions, and how the text drifted.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      'alarms',
      // Chrome's service worker has no DOM: feed XML and fetched article pages are parsed in an offscreen document.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // Asked for only when the reader turns on capture of visited pages or subscribes to a feed (per feed origin).
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: ACTION_TITLE },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'palimpsest@palimpsest.invalid',
              strict_min_version: '140.0',
              // Nothing leaves the reader's machine: Firefox shows this at install (built-in data consent, Firefox 140+).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
