import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { OPML_SKELETON, OpmlError, readOpml, writeOpml } from '../../../lib/import/opml.ts';
import { backoffMs, nextReadAfterFailure, retryAfterMs, staggeredFirstReads, FIRST_BACKOFF_MS, MAX_BACKOFF_MS } from '../../../lib/import/feed-schedule.ts';

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

const EXPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="News" title="News">
    <outline type="rss" text="Wire &amp; World" title="Wire &amp; World" xmlUrl="https://wire.example/world.xml" htmlUrl="https://wire.example/"/>
    <outline type="rss" text="Courier" xmlurl="https://courier.example/atom.xml"/>
  </outline>
  <outline type="rss" text="Again" xmlUrl="https://wire.example/world.xml"/>
  <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
  <outline text="A folder without feeds"/>
</body></opml>`;

describe('OPML', () => {
  it('reads feeds at any depth, once each, and reports addresses that are not web addresses', () => {
    const reading = readOpml(parse(EXPORTED));
    expect(reading.feeds).toEqual([
      { url: 'https://wire.example/world.xml', title: 'Wire & World', siteUrl: 'https://wire.example/' },
      { url: 'https://courier.example/atom.xml', title: 'Courier' },
    ]);
    expect(reading.problems).toEqual(['Broken: “javascript:alert(1)” is not a web address']);
  });

  it('refuses a document that is not OPML', () => {
    expect(() => readOpml(parse('<rss><channel/></rss>'))).toThrow(OpmlError);
  });

  it('writes what it reads back (round trip), escaping titles', () => {
    const feeds = [
      { url: 'https://wire.example/world.xml?a=1&b=2', title: 'Wire <World> & "more"', siteUrl: 'https://wire.example/' },
      { url: 'https://courier.example/atom.xml' },
    ];
    const doc = writeOpml(parse(OPML_SKELETON), feeds, { title: 'Palimpsest feeds', created: new Date('2026-01-02T03:04:05Z') });
    const text = String(doc);
    expect(text).toContain('<title>Palimpsest feeds</title>');
    expect(text).not.toContain('<World>');
    expect(readOpml(parse(text)).feeds).toEqual(feeds);
  });
});

describe('feed schedule', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('reads Retry-After as seconds or as a date, bounded', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 12:30:00 GMT', now)).toBe(30 * 60_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('99999999', now)).toBe(7 * 24 * 3_600_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('backs off exponentially up to a day, and waits at least what the site asked', () => {
    expect(backoffMs(1)).toBe(FIRST_BACKOFF_MS);
    expect(backoffMs(2)).toBe(2 * FIRST_BACKOFF_MS);
    expect(backoffMs(30)).toBe(MAX_BACKOFF_MS);
    expect(nextReadAfterFailure(now, 1, 3 * 3_600_000)).toBe(now + 3 * 3_600_000);
    expect(nextReadAfterFailure(now, 1, 60_000)).toBe(now + FIRST_BACKOFF_MS);
  });

  it('spreads the first reads of many feeds over an hour', () => {
    const reads = staggeredFirstReads(now, 200);
    expect(reads[0]).toBe(now);
    expect(reads[199] - now).toBeLessThan(3_600_000);
    expect(new Set(reads.map((at) => Math.floor((at - now) / 300_000))).size).toBe(12);
  });
});
