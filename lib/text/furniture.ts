/**
 * Page furniture in plain text: newsletter prompts, author bios, related-article
 * lists, share widgets, comment forms, photo captions. Pages saved as text keep
 * these lines between and after the article paragraphs; they are not part of what
 * the publisher wrote about the story and would otherwise show up as "added" or
 * "dropped" text when two versions are compared.
 *
 * Work is per paragraph: each is classified on its own (classifyFurnitureLine,
 * reusable on DOM text), then a few rules use the neighbours (a tagline after a
 * newsletter prompt, an author name above a bio line, a tail of teasers after the
 * article's end).
 */
import { paragraphs, type Span } from './segment';

export type FurnitureKind =
  | 'newsletter'
  | 'social'
  | 'bio'
  | 'byline'
  | 'related'
  | 'comments'
  | 'trending'
  | 'caption'
  | 'credit'
  | 'dateline'
  | 'metadata'
  | 'ad'
  | 'legal'
  | 'navigation'
  | 'separator';

export interface FurnitureItem {
  text: string;
  kind: FurnitureKind;
  /** [start, end) of the paragraph in the input text. */
  start: number;
  end: number;
}

export interface HeaderMetadata {
  /** ISO date from a leading "date YYYY-MM-DD [url]" line. */
  published?: string;
  url?: string;
}

export interface FurnitureSplit {
  /** Article paragraphs, as written, separated by "\n\n". */
  body: string;
  /** [start, end) in the input of each body paragraph, in order; body = their texts joined by "\n\n". */
  bodySpans: Span[];
  /** Everything set aside except captions and credits, in text order. */
  furniture: FurnitureItem[];
  /** Photo captions and credits, kept apart because they describe the page's pictures. */
  captions: FurnitureItem[];
  /** A leading headline line, kept out of the body (pages give the title separately). */
  title?: string;
  titleSpan?: Span;
  metadata: HeaderMetadata;
}

const MAX_PROMPT_LENGTH = 300;
const SENTENCE_END = /[.!]["'”’»)\]]*$/;

const HEADER_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.+-]+Z?)?)(?:\s+(\S+))?\s*$/i;

