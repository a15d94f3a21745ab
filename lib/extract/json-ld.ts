import { attr, collapseWhitespace, elementsByTag, unescapeEntities } from './dom';

/** What the page's schema.org JSON-LD says about its article. */
export interface JsonLdArticle {
  headline?: string;
  name?: string;
  authors: string[];
  publisherName?: string;
  datePublished?: string;
  dateModified?: string;
  url?: string;
  inLanguage?: string;
  description?: string;
}

export interface JsonLdFacts {
  /** The best Article-like node, when the page has one. */
  article?: JsonLdArticle;
  /** The WebSite node's name: a fallback site name. */
  websiteName?: string;
  /** Dates of a WebPage node: publishers without an Article node often date the page instead. */
  webPage?: Pick<JsonLdArticle, 'datePublished' | 'dateModified'>;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Review)$/;
const WEBPAGE_TYPES = /^(WebPage|ItemPage|AboutPage|CollectionPage)$/;

/** Reads every JSON-LD block; blocks that do not parse are skipped. */
export function readJsonLd(doc: Document, titleHint?: string): JsonLdFacts {
  const sources = elementsByTag(doc, 'script')
    .filter((script) => (attr(script, 'type') ?? '').trim().toLowerCase() === 'application/ld+json')
    .map((script) => script.textContent ?? '');
  return jsonLdFactsOf(sources, titleHint);
}

/** The same from the JSON-LD blocks' texts (found by a streaming parser, without a DOM). */
export function jsonLdFactsOf(sources: readonly string[], titleHint?: string): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const source of sources) {
    const parsed = parseJsonLenient(source);
    if (parsed !== undefined) collectNodes(parsed, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  }
  const resolve = (value: unknown): unknown =>
    isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (byId.get(value['@id']) ?? value) : value;

  const articles = nodes.filter((n) => hasType(n, ARTICLE_TYPES));
  const website = nodes.find((n) => hasType(n, /^WebSite$/));
  const webPage = nodes.find((n) => hasType(n, WEBPAGE_TYPES));
  const facts: JsonLdFacts = {};
  const best = pickArticleNode(articles, titleHint);
  if (best) facts.article = describeArticle(best, resolve);
  const websiteName = website ? stringOf(website.name) : undefined;
  if (websiteName) facts.websiteName = websiteName;
  if (webPage) {
    facts.webPage = { datePublished: stringOf(webPage.datePublished), dateModified: stringOf(webPage.dateModified) };
  }
  return facts;
}

/** Publishers ship JSON with CDATA wrappers, HTML comments and raw line breaks inside strings. */
export function parseJsonLenient(source: string): unknown {
  const stripped = source
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  if (!stripped) return undefined;
  try {
    return JSON.parse(stripped);
  } catch {
    try {
      // Raw control characters are invalid inside JSON strings and harmless as spaces outside them.
      return JSON.parse(stripped.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

const MAX_DEPTH = 6;

/** Flattens arrays (nested too), @graph lists and mainEntity wrappers into a flat list of typed nodes. */
function collectNodes(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (value['@type'] !== undefined) out.push(value);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
    const inner = value[key];
    if (Array.isArray(inner) || (isObject(inner) && inner['@type'] !== undefined) || key === '@graph') {
      collectNodes(inner, out, depth + 1);
    }
  }
}

function pickArticleNode(articles: JsonObject[], titleHint: string | undefined): JsonObject | undefined {
  if (articles.length <= 1 || !titleHint) return articles[0];
  const hint = comparable(titleHint);
  const matching = articles.find((a) => {
    const headline = comparable(stringOf(a.headline) ?? stringOf(a.name) ?? '');
    return headline && (hint.includes(headline) || headline.includes(hint));
  });
  return matching ?? articles[0];
}

function describeArticle(node: JsonObject, resolve: (value: unknown) => unknown): JsonLdArticle {
  const publisher = resolve(firstOf(node.publisher));
  return {
    headline: stringOf(node.headline),
    name: stringOf(node.name),
    authors: personNames(node.author, resolve),
    publisherName: isObject(publisher) ? stringOf(publisher.name) : stringOf(publisher),
    datePublished: stringOf(firstOf(node.datePublished)) ?? stringOf(firstOf(node.dateCreated)),
    dateModified: stringOf(firstOf(node.dateModified)),
    url: urlOf(node.url) ?? urlOf(node.mainEntityOfPage),
    inLanguage: languageOf(node.inLanguage),
    description: stringOf(node.description),
  };
}

function personNames(value: unknown, resolve: (value: unknown) => unknown): string[] {
  const names: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) return v.forEach((item) => visit(item, depth + 1));
    const resolved = resolve(v);
    const name = isObject(resolved) ? stringOf(resolved.name) : stringOf(resolved);
    if (name && !/^https?:\/\//i.test(name) && !names.includes(name)) names.push(name);
  };
  visit(value, 0);
  return names;
}

function urlOf(value: unknown): string | undefined {
  const v = firstOf(value);
  if (typeof v === 'string') return v.trim() || undefined;
  if (isObject(v)) return stringOf(v['@id']) ?? stringOf(v.url);
  return undefined;
}

function languageOf(value: unknown): string | undefined {
  const v = firstOf(value);
  if (isObject(v)) return stringOf(v.alternateName) ?? stringOf(v.name);
  return stringOf(v);
}

function hasType(node: JsonObject, pattern: RegExp): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && pattern.test(t.replace(/^(https?:\/\/)?schema\.org\//, '')));
}

function firstOf(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  return v;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return collapseWhitespace(unescapeEntities(value)) || undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
