/**
 * Alignment across languages without a translator: two sentences that are
 * translations of each other still share numbers, names (after transliteration)
 * and cognates. Each token is reduced to such a language-neutral "bridge" term
 * and the usual seed-and-extend runs on those.
 */
import { numberKeys } from '../text/numbers';
import { Vocabulary, type TextModel } from './model';
import { bridgeKey } from './bridge';

const UNKNOWN = new Set(['und', '']);

export function isCrossLanguage(pageLang: string, sourceLang: string): boolean {
  if (UNKNOWN.has(pageLang) || UNKNOWN.has(sourceLang)) return false;
  return pageLang !== sourceLang;
}

/** The same units and tokens, with terms replaced by bridge terms; a number written in words is one term. */
export function bridgeModel(model: TextModel, vocab: Vocabulary): TextModel {
  const terms = new Int32Array(model.tokens.length);
  model.tokens.forEach((token, i) => {
    const key = bridgeKey(token.text, token.norm);
    terms[i] = key === null ? -1 : vocab.id(key);
  });
  let t = 0;
  for (const n of numberKeys(model.text, model.lang)) {
    while (t < model.tokens.length && model.tokens[t].end <= n.start) t++;
    let first = true;
    for (let k = t; k < model.tokens.length && model.tokens[k].start < n.end; k++) {
      terms[k] = first ? vocab.id(`#${n.value}`) : -1;
      first = false;
    }
  }
  return { ...model, terms, bridged: true };
}