/** Reads a leading metadata line "date 2021-08-17 https://…" as found in saved article text. */
export function parseHeaderLine(line: string): HeaderMetadata | null {
  const m = HEADER_LINE.exec(line);
  if (!m) return null;
  const meta: HeaderMetadata = { published: m[1] };
  if (m[2] && /^https?:\/\//i.test(m[2])) meta.url = m[2];
  return meta;
}

const PHOTO_AGENCIES =
  'getty(?: images)?|afp|reuters|ap(?: photo)?|associated press|epa(?:-efe)?|shutterstock|alamy|bloomberg|dpa|picture[- ]alliance|imago(?: images)?|sputnik|tass|ria novosti|anadolu(?: agency)?|xinhua|efe|ansa|pa(?: wire| images)?|newscom|zuma(?: press)?|sipa|abaca|nurphoto|wikimedia(?: commons)?|unsplash|istock(?:photo)?';
/**
 * The credit regexes, built on first use: case-insensitive regexes over Unicode letter classes take milliseconds to
 * construct, which the extension's service worker otherwise paid at every start, before it can answer a toolbar click.
 */
let credits: { only: RegExp; tail: RegExp } | null = null;

function creditPatterns(): { only: RegExp; tail: RegExp } {
  credits ??= {
    only: new RegExp(
      `^[(\\[]?\\s*(?:(?:photo(?:graph)?|image|picture|foto|bild|credit|illustration|source)s?(?:\\s+credit)?\\s*[:©]\\s*)?(?:©\\s*)?(?:(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}(?:/|via|\\|)\\s*)?(?:${PHOTO_AGENCIES})(?:\\s*(?:/|via)\\s*[\\p{L} .]{1,40})?\\s*[)\\]]?$`,
      'iu',
    ),
    tail: new RegExp(`(?:\\s(?:/|\\||via|©)\\s*(?:[\\p{L}.'’ -]{0,40}\\s*(?:/|via)\\s*)?(?:${PHOTO_AGENCIES})|\\((?:photo|image|foto|credit)[^)]*\\))\\s*$`, 'iu'),
  };
  return credits;
}

const CREDIT_LABEL = /^(?:photo(?:graph)?|image|picture|foto|bild|credit|illustration)(?:\s+credit)?\s*[:©]/i;

const LINE_RULES: [FurnitureKind, RegExp][] = [
  ['metadata', HEADER_LINE],
  ['metadata', /^\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read$/i],
  ['separator', /^[\s\p{P}\p{S}]*$/u],
  ['comments', /^(?:leave a (?:reply|comment)|post a comment|add a comment|add your comment|\d+\s+comments?|comments?(?:\s*\(\d+\))?|show comments|view comments|load comments|join the (?:conversation|discussion)|cancel reply|comments are closed\.?|log in to (?:comment|reply)|be the first to comment\.?)$/i],
  ['comments', /^your email address will not be published\.?(?:\s*required fields are marked.*)?$/i],
  ['comments', /^required fields are marked/i],
  ['trending', /^(?:trending(?:\s+now)?(?:\s+(?:on|in)\b.*)?|most (?:read|popular|viewed|shared)\b.*|popular (?:now|stories|articles)\b.*|what'?s trending.*)$/i],
  ['social', /^[•·*\-\s]*(?:(?:follow|i follow|follow us|share|share this(?: article| story)?|tweet|email|print|copy link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|flipboard|messenger|on|us)\b[\s•·|,]*){1,8}$/i],
  ['ad', /^(?:advertisement|sponsored(?: content)?|paid content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|anzeige|werbung|publicité|ad)$/i],
  ['legal', /^(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))|all rights reserved\.?$|\b(?:this (?:site|website) uses cookies|we use cookies)\b/i],
  ['navigation', /^(?:skip to (?:main )?content|back to top|menu|search|home|log ?in|sign in|close|next|previous)$/i],
  ['newsletter', /^a free (?:daily|weekly|monthly) (?:email|e-mail|newsletter|briefing)\b/i],
  ['newsletter', /^(?:subscribe|sign up|sign-up|signup)\b(?!.*[.!]["”']?\s+\p{Lu})/iu],
  ['newsletter', /^(?:join our (?:newsletter|mailing list)|get (?:our|the) .{0,60}(?:newsletter|briefing|in your inbox)|already (?:a subscriber|have an account)|thank you for (?:signing up|subscribing)|you(?:'ve| have) (?:successfully )?(?:signed up|subscribed)|become a (?:member|subscriber)|support (?:our|independent) journalism)\b/i],
  ['newsletter', /\b(?:(?:delivered|sent) (?:directly |straight |right )?to your (?:inbox|email)|in your inbox|free newsletters?|sign up for (?:our|the|today)\b)/i],
  ['related', /^(?:related(?: articles| stories| coverage| content| reading| topics)?|read more|read next|read also|also read|see also|further reading|more like this|more (?:from|on|stories|news)\b[^.!?]{0,60}|recommended(?: for you| stories| articles)?|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|latest (?:news|stories|articles))\s*:?$/i],
  ['related', /^(?:read more|read next|related|see also)\s*:\s*.{1,200}$/i],
  ['related', /^by\s+[^,]{2,60},\s+.{2,60}\bpublished\b.{0,40}$/i],
  ['dateline', /^(?:published|updated|last (?:updated|modified)|posted|veröffentlicht|aktualisiert|publié|mis à jour)\b[\s:]+(?=.*\d).{0,80}$/i],
  ['byline', /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|und|et|y|&)){0,6}\s*$/u],
  ['bio', /^(?:(?:political|foreign|senior|chief|staff|economics|business|diplomatic|defen[cs]e|security|europe|\p{Lu}\p{Ll}+)\s+)*(?:correspondent|editor|reporter|writer|columnist|journalist|bureau chief)\s+(?:for|at|in|based|covering)\b.{0,160}$/iu],
];

/**
 * Career-summary signals, each with words one of which its every match contains: a paragraph lacking all of a
 * signal's words is not tested against it. Nearly every article paragraph lacks most of them, and the patterns
 * (word boundaries, Unicode letter classes) were a fifth of the bulk reader's time when run on every paragraph.
 */
const BIO_SIGNALS: { pattern: RegExp; words: readonly string[] }[] = [
  { pattern: /\b(?:has|have|had) (?:worked|written|reported|covered|been (?:writing|reporting|covering))\b/i, words: ['worked', 'written', 'reported', 'covered', 'been'] },
  {
    pattern: /\b(?:is|was) (?:an? |the )?(?:[\p{L}-]+ ){0,3}(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|producer|author)\b/iu,
    words: ['writer', 'editor', 'reporter', 'journalist', 'correspondent', 'columnist', 'contributor', 'producer', 'author'],
  },
  { pattern: /\b(?:his|her|their) (?:journalism|reporting|writing) (?:career|has)\b|\bcareer (?:began|started|spans?)\b/i, words: ['journalism', 'reporting', 'writing', 'career'] },
  { pattern: /\b(?:he|she|they) (?:covers|writes about|reports on|has covered)\b/i, words: ['covers', 'writes', 'reports', 'covered'] },
  { pattern: /\b(?:staff|senior|contributing|freelance|deputy) (?:writer|editor|reporter)\b/i, words: ['writer', 'editor', 'reporter'] },
  { pattern: /\bfollow (?:him|her|them) on\b/i, words: ['follow'] },
  { pattern: /\beditorial positions\b|\bnews and culture writer\b/i, words: ['editorial', 'culture'] },
  { pattern: /\bsince the site'?s launch\b|\bjoined (?:the )?\p{Lu}[\p{L}]+ in \d{4}\b/iu, words: ['launch', 'joined'] },
];

// Kinds recognised by a short heading or widget label, never by a full sentence.
const HEADING_KINDS = new Set<FurnitureKind>(['trending', 'related', 'navigation', 'social', 'byline', 'dateline']);
const BIO_OPENING = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(?:has|is|was|covers|joined|writes|reports|previously)\b/u;

/**
 * Whitespace that collapsing would change: any but a plain space, two spaces in a row, or a space at either end. The
 * bulk reader's blocks come collapsed already, and testing for it costs less than building the string again.
 */
const UNCOLLAPSED = /[^\S ]| {2}|^ | $/;

/**
 * What kind of page furniture a line or paragraph is, or null when it reads as article text.
 * Works on one line of plain text or on the text content of one DOM block.
 */
export function classifyFurnitureLine(line: string): FurnitureKind | null {
  const text = UNCOLLAPSED.test(line) ? line.replace(/\s+/g, ' ').trim() : line;
  if (!text) return null;
  const short = text.length <= MAX_PROMPT_LENGTH;
  if (short) {
    const { only, tail } = creditPatterns();
    if (only.test(text)) return 'credit';
    if (tail.test(text) || CREDIT_LABEL.test(text)) return 'caption';
    const sentenceLike = SENTENCE_END.test(text);
    for (const [kind, pattern] of LINE_RULES) {
      if (sentenceLike && HEADING_KINDS.has(kind)) continue;
      if (pattern.test(text)) return kind;
    }
  }
  if (text.length <= 1500 && looksLikeBio(text)) return 'bio';
  return null;
}

/**
 * An author bio: a paragraph opening with a name as the subject ("Peter has worked…")
 * and reading like a career summary. Several signals are needed, since news stories
 * also describe journalists.
 */
function looksLikeBio(text: string): boolean {
  const words = caseFolded(text);
  let signals = 0;
  for (const signal of BIO_SIGNALS) if (signal.words.some((word) => words.includes(word)) && signal.pattern.test(text)) signals++;
  return signals >= 3 || (signals >= 2 && BIO_OPENING.test(text));
}

/**
 * The text lower-cased as the signals' case-insensitive patterns compare it: with the `u` flag a long s (ſ) matches
 * "s" (and the Kelvin sign "k", which toLowerCase already maps), so a signal's words are found wherever it can match.
 */
function caseFolded(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

interface Paragraph {
  span: Span;
  text: string;
  kind: FurnitureKind | null;
}

const NAME_LINE = /^\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|al)){1,4}$/u;
const PROMO_TAGLINE = /\b(?:you|your|our)\b|^(?:get|escape|join|try|read|discover|enjoy|don'?t miss|stay)\b/i;
// Kinds that mark the end of the article when only teasers follow them.
const TAIL_KINDS = new Set<FurnitureKind>(['newsletter', 'social', 'bio', 'byline', 'related', 'comments', 'trending', 'separator', 'ad', 'legal']);

/**
 * Splits plain article text into body paragraphs and furniture. Never drops article
 * text silently: every input paragraph ends up in body, title, captions or furniture.
 */
export function splitFurniture(text: string): FurnitureSplit {
  const paras: Paragraph[] = paragraphs(text).map((span) => {
    const t = text.slice(span[0], span[1]);
    return { span, text: t, kind: classifyFurnitureLine(t) };
  });
  const metadata: HeaderMetadata = {};
  const header = paras.find((p) => p.kind === 'metadata' && parseHeaderLine(p.text));
  if (header) Object.assign(metadata, parseHeaderLine(header.text));

  markPromoTaglines(paras);
  markRepeatedFurniture(paras);
  markAuthorNames(paras);
  markSeparators(paras);
  markTail(paras);
  markSeparators(paras);

  const titleIndex = findTitle(text, paras);
  const body = paras.filter((p, i) => p.kind === null && i !== titleIndex);
  const toItem = (p: Paragraph): FurnitureItem => ({ text: p.text, kind: p.kind!, start: p.span[0], end: p.span[1] });
  const result: FurnitureSplit = {
    body: body.map((p) => p.text).join('\n\n'),
    bodySpans: body.map((p) => p.span),
    furniture: paras.filter((p) => p.kind !== null && p.kind !== 'caption' && p.kind !== 'credit').map(toItem),
    captions: paras.filter((p) => p.kind === 'caption' || p.kind === 'credit').map(toItem),
    metadata,
  };
  if (titleIndex >= 0) {
    result.title = paras[titleIndex].text;
    result.titleSpan = paras[titleIndex].span;
  }
  return result;
}

/** "Escape your echo chamber. Get the facts…" right after "Subscribe to The Week". */
function markPromoTaglines(paras: Paragraph[]): void {
  for (let i = 1; i < paras.length; i++) {
    const p = paras[i];
    if (p.kind === null && paras[i - 1].kind === 'newsletter' && p.text.length <= 200 && PROMO_TAGLINE.test(p.text)) p.kind = 'newsletter';
  }
}

/** A paragraph repeating a furniture paragraph word for word is the same furniture. */
function markRepeatedFurniture(paras: Paragraph[]): void {
  const kinds = new Map<string, FurnitureKind>();
  for (const p of paras) if (p.kind) kinds.set(p.text, p.kind);
  for (const p of paras) if (p.kind === null && kinds.has(p.text)) p.kind = kinds.get(p.text)!;
}

/** "Friedrich Schmidt" above "Political correspondent for …" or a follow button. */
function markAuthorNames(paras: Paragraph[]): void {
  for (let i = 0; i < paras.length - 1; i++) {
    const p = paras[i];
    const next = paras[i + 1].kind;
    if (p.kind === null && p.text.length <= 50 && NAME_LINE.test(p.text) && (next === 'bio' || next === 'social' || next === 'byline')) p.kind = 'byline';
  }
}

/** Bullet and dash lines belong to the furniture list they sit in. */
function markSeparators(paras: Paragraph[]): void {
  paras.forEach((p, i) => {
    if (p.kind !== 'separator') return;
    const neighbour = paras[i - 1]?.kind ?? paras[i + 1]?.kind;
    if (neighbour && neighbour !== 'separator') p.kind = 'related';
  });
}

/** A teaser: a related-article title or standfirst, not an article sentence. */
function isTeaser(p: Paragraph): boolean {
  return p.text.length <= 250 && !SENTENCE_END.test(p.text);
}

/**
 * After the article the page lists related stories: once a furniture paragraph is
 * followed only by furniture and teasers up to the end, that whole tail is furniture.
 */
function markTail(paras: Paragraph[]): void {
  let tailStart = paras.length;
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i];
    if (p.kind === null && !isTeaser(p)) break;
    if (p.kind !== null && TAIL_KINDS.has(p.kind)) tailStart = i;
  }
  for (let i = tailStart; i < paras.length; i++) if (paras[i].kind === null) paras[i].kind = 'related';
}

/**
 * The first body paragraph is a headline when it is a short line of several words
 * without sentence punctuation, set apart by a blank line.
 */
function findTitle(text: string, paras: Paragraph[]): number {
  const first = paras.findIndex((p) => p.kind === null);
  if (first < 0) return -1;
  const p = paras[first];
  const next = paras.slice(first + 1).find((q) => q.kind === null);
  if (!next) return -1;
  const wordCount = p.text.split(/\s+/).length;
  const headlineShaped = wordCount >= 4 && p.text.length <= 200 && !/[.!,;:]["'”’»)]*$/.test(p.text) && !/\n/.test(p.text);
  const setApart = /\n[ \t\u00A0]*\n/.test(text.slice(p.span[1], paras[first + 1]?.span[0] ?? text.length));
  return headlineShaped && setApart ? first : -1;
}
