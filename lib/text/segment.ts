/**
 * Word and sentence segmentation with offsets into the original text.
 * Both rely on Intl.Segmenter (ICU), which handles scripts without spaces
 * (Chinese, Japanese, Thai) and runs in linear time.
 */
import { wordNorm } from './normalize';
import { isWordLike, needsSegmenter, wordLikePattern } from './word-break';

export interface Token {
  /** The word as it appears in the text. */
  text: string;
  /** Comparison form: normalised, lowercased, diacritics folded. */
  norm: string;
  /** [start, end) in the original text. */
  start: number;
  end: number;
}

export type Span = [number, number];

const segmenters = new Map<string, Intl.Segmenter>();

/** Segmenters are costly to build, so one per (language, granularity) is kept. */
function segmenterFor(lang: string | undefined, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang ?? ''}|${granularity}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang || undefined, { granularity });
    } catch {
      // A malformed language tag should not stop the analysis: fall back to the root locale.
      segmenter = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * V8's segment iterator costs time proportional to the whole input at every step,
 * so a long text is fed to ICU in pieces of at most CHUNK characters, cut where ICU
 * would break anyway (after a sentence end, else at whitespace). A cut made
 * without such a place is "forced", and the pieces on both sides are joined again.
 */
const CHUNK = 1024;

interface Piece {
  segment: string;
  index: number;
  isWordLike: boolean;
  /** True when this piece starts at a forced cut. */
  afterForcedCut: boolean;
}

function* segmentInPieces(text: string, from: number, to: number, lang: string | undefined, granularity: 'word' | 'sentence'): Generator<Piece> {
  const segmenter = segmenterFor(lang, granularity);
  let start = from;
  let forced = false;
  while (start < to) {
    const [end, nextForced] = to - start <= CHUNK ? [to, false] : chooseCut(text, start, start + CHUNK, granularity);
    let first = true;
    for (const s of segmenter.segment(text.slice(start, end))) {
      yield { segment: s.segment, index: start + s.index, isWordLike: s.isWordLike ?? false, afterForcedCut: first && forced };
      first = false;
    }
    start = end;
    forced = nextForced;
  }
}

const SENTENCE_END_THEN_SPACE = /[.!?。！？…]["'”’»)\]]*\s+(?=[\p{Lu}\p{N}"'“‘«(\[])/gu;

/** A cut position in (start, limit], and whether it had to be forced. */
function chooseCut(text: string, start: number, limit: number, granularity: 'word' | 'sentence'): [number, boolean] {
  const window = text.slice(start, limit);
  const floor = window.length >> 1;
  if (granularity === 'sentence') {
    let best = -1;
    for (const m of window.matchAll(SENTENCE_END_THEN_SPACE)) if (m.index + m[0].length >= floor) best = m.index + m[0].length;
    if (best > 0 && best < window.length) return [start + best, false];
  }
  for (let i = window.length - 1; i >= floor; i--) {
    if (/\s/.test(window[i])) return [start + i + 1, granularity === 'sentence'];
  }
  if (granularity === 'word') {
    for (let i = window.length - 1; i >= floor; i--) {
      if (/[\p{P}\p{S}]/u.test(window[i])) return [start + i + 1, false];
    }
  }
  // No whitespace at all: cut anyway, but never inside a surrogate pair or before a combining mark.
  let cut = limit;
  while (cut > start + 1 && (/[\uDC00-\uDFFF\p{M}\u200C\u200D]/u.test(text[cut]) || /[\uD800-\uDBFF]/.test(text[cut - 1]))) cut--;
  return [cut, true];
}

/**
 * Word-like segments (no spaces or punctuation), each with its comparison form.
 * Text in scripts written with spaces between words takes a regex that follows the
 * same word-break rules as ICU (several times faster than iterating Intl.Segmenter);
 * text with any character those rules leave to ICU's dictionaries or that the regex
 * does not model goes to Intl.Segmenter.
 */
export function words(text: string, lang?: string): Token[] {
  return needsSegmenter(text) ? wordsWithSegmenter(text, lang) : wordsWithRegex(text);
}

/** words() through Intl.Segmenter for any text: the reference the regex path is tested against. */
export function wordsWithSegmenter(text: string, lang?: string): Token[] {
  const tokens: Token[] = [];
  const rejoined = new Set<Token>();
  for (const piece of segmentInPieces(text, 0, text.length, lang, 'word')) {
    if (!piece.isWordLike) continue;
    const previous = tokens.at(-1);
    if (piece.afterForcedCut && previous && previous.end === piece.index) {
      previous.end += piece.segment.length;
      rejoined.add(previous);
      continue;
    }
    tokens.push({
      text: piece.segment,
      norm: wordNorm(piece.segment),
      start: piece.index,
      end: piece.index + piece.segment.length,
    });
  }
  for (const token of rejoined) {
    token.text = text.slice(token.start, token.end);
    token.norm = wordNorm(token.text);
  }
  return tokens;
}

function wordsWithRegex(text: string): Token[] {
  const tokens: Token[] = [];
  const wordLike = wordLikePattern();
  wordLike.lastIndex = 0;
  for (let m = wordLike.exec(text); m; m = wordLike.exec(text)) {
    const word = m[0];
    if (!isWordLike(word)) continue;
    tokens.push({ text: word, norm: wordNorm(word), start: m.index, end: m.index + word.length });
  }
  return tokens;
}

// Titles and Latin abbreviations that are never the end of a sentence.
const ALWAYS_JOIN = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'gen.', 'lt.', 'col.', 'maj.', 'sgt.', 'capt.', 'cmdr.', 'adm.',
  'rev.', 'sen.', 'rep.', 'gov.', 'pres.', 'hon.', 'fr.', 'sr.', 'messrs.', 'mme.', 'mlle.', 'hr.',
  'e.g.', 'i.e.', 'cf.', 'vs.', 'approx.', 'z.b.', 'bzw.', 'vgl.', 'ca.', 'usw.', 'd.h.', 'u.a.', 'sog.',
  'г.', 'гг.', 'т.е.', 'т.д.', 'т.п.', 'им.', 'ул.',
]);
// Abbreviations that are followed by a number when they do not end a sentence.
const JOIN_BEFORE_NUMBER = new Set([
  'no.', 'nr.', 'nos.', 'art.', 'p.', 'pp.', 'vol.', 'fig.', 'ch.', 'sec.', 'n°.', '№.',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
]);
// Abbreviations followed by a proper name when they do not end a sentence.
const JOIN_BEFORE_CAPITAL = new Set(['st.', 'ste.', 'mt.', 'ft.', 'jr.']);
// Words that start sentences but are not the second half of "U.S. Army"-like names.
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his',
  'her', 'its', 'their', 'our', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'from', 'to',
  'with', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'there', 'here', 'what', 'why', 'how',
  'who', 'which', 'some', 'many', 'most', 'all', 'no', 'not', 'one', 'two', 'however', 'meanwhile',
  'still', 'also', 'then', 'now', 'since', 'although', 'though', 'because', 'according', 'last', 'earlier',
  'later', 'on', 'its', 'der', 'die', 'das', 'le', 'la', 'les',
]);
const MONTH_NAMES =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|okt|dez)\b/iu;

