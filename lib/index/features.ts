/**
 * Retrieval features: hashed keys that survive rewording, so that the sources of a
 * text can be found through an inverted index without reading the stored texts.
 *
 * Three families, all folded to unsigned 32-bit keys:
 * - word pairs: unordered pairs of stemmed content words at distance 1–3. Unordered
 *   and gapped so that shuffled words, dropped adjectives and back-translated
 *   phrasing ("the chains of slavery" / "slavery's shackles") still share keys;
 * - names: transliteration-tolerant name keys (Kabulov, Kabulow, Kaboulov share one),
 *   which carry across languages;
 * - numbers: quantity values ("100", "one hundred"), also language-independent.
 *
 * Selection is by content, not position: a pair is kept when its mixed hash falls in
 * 1/PAIR_SAMPLING of the hash space. Both the stored document and the page keep the
 * same subset, so a shared pair is found wherever it sits, and a page looks up only
 * a quarter of its pairs. Measured on PAN 2013 text alignment, this matched
 * winnowing at the same density in recall and needs no window bookkeeping.
 */
import { glossText, type Lexicon } from '../text/lexicon';
import { nameKeyVariants } from '../text/names';
import { retrievalStopwords } from '../text/stopwords';
import { hasDigit, retrievalLanguage, retrievalTermsOf, retrievalTokens, withoutApostropheTail, RETRIEVAL_TERMS, RETRIEVAL_TOKENS, type RetrievalToken } from '../text/terms';
import { analysed, TextAnalysis, type TextView } from '../text/analysis';
import { foldDigits, myriadNumbers } from '../text/numbers';
import { isKatakanaWord } from '../text/romanize';
import { forEachNearbyPair } from '../text/word-pairs';
import { fnv1a32, mix32 } from './hash';

/**
 * Bump when the features of a text change: stored postings must then be rebuilt. The shipped lexicons are part of them
 * (a foreign record's gloss keys): 4 when the Russian list's senses were reordered, which the Ukrainian list reads too;
 * 5 when Ukrainian got a list of its own (Apertium's inflected forms).
 */
export const FEATURE_VERSION = 5;

export interface FeatureOptions {
  /** Keep one pair in this many (by hash). */
  pairSampling: number;
  /** Pairs are formed between content words at distance 1..pairReach. */
  pairReach: number;
  /** Upper bound on the keys of one stored document. */
  maxDocFeatures: number;
  /** Upper bound on name keys and on number keys of one text. */
  maxNames: number;
  maxNumbers: number;
}

export const DEFAULT_FEATURE_OPTIONS: Readonly<FeatureOptions> = Object.freeze({
  pairSampling: 4,
  pairReach: 3,
  maxDocFeatures: 400,
  maxNames: 48,
  maxNumbers: 24,
});

/** Upper bound on the keys a page looks up, so a huge page costs a bounded number of reads. */
export const MAX_QUERY_FEATURES = 4000;

const PAIR_SEED = 0x2545f491;
const NAME_TAG = 'n\u0001';
const NUMBER_TAG = '#\u0001';

/** Order-free key of two term hashes, computed on numbers: no string is built per pair. */
function pairKey(a: number, b: number): number {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  return mix32(Math.imul(lo, 0x9e3779b1) ^ mix32(hi ^ PAIR_SEED));
}

/** Hashed as it comes: a short term's FNV costs less than finding it in a cache, which hashes the string too. */
const termHash = (term: string): number => fnv1a32(term);

/** Where keys go: a Set for a stored document; a page also records where each key occurs. */
interface KeySink {
  has(key: number): boolean;
  add(key: number, at: number): void;
}

function isSampled(key: number, sampling: number): boolean {
  return sampling <= 1 || mix32(key) % sampling === 0;
}

function pairKeys(terms: string[], starts: readonly number[], options: FeatureOptions, into: KeySink): void {
  const hashes = terms.map(termHash);
  forEachNearbyPair(hashes.length, options.pairReach, (i, j) => {
    if (hashes[i] === hashes[j]) return;
    const key = pairKey(hashes[i], hashes[j]);
    if (isSampled(key, options.pairSampling)) into.add(key, starts[i] ?? 0);
  });
}

// Capitalised words of four letters or more, not stopwords: names, places, organisations, acronyms.
const CAPITALISED = /^\p{Lu}/u;

/**
 * The tokens, and katakana runs the segmenter cut into parts ("イン" "グランド") joined again: a foreign name or
 * loanword is one word, written as it sounds (the parts stay: the segmenter may be right).
 */
function withKatakanaJoined(tokens: RetrievalToken[]): RetrievalToken[] {
  const out: RetrievalToken[] = [];
  let run: RetrievalToken | null = null;
  let parts = 0;
  const flush = () => {
    if (run && parts > 1) out.push(run);
    run = null;
    parts = 0;
  };
  for (const token of tokens) {
    out.push(token);
    if (!isKatakanaWord(token.text)) {
      flush();
      continue;
    }
    if (run && run.start + run.text.length === token.start) {
      run = { text: run.text + token.text, norm: run.norm + token.norm, start: run.start };
      parts++;
    } else {
      flush();
      run = token;
      parts = 1;
    }
  }
  flush();
  return out;
}

