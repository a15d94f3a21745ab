/**
 * Alignment across languages without a translator: two sentences that are
 * translations of each other still share numbers, names (after transliteration),
 * cognates and the words a bilingual lexicon pairs. Each token is reduced to such
 * language-neutral "bridge" terms and the usual alignment runs on those.
 */
import { lexiconOf, type Lexicon } from '../text/lexicon';
import { Vocabulary, type AlignmentWords, type TextModel } from './model';
import { bridgeTerms, type BridgeContext } from './bridge';
import { isKatakanaWord } from '../text/romanize';

const UNKNOWN = new Set(['und', '']);

export function isCrossLanguage(pageLang: string, sourceLang: string): boolean {
  if (UNKNOWN.has(pageLang) || UNKNOWN.has(sourceLang)) return false;
  return pageLang !== sourceLang;
}

/**
 * The same units and tokens, with terms replaced by bridge terms; a number written in words is one term. Lexicons
 * are used when loaded (lib/text/lexicon.ts loadLexicons); without them names, numbers and cognates still bridge.
 */
export function bridgeModel(model: TextModel, vocab: Vocabulary): TextModel {
  const bridge = bridgeTermsOf(model);
  const terms = new Int32Array(model.tokens.length);
  const moreTerms = new Map<number, number[]>();
  // Ids are given in the order the terms were found, as term order decides how vector weights are summed.
  bridge.tokens.forEach(([first, ...more], i) => {
    terms[i] = first === undefined ? -1 : vocab.id(first);
    if (more.length) moreTerms.set(i, more.map((term) => vocab.id(term)));
  });
  for (const [i, joined] of bridge.katakana) moreTerms.set(i, [...(moreTerms.get(i) ?? []), ...joined.map((term) => vocab.id(term))]);
  for (const { from, to, term } of bridge.numbers) {
    for (let k = from; k < to; k++) {
      terms[k] = k === from ? vocab.id(term) : -1;
      moreTerms.delete(k);
    }
  }
  return { ...model, terms, moreTerms, bridged: true };
}

/** A text's bridge terms, before they are given ids: what does not depend on the text it is compared with. */
interface BridgeTerms {
  /** The lexicon read (one loaded since makes them again). */
  lexicon: Lexicon | null;
  /** Each token's bridge terms (lib/align/bridge.ts). */
  tokens: string[][];
  /** Whole katakana names, by the token of their first part. */
  katakana: [number, string[]][];
  /** Numbers, by value: the tokens [from, to) each is written in. */
  numbers: { from: number; to: number; term: string }[];
}

/**
 * Bridge terms kept with the text's words (its analysis keeps those), so that a page compared with a hundred
 * candidates, or a record aligned again for drift and lineage, is bridged once.
 */
const bridged = new WeakMap<AlignmentWords, BridgeTerms>();

function bridgeTermsOf(model: TextModel): BridgeTerms {
  const lexicon = lexiconOf(model.lang);
  const kept = bridged.get(model.words);
  if (kept && kept.lexicon === lexicon) return kept;
  const context = { lang: model.lang, lexicon };
  const terms: BridgeTerms = {
    lexicon,
    tokens: model.tokens.map((token) => bridgeTerms(token.text, token.norm, context)),
    katakana: joinedKatakanaRuns(model, context),
    numbers: numberTokens(model),
  };
  bridged.set(model.words, terms);
  return terms;
}

/** A katakana name the segmenter cut into parts ("イン" "グランド") also bridges whole, from its first part. */
function joinedKatakanaRuns(model: TextModel, context: BridgeContext): [number, string[]][] {
  const { tokens } = model;
  const runs: [number, string[]][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isKatakanaWord(tokens[i].text)) continue;
    let j = i;
    while (j + 1 < tokens.length && isKatakanaWord(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
    if (j > i) {
      const text = model.text.slice(tokens[i].start, tokens[j].end);
      const joined = bridgeTerms(text, text, context).filter((term) => term.startsWith('~'));
      if (joined.length) runs.push([i, joined]);
    }
    i = j;
  }
  return runs;
}

/** Each number of the text with the tokens it is written in: the first bridges it by value, the others are dropped. */
function numberTokens(model: TextModel): BridgeTerms['numbers'] {
  const out: BridgeTerms['numbers'] = [];
  let t = 0;
  for (const n of model.analysis.numbers(model.lang)) {
    while (t < model.tokens.length && model.tokens[t].end <= n.start) t++;
    let to = t;
    while (to < model.tokens.length && model.tokens[to].start < n.end) to++;
    if (to > t) out.push({ from: t, to, term: `#${n.value}` });
  }
  return out;
}
