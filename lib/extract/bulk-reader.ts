/**
 * Article extraction for bulk imports (news crawls of a gigabyte): the page is read in one streaming pass of
 * htmlparser2 — no DOM, so it runs in Web Workers side by side — at a fraction of the cost of building a document
 * and running Readability on it (measured in the README). It keeps Readability's approach in small: text blocks
 * are scored by length and commas and credited to their container and its parent, the best container is the
 * article, and blocks inside page furniture (scripts, navigation, asides, forms, and elements whose class or id
 * name a widget: lib/extract/furniture-cues.ts, Readability's unlikely-candidate names) are left out. Metadata
 * comes from the same readers the full extractor uses (meta tags, JSON-LD, the document title), and the blocks go
 * through the same plain-text furniture cues (lib/extract/text-cues.ts).
 *
 * The popup and live captures keep the full extractor (lib/extract/extract.ts): it sees the rendered page and
 * handles layouts this pass does not.
 */
import { Parser } from 'htmlparser2';
import type { PageArticle } from '../types';
import { normalizeDate } from './dates';
import { collapseWhitespace } from './dom';
import { HINT_ATTRIBUTES, setAsideKindOf, type SetAsideKind } from './furniture-cues';
import { jsonLdFactsOf } from './json-ld';
import { declaredLanguageOf } from './language';
import { metaTagsOf } from './meta-tags';
import { narrowedAll } from './one-byte';
import { cleanDocumentTitle, pickByline, pickSiteName, resolveUrl } from './metadata';
import { classifyBlocks } from './text-cues';

/** Never article text, wherever they stand. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'header', 'footer', 'aside', 'button', 'select', 'textarea', 'iframe', 'object', 'canvas', 'dialog', 'menu']);
/** Elements whose text is one block. */
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption', 'td', 'th', 'dd', 'dt', 'div', 'section', 'article', 'main', 'figure', 'table', 'ul', 'ol', 'tr', 'br']);
/** Blocks that carry article prose (what is scored). */
const PROSE_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'div', 'section', 'article', 'main']);
const OUTER_TAGS = new Set(['html', 'body', 'main', 'article']);
/** What a <head> holds; any other element ends it, as browsers end it (pages leave out </head> and <body>). */
const HEAD_TAGS = new Set(['head', 'title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template']);
const VOID_TAGS = new Set(['br', 'img', 'meta', 'link', 'input', 'hr', 'source', 'wbr', 'area', 'base', 'col', 'embed', 'param', 'track']);
/** Readability's names for containers that are never the article, unless the name also says it is. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;

const MIN_ARTICLE_WORDS = 40;
const MIN_SCORED_CHARS = 25;
const MAX_LINK_DENSITY = 0.5;

interface OpenElement {
  id: number;
  tag: string;
  /** Inside an element that never holds article text: its text is not read. */
  skipped: boolean;
  /**
   * The element's class, id or tag names a widget (lib/extract/furniture-cues.ts). What it holds is left out only
   * when it stands inside the article's container: site-wide wrappers carry such names too ("bbccom_adsense").
   */
  furniture: boolean;
  caption: boolean;
}

interface TextBlock {
  text: string;
  linkChars: number;
  tag: string;
  /** Element ids from the root down to the block's own element. */
  path: number[];
  /** Ids of the elements on the path that name a widget. */
  furniture: readonly number[];
  caption: boolean;
}

/** A block inside no widget: shared, never changed. */
const NO_IDS: readonly number[] = [];

interface ElementCues {
  kind: SetAsideKind | undefined;
  unlikely: boolean;
}

/** Cues by tag and naming attributes: a crawl repeats a few site templates, so most elements were seen before. */
const cueCache = new Map<string, ElementCues>();
const CUE_CACHE_SIZE = 8192;

/** Whether an element carries any of the attributes its cues are read from (most elements of a page carry none). */
function hasHints(attributes: Record<string, string>): boolean {
  for (const name of HINT_ATTRIBUTES) if (attributes[name] !== undefined) return true;
  return attributes.itemprop !== undefined;
}