function nameKeys(tokens: RetrievalToken[], lang: string, limit: number, into: KeySink): void {
  const stop = retrievalStopwords(lang);
  let added = 0;
  for (const token of withKatakanaJoined(tokens)) {
    if (added >= limit) return;
    // Katakana has no capitals: a word in it is mostly a foreign name or loanword.
    const kana = isKatakanaWord(token.text);
    if ((!kana && !CAPITALISED.test(token.text)) || hasDigit(token.text)) continue;
    const word = withoutApostropheTail(token.norm);
    if ([...word].length < (kana ? 3 : 4) || stop.has(word)) continue;
    for (const key of nameKeyVariants(token.text, lang)) {
      if (key.length < 3) continue;
      const hashed = fnv1a32(NAME_TAG + key);
      if (!into.has(hashed)) added++;
      into.add(hashed, token.start);
    }
  }
}

// Small counts ("two", "10") recur in unrelated stories; larger, specific values identify.
const MIN_NUMBER = 11;
// "1,300", "1.300", "15 000": one thousands separator style or another, always followed by three digits.
const GROUPED_NUMBER = /^\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+$/;
const NUMBER = /\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?/g;

/**
 * Digit-written quantities, read the same way whatever the separator convention, so
 * that "1,300" and "1.300" agree. lib/text's numberKeys also reads numbers written
 * in words, but costs more than all other indexing together; the alignment stage
 * uses it where the wording matters.
 */
function indexNumbersAt(original: string): { value: number; start: number }[] {
  const text = foldDigits(original);
  // "4万5000" is 45,000, "4.8亿" 480,000,000: the digits inside such a number are not numbers of their own.
  const myriads = /[千万萬億亿兆]/u.test(text) ? myriadNumbers(text) : [];
  const values: { value: number; start: number }[] = myriads.map((m) => ({ value: m.value, start: m.start }));
  for (const m of text.matchAll(NUMBER)) {
    if (myriads.some((n) => m.index >= n.start && m.index < n.end)) continue;
    const raw = m[0];
    const value = GROUPED_NUMBER.test(raw) ? Number(raw.replace(/\D/g, '')) : Number(raw.replace(',', '.'));
    if (Number.isFinite(value)) values.push({ value, start: m.index });
  }
  return myriads.length ? values.sort((a, b) => a.start - b.start) : values;
}

function numberFeatureKeys(text: string, limit: number, into: KeySink): void {
  let added = 0;
  for (const { value, start } of indexNumbersAt(text)) {
    if (added >= limit) return;
    if (Math.abs(value) < MIN_NUMBER) continue;
    const hashed = fnv1a32(NUMBER_TAG + String(value));
    if (!into.has(hashed)) added++;
    into.add(hashed, start);
  }
}

const NAME_KEYS: TextView<Set<number>> = {
  compute(_text, lang, analysis) {
    const keys = new Set<number>();
    nameKeys(analysis.view(RETRIEVAL_TOKENS, lang), retrievalLanguage(lang), MAX_QUERY_FEATURES, { has: (key) => keys.has(key), add: (key) => keys.add(key) });
    return keys;
  },
};

/** The name keys among a text's keys (as a page looks them up: unbounded). */
export function nameKeysOf(text: string | TextAnalysis, lang?: string): ReadonlySet<number> {
  return analysed(text).view(NAME_KEYS, lang);
}

/** The keys of a text: its word pairs, names and numbers, read from the retrieval tokens of its analysis. */
function collectKeys(analysis: TextAnalysis, lang: string | undefined, options: FeatureOptions, into: KeySink): void {
  const { terms, starts } = analysis.view(RETRIEVAL_TERMS, lang);
  pairKeys(terms, starts, options, into);
  nameKeys(analysis.view(RETRIEVAL_TOKENS, lang), retrievalLanguage(lang), options.maxNames, into);
  numberFeatureKeys(analysis.text, options.maxNumbers, into);
}

function allKeys(text: string, lang: string | undefined, options: FeatureOptions): Set<number> {
  const keys = new Set<number>();
  collectKeys(new TextAnalysis(text), lang, options, keys);
  return keys;
}

/**
 * The word-pair keys of a foreign text's English gloss (lib/text/lexicon.ts glossText). A stored article in another
 * language is indexed under them too, so that an English page, or the English gloss of a page in a third language,
 * finds it through its words and not only through the few names and numbers the two share: of the English
 * translations that missed their Ukrainian original on the WMT set, most were never retrieved. Names and numbers are
 * language-independent already and are not added again.
 */
function glossPairKeys(text: string, lexicon: Lexicon, options: FeatureOptions, into: Set<number>): void {
  const tokens = retrievalTokens(glossText(lexicon, text), 'en');
  const starts: number[] = [];
  pairKeys(retrievalTermsOf(tokens, 'en', starts), starts, options, into);
}

