import { Readability } from '@mozilla/readability';
import { words } from '../text/segment';
import type { PageArticle } from '../types';
import { walkArticle, type Block, type SetAsidePiece } from './body';
import { allElements, documentUrl, elementsByTag, isElement } from './dom';
import { readJsonLd, type JsonLdFacts } from './json-ld';
import { chooseLanguage, declaredLanguage, detectLanguageWithFranc, type LanguageDetector } from './language';
import { readMetaTags, type MetaTags } from './meta-tags';
import { pickByline, pickCanonicalUrl, pickModifiedTime, pickPublishedTime, pickSiteName, pickTitle } from './metadata';
import { findSetAsideAroundArticle } from './region';
import { classifyBlocks } from './text-cues';

export interface ExtractOptions {
  /** The page's address; defaults to the document's own URL when it has one (browser, jsdom). */
  url?: string;
  /**
   * Language detector for the article text (BCP 47 or ISO 639-1 result). Defaults to franc-min; pass
   * `() => undefined` to rely on the page's declared language only.
   */
  detectLanguage?: LanguageDetector;
  /**
   * The language already detected for the page (a BCP 47 tag, e.g. from the browser's i18n.detectLanguage, which is
   * asynchronous). It stands in for the detector's answer: it is weighed against the declared language by the same
   * rules, and no detector runs. Setting the option at all, even to undefined (detection found nothing reliable),
   * means detection was done elsewhere: the declared language then stands. Empty or unrecognised tags count as none.
   */
  languageHint?: string;
  /** Pages with more elements than this are not read at all (cost limit); the result is then null. */
  maxElements?: number;
}

const DEFAULT_MAX_ELEMENTS = 60_000;
/** Fewer words than this is not an article (a login form, a teaser, an error page)… */
const MIN_ARTICLE_WORDS = 40;
/** …unless the page marks itself as an article, then a short brief still counts. */
const MIN_MARKED_ARTICLE_WORDS = 15;
/** Text that is mostly links is a list of teasers (a home or section page), not an article. */
const MAX_ARTICLE_LINK_DENSITY = 0.5;
/** Standalone blocks this short and this link-heavy are furniture ("More on Afghanistan", "Read the report"). */
const LINK_BLOCK_MAX_CHARS = 80;
const LINK_BLOCK_MIN_DENSITY = 0.9;
/** A byline block stands at the start or end of the text. */
const BYLINE_SEARCH_BLOCKS = 3;

/**
 * Reads the article of a page: Readability on a clone of `doc` for the body, the page's metadata for the rest.
 * Returns null when the page holds no article. `doc` is never modified.
 */
export function extractArticle(doc: Document, urlOrOptions?: string | ExtractOptions, moreOptions: ExtractOptions = {}): PageArticle | null {
  const options: ExtractOptions = typeof urlOrOptions === 'string' ? { ...moreOptions, url: urlOrOptions } : { ...(urlOrOptions ?? {}) };
  if (!doc.documentElement) return null;
  const pageUrl = options.url ?? documentUrl(doc);
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc, meta.get('og:title') ?? doc.title);

  const parsed = runReadability(doc, options.maxElements ?? DEFAULT_MAX_ELEMENTS);
  if (!parsed) return null;
  const url = pickCanonicalUrl(doc, meta, pageUrl);
  const siteName = pickSiteName(meta, jsonLd, parsed, { url, documentTitle: doc.title });
  const byline = pickByline(meta, jsonLd, parsed);
  const title = pickTitle(doc, meta, jsonLd, siteName, byline, parsed.title, [parsed.siteName]);

  const walked = walkArticle(parsed.content);
  const sorted = sortBlocks(walked.blocks, { byline, title });
  const captions = [...walked.setAside.filter((p) => p.kind === 'caption').map((p) => p.text), ...sorted.captions];
  // Author and date lines are reported as `byline` and the dates; their text is listed with the furniture.
  const furniture = [...walked.setAside.filter((p) => p.kind !== 'caption').map((p) => p.text), ...sorted.furniture];

  const recovered = findSetAsideAroundArticle(doc, sorted.body.map((b) => b.text));
  const body = sorted.body.filter((block) => !recovered.some((piece) => pieceHolds(piece, block.text)));
  if (!looksLikeArticle(body, pageMarksArticle(doc, meta, jsonLd))) return null;
  const paragraphs = body.map((b) => b.text);
  addRecovered(recovered, paragraphs, { captions, furniture });

  const text = paragraphs.join('\n\n');
  const dateContext = { doc, meta, jsonLd, url, text };
  const modifiedTime = pickModifiedTime(dateContext);
  const publishedTime = pickPublishedTime(dateContext, modifiedTime);
  const detect = 'languageHint' in options ? () => options.languageHint : (options.detectLanguage ?? detectLanguageWithFranc);
  const lang = chooseLanguage(declaredLanguage(doc, meta, jsonLd.article?.inLanguage), text, detect);

  return withoutEmpty({
    text,
    title,
    byline,
    siteName,
    publishedTime,
    modifiedTime,
    url,
    lang,
    captions,
    furniture,
    paragraphs: paragraphSpans(paragraphs),
  });
}

