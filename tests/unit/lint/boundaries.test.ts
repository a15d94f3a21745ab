/**
 * The layers hold because lint says so: each probe below is a file that crosses one boundary, linted through
 * ESLint's Node API under a path inside the repository (the file itself is never written), and it must fail
 * with the rule that guards that boundary. Clean probes at the same places must pass, so a rule that refuses
 * everything cannot hide here either.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Probe {
  /** Where the probe pretends to live, relative to the repository. */
  file: string;
  code: string;
  /** The rule that must refuse it. */
  rule: string;
}

const crossings: Record<string, Probe> = {
  'lib/ importing extension/': { file: 'lib/align/probe.ts', code: "import { listen } from '../../extension/shared/protocol.ts';\nexport const probe = listen;", rule: 'import-x/no-restricted-paths' },
  'lib/ importing entrypoints/': { file: 'lib/probe.ts', code: "import background from '../entrypoints/background.ts';\nexport const probe = background;", rule: 'import-x/no-restricted-paths' },
  'lib/ importing wxt': { file: 'lib/store/probe.ts', code: "import { defineConfig } from 'wxt';\nexport const probe = defineConfig;", rule: 'no-restricted-imports' },
  'lib/ importing wxt/browser': { file: 'lib/index/probe.ts', code: "import { browser } from 'wxt/browser';\nexport const probe = browser;", rule: 'no-restricted-imports' },
  'lib/ importing wxt/utils/storage': { file: 'lib/import/probe.ts', code: "import { storage } from 'wxt/utils/storage';\nexport const probe = storage;", rule: 'no-restricted-imports' },
  'lib/ importing webextension-polyfill': { file: 'lib/text/probe.ts', code: "import browser from 'webextension-polyfill';\nexport const probe = browser;", rule: 'no-restricted-imports' },
  'lib/ using the chrome global': { file: 'lib/engine-probe.ts', code: 'export const probe = () => chrome.runtime.id;', rule: 'no-restricted-globals' },
  'lib/ using the browser global': { file: 'lib/drift/probe.ts', code: 'export const probe = () => browser.storage.local;', rule: 'no-restricted-globals' },
  'lib/ using document': { file: 'lib/extract/probe.ts', code: 'export const probe = () => document.title;', rule: 'no-restricted-globals' },
  'lib/ using window': { file: 'lib/relation/probe.ts', code: 'export const probe = () => window.location.href;', rule: 'no-restricted-globals' },
  'lib/ using fetch': { file: 'lib/import/probe.ts', code: "export const probe = () => fetch('https://example.com/');", rule: 'no-restricted-globals' },
  'lib/ using indexedDB': { file: 'lib/store/probe.ts', code: "export const probe = () => indexedDB.open('x');", rule: 'no-restricted-globals' },
  'lib/text importing another lib/ folder': { file: 'lib/text/probe.ts', code: "import { buildModel } from '../align/model.ts';\nexport const probe = buildModel;", rule: 'import-x/no-restricted-paths' },
  'lib/text importing lib/types.ts': { file: 'lib/text/probe.ts', code: "import type { Report } from '../types.ts';\nexport type Probe = Report;", rule: 'import-x/no-restricted-paths' },
  'content importing the store': { file: 'extension/content/probe.ts', code: "import { openCorpusStore } from '../../lib/store/index.ts';\nexport const probe = openCorpusStore;", rule: 'import-x/no-restricted-paths' },
  'content importing dexie': { file: 'extension/content/probe.ts', code: "import Dexie from 'dexie';\nexport const probe = Dexie;", rule: 'no-restricted-imports' },
  'popup importing background': { file: 'extension/popup/probe.ts', code: "import { startBackground } from '../background/index.ts';\nexport const probe = startBackground;", rule: 'import-x/no-restricted-paths' },
  'popup importing options': { file: 'extension/popup/probe.ts', code: "import { byId } from '../options/ui.ts';\nexport const probe = byId;", rule: 'import-x/no-restricted-paths' },
  'options importing popup': { file: 'extension/options/probe.ts', code: "import { PopupApp } from '../popup/app.ts';\nexport const probe = PopupApp;", rule: 'import-x/no-restricted-paths' },
  'options importing background': { file: 'extension/options/probe.ts', code: "import { startBackground } from '../background/index.ts';\nexport const probe = startBackground;", rule: 'import-x/no-restricted-paths' },
  'background importing popup': { file: 'extension/background/probe.ts', code: "import { PopupApp } from '../popup/app.ts';\nexport const probe = PopupApp;", rule: 'import-x/no-restricted-paths' },
  'background importing options': { file: 'extension/background/probe.ts', code: "import { byId } from '../options/ui.ts';\nexport const probe = byId;", rule: 'import-x/no-restricted-paths' },
  'content importing popup': { file: 'extension/content/probe.ts', code: "import { PopupApp } from '../popup/app.ts';\nexport const probe = PopupApp;", rule: 'import-x/no-restricted-paths' },
  'shared importing background': { file: 'extension/shared/probe.ts', code: "import { startBackground } from '../background/index.ts';\nexport const probe = startBackground;", rule: 'import-x/no-restricted-paths' },
  'the popup entrypoint importing options': { file: 'entrypoints/popup/probe.ts', code: "import { startOptionsPage } from '../../extension/options/options-page.ts';\nexport const probe = startOptionsPage;", rule: 'import-x/no-restricted-paths' },
  "the popup showing a drift item's English summary": { file: 'extension/popup/probe.ts', code: "import type { DriftItem } from '../../lib/types.ts';\nexport const probe = (item: DriftItem) => item.summary;", rule: 'no-restricted-syntax' },
  "the popup showing a match's English evidence": { file: 'extension/popup/probe.ts', code: "import type { Match } from '../../lib/types.ts';\nexport const probe = ({ evidence }: Match) => evidence;", rule: 'no-restricted-syntax' },
  "shared code showing a lineage node's English reason": { file: 'extension/shared/probe.ts', code: "import type { LineageNode } from '../../lib/types.ts';\nexport const probe = (node: LineageNode) => node.uncertain;", rule: 'no-restricted-syntax' },
  'the page script naming a change in English': { file: 'extension/content/probe.ts', code: "export const KIND_WORDS = { quote: 'Quote altered' };", rule: 'no-restricted-syntax' },
  'the page script writing English into a template': { file: 'extension/content/probe.ts', code: 'export const probe = (source: string) => `the source has: “${source}”`;', rule: 'no-restricted-syntax' },
  'the page script putting a word in a mark': { file: 'extension/content/probe.ts', code: "export const probe = (marker: HTMLElement) => {\n  marker.textContent = '⌄ dropped';\n};", rule: 'no-restricted-syntax' },
  'the page script naming a mark for screen readers': { file: 'extension/content/probe.ts', code: "export const probe = (marker: HTMLElement) => marker.setAttribute('aria-label', `Dropped: ${marker.id}`);", rule: 'no-restricted-syntax' },
  'the page script giving a mark an English attribute': { file: 'extension/content/probe.ts', code: "export const probe = { role: 'note', 'aria-label': 'Reworded' };", rule: 'no-restricted-syntax' },
  "typescript-eslint's recommended rules": { file: 'extension/popup/probe.ts', code: 'export const probe = (value: any) => value;', rule: '@typescript-eslint/no-explicit-any' },
};

