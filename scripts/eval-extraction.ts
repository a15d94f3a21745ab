/**
 * Scores article extraction against Mozilla Readability's test pages (../shared/extraction/readability-test-pages).
 * Usage: npm run eval:extraction [-- --verbose] [-- --case <name>]
 *
 * Per metadata field (title, byline, lang, siteName, publishedTime): the share of cases where our value equals the
 * expected one, counted only where the expected value is present (not null, not empty).
 *   Normalisation: both sides trimmed with whitespace runs collapsed, then compared exactly (case-sensitive);
 *   publishedTime compares the instant (zone-less values read as UTC); lang compares BCP 47 tags case-insensitively
 *   with "_" read as "-" (strict), and also the primary language subtag alone ("en-US" = "en").
 *   `excerpt` is not scored: PageArticle has no excerpt.
 * Body: how much of expected.html's text (tokens = lower-cased letter/number runs, one token per CJK character,
 * counted as multisets) we keep, micro- (pooled tokens) and macro- (mean per case) averaged:
 *   (a) body: found in our `text`;
 *   (b) body + captions: found in `text` or `captions` (captions are kept, only apart from the running text);
 *   (c) furniture: found only in what we set aside as furniture (newsletter boxes, bios, related lists…);
 *   lost: in none of them. (b) + (c) + lost = 1.
 * The body target (the body keeps >= 0.98 of the expected text, furniture removed) is read on (b), macro, over the
 * article cases.
 * The article cases that keep the least under (b) are listed with the reason: which furniture pieces hold expected text,
 * and which expected passages are missing altogether. Plus token precision of `text`.
 *   byline: a leading "By"/"Par"/"Von" label is dropped on both sides (it labels the byline, it is not part of it).
 *   title: the extractor reports the headline without the site's name ("Headline | eHow" → "Headline"; the site name
 *   is shown beside it), and Readability keeps it where og:title has it. The expected title is judged with the site's
 *   name removed the same way (lib/extract/metadata.ts stripSiteName: a segment before or after a separator that is
 *   the site's name), the site's names being Readability's expected siteName (the page's og:site_name) and ours.
 * The expected values are Readability's own output, not a human judgement. Every mismatch is listed; those whose
 * expected value is questionable are reported with the reason, and rates are given both over all cases ("rate",
 * the headline figure) and without the questionable ones ("rateReviewed"). Nothing in the extractor special-cases a
 * test page.
 *   - "no article": Readability itself marks the page not readerable (expected-metadata readerable=false) and the
 *     extractor returns null for it: counted as a miss in "rate".
 *   - hand-reviewed cases in REVIEWED below, each with what the page shows.
 * Body figures are likewise given over all cases and over the cases that are not "no article".
 * `--bulk` scores the bulk importer's streaming reader (lib/extract/bulk-reader.ts) instead of the full extractor.
 * Writes tests/.artifacts/eval-extraction.json (eval-extraction-bulk.json with --bulk). Exits 0 with a message when
 * the test pages are absent.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { instantOf } from '../lib/extract/dates.ts';
import { readArticleFast } from '../lib/extract/bulk-reader.ts';
import { extractFromHtml } from '../lib/extract/html.ts';
import { stripSiteName } from '../lib/extract/metadata.ts';
import { normalizeLanguageTag } from '../lib/extract/language.ts';
import { primarySubtag } from '../lib/text/language.ts';
import type { PageArticle } from '../lib/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pagesDir = path.resolve(repoRoot, '..', 'shared', 'extraction', 'readability-test-pages');
const bulk = process.argv.includes('--bulk');
const outputPath = path.join(repoRoot, 'tests', '.artifacts', bulk ? 'eval-extraction-bulk.json' : 'eval-extraction.json');
/** The extractor scored: the full one, or the bulk importer's streaming reader. */
const extract: (html: string, url: string) => PageArticle | null = bulk ? readArticleFast : extractFromHtml;
/** The address Readability's own test harness gives every page. */
const TEST_PAGE_URL = 'http://fakehost/test/page.html';

const FIELDS = ['title', 'byline', 'lang', 'siteName', 'publishedTime'] as const;
type Field = (typeof FIELDS)[number];
const TARGETS: Partial<Record<Field | 'bodyRetention', number>> = { title: 0.95, byline: 0.95, lang: 0.95, publishedTime: 0.95, bodyRetention: 0.98 };

