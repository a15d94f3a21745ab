import { describe, it } from 'vitest';
import { extractFromHtml } from '../../../lib/extract/html';
import { expectExtraction, readFixture } from './expect-extraction';

/** Pages built from the five seed texts, with their sites' chrome and widgets. */
const SEED_PAGES = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

/** Translations of the tram story (tests/fixtures/crosslang-tram), one of them right to left. */
const TRANSLATED_PAGES = ['crosslang-tram-fr', 'crosslang-tram-ar', 'crosslang-tram-ko', 'crosslang-tram-zh'];

/** One small page per metadata source and furniture kind, and pages that hold no article. */
const SOURCE_PAGES = [
  'title-jsonld-headline',
  'title-og',
  'title-document-suffix',
  'title-h1',
  'byline-jsonld',
  'byline-meta',
  'byline-dom',
  'sitename-og',
  'sitename-jsonld-publisher',
  'sitename-application-name',
  'date-article-meta',
  'date-jsonld-graph',
  'date-time-pubdate',
  'date-time-itemprop',
  'date-url-path',
  'date-dateline',
  'canonical-relative',
  'canonical-og-url',
  'canonical-page-url',
  'lang-html',
  'lang-content-language',
  'lang-og-locale',
  'lang-detected',
  'lang-wrong-declared',
  'furniture-newsletter',
  'furniture-share-follow',
  'furniture-author-bio',
  'furniture-related',
  'furniture-trending',
  'furniture-comments',
  'furniture-text-cues',
  'captions-figcaption',
  'no-article',
  'no-article-home',
];

/**
 * Pages modelled on saved news pages whose metadata read wrongly to a reader: a social handle or the publishing
 * platform's name as the publisher, the site's name only in the document title, the site's name in og:title, and
 * paragraphs in inline elements that ran together ("KTVW reportsThe man"), and the publisher given by a short form of
 * the site's name ("Sky" for Sky News) while og:site_name and the title give it in full.
 */
const READER_METADATA_PAGES = ['sitename-social-handle', 'sitename-platform-name', 'sitename-document-title', 'title-og-site-suffix', 'text-inline-paragraphs', 'sitename-short-form'];

/** Pages the popup's browser tests open for its states: an edited copy of The Week's article, and a report of the same story. */
const POPUP_STATE_PAGES = ['popup-edited-copy', 'popup-same-story'];

describe.each([
  ['seed pages', SEED_PAGES],
  ['translated pages', TRANSLATED_PAGES],
  ['metadata sources and furniture kinds', SOURCE_PAGES],
  ['metadata a reader recognises', READER_METADATA_PAGES],
  ['popup states', POPUP_STATE_PAGES],
])('fixture %s', (_group, names) => {
  it.each(names)('%s', (name) => {
    const { html, expected } = readFixture(name);
    expectExtraction(extractFromHtml(html, expected.pageUrl), expected);
  });
});