function cuesOf(tag: string, attributes: Record<string, string>): ElementCues {
  let key = tag;
  if (hasHints(attributes)) {
    for (const name of HINT_ATTRIBUTES) key += `\u0000${attributes[name] ?? ''}`;
    key += `\u0000${attributes.itemprop ?? ''}`;
  }
  let cues = cueCache.get(key);
  if (!cues) {
    const names = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
    cues = { kind: setAsideKindOf(attributeView(tag, attributes)), unlikely: tag !== 'a' && UNLIKELY.test(names) && !MAYBE.test(names) };
    if (cueCache.size >= CUE_CACHE_SIZE) cueCache.clear();
    cueCache.set(key, cues);
  }
  return cues;
}

/** An element as the furniture cues read one: its tag and attributes. */
function attributeView(tag: string, attributes: Record<string, string>): Element {
  return { localName: tag, tagName: tag, getAttribute: (name: string) => attributes[name] ?? null } as unknown as Element;
}

class PageReader {
  constructor(
    /** Leave out containers Readability names unlikely (its first try; the second does without). */
    private readonly stripUnlikely: boolean,
  ) {}

  readonly blocks: TextBlock[] = [];
  readonly metas: Element[] = [];
  readonly jsonLd: string[] = [];
  readonly headings: string[] = [];
  title = '';
  rootLang: string | undefined;
  canonical: string | undefined;
  firstTime: string | undefined;

  private readonly stack: OpenElement[] = [];
  /** Where the open <head> stands in the stack; -1 once it is closed, explicitly or by a body element. */
  private headAt = -1;
  private nextId = 1;
  private text = '';
  private linkChars = 0;
  private inLink = 0;
  private inTitle = false;
  private inJsonLd = false;
  private jsonLdText = '';
  private inH1 = false;
  private h1Text = '';

