/**
 * The popup's "Lineage" section on the seed pages, in the built extension: who copied whom among the versions, each
 * with its publisher and date, each edge with its relation, and where the page sits.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, browserSuiteUnavailable } from './helpers/extension.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

interface ShownNode {
  id: string;
  depth: number;
  relation: string | null;
  text: string;
  here: boolean;
  uncertain: boolean;
}

/** The lineage tree as shown: every node with its depth in the tree and the relation on the edge into it. */
async function readLineage(popup: Page): Promise<ShownNode[]> {
  await waitForAnswer(popup);
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-section="lineage"] .lineage-node')].map((node) => {
      let depth = 0;
      for (let at = node.parentElement; at; at = at.parentElement) if (at.classList.contains('lineage-children')) depth++;
      return {
        id: node.dataset.lineageId ?? '',
        depth,
        relation: node.querySelector(':scope > .lineage-line .lineage-relation')?.getAttribute('data-relation') ?? null,
        text: (node.querySelector(':scope > .lineage-line')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        here: node.getAttribute('aria-current') === 'true',
        uncertain: node.dataset.uncertain === 'true',
      };
    }),
  );
}

describe.skipIf(skipReason !== null)('the Lineage section', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows seed 000 under The Week, as a machine-translated rewrite', async () => {
    const { tabId, page } = await session.openFixture('seed-000');
    const popup = await session.openPopup(tabId);
    const nodes = await readLineage(popup);
    expect(await popup.locator('#lineage-heading').textContent()).toBe('Lineage');
    expect(nodes.map((n) => [n.id, n.depth, n.relation])).toEqual([
      ['seed-001', 0, null],
      ['page', 1, 'machine-translated rewrite'],
    ]);
    expect(nodes[0].text).toMatch(/The Week · (?:16 Aug 2021|Aug 16, 2021)/);
    expect(nodes[1]).toMatchObject({ here: true });
    expect(nodes[1].text).toMatch(/This page · (?:17 Aug 2021|Aug 17, 2021) you are here/);
    await Promise.all([popup.close(), page.close()]);
  });

  it('shows The Week → World News Digest → this page for a word-for-word copy of the digest', async () => {
    const { tabId, page } = await session.openFixture('seed-000-syndicated');
    const popup = await session.openPopup(tabId);
    const nodes = await readLineage(popup);
    expect(nodes.map((n) => [n.id, n.depth, n.relation])).toEqual([
      ['seed-001', 0, null],
      ['seed-000', 1, 'machine-translated rewrite'],
      ['page', 2, 'copy'],
    ]);
    expect(nodes[1].text).toMatch(/World News Digest · (?:17 Aug 2021|Aug 17, 2021)/);
    expect(nodes[2].text).toMatch(/copied word for word This page · (?:18 Aug 2021|Aug 18, 2021) you are here/);
    expect(nodes.some((n) => n.uncertain)).toBe(false);
    // Independent coverage of the story has no place in the lineage.
    for (const coverage of ['seed-002', 'seed-003', 'seed-004']) expect(nodes.map((n) => n.id)).not.toContain(coverage);
    await Promise.all([popup.close(), page.close()]);
  });
});
