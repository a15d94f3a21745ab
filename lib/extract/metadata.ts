import { attr, collapseWhitespace, elementsByTag, textOf, unescapeEntities } from './dom';
import { dateFromUrl, datelineDate, normalizeDate } from './dates';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';

/** What Readability found, used where the page's own metadata is silent. */
export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Site name

/** Where a site name can be checked against: the page's address and its document <title>. */
export interface SiteContext {
  url?: string;
  documentTitle?: string;
}

/**
 * JSON-LD publisher.name, then og:site_name, then application-name, then the JSON-LD WebSite name, then the site part
 * of the document <title> when it resembles the address ("… - The New York Times" on nytimes.com).
 * The publisher comes first because og:site_name often carries a tagline ("Site - Read what matters"). A value a
 * reader would not recognise as the site's name is passed over: a social handle ("@politifact"), the name of the
 * publishing platform ("Hosted", "WordPress"); an address ("http://www.tmz.com") gives its host name, and a name
 * with a tagline ("Yahoo News - Latest News & Headlines") its part that resembles the address.
 * A short form of the name that another of these fields gives in full ("Sky" where og:site_name says "Sky News",
 * "Space" where the publisher is "Space.com") gives way to the full name, the one a reader knows the site by.
 */
export function pickSiteName(meta: MetaTags, jsonLd: JsonLdFacts, readability: ReadabilityMetadata = {}, context: SiteContext = {}): string | undefined {
  const host = hostLabel(context.url);
  const candidates = [
    jsonLd.article?.publisherName,
    meta.get('og:site_name'),
    meta.get('application-name', 'apple-mobile-web-app-title'),
    jsonLd.websiteName,
    readability.siteName,
  ];
  const names = candidates.map((candidate) => recognisableSiteName(firstText(candidate), host)).filter((name): name is string => !!name);
  const inTitle = siteNameInTitle(context.documentTitle, host);
  if (inTitle) names.push(inTitle);
  const [first] = names;
  return first && (names.find((name) => isFullerName(name, first, context.url)) ?? first);
}

/** Words a full site name may add to its short form: "Sky" → "Sky News". */
const MAX_ADDED_WORDS = 2;
/** What a company's legal name adds to its brand: "Spiceworks Inc" is not a name a reader knows the site by. */
const LEGAL_FORMS = /^(inc|ltd|llc|plc|gmbh|corp|corporation|company|co|limited|group|ag|sa|s\.a|holdings)\.?$/i;

/**
 * "Sky News" is a fuller "Sky"; "Space.com" a fuller "Space" on space.com (the name with the address's ending, only
 * on that address); "Skyline" is not one (the short form must end at a word's end), nor "Spiceworks Inc".
 */
function isFullerName(name: string, short: string, url: string | undefined): boolean {
  if (name.length <= short.length || !name.toLowerCase().startsWith(short.toLowerCase())) return false;
  const rest = name.slice(short.length);
  if (rest.startsWith('.')) return !!url && name.toLowerCase() === hostnameOf(url)?.replace(/^www\./, '');
  const added = rest.trim().split(/\s+/);
  return /^\s/.test(rest) && added.length <= MAX_ADDED_WORDS && !added.some((word) => LEGAL_FORMS.test(word));
}

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Names of publishing platforms and placeholders that sites leave in their metadata instead of their own name. */
const PLATFORM_NAMES = new Set(['hosted', 'wordpress', 'blogger', 'drupal', 'joomla', 'ghost', 'squarespace', 'wix', 'brightspot', 'arc xp', 'arc publishing', 'home', 'news', 'article', 'website', 'site', 'my site', 'my blog']);

function recognisableSiteName(name: string | undefined, host: string | undefined): string | undefined {
  if (!name || /^@\w/.test(name) || PLATFORM_NAMES.has(name.toLowerCase())) return undefined;
  const address = /^(https?:\/\/|www\.)/i.test(name) ? resolveUrl(/^www\./i.test(name) ? `https://${name}` : name, undefined) : undefined;
  if (address) return new URL(address).hostname.replace(/^www\./, '');
  const parts = splitOnSeparators(name);
  if (parts.length > 1 && host) return parts.find((part) => resemblesHost(part.text, host))?.text ?? name;
  return name;
}

