import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// The extension never talks to a server: every permission here serves local matching and capture.
/** `npm run dev` opens this browser; Debian's Chromium is not where web-ext looks for Chrome. */
const chromiumBinary = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
/** Chromium refuses to start as root without this. */
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  webExt: {
    ...(chromiumBinary ? { binaries: { chrome: chromiumBinary } } : {}),
    chromiumArgs: ['--no-first-run', ...(runningAsRoot ? ['--no-sandbox'] : [])],
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Palimpsest',
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
    // Firefox builds MV2, where optional host access is listed among the optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    action: { default_title: 'Palimpsest: find the original' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'palimpsest@palimpsest.invalid', strict_min_version: '121.0' } } }
      : {}),
  }),
});
