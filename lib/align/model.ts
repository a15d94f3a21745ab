/**
 * The view of a text that alignment works on: word tokens, the stemmed content
 * term of each token, and sentence units (with very short sentences folded into
 * the next one, as a two-word sentence is no evidence of reuse on its own).
 */
import { analysed, type TextAnalysis, type TextView } from '../text/analysis';
import { languageOf } from '../text/language-guess';
import { segmentation, type Token } from '../text/segment';
import { alignmentStopwords } from '../text/stopwords';
import { alignmentTerm } from '../text/terms';
import type { Lexicon } from '../text/lexicon';

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
  /** The analysis of `text` (of all of it, when only its beginning is modelled). */
  analysis: TextAnalysis;
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
  /** The words and sentences the model was made from, kept with the text's analysis. */
  words: AlignmentWords;
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
  private readonly ids: Map<string, number>;
  /** A vocabulary that starts with `from`'s terms and ids (copied: each grows on its own). */
  constructor(from?: Vocabulary) {
    this.ids = new Map(from?.ids);
  }
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

/** The words and sentences of a text as alignment reads them: the part of a model that does not depend on the vocabulary. */
export interface AlignmentWords {
  lang: string;
  tokens: Token[];
  /** Content term of each token, or null. */
  termStrings: (string | null)[];
  sentenceSpans: [number, number][];
  /** Word pairs by where they start (lib/align/anchors.ts), found the first time anchors are looked for. */
  pairStarts?: Map<string, number[]>;
  /** The same with bridge terms deciding which words are content words (cross-language models), and the lexicon read. */
  bridgedPairStarts?: { lexicon: Lexicon | null; pairs: Map<string, number[]> };
}

/**
 * A text's words and sentences for alignment, `lang` the declared language (the text's own guess without one). An
 * analysed text gives its segmentation, shared with the other views made for the same language.
 */
export function alignmentWordsOf(text: string, lang: string | undefined, analysis?: TextAnalysis): AlignmentWords {
  const language = analysis ? analysis.language(lang) : languageOf(text, lang);
  const segmenterLang = language === 'und' ? undefined : language;
  const stop = alignmentStopwords(language);
  const { tokens, sentences: sentenceSpans } = analysis ? analysis.segmentation(segmenterLang) : segmentation(text, segmenterLang);
  return {
    lang: language,
    tokens,
    termStrings: tokens.map((t) => rememberedTerm(t.norm, stop)),
    sentenceSpans,
  };
}

/** Alignment terms of the word forms met, by stopword list: the versions of one story a check aligns share most words. */
const TERMS_MET = new WeakMap<Set<string>, Map<string, string | null>>();
/** Word forms remembered per list; past this many the memory starts again (a long-running process meets many). */
const TERMS_REMEMBERED = 100_000;

function rememberedTerm(word: string, stop: Set<string>): string | null {
  let met = TERMS_MET.get(stop);
  if (!met || met.size > TERMS_REMEMBERED) TERMS_MET.set(stop, (met = new Map()));
  let term = met.get(word);
  if (term === undefined) met.set(word, (term = alignmentTerm(word, stop)));
  return term;
}

/** The alignment words of an analysed text, computed once per text and language. */
export const ALIGNMENT_WORDS: TextView<AlignmentWords> = { compute: alignmentWordsOf };

/** The model of a text; its words come from the text's analysis (a bare string is analysed for this model alone). */
export function buildModel(input: string | TextAnalysis, vocab: Vocabulary, lang?: string, limits: ModelLimits = {}): TextModel {
  const analysis = analysed(input);
  const { text } = analysis;
  const maxChars = limits.maxChars ?? DEFAULT_MAX_CHARS;
  const maxUnits = limits.maxUnits ?? DEFAULT_MAX_UNITS;
  const minUnitTerms = limits.minUnitTerms ?? 3;
  let truncated = text.length > maxChars;
  // Past the limit only the beginning is modelled: that is another text, analysed here and not kept.
  const alignmentWords = truncated ? alignmentWordsOf(text.slice(0, maxChars), lang) : analysis.view(ALIGNMENT_WORDS, lang);
  const { lang: language, tokens, termStrings, sentenceSpans } = alignmentWords;
  const terms = new Int32Array(tokens.length);
  termStrings.forEach((term, i) => {
    terms[i] = term === null ? -1 : vocab.id(term);
  });
  let units = sentenceUnits(sentenceSpans, tokens, terms, minUnitTerms);
  if (units.length > maxUnits) {
    units = units.slice(0, maxUnits);
    truncated = true;
  }
  return { text, analysis, lang: language, tokens, terms, units, truncated, words: alignmentWords };
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

/** The first model of a comparison (the page's), with the vocabulary it leaves for the second text. */
export interface FirstModel {
  model: TextModel;
  vocab: Vocabulary;
}

const FIRST_MODELS = new WeakMap<TextAnalysis, Map<string, FirstModel>>();

/**
 * The model of the first text of a comparison in a new vocabulary, as buildModel makes it, and that vocabulary. An
 * analysed text compared with many others (a page with its candidates, a version in the lineage) is modelled once: its
 * term ids depend on nothing else, as it comes first, and each comparison continues a copy of its vocabulary.
 */
export function firstModel(input: string | TextAnalysis, lang?: string, limits: ModelLimits = {}): FirstModel {
  if (typeof input === 'string') {
    const vocab = new Vocabulary();
    return { model: buildModel(input, vocab, lang, limits), vocab };
  }
  let byOptions = FIRST_MODELS.get(input);
  if (!byOptions) FIRST_MODELS.set(input, (byOptions = new Map()));
  const key = `${lang ?? ''}|${limits.maxChars ?? ''}|${limits.maxUnits ?? ''}|${limits.minUnitTerms ?? ''}`;
  let kept = byOptions.get(key);
  if (!kept) {
    const vocab = new Vocabulary();
    byOptions.set(key, (kept = { model: buildModel(input, vocab, lang, limits), vocab }));
  }
  return { model: kept.model, vocab: new Vocabulary(kept.vocab) };
}
