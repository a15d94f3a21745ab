/**
 * Real saved news pages (Readability's test suite, read from ../shared) against what a reader should see: the site's
 * own name rather than a handle, a tagline, an address or nothing, and the headline without the site's name.
 * The pages are research data kept outside the repository; without them this suite skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../lib/extract/html';
import { fixturesDir } from './expect-extraction';

const pagesDir = path.resolve(fixturesDir, '..', '..', '..', 'shared', 'extraction', 'readability-test-pages');
const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'readability-pages', 'expected.json'), 'utf8')) as Record<string, { siteName?: string; title?: string }>;
/** The address Readability's own test harness gives every page: the site is read from the page's own links. */
const TEST_PAGE_URL = 'http://fakehost/test/page.html';

describe.skipIf(!existsSync(pagesDir))('saved news pages: metadata a reader recognises', () => {
  it.each(Object.entries(expected))('%s', (name, want) => {
    const article = extractFromHtml(readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8'), TEST_PAGE_URL);
    expect(article).not.toBeNull();
    expect({ siteName: article!.siteName, title: article!.title }).toMatchObject(want);
  });
});
