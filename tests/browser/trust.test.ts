/**
 * Claims a reader can trust, in the built extension: with one outlet's archive imported (tests/fixtures/trust), a page
 * that shares only the outlet's attribution formula lists no version and shows no badge; a page with one sentence of
 * a stored story lists it under "Shares passages with", not as a version; every listed match says why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, browserSuiteUnavailable, repoRoot } from './helpers/extension.ts';
import { readPopup } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();
if (skipReason) console.warn(`[browser tests skipped] ${skipReason}`);

/** The archive as a corpus JSONL file, the format the options page imports. */
function archiveJsonl(): string {
  const lines: string[] = [];
  for (const block of readFileSync(path.join(repoRoot, 'tests/fixtures/trust/stories.txt'), 'utf8').split(/^## /m).slice(1)) {
    const [head, ...paragraphs] = block.trim().split('\n');
    const [id, published, title] = head.split('|').map((part) => part.trim());
    lines.push(JSON.stringify({ id, title, url: `https://harbourgazette.example/news/${id}`, published, site: 'Harbour Gazette', lang: 'en', text: paragraphs.join('\n\n') }));
  }
  return `${lines.join('\n')}\n`;
}

interface Listed {
  versions: string[];
  sharing: string[];
  sameStory: string[];
  /** Ids of listed matches without a "Why". */
  withoutWhy: string[];
}

async function listed(popup: Page): Promise<Listed> {
  await readPopup(popup);
  return popup.evaluate(() => {
    const ids = (selector: string, attribute: string) => [...document.querySelectorAll<HTMLElement>(selector)].map((element) => element.getAttribute(attribute) ?? '');
    const versions = ids('button.version', 'data-version-id');
    const sharing = ids('[data-shared-id]', 'data-shared-id');
    const sameStory = ids('[data-coverage-id]', 'data-coverage-id');
    const why = new Set(ids('details.why', 'data-why-id'));
    return { versions, sharing, sameStory, withoutWhy: [...versions, ...sharing, ...sameStory].filter((id) => !why.has(id)) };
  });
}

describe.skipIf(skipReason !== null)('answers a reader can trust', () => {
  let session: ExtensionSession;
  let workDir: string;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
    workDir = mkdtempSync(path.join(tmpdir(), 'palimpsest-trust-'));
    const file = path.join(workDir, 'harbour-gazette.jsonl');
    writeFileSync(file, archiveJsonl());
    const options = await session.extensionPage();
    await options.locator('body[data-ready="true"]').waitFor();
    const card = options.locator('.import-card[data-format="jsonl"]');
    await card.locator('.import-file').setInputFiles(file);
    await card.locator('.import-start:not([disabled])').click();
    await card.locator('.import-status', { hasText: /^Done/ }).waitFor({ timeout: 90_000 });
    await options.close();
  });

  afterAll(async () => {
    await session?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('a page sharing only the outlet’s stock formula lists no version, no shared passage, and shows no badge', async () => {
    const { tabId } = await session.openFixture('trust-stock-phrase');
    const popup = await session.openPopup(tabId);
    const shown = await listed(popup);
    expect(shown.versions).toEqual([]);
    expect(shown.sharing).toEqual([]);
    expect(await popup.locator('#versions-heading .count').textContent()).toBe('0');
    expect(await session.badgeText(tabId)).toBe('');
    await popup.close();
  });

  it('a page with one sentence of a stored story shows “Shares passages with” that story, not a version, and no badge', async () => {
    const { tabId } = await session.openFixture('trust-shared-passage');
    const popup = await session.openPopup(tabId);
    const shown = await listed(popup);
    expect(shown.sharing).toEqual(['hg-013']);
    expect(shown.versions).toEqual([]);
    expect(await popup.locator('#shared-passages-heading').textContent()).toMatch(/^Shares passages with/);
    expect(await popup.locator('.card.original.unknown').count()).toBe(1);
    expect(await session.badgeText(tabId)).toBe('');
    expect(shown.withoutWhy).toEqual([]);
    const why = await popup.locator('[data-shared-id="hg-013"] details.why li').allTextContents();
    expect(why.join('\n')).toMatch(/too little to be a version/);
    await popup.close();
  });

  it('every version, shared passage and same-story report on the seed 000 page says why', async () => {
    const { tabId } = await session.openFixture('seed-000');
    const popup = await session.openPopup(tabId);
    const shown = await listed(popup);
    expect(shown.versions).toContain('seed-001');
    expect(shown.withoutWhy).toEqual([]);
    const why = (await popup.locator('[data-why-id="seed-001"] li').allTextContents()).join('\n');
    // The shared wording the card shows is the first answer's measure, said once.
    expect(why).toMatch(/^Shares \d+% of its wording with this page/);
    expect(why).toMatch(/Palimpsest is (sure|fairly sure|unsure) of this relation/);
    expect(why).toMatch(/machine-translation trace/);
    await popup.close();
  });
});
