import { defineConfig } from 'wxt';

// The extension never talks to a server: every permission here serves local matching and capture.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Palimpsest',
    description: 'Finds where a news article came from: its original, earlier versions, and how the text drifted.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting', 'alarms'],
    action: { default_title: 'Palimpsest: find the original' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'palimpsest@palimpsest.invalid', strict_min_version: '121.0' } } }
      : {}),
  }),
});