/** "nytimes" for https://www.nytimes.com/…, "sky" for news.sky.com: the label before the public suffix. */
function hostLabel(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = hostname.split('.').filter(Boolean);
  if (labels.length < 2) return labels[0];
  // "co.uk", "com.au": a short second-level label belongs to the suffix.
  const suffixLength = labels.length > 2 && labels[labels.length - 2].length <= 3 && labels[labels.length - 1].length === 2 ? 2 : 1;
  return labels[labels.length - 1 - suffixLength];
}

/** "The New York Times" resembles nytimes, "TheHill" thehill, "BBC News" bbc: the name, a long word of it, or its initials. */
function resemblesHost(name: string, host: string): boolean {
  const compact = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (!compact) return false;
  if (compact.includes(host) || host.includes(compact)) return true;
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.some((word) => word.length >= 4 && host.includes(word) && !GENERIC_SITE_WORDS.has(word));
}

/** Words too common in site names to tell one site from another. */
const GENERIC_SITE_WORDS = new Set(['news', 'daily', 'online', 'media', 'post', 'blog', 'world']);

/** The part of the document <title> that names the site, when one part resembles the address and is short. */
function siteNameInTitle(title: string | undefined, host: string | undefined): string | undefined {
  if (!title || !host) return undefined;
  const parts = splitOnSeparators(collapseWhitespace(title));
  if (parts.length < 2) return undefined;
  const edges = [parts[parts.length - 1], parts[0]];
  return edges.find((part) => wordCount(part.text) <= 5 && resemblesHost(part.text, host))?.text;
}

// ---------------------------------------------------------------------------------------------------------------
// Title

/**
 * The title Readability reports leads. Its order (JSON-LD, Dublin Core, og:title, twitter:title, then the document
 * <title> cut at a site separator) is the one readers agree on, and it keeps a site or author segment that the
 * publisher wrote into og:title ("How to Build a Terrarium | eHow"): the title is reported as published.
 * Where Readability fell back on the document <title>, the cut is made again with en and em dashes counted as
 * separators, as Readability's current heuristic does ("Lorem ipsum dolor sit amet – My website").
 * The page's own chain answers only when Readability has no title or a generic one (the site name alone, "Home").
 */
export function pickTitle(
  doc: Document,
  meta: MetaTags,
  jsonLd: JsonLdFacts,
  siteName: string | undefined,
  byline?: string,
  readabilityTitle?: string | null,
  /** Site names as the page wrote them, before `siteName` was read from them (Readability's among them). */
  writtenSiteNames: (string | null | undefined)[] = [],
): string | undefined {
  // A site name as written with its tagline may be the whole og:title ("Yahoo News - Latest News & Headlines"): such a
  // title names the site, not the article. (An application-name may be the headline itself: only taglines count.)
  const written = [meta.get('og:site_name'), meta.get('application-name', 'apple-mobile-web-app-title'), ...writtenSiteNames]
    .map((name) => firstText(name))
    .filter((name): name is string => !!name && (!siteName || name === siteName || stripSiteName(name, [siteName]) !== name));
  const siteNames = [siteName, jsonLd.article?.publisherName, jsonLd.websiteName, ...written].filter((s): s is string => !!s);
  const fromReadability = firstText(readabilityTitle);
  if (fromReadability && !isGenericTitle(fromReadability, siteNames)) {
    // The site's name is not part of the headline, even where the publisher wrote it into og:title.
    if (metadataTitles(meta, jsonLd).includes(fromReadability)) return stripSiteName(fromReadability, siteNames);
    return stripSiteName(firstText(titleFromDocument(doc)) ?? fromReadability, siteNames);
  }
  return fallbackTitle(doc, meta, jsonLd, siteNames, byline);
}

/** The values Readability reads a title from before it turns to the document <title>. */
function metadataTitles(meta: MetaTags, jsonLd: JsonLdFacts): string[] {
  const keys = ['dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title'];
  return [jsonLd.article?.headline, jsonLd.article?.name, ...keys.map((key) => meta.get(key))]
    .map((value) => firstText(value))
    .filter((value): value is string => !!value);
}

const GENERIC_TITLES = /^(home|home ?page|index|untitled|untitled document|article|news|page not found|404|error)$/i;