const clean: Record<string, Omit<Probe, 'rule'>> = {
  'lib/ importing lib/text': { file: 'lib/align/probe.ts', code: "import { normalize } from '../text/normalize.ts';\nexport const probe = normalize;" },
  'lib/text importing lib/text': { file: 'lib/text/probe.ts', code: "import { normalize } from './normalize.ts';\nexport const probe = normalize;" },
  'lib/ using Node-and-browser globals': { file: 'lib/probe.ts', code: "export const probe = () => new URL('https://example.com/').host + new TextEncoder().encode('a').length;" },
  'popup importing shared and lib/': { file: 'extension/popup/probe.ts', code: "import { el } from '../shared/dom.ts';\nimport type { Report } from '../../lib/types.ts';\nexport const probe = (report: Report) => el('p', {}, report.article.title);" },
  'the page script showing the words the popup sent, and styling its marks': {
    file: 'extension/content/probe.ts',
    code: "import type { PageChange } from '../shared/page-changes.ts';\nexport const probe = (marker: HTMLElement, change: PageChange) => {\n  marker.textContent = `⌄ ${change.words.kind}`;\n  marker.setAttribute('aria-label', change.words.label);\n  marker.style.setProperty('font', '700 11px/1 system-ui, sans-serif');\n  marker.style.setProperty('box-shadow', '0 2px 8px rgba(0,0,0,.3)');\n  return { role: 'note', 'aria-label': change.words.label, 'data-kind': change.kind };\n};",
  },
  'popup wording a description from the messages file': { file: 'extension/popup/probe.ts', code: "import type { DriftItem } from '../../lib/types.ts';\nimport { inReadersWords } from './descriptions.ts';\nexport const probe = (item: DriftItem) => inReadersWords(item.description);" },
  'options importing its own panels and shared': { file: 'extension/options/probe.ts', code: "import { byId } from './ui.ts';\nimport { clear } from '../shared/dom.ts';\nexport const probe = [byId, clear];" },
  'content importing extraction and the protocol': { file: 'extension/content/probe.ts', code: "import { extractArticle } from '../../lib/extract/index.ts';\nimport { listen } from '../shared/protocol.ts';\nexport const probe = [extractArticle, listen];" },
  'background importing the store and wxt/browser': { file: 'extension/background/probe.ts', code: "import { browser } from 'wxt/browser';\nimport { openCorpusStore } from '../../lib/store/index.ts';\nexport const probe = [browser, openCorpusStore];" },
  'the background entrypoint importing background': { file: 'entrypoints/probe-background.ts', code: "import { startBackground } from '../extension/background/index.ts';\nexport const probe = startBackground;" },
};

let eslint: ESLint;

async function lint(probe: Omit<Probe, 'rule'>): Promise<{ ruleId: string | null; message: string; fatal?: boolean }[]> {
  const [result] = await eslint.lintText(probe.code, { filePath: path.join(repoRoot, probe.file) });
  return result.messages;
}

// Loading the configuration (typescript-eslint, the import resolver) is a fixed amount of work that takes a few
// seconds on a busy two-core machine.
describe('the lint configuration enforces the layers', BOUNDED_HEAVY_WORK, () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  it.each(Object.entries(crossings))('refuses %s', async (_name, probe) => {
    const messages = await lint(probe);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.map((message) => message.ruleId)).toContain(probe.rule);
  });

  it.each(Object.entries(clean))('accepts %s', async (_name, probe) => {
    expect(await lint(probe)).toEqual([]);
  });
});
