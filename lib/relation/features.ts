/**
 * Measurements that relation and direction are decided on: how much of each
 * text the aligned passages cover, how much wording survived, what the two texts
 * share without long passages (names, numbers, dates, topic words), and traces
 * that machine translation or spinning leaves in a text.
 */
import type { Passage } from '../types';
import { analyse } from '../align/model';
import { dateKeys } from '../text/dates';
import { nameCandidates } from '../text/names';
import { numberKeys } from '../text/numbers';
import { words } from '../text/segment';
import { memoByText } from '../align/memo';

/** Share of `length` characters covered by the union of spans. */
export function coverage(spans: [number, number][], length: number): number {
  if (length <= 0) return 0;
  const sorted = spans.filter((s) => s[1] > s[0]).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = -1;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return Math.min(1, covered / length);
}

const TRIGRAM_LIMIT = 200_000;

function trigrams(text: string): string[] {
  // Word triples need only the words: guessing the language of every passage would cost more than the rest.
  const tokens = analyse(text.length > TRIGRAM_LIMIT ? text.slice(0, TRIGRAM_LIMIT) : text, 'und').tokens.map((t) => t.norm);
  const out: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  return out;
}

/** Share of the page passages' word trigrams found in the source passages: 1 for a verbatim copy. */
export function wordingKept(pageText: string, sourceText: string, passages: Passage[]): number {
  const pageGrams = passages.flatMap((p) => trigrams(pageText.slice(p.page[0], p.page[1])));
  if (pageGrams.length === 0) return 0;
  const sourceGrams = new Set(passages.flatMap((p) => trigrams(sourceText.slice(p.source[0], p.source[1]))));
  return pageGrams.filter((g) => sourceGrams.has(g)).length / pageGrams.length;
}

export interface SharedFacts {
  names: string[];
  /** Shared names over the names of the text that has fewer. */
  nameOverlap: number;
  numbers: number[];
  dates: string[];
  /** Cosine of content-word counts. */
  topic: number;
}

const FACT_TEXT_LIMIT = 60_000;

interface Facts {
  names: Set<string>;
  numbers: Set<number>;
  dates: Set<string>;
}

const factsOf = memoByText((text: string, lang: string | undefined): Facts => {
  const t = text.slice(0, FACT_TEXT_LIMIT);
  return {
    names: new Set(nameCandidates(t, lang).flatMap((n) => n.key.split(' ')).filter((k) => k.length >= 3)),
    numbers: new Set(numberKeys(t, lang).filter((n) => n.value >= 10 && !n.year).map((n) => n.value)),
    dates: new Set(dateKeys(t, lang).filter((d) => d.precision === 'day' || d.precision === 'year').map((d) => d.iso)),
  };
});

const termsOf = memoByText((text: string, lang: string | undefined) => termCounts(text.slice(0, FACT_TEXT_LIMIT), lang));

/** Cosine of the content words of two texts in one language (0 across languages). */
export function topicSimilarity(a: string, b: string, langA?: string, langB?: string): number {
  return langA && langB && langA !== langB ? 0 : topicCosine(termsOf(a, langA), termsOf(b, langB));
}

/** What two texts share without being copies: the facts of the same story. */
export function sharedFacts(a: string, b: string, langA?: string, langB?: string): SharedFacts {
  const fa = factsOf(a, langA);
  const fb = factsOf(b, langB);
  const names = [...fa.names].filter((k) => fb.names.has(k));
  return {
    names,
    nameOverlap: names.length / Math.max(1, Math.min(fa.names.size, fb.names.size)),
    numbers: [...fa.numbers].filter((v) => fb.numbers.has(v)),
    dates: [...fa.dates].filter((d) => fb.dates.has(d)),
    topic: topicSimilarity(a, b, langA, langB),
  };
}

/** Figures (values of 10 or more, years left out) the two texts share, and how many the one with fewer gives. */
export function sharedFigures(a: string, b: string, langA?: string, langB?: string): { shared: number; fewest: number } {
  const fa = factsOf(a, langA).numbers;
  const fb = factsOf(b, langB).numbers;
  let shared = 0;
  for (const value of fa) if (fb.has(value)) shared++;
  return { shared, fewest: Math.min(fa.size, fb.size) };
}

function termCounts(text: string, lang?: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyse(text, lang).termStrings) {
    if (term && !/^\p{N}+$/u.test(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

function topicCosine(ca: Map<string, number>, cb: Map<string, number>): number {
  let dot = 0;
  for (const [t, n] of ca) dot += n * (cb.get(t) ?? 0);
  const norm = (c: Map<string, number>) => Math.sqrt([...c.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(ca) * norm(cb);
  return d ? dot / d : 0;
}

export interface Artefacts {
  /** Common words capitalised mid-sentence where the other version writes them in lower case ("The Wall Reports of the…"). */
  capitalisedWords: string[];
  /** Quote marks facing the wrong way or stranded before punctuation (“… Iran “.). */
  strayQuotes: number;
  /** A sentence break inside a phrase ("the take. control of"). */
  brokenSentences: number;
}

// Dotted abbreviations and initials, after which a lower-case word is normal.
const ABBREVIATION_BEFORE = /(?:\b\p{L}\.|\b(?:[A-Z]\.){2,}|\b(?:e\.g|i\.e|etc|vs|approx|ca|no|nos|st|mr|mrs|ms|dr|gen|sen|rep|gov|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.)$/iu;

/** Traces of machine translation in `text`, judged against the other version of it. */
export function artefacts(text: string, other: string): Artefacts {
  const otherLower = new Set(words(other).filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => t.norm));
  const otherCapitalised = new Set(words(other).filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.norm));
  const capitalisedWords: string[] = [];
  const tokens = words(text);
  tokens.forEach((t, i) => {
    if (i === 0 || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return;
    const gap = text.slice(tokens[i - 1].end, t.start);
    if (/[.!?:;"“”«»\n]/.test(gap)) return;
    if (otherLower.has(t.norm) && !otherCapitalised.has(t.norm) && /^\p{Lu}/u.test(tokens[i - 1].text)) capitalisedWords.push(t.text);
  });
  let strayQuotes = 0;
  for (const m of text.matchAll(/(?:\s[“„«]\s*[.,;:!?]|\s“\s*$|\p{L}[,.]?”\p{L})/gmu)) if (m) strayQuotes++;
  let brokenSentences = 0;
  for (const m of text.matchAll(/(\S+)\.\s+(\p{Ll}+)\s+(?:of|the|to|and|in|for)\b/gu)) {
    if (!ABBREVIATION_BEFORE.test(`${m[1]}.`)) brokenSentences++;
  }
  return { capitalisedWords, strayQuotes, brokenSentences };
}
