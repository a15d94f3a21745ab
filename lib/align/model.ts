/**
 * The view of a text that alignment works on: word tokens, the stemmed content
 * term of each token, and sentence units (with very short sentences folded into
 * the next one, as a two-word sentence is no evidence of reuse on its own).
 */
import { languageOf } from '../text/language-guess';
import { sentences, words, type Token } from '../text/segment';
import { alignmentStopwords } from '../text/stopwords';
import { alignmentTerm } from '../text/terms';
import { memoByText } from './memo';

export interface Unit {
  /** [start, end) in the text. */
  start: number;
  end: number;
  /** [from, to) token indices. */
  from: number;
  to: number;
}

export interface TextModel {
  text: string;
  lang: string;
  tokens: Token[];
  /** Term id of each token's stemmed content form; -1 for function words and non-words. */
  terms: Int32Array;
  units: Unit[];
  /** True when the text was longer than the limit and only its beginning is modelled. */
  truncated: boolean;
  /** The terms are language-neutral bridge terms (names, numbers, cognates) rather than stemmed words. */
  bridged?: boolean;
  /** Further term ids of some tokens (bridge terms: a word's English words and its skeleton), by token index. */
  moreTerms?: Map<number, number[]>;
}

export interface ModelLimits {
  /** Characters of the text considered; the rest is ignored and the model is marked truncated. */
  maxChars?: number;
  /** Sentences with fewer content terms than this are merged into the next one. */
  minUnitTerms?: number;
  /** Sentence units kept; the rest is ignored and the model is marked truncated. */
  maxUnits?: number;
}

export const DEFAULT_MAX_CHARS = 400_000;
export const DEFAULT_MAX_UNITS = 6_000;

/** Maps terms to small integers shared by the texts being compared. */
export class Vocabulary {
  private ids = new Map<string, number>();
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

export interface Analysis {
  lang: string;
  tokens: Token[];
  /** Content term of each token, or null. */
  termStrings: (string | null)[];
  sentenceSpans: [number, number][];
}

/** The part of a model that does not depend on the vocabulary, kept for the texts seen last. */
export const analyse = memoByText((considered: string, lang: string | undefined): Analysis => {
  const language = languageOf(considered, lang);
  const segmenterLang = language === 'und' ? undefined : language;
  const stop = alignmentStopwords(language);
  const tokens = words(considered, segmenterLang);
  return {
    lang: language,
    tokens,
    termStrings: tokens.map((t) => alignmentTerm(t.norm, stop)),
    sentenceSpans: sentences(considered, segmenterLang),
  };
}, 8);

export function buildModel(text: string, vocab: Vocabulary, lang?: string, limits: ModelLimits = {}): TextModel {
  const maxChars = limits.maxChars ?? DEFAULT_MAX_CHARS;
  const maxUnits = limits.maxUnits ?? DEFAULT_MAX_UNITS;
  const minUnitTerms = limits.minUnitTerms ?? 3;
  let truncated = text.length > maxChars;
  const considered = truncated ? text.slice(0, maxChars) : text;
  const { lang: language, tokens, termStrings, sentenceSpans } = analyse(considered, lang);
  const terms = new Int32Array(tokens.length);
  termStrings.forEach((term, i) => {
    terms[i] = term === null ? -1 : vocab.id(term);
  });
  let units = sentenceUnits(sentenceSpans, tokens, terms, minUnitTerms);
  if (units.length > maxUnits) {
    units = units.slice(0, maxUnits);
    truncated = true;
  }
  return { text, lang: language, tokens, terms, units, truncated };
}

function sentenceUnits(spans: [number, number][], tokens: Token[], terms: Int32Array, minTerms: number): Unit[] {
  const units: Unit[] = [];
  let t = 0;
  let pending: Unit | null = null;
  let pendingTerms = 0;
  for (const [start, end] of spans) {
    while (t < tokens.length && tokens[t].start < start) t++;
    const from = t;
    let count = 0;
    while (t < tokens.length && tokens[t].end <= end) {
      if (terms[t] >= 0) count++;
      t++;
    }
    if (pending) {
      pending.end = end;
      pending.to = t;
      pendingTerms += count;
    } else {
      pending = { start, end, from, to: t };
      pendingTerms = count;
    }
    if (pendingTerms >= minTerms) {
      units.push(pending);
      pending = null;
    }
  }
  if (pending) {
    // A short tail joins the previous unit rather than standing alone.
    const last = units[units.length - 1];
    if (last && pendingTerms < minTerms && pendingTerms > 0) {
      last.end = pending.end;
      last.to = pending.to;
    } else if (pendingTerms > 0 || units.length === 0) {
      units.push(pending);
    }
  }
  return units;
}
