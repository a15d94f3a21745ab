/**
 * Palimpsest in a real Firefox: Debian's Firefox ESR runs the built Firefox extension (Manifest V3) on the seed 000
 * page (a machine-translated-and-back copy of The Week's article), and the extension's own messages and its popup
 * page must name The Week (seed 001) as the original, as they do in Chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnless } from '../browser/helpers/built-extension.ts';
import { shownInPopup } from '../browser/helpers/popup-reader.ts';
import { builtFirefoxManifest, FirefoxSession, firefoxBuildPath, firefoxSuiteUnavailable } from './helpers/firefox.ts';

const buildMissing = skipUnless(
  existsSync(path.join(firefoxBuildPath, 'manifest.json')) ? null : `no Firefox build at ${firefoxBuildPath}: run \`npm run test:firefox\``,
  'Firefox build checks',
);

describe.skipIf(buildMissing !== null)('the Firefox build', () => {
  it('is Manifest V3 with an event page, and declares that it collects no data', () => {
    const manifest = builtFirefoxManifest();
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ data_collection_permissions: { required: ['none'] } });
  });

  it('asks for no host access up front and declares no content script; its toolbar button opens the popup', () => {
    const manifest = builtFirefoxManifest();
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.action).toMatchObject({ default_popup: 'popup.html' });
  });
});

const skipReason = buildMissing ?? firefoxSuiteUnavailable();

describe.skipIf(skipReason !== null)('Palimpsest in Firefox ESR', () => {
  let session: FirefoxSession;
  let tabId: number;

  beforeAll(async () => {
    session = await FirefoxSession.launch();
    ({ tabId } = await session.openFixture('seed-000'));
  });

  afterAll(async () => {
    await session?.close();
  });

  it("answers the seed 000 page through the extension's messages: The Week (seed 001) is the original", async () => {
    const firstLook = await session.ask('first-look', { tabId });
    expect(firstLook.kind === 'sources' && firstLook.sources.map((source) => source.id)).toEqual(['seed-001']);

    const state = await session.ask('check-tab', { tabId });
    if (state.outcome.kind !== 'report') throw new Error(`no report for seed 000: ${JSON.stringify(state.outcome)}`);
    const { report } = state.outcome;
    expect(report.original).toBe('seed-001');
    expect(report.article.title).toBe('Russia is already tentatively approaching the Taliban after the Afghan sweep');
    expect(report.matches.find((match) => match.id === 'seed-001')).toMatchObject({ direction: 'original' });
    expect(report.drift.length).toBeGreaterThan(0);
    expect(report.comparison?.sourceId).toBe('seed-001');
  });

  it('shows that answer in its popup page', async () => {
    const popup = await session.openPopup(tabId);
    const shown = await popup.evaluate(shownInPopup);
    expect(shown.message).toBeNull();
    expect(shown.originalId).toBe('seed-001');
    expect(shown.originalText).toContain('The Week');
    expect(shown.versions.map((version) => version.id)).toContain('seed-001');
    expect(shown.drift.length).toBeGreaterThan(0);
    await popup.close();
  });
});