/** A title that names no article: the site's own name, "Home", "Untitled". */
function isGenericTitle(title: string, siteNames: string[]): boolean {
  return GENERIC_TITLES.test(title.trim()) || siteNames.some((site) => sameName(title, site));
}

/**
 * The JSON-LD headline, then og:title (and the Dublin Core / Twitter titles), then the document <title> without
 * its site part, then the only <h1>, skipping generic ones. Titles that carry the site name ("Headline | Site")
 * lose it here: this chain only answers where the page's first title was generic, so a site part is not trusted.
 */
function fallbackTitle(doc: Document, meta: MetaTags, jsonLd: JsonLdFacts, siteNames: string[], byline?: string): string | undefined {
  const docTitle = documentTitle(doc);
  const metaTitle = meta.get('dc:title', 'dcterms:title', 'og:title', 'twitter:title', 'title', 'parsely-title');
  const candidates = [
    jsonLd.article && jsonLdTitle(jsonLd.article.headline, jsonLd.article.name, docTitle, siteNames),
    metaTitle,
    cleanDocumentTitle(docTitle, siteNames, headingTexts(doc)),
    onlyH1(doc),
  ];
  const title = firstText(...candidates.map((c) => c && !isGenericTitle(c, siteNames) && c));
  // "Headline - Author - Site": the author's name goes as well.
  return title && stripSiteName(title, byline ? [...siteNames, byline] : siteNames);
}

const DOC_TITLE_SEPARATOR = / [|\-\\/>»–—] /g;
const HIERARCHICAL_SEPARATOR = / [\\/>»] /;

/**
 * The headline within the document <title>, by Readability's rule: the last separated part goes (the first when
 * that leaves under three words); "Section: Headline" keeps what follows the colon unless a heading repeats the whole
 * title; a title of under 15 or over 150 characters gives way to the only <h1>; and a result of four words or fewer
 * falls back to the whole title, unless only a hierarchical part ("Site » Section") was cut.
 */
export function titleFromDocument(doc: Document): string | undefined {
  const original = collapseWhitespace(documentTitle(doc) ?? '');
  const wordCount = (s: string) => s.split(/\s+/).length;
  let title = original;
  let hierarchical = false;
  const separators = [...original.matchAll(DOC_TITLE_SEPARATOR)];
  if (separators.length > 0) {
    hierarchical = HIERARCHICAL_SEPARATOR.test(original);
    title = original.slice(0, separators[separators.length - 1].index);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»–—]*[|\-\\/>»–—]/, '');
  } else if (original.includes(': ')) {
    if (!headingTexts(doc).includes(original)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (wordCount(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (original.length > 150 || original.length < 15) {
    const h1s = elementsByTag(doc, 'h1');
    if (h1s.length === 1) title = textOf(h1s[0]);
  }
  title = collapseWhitespace(title);
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-\\/>»–—]+/g, '')) - 1)) title = original;
  return title || undefined;
}

/**
 * Some publishers put their own name in JSON-LD "name" and the article title in "headline", others a short topic in
 * "headline" and the title in "name": the one that resembles the document title wins, "name" when neither does.
 */
function jsonLdTitle(headline: string | undefined, name: string | undefined, docTitle: string | undefined, siteNames: string[]): string | undefined {
  if (!headline || !name || headline === name) return headline ?? name;
  if (siteNames.some((site) => sameName(name, site))) return headline;
  if (!docTitle) return headline;
  const headlineMatches = wordOverlap(headline, docTitle) > 0.75;
  const nameMatches = wordOverlap(name, docTitle) > 0.75;
  return headlineMatches && !nameMatches ? headline : name;
}

/** Share of the words of `a` found in `b`. */
function wordOverlap(a: string, b: string): number {
  const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const inB = new Set(wordsOf(b));
  const aWords = wordsOf(a);
  return aWords.length ? aWords.filter((w) => inB.has(w)).length / aWords.length : 0;
}

const SEPARATOR = /\s+[|\-–—:·•»/\\]{1,2}\s+/g;