/** Expected values checked against the page by hand and found wrong or partial. */
const REVIEWED: Record<string, Partial<Record<Field, string>>> = {
  'herald-sun-1': {
    byline:
      'expected "JOE HILDEBRAND" is the byline of a teaser further down; the article\'s <cite class="author">, article:author and analytics byline all say Laurie Oakes',
  },
  'seattletimes-1': { byline: 'expected is the publication/update time text, not a name; the page credits Benjamin Romano' },
  'yahoo-2': {
    title:
      'expected is og:title "Yahoo News - Latest News & Headlines", which is also the og:site_name: a site title, not the article\'s; the <title> and the article <h1> both read "Russia: Space ship malfunctions, breaks up over Siberia"',
  },
  'ietf-1': { byline: 'the page has two DC.Creator metas (Kooman, F. and Jong, Michiel de); expected keeps only the last one' },
  // A site name a reader recognises: not a tagline, an address or a credit line.
  '002': { siteName: 'expected is og:site_name with its tagline ("Mozilla Hacks – the Web developer blog"); the site is Mozilla Hacks' },
  'simplyfound-1': { siteName: 'expected is og:site_name with a credit line ("SIMPLYFOUND.COM | BY: JOE WEE"); the site is SIMPLYFOUND.COM' },
  'buzzfeed-1': { siteName: 'expected is og:site_name "BuzzFeed"; the page is a BuzzFeed News article and its title ends "- BuzzFeed News", the fuller name reported' },
  'tmz-1': { siteName: 'expected is og:site_name, an address ("http://www.tmz.com"); its host name is tmz.com' },
};

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  readerable?: boolean;
}

interface FieldMismatch {
  case: string;
  expected: string;
  got: string | null;
  /** Why the expected value is not taken at face value, when it is not. */
  questionable?: string;
}

interface CaseResult {
  name: string;
  extracted: boolean;
  /** Readability marks the page not readerable and we report no article. */
  agreedNoArticle: boolean;
  expectedTokens: number;
  keptTokens: number;
  ourTokens: number;
  /** Expected tokens found in our text or captions. */
  keptWithCaptionsTokens: number;
  /** Expected tokens found in our text, captions or furniture. */
  accountedTokens: number;
  /** (a) body, (b) body + captions, (c) furniture only, and lost: shares of the expected tokens. */
  retention: Retention;
  precision: number;
  furnitureTokens: number;
  captionTokens: number;
  /** Expected tokens kept by Readability run directly on the same DOM. */
  readabilityKeptTokens: number;
  furniture: string[];
  captions: string[];
  /** The furniture pieces that hold expected text, most first, with how many expected tokens each holds. */
  furnitureWithExpectedText: { tokens: number; text: string }[];
  /** Expected passages found in none of text, captions or furniture. */
  missing: string[];
}

interface Retention {
  body: number;
  bodyWithCaptions: number;
  toFurniture: number;
  lost: number;
}

export function normalizeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function fieldEquals(field: Field, expected: string, got: string | undefined): boolean {
  if (got === undefined) return false;
  if (field === 'publishedTime') {
    const a = instantOf(expected);
    const b = instantOf(got);
    return a !== undefined && a === b;
  }
  if (field === 'lang') return langTag(expected) === langTag(got);
  if (field === 'byline') return withoutByLabel(expected) === withoutByLabel(got);
  return normalizeValue(expected) === normalizeValue(got);
}

function withoutByLabel(value: string): string {
  return normalizeValue(value).replace(/^(by|par|von|por|door|di)\s*:?\s+/i, '');
}

function langTag(value: string): string {
  return (normalizeLanguageTag(value) ?? normalizeValue(value)).toLowerCase();
}

export function tokens(text: string): string[] {
  const spaced = text.replace(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, ' $1 ');
  return spaced.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Size of the multiset intersection. */
export function sharedTokens(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(t, c - 1);
    }
  }
  return shared;
}

function readabilityBaseline(source: string): string {
  const { document } = parseHTML(source);
  try {
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const skipped of Array.from(document.querySelectorAll('script, style, noscript, template'))) skipped.remove();
  return document.body.textContent ?? '';
}

