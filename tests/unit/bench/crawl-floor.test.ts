import { describe, expect, it } from 'vitest';
import { crawlFloorRows, type CrawlFloor } from '../../../scripts/bench/crawl-floor';

const floor: CrawlFloor = {
  articles: 77_565,
  readerMs: 1.1,
  keysMs: 0.6,
  keysPerArticle: 334,
  indexedDb: { perThousand: 1.8, byRole: { 'browser process': 1.2, page: 0.5, 'other processes': 0.01 }, articlesPerSecond: 1100 },
  storePath: { perThousand: 4.1, byRole: { 'service worker': 1.5, 'browser process': 2 }, articlesPerSecond: 400 },
  cores: 2,
};

describe('the bulk import floor rows', () => {
  it('adds the reader, the keys and IndexedDB alone into the work, and gives the rate it allows on the cores', () => {
    const rows = crawlFloorRows(floor);
    const work = rows.find((row) => row.startsWith('| The work alone'))!;
    // 1.1 + 0.6 + 1.8 = 3.5 s per 1,000 articles; two cores allow 2,000 / 3.5 = 571 a second.
    expect(work).toContain('| 3.50 s | 571 |');
  });

  it('names each busy thread role, busiest first, and leaves out those under 0.05 s', () => {
    const row = crawlFloorRows(floor).find((line) => line.startsWith('| IndexedDB alone'))!;
    expect(row).toContain('1.80 s (browser process 1.20, page 0.50)');
    expect(row).not.toContain('other processes');
  });
});