/** Removes a known site name standing before or after a separator: "Headline | Site" → "Headline". */
export function stripSiteName(title: string, siteNames: string[]): string {
  const clean = collapseWhitespace(title);
  const parts = splitOnSeparators(clean);
  if (parts.length < 2) return clean;
  const isSite = (s: string) => siteNames.some((name) => sameName(s, name));
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1].text)) end--;
  while (end - start > 1 && isSite(parts[start].text)) start++;
  if (start === 0 && end === parts.length) return clean;
  return clean.slice(parts[start].start, parts[end - 1].end).trim();
}

/**
 * The document <title> without the site's part. Without a known site name, the last separated part goes when
 * what remains still reads as a headline (three words or more); a title that is a heading on the page stays whole.
 */
export function cleanDocumentTitle(title: string | undefined, siteNames: string[], headings: string[] = []): string | undefined {
  if (!title) return undefined;
  const clean = collapseWhitespace(title);
  if (headings.some((h) => h === clean)) return clean;
  const withoutSite = stripSiteName(clean, siteNames);
  if (withoutSite !== clean) return withoutSite;
  const parts = splitOnSeparators(clean);
  if (parts.length < 2) return clean;
  const head = clean.slice(0, parts[parts.length - 2].end).trim();
  if (wordCount(head) >= 3) return head;
  const tail = clean.slice(parts[1].start).trim();
  return wordCount(tail) >= 3 ? tail : clean;
}

interface Part {
  text: string;
  start: number;
  end: number;
}

