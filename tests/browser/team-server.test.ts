/**
 * The team server option against a real `palimpsest serve` on 127.0.0.1 (PGlite in a temporary directory): the
 * reader turns it on in the options page, a page whose original only the team holds is checked, and the popup marks
 * each version as the team's or the reader's own. A refused token keeps the option off; a server that went away
 * leaves the local answer with a note.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serializeCorpus } from '../../lib/corpus/jsonl.ts';
import { freshPgliteDirectory } from '../unit/postgres/databases.ts';
import { startServe, type ServeProcess } from '../unit/postgres/serve-process.ts';
import { ExtensionSession, browserSuiteUnavailable } from './helpers/extension.ts';
import { LiveSite } from './helpers/live-site.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

const TOKEN = 'newsroom-token';
const WIRE_TEXT = [
  'The harbour authority of Port Elms said on Tuesday that dockworkers would strike for three days from Friday, halting grain and copper shipments.',
  'Union leader Marta Quell told reporters the strike followed months of talks over night-shift pay and safety rules at the container terminal.',
  'The authority said about 40 ships were expected at the port next week and that it would ask the courts to suspend the strike.',
];
/** The page the reader opens: the wire story, lightly edited by a local paper. */
const PAGE_PARAGRAPHS = [
  'The harbour authority of Port Elms said on Tuesday that dockworkers will strike for three days from Friday, halting grain and copper shipments.',
  'Union leader Marta Quell told journalists the strike followed months of talks over night-shift pay and safety rules at the container terminal.',
  'The authority said about 40 ships were expected at the port next week and that it would ask the courts to suspend the strike.',
];

interface TeamServer {
  serve: ServeProcess;
  directory: string;
}

async function startTeamServer(): Promise<TeamServer> {
  const directory = await freshPgliteDirectory();
  return { serve: await startServe(directory, TOKEN), directory };
}

async function stopTeamServer(server: TeamServer | undefined): Promise<void> {
  if (!server) return;
  await server.serve.stop();
  rmSync(server.directory, { recursive: true, force: true });
}

async function setTeamServer(options: Page, url: string, token: string): Promise<string> {
  const toggle = options.locator('#team-enabled');
  if (await toggle.isChecked()) await toggle.uncheck();
  await options.locator('#team-url').fill(url);
  await options.locator('#team-token').fill(token);
  // click, not check: a refused setting unchecks itself at once.
  await toggle.click();
  const status = options.locator('#team-status');
  await status.filter({ hasText: /^(On|The team server stays off)/ }).waitFor({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}

describe.skipIf(skipReason !== null)('team server option', () => {
  let session: ExtensionSession;
  let site: LiveSite;
  let server: TeamServer;

  beforeAll(async () => {
    server = await startTeamServer();
    const imported = await fetch(`${server.serve.url}/v1/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-ndjson' },
      body: serializeCorpus([{ id: 'wire-port-elms', text: WIRE_TEXT.join('\n\n'), title: 'Port Elms dockworkers to strike', site: 'Team Wire', published: '2026-02-03T08:00:00Z', url: 'https://wire.example/port-elms' }]),
    });
    expect(await imported.json()).toMatchObject({ added: 1 });
    // Host access granted up front: the permission prompt is browser chrome no test can answer.
    session = await ExtensionSession.launch({ grantAllHosts: true });
    site = await LiveSite.start();
    site.pages.set('/local/strike', { title: 'Dockworkers to strike at Port Elms', published: '2026-02-03T15:00:00Z', paragraphs: PAGE_PARAGRAPHS });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await site?.close();
    await stopTeamServer(server);
  });

  it('is off by default, says what it sends, and refuses a wrong token', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    expect(await options.locator('#team-enabled').isChecked()).toBe(false);
    expect(await options.locator('#team-sent').textContent()).toMatch(/the article’s text, title, address, publication date and language, with the token, to this server alone/);
    const refused = await setTeamServer(options, server.serve.url, 'not-the-token');
    expect(refused).toMatch(/^The team server stays off: the team server at 127\.0\.0\.1:\d+ refused the token\.$/);
    expect(await options.locator('#team-enabled').isChecked()).toBe(false);
    await options.close();
  });

  it('adds the team’s versions to a check, each marked with its corpus', async () => {
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    expect(await setTeamServer(options, server.serve.url, TOKEN)).toMatch(/^On: checks also ask 127\.0\.0\.1:\d+, which holds 1 article\.$/);
    await options.close();

    const { tabId } = await session.openUrl(site.url('/local/strike'));
    const popup = await session.openPopup(tabId);
    const shown = await readPopup(popup);
    expect(shown.originalId).toBe('wire-port-elms');
    const version = shown.versions.find((candidate) => candidate.id === 'wire-port-elms');
    expect(version?.text).toContain('team');
    expect(await popup.locator('button.version[data-version-id="wire-port-elms"] [data-corpus="team"]').count()).toBe(1);
    // The drift against the team's version is shown, its text fetched from the team server.
    await expect.poll(() => popup.locator('.drift-item').count()).toBeGreaterThan(0);
    await popup.close();

    // A page whose versions are in the reader's own corpus: they are marked as such.
    const seed = await session.openFixture('seed-000');
    const seedPopup = await session.openPopup(seed.tabId);
    await readPopup(seedPopup);
    expect(await seedPopup.locator('button.version[data-version-id="seed-001"] [data-corpus="local"]').count()).toBe(1);
    await seedPopup.close();
  }, 120_000);

  it('keeps the local answer, with a note, when the team server is down', async () => {
    await stopTeamServer(server);
    const seed = await session.openFixture('seed-000');
    const popup = await session.openPopup(seed.tabId);
    const shown = await readPopup(popup);
    expect(shown.originalId).toBe('seed-001');
    expect(await popup.locator('[data-team="failed"]').textContent()).toMatch(/^Your corpus only: could not reach the team server at 127\.0\.0\.1:\d+\.$/);
    await popup.close();
  }, 120_000);
});
