/**
 * The built extension keeps its promises: the script injected into pages carries no database code (only the
 * background opens the corpus), and the manifest asks for no host access and registers no always-on script.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnless } from './helpers/built-extension.ts';
import { extensionPath } from './helpers/extension.ts';

const manifestPath = path.join(extensionPath, 'manifest.json');
const skipReason = skipUnless(existsSync(manifestPath) ? null : `no built extension at ${extensionPath}: run \`npm run test:browser\``, 'bundle checks');

describe.skipIf(skipReason !== null)('built extension', () => {
  it('keeps the corpus database out of the page script', () => {
    const contentScript = readFileSync(path.join(extensionPath, 'content-scripts/content.js'), 'utf8');
    expect(contentScript).not.toMatch(/Dexie|indexedDB/);
  });

  it('injects on demand only: no declared content scripts, no host permissions', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'contextMenus', 'storage']));
  });

  it('keeps the toolbar button\'s tooltip', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.action.default_title).toBe('Palimpsest: find the original');
  });
});
