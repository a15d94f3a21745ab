/**
 * Articles in right-to-left and CJK scripts, and a French page with every windows-1252 punctuation mark, read
 * with the same extractor the extension uses: title, byline, site, language and body come out whole.
 * The browser tests serve the same pages (and re-encoded copies) to the extension.
 */
import { describe, it } from 'vitest';
import { extractFromHtml } from '../../../lib/extract/html';
import { expectExtraction, readFixture } from '../extract/expect-extraction';

const SCRIPT_PAGES = ['hostile-rtl-arabic', 'hostile-rtl-hebrew', 'hostile-cjk-chinese', 'hostile-cjk-japanese', 'hostile-cp1252-french'];

describe('articles in other scripts', () => {
  it.each(SCRIPT_PAGES)('%s', (name) => {
    const { html, expected } = readFixture(name);
    expectExtraction(extractFromHtml(html, expected.pageUrl), expected);
  });
});
