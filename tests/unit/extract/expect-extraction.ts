import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageArticle } from '../../../lib/types';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/**
 * What a fixture page must extract to (tests/fixtures/<name>/expected.json). Only the fields present are checked;
 * a field set to null must be absent from the article.
 */
export interface ExpectedExtraction {
  /** Address the page is extracted from. */
  pageUrl?: string;
  /** null: the page holds no article. */
  article?: null;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  modifiedTime?: string | null;
  url?: string | null;
  lang?: string | null;
  /** The first and last 60 characters of `text`. */
  textStart?: string;
  textEnd?: string;
  paragraphCount?: number;
  /** Each must be inside one of the article's captions, and not in its text. */
  captions?: string[];
  /** Each must be inside one of the article's furniture strings, and not in its text. */
  furniture?: string[];
  /** Each must not be in the text. */
  absent?: string[];
}

const METADATA_FIELDS = ['title', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'url', 'lang'] as const;
const EDGE_CHARS = 60;

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const differ = (field: string, expected: unknown, got: unknown) => describe(field, show(expected), show(got));
const describe = (field: string, expected: string, got: string) => `field ${field}: expected ${expected} got ${got}`;

/** The first way `actual` differs from `expected`, in a fixed field order, or null when it matches. */
export function firstDifference(actual: PageArticle | null, expected: ExpectedExtraction): string | null {
  if (expected.article === null) return actual === null ? null : describe('article', 'none', `an article starting ${show(actual.text.slice(0, EDGE_CHARS))}`);
  if (actual === null) return describe('article', 'an article', 'none');

  for (const field of METADATA_FIELDS) {
    if (!(field in expected)) continue;
    const want = expected[field] ?? undefined;
    if (actual[field] !== want) return differ(field, want, actual[field]);
  }
  if (expected.textStart !== undefined && actual.text.slice(0, EDGE_CHARS) !== expected.textStart) {
    return differ('textStart', expected.textStart, actual.text.slice(0, EDGE_CHARS));
  }
  if (expected.textEnd !== undefined && actual.text.slice(-EDGE_CHARS) !== expected.textEnd) {
    return differ('textEnd', expected.textEnd, actual.text.slice(-EDGE_CHARS));
  }
  const paragraphTexts = (actual.paragraphs ?? []).map(([s, e]) => actual.text.slice(s, e));
  if (paragraphTexts.join('\n\n') !== actual.text) return describe('paragraphs', 'spans covering the text paragraph by paragraph', show(actual.paragraphs));
  if (expected.paragraphCount !== undefined && paragraphTexts.length !== expected.paragraphCount) {
    return differ('paragraphCount', expected.paragraphCount, paragraphTexts.length);
  }
  const text = flat(actual.text);
  for (const [field, list] of [['captions', actual.captions ?? []], ['furniture', actual.furniture ?? []]] as const) {
    for (const wanted of expected[field] ?? []) {
      if (text.includes(flat(wanted))) return describe('text', `no ${show(wanted)} (it belongs in ${field})`, 'it in the text');
      if (!list.some((item) => flat(item).includes(flat(wanted)))) return describe(field, `an entry holding ${show(wanted)}`, show(list));
    }
  }
  for (const unwanted of expected.absent ?? []) {
    if (text.includes(flat(unwanted))) return describe('text', `no ${show(unwanted)}`, 'it in the text');
  }
  return null;
}

/** Fails with the first differing field: "field title: expected … got …". */
export function expectExtraction(actual: PageArticle | null, expected: ExpectedExtraction): void {
  const difference = firstDifference(actual, expected);
  if (difference) throw new Error(difference);
}

export function readFixture(name: string): { html: string; expected: ExpectedExtraction } {
  const dir = path.join(fixturesDir, name);
  return {
    html: fs.readFileSync(path.join(dir, 'page.html'), 'utf8'),
    expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedExtraction,
  };
}