/**
 * The order in which a document over maxDocFeatures keeps its keys (smallest first), as
 * an unsigned 32-bit number: a capped document holds exactly its keys of rank below some
 * threshold, which retrieval estimates to tell how sparsely the document is indexed.
 */
export function keepRank(key: number): number {
  return mix32(key ^ 0x5bd1e995);
}

/**
 * Keeps the `limit` keys with the smallest mixed hash: a content-defined choice, so a
 * long document and a page quoting part of it still keep the same keys for that part. The keys are distinct (a Set's
 * or a Map's); the result is sorted.
 */
export function boundKeys(keys: Iterable<number>, limit: number): Uint32Array {
  const sorted = Uint32Array.from(keys).sort();
  if (sorted.length <= limit) return sorted;
  // keepRank is one-to-one on 32-bit numbers (an xor, then murmur's invertible finaliser), so distinct keys have
  // distinct ranks and the limit-th smallest rank keeps exactly `limit` of them. Sorting the ranks as numbers in a
  // typed array costs a fraction of sorting the keys through a comparator that ranks both sides at every step.
  const ranks = sorted.map(keepRank);
  const threshold = ranks.slice().sort()[limit - 1];
  return sorted.filter((_, i) => ranks[i] <= threshold);
}

/**
 * The keys under which a stored document is indexed: distinct, sorted, at most `maxDocFeatures`. With `gloss`, the
 * lexicon of the document's language, its English gloss's word pairs are among them: they share the one bound, kept
 * by the same content-defined rank, so a capped document is still exactly its keys below a rank threshold (retrieval's
 * sparsity estimate relies on it). Callers load the lexicon first: the keys must be the same whenever they are
 * computed again from the text (a deletion finds the postings to remove that way).
 */
export function featuresOf(text: string, lang?: string, options: Partial<FeatureOptions> = {}, gloss: Lexicon | null = null): Uint32Array {
  const resolved = { ...DEFAULT_FEATURE_OPTIONS, ...options };
  const keys = allKeys(text, lang, resolved);
  if (gloss && gloss.lang !== 'en') glossPairKeys(text, gloss, resolved, keys);
  return boundKeys(keys, resolved.maxDocFeatures);
}

/**
 * The keys a page looks up: the same selection as featuresOf, bounded only by MAX_QUERY_FEATURES.
 * Names and numbers are not bounded per family on the page side: a stored document keeps those of
 * its opening, but a long page quotes documents all through, and bounding its names to the first
 * ones lost PAN 2013 sources quoted late in the page (recall@50: random 0.972 -> 0.975, translation
 * chains 0.985 -> 0.986, verbatim 0.996 -> 0.994: one more name-heavy long page crowds out a copy).
 */
export function queryFeaturesOf(text: string, lang?: string, options: Partial<FeatureOptions> = {}): Uint32Array {
  const resolved = { ...DEFAULT_FEATURE_OPTIONS, ...options, maxNames: MAX_QUERY_FEATURES, maxNumbers: MAX_QUERY_FEATURES };
  return boundKeys(allKeys(text, lang, resolved), MAX_QUERY_FEATURES);
}

/** Keys with the offsets where they occur in the text. */
class KeyOffsets implements KeySink {
  readonly offsets = new Map<number, number[]>();
  has(key: number): boolean {
    return this.offsets.has(key);
  }
  add(key: number, at: number): void {
    const list = this.offsets.get(key);
    if (list) list.push(at);
    else this.offsets.set(key, [at]);
  }
}

/**
 * The keys of queryFeaturesOf, each with the text offsets where it occurs (in text order). With the default feature
 * options an analysed text gives the keys found the first time they were asked for (retrieval, then the evidence).
 */
export function queryKeyOffsets(text: string | TextAnalysis, lang?: string, options: Partial<FeatureOptions> = {}): ReadonlyMap<number, readonly number[]> {
  const analysis = analysed(text);
  return Object.keys(options).length === 0 ? analysis.view(QUERY_KEY_OFFSETS, lang) : keyOffsets(analysis, lang, options);
}

const QUERY_KEY_OFFSETS: TextView<Map<number, number[]>> = { compute: (_text, lang, analysis) => keyOffsets(analysis, lang, {}) };

function keyOffsets(analysis: TextAnalysis, lang: string | undefined, options: Partial<FeatureOptions>): Map<number, number[]> {
  const resolved = { ...DEFAULT_FEATURE_OPTIONS, ...options, maxNames: MAX_QUERY_FEATURES, maxNumbers: MAX_QUERY_FEATURES };
  const sink = new KeyOffsets();
  collectKeys(analysis, lang, resolved, sink);
  if (sink.offsets.size <= MAX_QUERY_FEATURES) return sink.offsets;
  const kept = boundKeys(new Set(sink.offsets.keys()), MAX_QUERY_FEATURES);
  return new Map(Array.from(kept, (key) => [key, sink.offsets.get(key)!]));
}
