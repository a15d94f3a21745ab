/**
 * The popup's "Quotes" section in the built extension: a quotation of the seed 000 page followed across the seed
 * versions, earliest first, with the changed words marked and who each version says said it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionSession, browserSuiteUnavailable } from './helpers/extension.ts';
import { waitForAnswer } from './helpers/popup-reader.ts';

const skipReason = browserSuiteUnavailable();

describe.skipIf(skipReason !== null)('the Quotes section', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await ExtensionSession.launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('follows Imran Khan\'s "chains of slavery" back to The Week\'s "shackles of slavery"', async () => {
    const { tabId, page } = await session.openFixture('seed-000-syndicated');
    const popup = await session.openPopup(tabId);
    await waitForAnswer(popup);
    const section = popup.locator('[data-section="quotes"]');
    expect(await section.locator('h2').textContent()).toMatch(/^Quotes \d+$/);
    const choice = section.locator('button.quote-choice', { hasText: 'chains of slavery' });
    expect(await choice.textContent()).toContain('— Imran Khan');
    await choice.click();
    expect(await choice.getAttribute('aria-pressed')).toBe('true');

    const occurrences = await section.locator('.quote-occurrence').evaluateAll((items) =>
      items.map((item) => ({
        id: (item as HTMLElement).dataset.occurrenceId,
        where: item.querySelector('.quote-where')?.textContent?.replace(/\s+/g, ' ').trim(),
        speaker: item.querySelector('.quote-speaker')?.textContent,
        deleted: [...item.querySelectorAll('del')].map((d) => d.textContent?.trim()),
        inserted: [...item.querySelectorAll('ins')].map((d) => d.textContent?.trim()),
        text: item.querySelector('.quote-wording')?.textContent,
      })),
    );
    // Earliest first: The Week, then World News Digest, then this page (a day later).
    expect(occurrences.map((o) => o.id)).toEqual(['seed-001', 'seed-000', 'page']);
    expect(occurrences[0].where).toMatch(/^The Week · (?:16 Aug 2021|Aug 16, 2021) earliest$/);
    expect(occurrences[0].text).toContain('shackles of slavery');
    for (const later of occurrences.slice(1)) {
      expect(later.deleted).toContain('shackles');
      expect(later.inserted).toContain('chains');
    }
    expect(occurrences.map((o) => o.speaker)).toEqual(['Said by Imran Khan', 'Said by Imran Khan', 'Said by Imran Khan']);
    await Promise.all([popup.close(), page.close()]);
  });
});