function splitOnSeparators(s: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  for (const m of s.matchAll(SEPARATOR)) {
    // A colon only separates a site name when written " : "; "Headline: subtitle" stays whole.
    parts.push({ text: s.slice(start, m.index).trim(), start, end: m.index });
    start = m.index + m[0].length;
  }
  parts.push({ text: s.slice(start).trim(), start, end: s.length });
  return parts.filter((p) => p.text);
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .trim()
      .replace(/^(the|www\.)\s*/, '')
      .replace(/\.(com|net|org|co\.uk|de|fr|ca|example)$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  return !!x && x === norm(b);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function documentTitle(doc: Document): string | undefined {
  const title = elementsByTag(doc, 'title')[0];
  return title ? textOf(title) || undefined : undefined;
}

function headingTexts(doc: Document): string[] {
  return [...elementsByTag(doc, 'h1'), ...elementsByTag(doc, 'h2')].map((h) => textOf(h)).filter(Boolean);
}

function onlyH1(doc: Document): string | undefined {
  const h1s = elementsByTag(doc, 'h1');
  return h1s.length === 1 ? textOf(h1s[0]) || undefined : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Byline

/** JSON-LD authors, then author metas (Dublin Core first), then the byline Readability found in the page. */
export function pickByline(meta: MetaTags, jsonLd: JsonLdFacts, readability: ReadabilityMetadata = {}): string | undefined {
  const jsonLdAuthors = jsonLd.article?.authors.length ? joinNames(jsonLd.article.authors) : undefined;
  const metaAuthors = ['dc:creator', 'dcterms:creator', 'author', 'parsely-author', 'article:author', 'sailthru.author', 'byl']
    .map((key) => meta.getAll(key).filter((v) => !/^https?:\/\//i.test(v)))
    .find((values) => values.length > 0);
  const byline = firstText(jsonLdAuthors, metaAuthors && joinNames(metaAuthors), readability.byline ?? undefined);
  return byline && cleanByline(byline);
}

/** "By Jane Doe" → "Jane Doe"; "Jane Doe | Reporter" keeps its role. */
export function cleanByline(raw: string): string | undefined {
  const clean = collapseWhitespace(raw).replace(/^(by|von|par|por|di|door|av|af)\s*:?\s+/i, '');
  return clean || undefined;
}

/** Names that hold commas themselves ("Kooman, F.") are joined with semicolons. */
function joinNames(names: string[]): string {
  return names.join(names.some((n) => n.includes(',')) ? '; ' : ', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Publisher metas that carry the publication time, best first. */
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'parsely-pub-date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'sailthru.date', 'dc:date.issued',
  'dcterms:issued', 'dcterms:created', 'dc:date', 'date', 'og:pubdate', 'article.published', 'published_time',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms:modified', 'last-modified', 'article.updated', 'modified_time'];

export interface DateContext {
  doc: Document;
  meta: MetaTags;
  jsonLd: JsonLdFacts;
  /** Canonical or page URL, for dates in the path. */
  url?: string;
  /** The clean article text, for a wire dateline. */
  text: string;
}

/**
 * JSON-LD datePublished of the article, then article:published_time and other metas, then <time datetime>
 * (pubdate or itemprop=datePublished first), then a date in the URL path, then a wire dateline in the text.
 * JSON-LD leads because search engines hold publishers to it; article:published_time is left stale or set to the
 * last update on republished pages.
 */
export function pickPublishedTime(ctx: DateContext, modifiedTime?: string): string | undefined {
  const fromJsonLd = normalizeDate(ctx.jsonLd.article?.datePublished);
  if (fromJsonLd) return fromJsonLd;
  const fromMeta = PUBLISHED_META.map((key) => normalizeDate(ctx.meta.get(key))).find(Boolean);
  if (fromMeta) return fromMeta;
  const fromWebPage = normalizeDate(ctx.jsonLd.webPage?.datePublished);
  if (fromWebPage) return fromWebPage;
  const fromTime = timeElementDate(ctx.doc, 'datePublished');
  if (fromTime) return fromTime;
  const fromUrl = dateFromUrl(ctx.url);
  if (fromUrl.iso) return fromUrl.iso;
  return datelineDate(ctx.text, fromUrl.year, modifiedTime);
}

/** Same order as the published time, without the URL and dateline guesses. */
export function pickModifiedTime(ctx: DateContext): string | undefined {
  return (
    normalizeDate(ctx.jsonLd.article?.dateModified) ??
    MODIFIED_META.map((key) => normalizeDate(ctx.meta.get(key))).find(Boolean) ??
    normalizeDate(ctx.jsonLd.webPage?.dateModified) ??
    itempropDate(ctx.doc, 'dateModified')
  );
}

/** A <time datetime>: marked pubdate or itemprop first, else the first one inside an <article>, else the first one. */
function timeElementDate(doc: Document, itemprop: string): string | undefined {
  const marked = itempropDate(doc, itemprop);
  if (marked) return marked;
  const times = elementsByTag(doc, 'time').filter((t) => attr(t, 'datetime'));
  const pubdate = times.find((t) => t.hasAttribute('pubdate'));
  const inArticle = times.find((t) => t.closest('article'));
  for (const time of [pubdate, inArticle, times[0]]) {
    const iso = time && normalizeDate(attr(time, 'datetime'));
    if (iso) return iso;
  }
  return undefined;
}

/** Microdata: <time itemprop="datePublished" datetime>, <meta itemprop content>, or the element's own text. */
function itempropDate(doc: Document, itemprop: string): string | undefined {
  for (const element of doc.querySelectorAll(`[itemprop~="${itemprop}"]`)) {
    const raw = attr(element, 'datetime') ?? attr(element, 'content') ?? element.textContent ?? '';
    const iso = normalizeDate(raw);
    if (iso) return iso;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// URL

/** link rel=canonical, then og:url, then the page URL; relative ones resolved against <base href> and the page. */
export function pickCanonicalUrl(doc: Document, meta: MetaTags, pageUrl: string | undefined): string | undefined {
  const base = baseUrl(doc, pageUrl);
  const canonical = elementsByTag(doc, 'link').find((l) => (attr(l, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  for (const candidate of [canonical && attr(canonical, 'href'), meta.get('og:url')]) {
    const resolved = resolveUrl(candidate, base);
    if (resolved && /^https?:/i.test(resolved)) return resolved;
  }
  return pageUrl ? resolveUrl(pageUrl, undefined) : undefined;
}

function baseUrl(doc: Document, pageUrl: string | undefined): string | undefined {
  const baseElement = elementsByTag(doc, 'base').find((b) => attr(b, 'href'));
  const href = baseElement && attr(baseElement, 'href');
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
}

export function resolveUrl(raw: string | undefined | null, base: string | undefined): string | undefined {
  const value = raw ? unescapeEntities(raw.trim()) : '';
  if (!value) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------

function firstText(...values: (string | undefined | null | false)[]): string | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const clean = collapseWhitespace(unescapeEntities(value));
    if (clean) return clean;
  }
  return undefined;
}