/** The multiset `a` minus `b`. */
export function remainingTokens(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  return a.filter((t) => {
    const c = counts.get(t) ?? 0;
    if (c > 0) counts.set(t, c - 1);
    return c === 0;
  });
}

/** Furniture pieces that took expected tokens the body and captions lack, each token counted once, most first. */
function furnitureHoldingExpected(remaining: string[], furniture: string[]): { tokens: number; text: string }[] {
  let left = remaining;
  const out: { tokens: number; text: string }[] = [];
  for (const piece of furniture) {
    const pieceTokens = tokens(piece);
    const held = sharedTokens(pieceTokens, left);
    if (held === 0) continue;
    left = remainingTokens(left, pieceTokens);
    const text = normalizeValue(piece);
    out.push({ tokens: held, text: text.length > 160 ? `${text.slice(0, 157)}...` : text });
  }
  return out.sort((x, y) => y.tokens - x.tokens);
}

/** Expected paragraphs that share few tokens with `ours`: what we dropped. */
function missingPassages(expectedHtml: string, ours: string[]): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`);
  const oursCounts = new Set(ours);
  const out: string[] = [];
  for (const block of Array.from(document.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, figcaption, dd, dt'))) {
    if (block.querySelector('p, li, blockquote, pre, td')) continue;
    const text = normalizeValue(block.textContent ?? '');
    const t = tokens(text);
    if (t.length === 0) continue;
    const kept = t.filter((x) => oursCounts.has(x)).length / t.length;
    if (kept < 0.5) out.push(text.length > 160 ? `${text.slice(0, 157)}...` : text);
  }
  return out.slice(0, 12);
}

/** The expected title without the site's name, as the extractor reports titles (see the header). */
export function expectedHeadline(title: string, siteNames: (string | null | undefined)[]): string {
  return stripSiteName(title, siteNames.filter((name): name is string => !!name?.trim()));
}

function questionableReason(field: Field, name: string, result: CaseResult): string | undefined {
  if (result.agreedNoArticle) return 'no article: Readability marks the page not readerable and the extractor returns null';
  return REVIEWED[name]?.[field];
}

async function evaluateCase(name: string): Promise<{ result: CaseResult; values: Record<Field, { expected?: string; got?: string }> }> {
  const dir = path.join(pagesDir, name);
  const [source, expectedHtml, metadataJson] = await Promise.all([
    readFile(path.join(dir, 'source.html'), 'utf8'),
    readFile(path.join(dir, 'expected.html'), 'utf8'),
    readFile(path.join(dir, 'expected-metadata.json'), 'utf8'),
  ]);
  const expected = JSON.parse(metadataJson) as ExpectedMetadata;
  const article: PageArticle | null = extract(source, TEST_PAGE_URL);
  const readabilityText = readabilityBaseline(source);
  const expectedTokens = tokens(htmlText(expectedHtml));
  const ourTokens = tokens(article?.text ?? '');
  const furniture = article?.furniture ?? [];
  const captions = article?.captions ?? [];
  const keptTokens = tokens([article?.text ?? '', ...captions].join('\n'));
  const kept = sharedTokens(expectedTokens, ourTokens);
  const keptWithCaptions = sharedTokens(expectedTokens, keptTokens);
  const accounted = sharedTokens(expectedTokens, [...keptTokens, ...tokens(furniture.join('\n'))]);
  const share = (n: number) => (expectedTokens.length ? n / expectedTokens.length : 1);
  const result: CaseResult = {
    name,
    extracted: article !== null,
    agreedNoArticle: article === null && expected.readerable === false,
    expectedTokens: expectedTokens.length,
    keptTokens: kept,
    ourTokens: ourTokens.length,
    keptWithCaptionsTokens: keptWithCaptions,
    accountedTokens: accounted,
    retention: {
      body: share(kept),
      bodyWithCaptions: share(keptWithCaptions),
      toFurniture: expectedTokens.length ? (accounted - keptWithCaptions) / expectedTokens.length : 0,
      lost: expectedTokens.length ? (expectedTokens.length - accounted) / expectedTokens.length : 0,
    },
    precision: ourTokens.length ? kept / ourTokens.length : expectedTokens.length ? 0 : 1,
    furnitureTokens: tokens(furniture.join(' ')).length,
    captionTokens: tokens(captions.join(' ')).length,
    readabilityKeptTokens: sharedTokens(expectedTokens, tokens(readabilityText)),
    furniture,
    captions,
    furnitureWithExpectedText: furnitureHoldingExpected(remainingTokens(expectedTokens, keptTokens), furniture),
    missing: article ? missingPassages(expectedHtml, [...keptTokens, ...tokens(furniture.join('\n'))]) : ['(no article extracted)'],
  };
  const values = {} as Record<Field, { expected?: string; got?: string }>;
  for (const field of FIELDS) {
    const exp = expected[field];
    values[field] = {
      expected: typeof exp === 'string' && exp.trim() ? exp : undefined,
      got: article?.[field] ?? undefined,
    };
  }
  values.title.expected = values.title.expected && expectedHeadline(values.title.expected, [expected.siteName, article?.siteName]);
  return { result, values };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const WORST_CASES = 10;

function roundedRetention(r: Retention): Retention {
  return { body: round(r.body), bodyWithCaptions: round(r.bodyWithCaptions), toFurniture: round(r.toFurniture), lost: round(r.lost) };
}

/** Micro (pooled tokens) and macro (mean per case) averages of the retention shares. */
export function retentionSummary(cases: CaseResult[]): { cases: number; micro: Retention; macro: Retention } {
  const total = Math.max(1, cases.reduce((s, c) => s + c.expectedTokens, 0));
  const pooled = (f: (c: CaseResult) => number) => round(cases.reduce((s, c) => s + f(c), 0) / total);
  const mean = (f: (r: Retention) => number) => round(cases.reduce((s, c) => s + f(c.retention), 0) / Math.max(1, cases.length));
  return {
    cases: cases.length,
    micro: {
      body: pooled((c) => c.keptTokens),
      bodyWithCaptions: pooled((c) => c.keptWithCaptionsTokens),
      toFurniture: pooled((c) => c.accountedTokens - c.keptWithCaptionsTokens),
      lost: pooled((c) => c.expectedTokens - c.accountedTokens),
    },
    macro: { body: mean((r) => r.body), bodyWithCaptions: mean((r) => r.bodyWithCaptions), toFurniture: mean((r) => r.toFurniture), lost: mean((r) => r.lost) },
  };
}

/** Why a case keeps less than all of the expected text: what went to furniture, what is missing, and Readability's own figure. */
function lossReason(c: CaseResult): string {
  if (c.agreedNoArticle) return 'no article: Readability marks the page not readerable and the extractor returns null';
  if (!c.extracted) return 'no article extracted, though Readability finds one';
  const parts: string[] = [];
  if (c.furnitureWithExpectedText.length) {
    const pieces = c.furnitureWithExpectedText.slice(0, 3).map((p) => `${p.tokens} in ${JSON.stringify(p.text)}`);
    parts.push(`furniture holds ${(c.retention.toFurniture * 100).toFixed(1)}%: ${pieces.join('; ')}`);
  }
  if (c.retention.lost > 0.0005) {
    const readabilityLost = c.expectedTokens ? 1 - c.readabilityKeptTokens / c.expectedTokens : 0;
    const readabilityNote =
      readabilityLost > 0.005 && readabilityLost >= c.retention.lost / 2
        ? ` (Readability 0.6.0 alone keeps ${round(1 - readabilityLost)}: lost before our own steps)`
        : '';
    const missing = c.missing.slice(0, 3).map((m) => JSON.stringify(m)).join(' | ');
    parts.push(`lost ${(c.retention.lost * 100).toFixed(1)}%${readabilityNote}${missing ? `: ${missing}` : ''}`);
  }
  return parts.join('; ') || 'nothing lost';
}

async function main(argv: string[]): Promise<number> {
  if (!existsSync(pagesDir)) {
    console.log(`eval:extraction skipped: ${pagesDir} is absent (the Readability test pages are not bundled).`);
    return 0;
  }
  const verbose = argv.includes('--verbose');
  const only = argv.includes('--case') ? argv[argv.indexOf('--case') + 1] : undefined;
  const names = (await readdir(pagesDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(path.join(pagesDir, d.name, 'source.html')) && existsSync(path.join(pagesDir, d.name, 'expected.html')))
    .map((d) => d.name)
    .filter((n) => !only || n === only)
    .sort();

  const fieldStats = Object.fromEntries(
    FIELDS.map((f) => [f, { present: 0, equal: 0, questionable: 0, extra: 0, mismatches: [] as FieldMismatch[] }]),
  ) as Record<Field, { present: number; equal: number; questionable: number; extra: number; mismatches: FieldMismatch[] }>;
  let langPrimaryEqual = 0;
  const cases: CaseResult[] = [];
  const started = Date.now();
  for (const name of names) {
    const { result, values } = await evaluateCase(name);
    cases.push(result);
    for (const field of FIELDS) {
      const { expected, got } = values[field];
      const stats = fieldStats[field];
      if (expected === undefined) {
        if (got !== undefined) stats.extra++;
        continue;
      }
      stats.present++;
      if (field === 'lang' && got && primarySubtag(langTag(expected)) === primarySubtag(langTag(got))) langPrimaryEqual++;
      if (fieldEquals(field, expected, got)) {
        stats.equal++;
        continue;
      }
      const questionable = questionableReason(field, name, result);
      if (questionable) stats.questionable++;
      stats.mismatches.push({ case: name, expected, got: got ?? null, ...(questionable ? { questionable } : {}) });
    }
  }

  const sum = (f: (c: CaseResult) => number) => cases.reduce((s, c) => s + f(c), 0);
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const s = fieldStats[f];
      const reviewed = s.present - s.questionable;
      return [
        f,
        {
          present: s.present,
          equal: s.equal,
          rate: s.present ? round(s.equal / s.present) : null,
          questionable: s.questionable,
          rateReviewed: reviewed ? round(s.equal / reviewed) : null,
          target: TARGETS[f] ?? null,
          /** Cases where Readability has no value and we give one. */
          extraValues: s.extra,
        },
      ];
    }),
  );
  const articleCases = cases.filter((c) => !c.agreedNoArticle);
  const body = {
    cases: cases.length,
    extracted: cases.filter((c) => c.extracted).length,
    agreedNoArticle: cases.filter((c) => c.agreedNoArticle).map((c) => c.name),
    /** (a) body, (b) body + captions, (c) furniture, lost; over all cases and without the agreed "no article" pages. */
    retention: { all: retentionSummary(cases), articles: retentionSummary(articleCases) },
    /** Readability 0.6.0 alone on the linkedom DOM, against its own expected text: the ceiling for this parser and version. */
    readability: {
      micro: round(sum((c) => c.readabilityKeptTokens) / Math.max(1, sum((c) => c.expectedTokens))),
      macro: round(sum((c) => (c.expectedTokens ? c.readabilityKeptTokens / c.expectedTokens : 1)) / Math.max(1, cases.length)),
    },
    precisionMicro: round(sum((c) => c.keptTokens) / Math.max(1, sum((c) => c.ourTokens))),
    precisionMacro: round(sum((c) => c.precision) / Math.max(1, cases.length)),
    furniture: {
      casesWithFurniture: cases.filter((c) => c.furniture.length > 0).length,
      pieces: sum((c) => c.furniture.length),
      tokens: sum((c) => c.furnitureTokens),
    },
    captions: { casesWithCaptions: cases.filter((c) => c.captions.length > 0).length, pieces: sum((c) => c.captions.length), tokens: sum((c) => c.captionTokens) },
    target: TARGETS.bodyRetention,
  };
  // The agreed "no article" pages keep nothing by definition: they are listed apart, not among the worst.
  const worst = [...articleCases]
    .sort((x, y) => x.retention.bodyWithCaptions - y.retention.bodyWithCaptions || x.retention.body - y.retention.body)
    .slice(0, WORST_CASES)
    .map((c) => ({ case: c.name, ...roundedRetention(c.retention), reason: lossReason(c) }));
  const report = {
    dataset: path.relative(repoRoot, pagesDir),
    pageUrl: TEST_PAGE_URL,
    normalisation: {
      strings: 'trim, whitespace runs collapsed to one space, then exact (case-sensitive) equality',
      publishedTime: 'same instant; zone-less values read as UTC, date-only values as 00:00Z',
      title: "the expected title without the site's name (stripSiteName with Readability's siteName and ours), as the extractor reports titles",
      lang: 'BCP 47 tags compared case-insensitively, "_" read as "-"; langPrimary compares the language subtag only',
      tokens: 'lower-cased runs of letters/numbers/marks; each CJK character is one token; multiset counts',
    },
    fields,
    langPrimary: { present: fieldStats.lang.present, equal: langPrimaryEqual, rate: fieldStats.lang.present ? round(langPrimaryEqual / fieldStats.lang.present) : null },
    body,
    mismatches: Object.fromEntries(FIELDS.map((f) => [f, fieldStats[f].mismatches])),
    worst,
    cases: cases.map((c) => ({ ...c, retention: roundedRetention(c.retention), precision: round(c.precision) })),
    ms: Date.now() - started,
  };
  await mkdir(path.dirname(outputPath), { recursive: true });
  await writeFile(outputPath, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`Extraction evaluation over ${cases.length} Readability test pages (${report.ms} ms)`);
  console.log('  field          equal/present  rate   | questionable  rate without them');
  for (const f of FIELDS) {
    const s = fields[f];
    const rates = `${s.rate?.toFixed(3) ?? 'n/a'}  | ${String(s.questionable).padStart(3)}           ${s.rateReviewed?.toFixed(3) ?? 'n/a'}`;
    const verdict = (rate: number | null) => (rate != null && s.target != null && rate >= s.target ? 'meets' : 'below');
    const mark = s.target == null ? '' : `  target ${s.target}: all cases ${verdict(s.rate)}, reviewed ${verdict(s.rateReviewed)}`;
    console.log(`  ${f.padEnd(14)} ${String(s.equal).padStart(3)}/${String(s.present).padEnd(3)}        ${rates}${mark}`);
  }
  console.log(`  ${'lang (primary)'.padEnd(14)} ${String(langPrimaryEqual).padStart(3)}/${String(fieldStats.lang.present).padEnd(3)}        ${report.langPrimary.rate?.toFixed(3)}`);
  const pct = (x: number) => x.toFixed(4);
  console.log('  body retention (share of expected tokens)   (a) body  (b) +captions  (c) furniture  lost');
  for (const [label, group] of [['all', body.retention.all], ['articles', body.retention.articles]] as const) {
    for (const avg of ['micro', 'macro'] as const) {
      const r = group[avg];
      const met = avg === 'macro' && label === 'articles' ? `   target (b) >= ${TARGETS.bodyRetention}: ${r.bodyWithCaptions >= (TARGETS.bodyRetention ?? 1) ? 'meets' : 'below'}` : '';
      console.log(`    ${`${label} (${group.cases}) ${avg}`.padEnd(40)} ${pct(r.body)}    ${pct(r.bodyWithCaptions)}       ${pct(r.toFurniture)}       ${pct(r.lost)}${met}`);
    }
  }
  console.log(`  readability    micro ${body.readability.micro.toFixed(4)}  macro ${body.readability.macro.toFixed(4)}  (Readability 0.6.0 alone on linkedom, its text against the expected text: the ceiling for (a))`);
  console.log(`  body precision micro ${body.precisionMicro.toFixed(4)}  macro ${body.precisionMacro.toFixed(4)}`);
  console.log(`  set aside      ${body.furniture.pieces} furniture pieces (${body.furniture.tokens} tokens) in ${body.furniture.casesWithFurniture} cases; ${body.captions.pieces} captions (${body.captions.tokens} tokens) in ${body.captions.casesWithCaptions} cases`);
  console.log(`  no article (Readability marks them not readerable, the extractor returns null): ${body.agreedNoArticle.join(', ') || 'none'}`);
  console.log(`  the ${WORST_CASES} article cases that keep the least (b):`);
  for (const w of worst) console.log(`    ${w.case.padEnd(28)} (a) ${pct(w.body)} (b) ${pct(w.bodyWithCaptions)} (c) ${pct(w.toFurniture)} lost ${pct(w.lost)}\n      ${w.reason}`);
  if (verbose) {
    for (const f of FIELDS) {
      for (const m of fieldStats[f].mismatches) {
        console.log(`  ${f} ${m.case}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}${m.questionable ? `\n      questionable: ${m.questionable}` : ''}`);
      }
    }
    for (const c of cases.filter((x) => x.retention.bodyWithCaptions < 0.98)) {
      console.log(`  retention ${c.name} (b) ${pct(c.retention.bodyWithCaptions)}: ${lossReason(c)}`);
    }
  }
  console.log(`Wrote ${path.relative(repoRoot, outputPath)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