const TAIL_WORD = /(?:^|[\s(\["'“‘«„])([\p{L}\p{N}.°№]*\.)$/u;

/** Whether a sentence break between `before` and `after` is a false break after an abbreviation. */
function isFalseBreak(before: string, after: string): boolean {
  const tail = TAIL_WORD.exec(before)?.[1];
  if (!tail) return false;
  const head = after.trimStart();
  if (!head) return false;
  const lower = tail.toLowerCase();
  const first = head[0];
  const startsWithDigit = /\p{N}/u.test(first);
  const startsUpper = /\p{Lu}/u.test(first);
  const startsLower = /\p{Ll}/u.test(first);
  if (ALWAYS_JOIN.has(lower)) return true;
  if (JOIN_BEFORE_NUMBER.has(lower)) return startsWithDigit;
  if (JOIN_BEFORE_CAPITAL.has(lower)) return startsUpper;
  // Initials: "John F. Kennedy"; German "z. B." is covered by single lower letters.
  if (/^\p{Lu}\.$/u.test(tail)) return startsUpper;
  if (/^\p{Ll}\.$/u.test(tail)) return startsUpper || startsLower;
  // Dotted acronyms: "U.S.", "U.K.", "U.N.": a break only before a typical sentence opener.
  if (/^(?:\p{Lu}\.){2,}$/u.test(tail)) {
    if (startsLower || startsWithDigit) return true;
    const nextWord = /^[\p{L}']+/u.exec(head)?.[0].toLowerCase() ?? '';
    return startsUpper && !SENTENCE_STARTERS.has(nextWord);
  }
  // German ordinal dates: "am 16. August".
  if (/^\d{1,2}\.$/.test(tail)) return MONTH_NAMES.test(head);
  return false;
}

/** A text's words and sentences, segmented for one language, as several analyses read them. */
export interface Segmentation {
  tokens: Token[];
  sentences: Span[];
}

/** The words and sentences of `text` for `lang`. */
export function segmentation(text: string, lang?: string): Segmentation {
  return { tokens: words(text, lang), sentences: sentences(text, lang) };
}

const LINE = /[^\n\r\u2028\u2029\u0085]+/g;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const SENTENCE_TERMINAL = /[\p{Sentence_Terminal}\u002E\u2024\uFE52\uFF0E]/u;

/**
 * Sentence spans [start, end) in `text`. A newline ends a sentence, except where hard-wrapped text (plain-text wire
 * copy) broke a line at its width (see unwrapped); false breaks after abbreviations are undone, spans are trimmed, and
 * spans without any letter or digit (a lone "-" bullet) are dropped.
 */
export function sentences(text: string, lang?: string): Span[] {
  const spans: Span[] = [];
  const joined = unwrapped(text);
  for (const line of joined.matchAll(LINE)) {
    const lineStart = line.index;
    // ICU breaks a sentence only after a terminal (UAX #29 STerm or ATerm); a line with none is one sentence, and
    // hard-wrapped text has many such lines.
    if (!SENTENCE_TERMINAL.test(line[0])) {
      pushTrimmed(text, [lineStart, lineStart + line[0].length], spans);
      continue;
    }
    let current: Span | null = null;
    for (const piece of segmentInPieces(joined, lineStart, lineStart + line[0].length, lang, 'sentence')) {
      const start = piece.index;
      const end = start + piece.segment.length;
      if (current && (piece.afterForcedCut || isFalseBreak(text.slice(Math.max(current[0], current[1] - 24), current[1]).trimEnd(), piece.segment.slice(0, 40)))) {
        current[1] = end;
        continue;
      }
      if (current) pushTrimmed(text, current, spans);
      current = [start, end];
    }
    if (current) pushTrimmed(text, current, spans);
  }
  return spans;
}

/**
 * Hard-wrapped text breaks its lines at a fixed width, inside sentences: Reuters' wire copy puts "New England Power Co
 * said it" and "will redeem all 250,000 shares…" on two lines, and a page quoting that sentence on one line then pairs
 * with neither half as a sentence. A text is taken as hard-wrapped when no line is wider than WRAP_WIDTH and most of its
 * line breaks fall inside a sentence (the line ends without a sentence's punctuation and the next goes on in lower case
 * or with a figure); short lines that are items of their own (a list of features, a newsletter prompt, a headline) end
 * that way too, but their next line starts a new item in upper case. In such a text a line break followed by more text,
 * not indented (an indent starts a paragraph or a table row), joins the two lines unless the line ends a sentence. The
 * text keeps its length (the newline becomes a space), so spans still index the text given.
 */
const WRAP_WIDTH = 100;
const MIN_WRAPPED_BREAKS = 2;
/** A line break before more text on a line that is not indented; `$1` is the line's last visible character. */
const INNER_BREAK = /(\S)[ \t]*\r?\n(?=\S)/g;
const ENDS_SENTENCE = /[.!?:;\u2026"'\u201D\u2019)\]]/u;
const GOES_ON = /[\p{Ll}\p{N}]/u;

function unwrapped(text: string): string {
  if (!text.includes('\n') || text.split('\n').some((line) => line.trimEnd().length > WRAP_WIDTH)) return text;
  let breaks = 0;
  let inSentence = 0;
  for (const m of text.matchAll(INNER_BREAK)) {
    breaks++;
    if (!ENDS_SENTENCE.test(m[1]) && GOES_ON.test(text[m.index + m[0].length])) inSentence++;
  }
  if (inSentence < MIN_WRAPPED_BREAKS || inSentence * 2 < breaks) return text;
  return text.replace(INNER_BREAK, (found: string, last: string) => (ENDS_SENTENCE.test(last) ? found : last + found.slice(1).replace(/[\r\n]/g, ' ')));
}

function pushTrimmed(text: string, [start, end]: Span, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && HAS_CONTENT.test(text.slice(s, e))) out.push([s, e]);
}

/**
 * Paragraph spans, trimmed: one per non-empty line, except for hard-wrapped text: blank-line separated blocks of short
 * lines are paragraphs, and so are lines joined where a wire's width broke them (see unwrapped).
 */
export function paragraphs(text: string): Span[] {
  const separator = looksHardWrapped(text) ? /(?:\r?\n[ \t\u00A0]*){2,}/g : /[\n\r\u2028\u2029\u0085]+/g;
  const spans: Span[] = [];
  let from = 0;
  for (const m of unwrapped(text).matchAll(separator)) {
    pushTrimmedBlock(text, from, m.index, spans);
    from = m.index + m[0].length;
  }
  pushTrimmedBlock(text, from, text.length, spans);
  return spans;
}

function looksHardWrapped(text: string): boolean {
  if (!/\n[ \t\u00A0]*\n/.test(text)) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 6) return false;
  const short = lines.filter((l) => l.length <= 80).length;
  const blocksWithSeveralLines = text.split(/(?:\r?\n[ \t\u00A0]*){2,}/).filter((b) => b.trim().includes('\n')).length;
  return short / lines.length >= 0.8 && blocksWithSeveralLines > 0;
}

function pushTrimmedBlock(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push([s, e]);
}
