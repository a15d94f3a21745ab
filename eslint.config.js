import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

// Page and corpus text is untrusted: the no-unsanitized rules keep it out of innerHTML and friends.
export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/.artifacts/**', 'tests/fixtures/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'eval is never allowed.' },
        { selector: "NewExpression[callee.name='Function']", message: 'new Function is never allowed.' },
      ],
    },
  },
  {
    // The engine runs in the service worker, the CLI and the tests alike.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
);
