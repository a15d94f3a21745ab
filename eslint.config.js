import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

/**
 * The layers, as import rules. Paths are relative to this file, so the rules hold wherever ESLint is started.
 * tests/unit/lint/boundaries.test.ts crosses each boundary with a probe file and expects it to fail.
 */
const root = import.meta.dirname;

/** Where each part of the extension runs; each may import only itself, extension/shared and lib/. */
const extensionContexts = ['background', 'content', 'popup', 'options', 'offscreen'];

const layerZones = [
  {
    target: './lib',
    from: ['./extension', './entrypoints', './cli', './scripts', './tests'],
    message: 'lib/ is the engine: pure TypeScript that runs in the worker, the CLI and the tests alike.',
  },
  {
    target: './lib/text',
    from: './lib',
    except: ['./text'],
    message: 'lib/text is the bottom of lib/: every other layer builds on it, it builds on none of them.',
  },
  {
    target: './extension/content',
    from: './lib/store',
    message: 'The page script never opens the corpus: only the background does.',
  },
  ...extensionContexts.map((context) => ({
    target: `./extension/${context}`,
    from: './extension',
    except: [`./${context}`, './shared'],
    message: `extension/${context} runs in its own context: code it shares with another lives in extension/shared.`,
  })),
  ...extensionContexts.map((context) => ({
    target: [`./entrypoints/${context}.ts`, `./entrypoints/${context}`],
    from: './extension',
    except: [`./${context}`, './shared'],
    message: `The ${context} entrypoint starts extension/${context} and nothing of another context.`,
  })),
  {
    target: './extension/shared',
    from: './extension',
    except: ['./shared'],
    message: 'extension/shared is imported by every context, so it imports none of them.',
  },
];

/** Browser APIs the engine must not reach for: the extension hands lib/ what it needs as plain values. */
const browserGlobals = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'caches',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'importScripts',
  'DOMParser',
  'getComputedStyle',
  'requestAnimationFrame',
  'MutationObserver',
].map((name) => ({ name, message: `lib/ runs outside the browser too: pass what it needs in instead of using ${name}.` }));

const extensionPackages = {
  patterns: [
    {
      regex: '^(wxt|@wxt-dev/[^/]+)(/.*)?$',
      message: 'lib/ runs outside the browser too: WXT and its modules belong to extension/ and entrypoints/.',
    },
    {
      regex: '^webextension-polyfill(/.*)?$',
      message: 'lib/ runs outside the browser too: browser APIs belong to extension/.',
    },
  ],
};

const databasePackages = {
  patterns: [{ regex: '^dexie(/.*)?$', message: 'The page script never opens the corpus: only the background does.' }],
};

const forbiddenCalls = [
  { selector: "CallExpression[callee.name='eval']", message: 'eval is never allowed.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is never allowed.' },
];

/**
 * The engine's English (a drift item's `summary`, a match's `evidence`, a lineage node's `uncertain`) is for the
 * command line and the server: extension pages word the descriptions beside them from the messages file
 * (extension/popup/descriptions.ts).
 */
const ENGINE_ENGLISH = '/^(summary|evidence|uncertain)$/';
const engineEnglish = [
  { selector: `MemberExpression[property.name=${ENGINE_ENGLISH}]`, message: 'Word the engine\'s description from the messages file (inReadersWords), not its English.' },
  { selector: `ObjectPattern > Property[key.name=${ENGINE_ENGLISH}]`, message: 'Word the engine\'s description from the messages file (inReadersWords), not its English.' },
];

/**
 * The page script shows the reader no words of its own: the popup words each mark from the messages file and sends
 * them with it (extension/shared/page-changes.ts MarkWords). Prose in a string, or any literal text put where the
 * reader sees or hears it (text content, a title, an accessible name), is refused there.
 */
const PROSE = '/\\b[A-Za-z]{2,} [A-Za-z]{2,}\\b/';
const SHOWN_PROPERTY = '/^(textContent|innerText|title|ariaLabel|ariaDescription|placeholder|alt)$/';
const SHOWN_ATTRIBUTE = '/^(aria-label|aria-description|aria-roledescription|title|alt|placeholder)$/';
const PAGE_WORDS = 'The page script shows no words of its own: the popup words them from the messages file and sends them (MarkWords).';
const pageScriptWords = [
  { selector: `Literal[value=${PROSE}]`, message: PAGE_WORDS },
  { selector: `TemplateElement[value.raw=${PROSE}]`, message: PAGE_WORDS },
  { selector: `AssignmentExpression[left.property.name=${SHOWN_PROPERTY}] > Literal.right[value=/[A-Za-z]/]`, message: PAGE_WORDS },
  { selector: `AssignmentExpression[left.property.name=${SHOWN_PROPERTY}] > TemplateLiteral.right > TemplateElement[value.raw=/[A-Za-z]/]`, message: PAGE_WORDS },
  { selector: `Property[key.value=${SHOWN_ATTRIBUTE}] > Literal.value[value=/[A-Za-z]/]`, message: PAGE_WORDS },
  { selector: `Property[key.value=${SHOWN_ATTRIBUTE}] > TemplateLiteral.value > TemplateElement[value.raw=/[A-Za-z]/]`, message: PAGE_WORDS },
  { selector: `CallExpression[callee.property.name='setAttribute'][arguments.0.value=${SHOWN_ATTRIBUTE}] > Literal[value=/[A-Za-z]/]:nth-child(2)`, message: PAGE_WORDS },
  { selector: `CallExpression[callee.property.name='setAttribute'][arguments.0.value=${SHOWN_ATTRIBUTE}] > TemplateLiteral:nth-child(2) > TemplateElement[value.raw=/[A-Za-z]/]`, message: PAGE_WORDS },
];

// Page and corpus text is untrusted: the no-unsanitized rules keep it out of innerHTML and friends.
export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.scratch/**', 'node_modules/**', 'tests/.artifacts/**', 'tests/fixtures/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { 'no-unsanitized': nounsanitized, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })] },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': ['error', ...forbiddenCalls],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
      // Leaving out some fields of an object by destructuring them away is how records are narrowed here.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // A pair destructured together stays together even when only one half is reassigned later.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // The engine runs in the service worker, the CLI and the tests alike.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', extensionPackages],
    },
  },
  {
    files: ['extension/popup/**/*.ts', 'extension/shared/**/*.ts', 'extension/options/**/*.ts', 'entrypoints/popup/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...forbiddenCalls, ...engineEnglish] },
  },
  {
    files: ['extension/content/**/*.ts', 'entrypoints/content.ts', 'entrypoints/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', databasePackages],
      'no-restricted-syntax': ['error', ...forbiddenCalls, ...pageScriptWords],
    },
  },
);
