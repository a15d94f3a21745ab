/**
 * Counterparts of a passage in texts that did not copy it: independent reports of
 * one story state the same fact in their own words, so the sentence reporting it
 * shares the passage's names (spelled or transliterated differently), numbers (as
 * values: "about 100" / "around one hundred") and some content words.
 */
import { alignmentStopwords } from '../text/stopwords';
import { alignmentTerm } from '../text/terms';
import { nameKey } from '../text/names';
import { numberKeys } from '../text/numbers';
import { sentences, words } from '../text/segment';

export interface CounterpartText {
  text: string;
  lang?: string;
}

export interface Counterpart {
  /** [start, end) of the counterpart sentence(s) in the text. */
  start: number;
  end: number;
  /** Weighted share of the passage's keys found in the counterpart, 0..1. */
  score: number;
  /** Shared names and numbers, as keys. */
  facts: string[];
}

export interface CounterpartOptions {
  lang?: string;
  /** Share of the passage's weighted keys a counterpart needs. */
  minScore?: number;
  /** Shared names or numbers a counterpart needs. */
  minFacts?: number;
  /** Characters of each text searched. */
  maxChars?: number;
}

const DEFAULTS = { minScore: 0.25, minFacts: 2, maxChars: 200_000 };
// Names and numbers identify a fact; content words only support it.
const FACT_WEIGHT = 2;
// Two neighbouring sentences replace one only when they explain clearly more of the passage.
const PAIR_GAIN = 1.5;
const MIN_NAME_LENGTH = 3;

type Keyed = { start: number; end: number; keys: Set<string> };

const isFact = (key: string) => key[0] === 'n' || key[0] === '#';

/** Keys of a text's sentences: "n:" name keys, "#" number values, "t:" content terms. */
function sentenceKeys(text: string, lang?: string): Keyed[] {
  const stop = alignmentStopwords(lang);
  const spans = sentences(text, lang);
  const out: Keyed[] = spans.map(([start, end]) => ({ start, end, keys: new Set<string>() }));
  let k = 0;
  const at = (offset: number) => {
    while (k < out.length - 1 && out[k].end <= offset) k++;
    return out[k];
  };
  for (const token of words(text, lang)) {
    const unit = at(token.start);
    if (!unit) break;
    const key = tokenKey(token.text, token.norm, stop);
    if (key) unit.keys.add(key);
  }
  k = 0;
  for (const n of numberKeys(text, lang)) {
    const unit = at(n.start);
    if (!unit) break;
    if (!n.year) unit.keys.add(`#${n.value}`);
  }
  return out;
}

function tokenKey(raw: string, norm: string, stop: Set<string>): string | null {
  if (/^\p{N}/u.test(raw) || stop.has(norm)) return null;
  if (/^\p{Lu}/u.test(raw) && raw.length >= MIN_NAME_LENGTH) return `n:${nameKey(raw)}`;
  const term = alignmentTerm(norm, stop);
  return term ? `t:${term}` : null;
}

/** For each text, its sentence (or two) that reports what the passage reports, or null. */
export function findCounterparts(passage: string, texts: CounterpartText[], options: CounterpartOptions = {}): (Counterpart | null)[] {
  const o: typeof DEFAULTS & CounterpartOptions = { ...DEFAULTS, ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as CounterpartOptions) };
  const wanted = new Set<string>();
  for (const unit of sentenceKeys(passage, o.lang)) for (const key of unit.keys) wanted.add(key);
  if ([...wanted].filter(isFact).length < o.minFacts) return texts.map(() => null);
  const keyed = texts.map((t) => sentenceKeys(t.text.slice(0, o.maxChars), t.lang ?? o.lang));
  const weight = keyWeights(wanted, keyed);
  const total = [...wanted].reduce((n, key) => n + weight.get(key)!, 0);
  return keyed.map((units) => bestWindow(units, wanted, weight, total, o));
}

/** Keys found in many sentences ("Taliban" in a story about the Taliban) say little about which sentence it is. */
function keyWeights(wanted: Set<string>, keyed: Keyed[][]): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const units of keyed) {
    for (const unit of units) {
      n++;
      for (const key of unit.keys) if (wanted.has(key)) df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  const weight = new Map<string, number>();
  for (const key of wanted) weight.set(key, Math.log(1 + n / (1 + (df.get(key) ?? 0))) * (isFact(key) ? FACT_WEIGHT : 1));
  return weight;
}

function bestWindow(units: Keyed[], wanted: Set<string>, weight: Map<string, number>, total: number, o: typeof DEFAULTS): Counterpart | null {
  const windowOf = (first: number, last: number): Counterpart => {
    const shared = new Set<string>();
    for (let k = first; k <= last; k++) for (const key of units[k].keys) if (wanted.has(key)) shared.add(key);
    const score = [...shared].reduce((n, key) => n + weight.get(key)!, 0) / total;
    return { start: units[first].start, end: units[last].end, score, facts: [...shared].filter(isFact) };
  };
  let best: Counterpart | null = null;
  for (let k = 0; k < units.length; k++) {
    const single = windowOf(k, k);
    if (!best || single.score > best.score) best = single;
  }
  const bestSingle = best?.score ?? 0;
  for (let k = 0; k + 1 < units.length; k++) {
    const pair = windowOf(k, k + 1);
    if (pair.score > best!.score && pair.score > bestSingle * PAIR_GAIN) best = pair;
  }
  return best && best.score >= o.minScore && best.facts.length >= o.minFacts ? best : null;
}