interface ParsedPage {
  content: Element;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
}

function runReadability(doc: Document, maxElements: number): ParsedPage | null {
  // Counted here: Readability's own limit relies on getElementsByTagName('*'), which linkedom answers with nothing.
  if (allElements(doc).length > maxElements) return null;
  const clone = doc.cloneNode(true) as Document;
  let result: ReturnType<Readability<Node>['parse']>;
  try {
    // keepClasses: the class names are the furniture cues read afterwards.
    result = new Readability<Node>(clone, { keepClasses: true, serializer: (node) => node }).parse();
  } catch {
    // Markup Readability cannot walk: treated as no article.
    return null;
  }
  if (!result || !isElement(result.content ?? null)) return null;
  return { content: result.content as Element, title: result.title, byline: result.byline, siteName: result.siteName };
}

interface SortedBlocks {
  body: Block[];
  furniture: string[];
  captions: string[];
}

/** Second pass over the blocks: the byline line, text cues (newsletter prompts, "Leave a Reply"…), link-only lines. */
function sortBlocks(blocks: Block[], known: { byline?: string; title?: string }): SortedBlocks {
  const sorted: SortedBlocks = { body: [], furniture: [], captions: [] };
  const kept = blocks.filter((block, index) => {
    const nearEdge = index < BYLINE_SEARCH_BLOCKS || index >= blocks.length - BYLINE_SEARCH_BLOCKS;
    if (!nearEdge) return true;
    // The headline repeated above the text is the title; the author line is the byline, listed with the furniture.
    if (isTitleBlock(block, known.title)) return false;
    if (isBylineBlock(block.text, known.byline)) sorted.furniture.push(block.text);
    return !isBylineBlock(block.text, known.byline);
  });
  const roles = classifyBlocks(kept.map((b) => b.text));
  kept.forEach((block, index) => {
    const role = isCreditLine(block) ? 'caption' : roles[index] === 'body' && isLinkBlock(block) ? 'furniture' : roles[index];
    if (role === 'body') sorted.body.push(block);
    else if (role === 'caption') sorted.captions.push(block.text);
    else sorted.furniture.push(block.text);
  });
  return sorted;
}

/**
 * List items and table cells stay: a list of links is as often a table of contents or a list of sources as
 * furniture, and a table of links (apps, products, documents) is the article's own content.
 */
function isLinkBlock(block: Block): boolean {
  return (
    block.text.length <= LINK_BLOCK_MAX_CHARS &&
    block.linkDensity >= LINK_BLOCK_MIN_DENSITY &&
    !block.inListOrTable &&
    !/^(h[1-6]|li|dt|dd|td|th|tr)$/.test(block.tag)
  );
}

