/**
 * Alignment across languages without a translator: two sentences that are
 * translations of each other still share numbers, names (after transliteration),
 * cognates and the words a bilingual lexicon pairs. Each token is reduced to such
 * language-neutral "bridge" terms and the usual alignment runs on those.
 */
import { numberKeys } from '../text/numbers';
import { lexiconOf } from '../text/lexicon';
import { Vocabulary, type TextModel } from './model';
import { bridgeTerms } from './bridge';
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
  const terms = new Int32Array(model.tokens.length);
  const moreTerms = new Map<number, number[]>();
  const context = { lang: model.lang, lexicon: lexiconOf(model.lang) };
  model.tokens.forEach((token, i) => {
    const [first, ...more] = bridgeTerms(token.text, token.norm, context);
    terms[i] = first === undefined ? -1 : vocab.id(first);
    if (more.length) moreTerms.set(i, more.map((term) => vocab.id(term)));
  });
  joinKatakanaRuns(model, context, vocab, moreTerms);
  let t = 0;
  for (const n of numberKeys(model.text, model.lang)) {
    while (t < model.tokens.length && model.tokens[t].end <= n.start) t++;
    let first = true;
    for (let k = t; k < model.tokens.length && model.tokens[k].start < n.end; k++) {
      terms[k] = first ? vocab.id(`#${n.value}`) : -1;
      moreTerms.delete(k);
      first = false;
    }
  }
  return { ...model, terms, moreTerms, bridged: true };
}

/** A katakana name the segmenter cut into parts ("イン" "グランド") also bridges whole, from its first part. */
function joinKatakanaRuns(model: TextModel, context: { lang: string; lexicon: ReturnType<typeof lexiconOf> }, vocab: Vocabulary, moreTerms: Map<number, number[]>): void {
  const { tokens } = model;
  for (let i = 0; i < tokens.length; i++) {
    if (!isKatakanaWord(tokens[i].text)) continue;
    let j = i;
    while (j + 1 < tokens.length && isKatakanaWord(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j++;
    if (j > i) {
      const text = model.text.slice(tokens[i].start, tokens[j].end);
      const joined = bridgeTerms(text, text, context).filter((term) => term.startsWith('~'));
      if (joined.length) moreTerms.set(i, [...(moreTerms.get(i) ?? []), ...joined.map((term) => vocab.id(term))]);
    }
    i = j;
  }
}
