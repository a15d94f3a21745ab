import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { findPassageInCorpus } from '../../../extension/background/passage';
import { checkArticle } from '../../../lib/engine';
import { openCorpusStore } from '../../../lib/store';
import type { PageArticle } from '../../../lib/types';
import { seedRecord, seedRecords } from '../helpers/seed-corpus.ts';

describe('a selection is matched as the reader selected it, as the page\'s drift list saw it', async () => {
  const store = await openCorpusStore({ name: `selection-seeds-${process.pid}`, indexedDB, IDBKeyRange });
  await store.addRecords(seedRecords);
  const seed = seedRecord('000');
  const article: PageArticle = { text: seed.text, title: seed.title, siteName: seed.site, publishedTime: seed.published, url: seed.url, lang: 'en' };
  const report = await checkArticle(article, store);

  it('finds the altered words of a quotation in the version the drift list compared, with the quote change', async () => {
    const outcome = await findPassageInCorpus('the chains of slavery', store, { url: seed.url, article, report });
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    expect(outcome.report.earliest?.id).toBe('seed-001');
    expect(outcome.report.earliest?.text).toContain('shackles of slavery');
    expect(outcome.report.drift.map((d) => d.summary)).toContain('Quote altered: “shackles” became “chains”');
  });

  it('does not give the unselected rest of a sentence as the selection\'s drift', async () => {
    const clause = 'Russia and China mostly remained behind';
    const outcome = await findPassageInCorpus(clause, store, { url: seed.url, article, report });
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    const at = seed.text.indexOf(clause);
    for (const item of outcome.report.drift) expect(item.page.start < at + clause.length && at < item.page.end, item.summary).toBe(true);
    expect(outcome.report.drift.some((d) => d.page.text.includes('United States'))).toBe(false);
  });
});