/** A picture credit standing on its own line: "(Artist: Mechanical-Hand)", "Photo: Jane Doe". */
const CREDIT_LINE = /^[([]?\s*(?:photo(?:graph)?|image|picture|artist|illustration|drawing|credit|foto|bild)s?(?:\s+(?:credit|by))?\s*[:©]/i;

function isCreditLine(block: Block): boolean {
  return block.text.length <= LINK_BLOCK_MAX_CHARS && !/^h[1-6]$/.test(block.tag) && CREDIT_LINE.test(block.text);
}

/** "Peter Weber", "By Peter Weber", "By Peter Weber, August 16, 2021": the byline line, which `byline` reports. */
function isBylineBlock(text: string, byline: string | undefined): boolean {
  if (!byline) return false;
  const name = byline.toLowerCase();
  const rest = text
    .toLowerCase()
    .replace(/^(by|von|par|por|di|door)\s*:?\s+/, '');
  if (!rest.startsWith(name)) return false;
  // What may follow the name: a date or time, the publisher, punctuation; no sentence.
  const tail = rest.slice(name.length);
  return tail.length <= 60 && !/\b(is|was|has|are|writes|covers)\b/.test(tail);
}

/** The headline repeated as a heading: the title itself, or the title without a site part ("Headline | Site"). */
function isTitleBlock(block: Block, title: string | undefined): boolean {
  if (!title || !/^h[1-6]$/.test(block.tag)) return false;
  return block.text === title || (block.text.length > 0 && title.startsWith(block.text) && /^\s+[|\-–—·•»/]{1,2}\s/.test(title.slice(block.text.length)));
}

function pageMarksArticle(doc: Document, meta: MetaTags, jsonLd: JsonLdFacts): boolean {
  if (jsonLd.article) return true;
  if (/article/i.test(meta.get('og:type') ?? '')) return true;
  if (meta.get('article:published_time')) return true;
  return elementsByTag(doc, 'article').length > 0 || doc.querySelector('[itemprop~="articleBody"]') !== null;
}

function looksLikeArticle(body: Block[], marked: boolean): boolean {
  // Word-like segments, so that Chinese or Japanese text without spaces counts its words too.
  const wordCount = words(body.map((b) => b.text).join('\n')).length;
  if (wordCount < (marked ? MIN_MARKED_ARTICLE_WORDS : MIN_ARTICLE_WORDS)) return false;
  const chars = body.reduce((sum, b) => sum + b.text.length, 0);
  const linkChars = body.reduce((sum, b) => sum + b.text.length * b.linkDensity, 0);
  return marked || chars === 0 || linkChars / chars <= MAX_ARTICLE_LINK_DENSITY;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A body paragraph this short is only taken for a widget's when it is one of the widget's lines. */
const MIN_HELD_PARAGRAPH_CHARS = 40;

/** Whether a paragraph Readability kept was in fact (part of) a widget in the page. */
function pieceHolds(piece: SetAsidePiece, paragraph: string): boolean {
  const text = flat(paragraph);
  if (piece.text.split('\n').some((line) => flat(line) === text)) return true;
  return text.length >= MIN_HELD_PARAGRAPH_CHARS && flat(piece.text).includes(text);
}

/**
 * Adds what the page-level search found, skipping anything already listed or still in the body. A recovered piece
 * that holds a listed one replaces it: Readability may have cut a widget down (its button gone).
 */
function addRecovered(pieces: SetAsidePiece[], paragraphs: string[], into: { captions: string[]; furniture: string[] }): void {
  const bodyText = flat(paragraphs.join('\n'));
  for (const piece of pieces) {
    const list = piece.kind === 'caption' ? into.captions : into.furniture;
    const text = flat(piece.text);
    if (bodyText.includes(text)) continue;
    if ([...into.captions, ...into.furniture].some((known) => flat(known).includes(text))) continue;
    const held = list.findIndex((known) => text.includes(flat(known)));
    if (held >= 0) {
      list[held] = piece.text;
      // Any other listed piece the same widget held goes too.
      for (let i = list.length - 1; i >= 0; i--) if (i !== held && text.includes(flat(list[i]))) list.splice(i, 1);
    } else {
      list.push(piece.text);
    }
  }
}

function paragraphSpans(paragraphs: string[]): [number, number][] {
  const spans: [number, number][] = [];
  let offset = 0;
  for (const p of paragraphs) {
    spans.push([offset, offset + p.length]);
    offset += p.length + 2;
  }
  return spans;
}

function withoutEmpty(article: PageArticle): PageArticle {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0 && key !== 'paragraphs')) continue;
    out[key] = value;
  }
  return out as unknown as PageArticle;
}