  open(tag: string, attributes: Record<string, string>): void {
    if (tag === 'html') this.rootLang ??= attributes.lang ?? attributes['xml:lang'];
    if (tag === 'meta') this.metas.push(attributeView(tag, attributes));
    if (tag === 'link' && (attributes.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) this.canonical ??= attributes.href;
    if (tag === 'time' && attributes.datetime) this.firstTime ??= attributes.datetime;
    if (tag === 'title' && this.stack.every((element) => element.tag !== 'svg')) this.inTitle = true;
    if (tag === 'script' && (attributes.type ?? '').trim().toLowerCase() === 'application/ld+json') {
      this.inJsonLd = true;
      this.jsonLdText = '';
    }
    if (this.headAt >= 0 && !HEAD_TAGS.has(tag)) {
      this.stack.length = this.headAt;
      this.headAt = -1;
    }
    if (VOID_TAGS.has(tag)) {
      if (tag === 'br' || tag === 'img') this.text += ' ';
      return;
    }
    if (BLOCK_TAGS.has(tag)) this.flush();
    if (tag === 'a') this.inLink++;
    if (tag === 'h1') {
      this.inH1 = true;
      this.h1Text = '';
    }
    const parent = this.stack[this.stack.length - 1];
    // The page's outer elements carry site-wide classes: names count from inside the body.
    const named = !OUTER_TAGS.has(tag);
    const cues = named ? cuesOf(tag, attributes) : undefined;
    const kind = cues?.kind;
    const unlikely = this.stripUnlikely && (cues?.unlikely ?? false);
    if (tag === 'head' && this.headAt < 0) this.headAt = this.stack.length;
    this.stack.push({
      id: this.nextId++,
      tag,
      skipped: (parent?.skipped ?? false) || SKIPPED_TAGS.has(tag) || tag === 'head' || unlikely,
      furniture: kind === 'furniture' || kind === 'byline',
      caption: (parent?.caption ?? false) || kind === 'caption',
    });
  }

  close(tag: string): void {
    if (VOID_TAGS.has(tag)) return;
    if (tag === 'title') this.inTitle = false;
    if (tag === 'script' && this.inJsonLd) {
      this.inJsonLd = false;
      if (this.jsonLdText) this.jsonLd.push(this.jsonLdText);
    }
    if (tag === 'h1' && this.inH1) {
      this.inH1 = false;
      const heading = collapseWhitespace(this.h1Text);
      if (heading) this.headings.push(heading);
    }
    // Pop to the closing element (htmlparser2 reports implied closes too, innermost first).
    let at = this.stack.length - 1;
    while (at >= 0 && this.stack[at].tag !== tag) at--;
    if (at < 0) return;
    if (BLOCK_TAGS.has(tag)) this.flush();
    if (tag === 'a') this.inLink = Math.max(0, this.inLink - 1);
    this.stack.length = at;
    if (at <= this.headAt) this.headAt = -1;
  }

  write(chunk: string): void {
    if (this.inJsonLd) {
      this.jsonLdText += chunk;
      return;
    }
    if (this.inTitle) this.title += chunk;
    if (this.inH1) this.h1Text += chunk;
    const top = this.stack[this.stack.length - 1];
    if (!top || top.skipped) return;
    this.text += chunk;
    if (this.inLink > 0) this.linkChars += chunk.trim().length;
  }

  /** Ends the block under way: its text belongs to the innermost open element. */
  private flush(): void {
    const top = this.stack[this.stack.length - 1];
    // Text under a skipped element is dropped: it is not worth collapsing first.
    const text = this.text && top && !top.skipped ? collapseWhitespace(this.text) : '';
    if (text && top) {
      const path = new Array<number>(this.stack.length);
      let furniture = NO_IDS;
      this.stack.forEach((element, i) => {
        path[i] = element.id;
        if (element.furniture) furniture = [...furniture, element.id];
      });
      this.blocks.push({ text, linkChars: this.linkChars, tag: top.tag, path, furniture, caption: top.caption });
    }
    this.text = '';
    this.linkChars = 0;
  }

  finish(): void {
    this.flush();
  }
}

function commas(text: string): number {
  let count = 0;
  for (const char of text) if (char === ',' || char === '，' || char === '、' || char === '،') count++;
  return count;
}

function linkDensity(block: TextBlock): number {
  return block.text.length > 0 ? block.linkChars / block.text.length : 0;
}

/**
 * The ids of the elements holding the article: Readability's scoring of prose blocks, credited up two levels; the
 * best-scored element, and as Readability does, those of its siblings that score at least a fifth of it (articles
 * split into several columns or sections).
 */
function articleContainers(blocks: readonly TextBlock[]): Set<number> | null {
  const scores = new Map<number, number>();
  for (const block of blocks) {
    if (!PROSE_TAGS.has(block.tag) || block.caption || block.text.length < MIN_SCORED_CHARS) continue;
    const score = (1 + commas(block.text) + Math.min(Math.floor(block.text.length / 100), 3)) * (1 - linkDensity(block));
    // The block's own element, its parent and grandparent (a <p>'s container is the article body).
    const [own, parent, grandparent] = [block.path.length - 1, block.path.length - 2, block.path.length - 3].map((i) => block.path[i]);
    const container = block.tag === 'p' || block.tag === 'pre' || block.tag === 'blockquote' ? parent : own;
    const above = block.tag === 'p' || block.tag === 'pre' || block.tag === 'blockquote' ? grandparent : parent;
    if (container !== undefined) scores.set(container, (scores.get(container) ?? 0) + score);
    if (above !== undefined) scores.set(above, (scores.get(above) ?? 0) + score / 2);
  }
  let best: number | null = null;
  let bestScore = 0;
  for (const [id, score] of scores) {
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  if (best === null) return null;
  const parentOf = new Map<number, number>();
  for (const block of blocks) for (let i = 1; i < block.path.length; i++) parentOf.set(block.path[i], block.path[i - 1]);
  const parent = parentOf.get(best);
  const threshold = Math.max(10, bestScore * 0.2);
  const chosen = new Set([best]);
  for (const [id, score] of scores) if (id !== best && parent !== undefined && parentOf.get(id) === parent && score >= threshold) chosen.add(id);
  return chosen;
}

/** Whether the text has `least` words; counting stops there, since an article's text runs to thousands. */
function hasWords(text: string, least: number): boolean {
  const words = /\S+/g;
  let spaced = 0;
  while (spaced < least && words.test(text)) spaced++;
  if (spaced >= least) return true;
  // CJK text has no spaces: count its characters as words, roughly.
  const cjk = (text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length;
  return spaced + Math.floor(cjk / 2) >= least;
}

/**
 * Reads the article of an HTML page without a DOM; null when the page holds no article. As Readability does, a page
 * where leaving out the unlikely containers leaves no article is read again with them. The text, captions and
 * furniture are one-byte strings wherever their characters allow (lib/extract/one-byte.ts).
 */
export function readArticleFast(html: string, pageUrl?: string): PageArticle | null {
  return readPage([html], pageUrl, true) ?? readPage([html], pageUrl, false);
}

/** Bytes decoded at a time by readArticleFromBytes. */
const DECODED_PIECE_BYTES = 8 * 1024;

/**
 * The same from the page's bytes, decoded in pieces with `decoder` (lib/import/charset.ts htmlDecoder) and parsed as
 * they come. Decoded whole, a page with one character past U+00FF is one two-byte string, and every piece the parser
 * cuts from it is too; decoded in pieces, only the pieces holding such a character are, the decoder takes its
 * one-byte path for the rest, and the parser and the patterns after it read one byte a character.
 */
export function readArticleFromBytes(bytes: Uint8Array, decoder: TextDecoder, pageUrl?: string): PageArticle | null {
  const pieces = decodedPieces(bytes, decoder);
  return readPage(pieces, pageUrl, true) ?? readPage(pieces, pageUrl, false);
}

function decodedPieces(bytes: Uint8Array, decoder: TextDecoder): string[] {
  const pieces: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += DECODED_PIECE_BYTES) pieces.push(decoder.decode(bytes.subarray(at, at + DECODED_PIECE_BYTES), { stream: true }));
  } finally {
    // Ends the stream (a character cut at the end is replaced, as a whole decode does) and readies the shared decoder.
    pieces.push(decoder.decode());
  }
  return pieces;
}

function readPage(pieces: readonly string[], pageUrl: string | undefined, stripUnlikely: boolean): PageArticle | null {
  const reader = new PageReader(stripUnlikely);
  const parser = new Parser(
    {
      onopentag: (name, attributes) => reader.open(name, attributes),
      onclosetag: (name) => reader.close(name),
      ontext: (text) => reader.write(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (const piece of pieces) parser.write(piece);
  parser.end();
  reader.finish();

  const containers = articleContainers(reader.blocks);
  if (containers === null) return null;
  const inside = reader.blocks.filter((block) => {
    const depth = block.path.findIndex((id) => containers.has(id));
    if (depth < 0) return false;
    // A widget inside the article (a related-links box, a share bar) is left out; one around it does not count.
    if (block.furniture.some((id) => block.path.indexOf(id) >= depth)) return false;
    return !(block.text.length < 200 && linkDensity(block) > MAX_LINK_DENSITY);
  });
  const meta = metaTagsOf(reader.metas);
  const jsonLd = jsonLdFactsOf(reader.jsonLd, meta.get('og:title') ?? reader.title);
  const url = resolveUrl(reader.canonical, pageUrl) ?? resolveUrl(meta.get('og:url'), pageUrl) ?? pageUrl;
  const siteName = pickSiteName(meta, jsonLd, {}, { url, documentTitle: reader.title });
  const siteNames = [siteName, jsonLd.article?.publisherName, jsonLd.websiteName].filter((name): name is string => !!name);
  const title = jsonLd.article?.headline ?? meta.get('og:title', 'twitter:title') ?? cleanDocumentTitle(reader.title, siteNames, reader.headings) ?? reader.headings[0];
  // The headline repeated as the first block is the title, not body text.
  const prose = inside.filter((block) => block.tag !== 'h1' && !(title && block.text === title));
  // One byte a character from here on where the blocks allow (the page's one em dash makes every piece of it two):
  // the furniture cues' patterns, the record's hashes and its copies to the page and the store all read half as much.
  const texts = narrowedAll(prose.map((block) => block.text));
  const roles = classifyBlocks(texts);
  const body: string[] = [];
  const captions: string[] = [];
  const furniture: string[] = [];
  prose.forEach((block, i) => {
    if (block.caption || roles[i] === 'caption') captions.push(texts[i]);
    else if (roles[i] === 'furniture') furniture.push(texts[i]);
    else body.push(texts[i]);
  });
  const text = body.join('\n\n');
  if (!hasWords(text, MIN_ARTICLE_WORDS)) return null;
  const byline = pickByline(meta, jsonLd);
  const publishedTime = normalizeDate(meta.get('article:published_time', 'datepublished', 'pubdate', 'dc:date') ?? jsonLd.article?.datePublished ?? reader.firstTime);
  const lang = declaredLanguageOf(reader.rootLang, meta, jsonLd.article?.inLanguage);
  const article: PageArticle = { text };
  const fields: Omit<PageArticle, 'text'> = { title, byline, siteName, publishedTime, url, lang };
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, string | undefined][]) if (value) (article as unknown as Record<string, string>)[key] = value;
  if (captions.length > 0) article.captions = captions;
  if (furniture.length > 0) article.furniture = furniture;
  return article;
}
