/**
 * Quotes across versions: each quotation of the page, found in every version of the text, earliest first, with the
 * words that changed against the earliest wording and the person each version attributes it to. A quotation
 * travels with small changes — translation swaps a word, an edit drops one — so it is found by its words, not by
 * its place.
 */
import { wordDice } from '../text/overlap';
import { diffOps } from '../text/word-ops';
import { nameCandidates } from '../text/names';
import { topLevelQuotes } from '../text/quotes';
import { sentences, words } from '../text/segment';
import type { WordOp } from '../types';

/** A text the quotations are looked for in: the page or a stored version. */
export interface QuoteSourceText {
  id: string;
  isPage?: boolean;
  text: string;
  lang?: string;
  site?: string;
  title?: string;
  url?: string;
  /** Published, else first seen (ISO 8601). */
  date?: string;
}

export interface QuoteOccurrence {
  id: string;
  isPage: boolean;
  site?: string;
  title?: string;
  url?: string;
  date?: string;
  /** The quoted words in this text, and where they are. */
  text: string;
  start: number;
  end: number;
  /** Who the text says said it (the name nearest the quotation in its sentence), or null. */
  speaker: string | null;
  /** Word diff from the earliest occurrence's wording to this one ("del": the earliest's words, "ins": this one's). */
  ops: WordOp[];
  /** The wording differs from the earliest one. */
  changed: boolean;
}

export interface QuoteTrail {
  /** The quotation as the page has it. */
  page: { text: string; start: number; end: number; speaker: string | null };
  /** Every text holding it, earliest first; the page among them. */
  occurrences: QuoteOccurrence[];
}

const MIN_QUOTE_WORDS = 4;
/** Share of words (Dice, repeats counted) two quotations must share to be one quotation reworded. */
const SAME_QUOTE = 0.45;
export const MAX_QUOTES = 30;

interface Found {
  start: number;
  end: number;
  words: string[];
}

function quotationsOf(text: string): Found[] {
  return topLevelQuotes(text)
    .map((q) => ({ start: q.inner[0], end: q.inner[1], words: words(text.slice(q.inner[0], q.inner[1])).map((t) => t.norm) }))
    .filter((q) => q.words.length >= MIN_QUOTE_WORDS);
}

/** The name nearest the quotation in its sentence (outside the quotation), else in the sentence before. */
export function speakerOf(text: string, [start, end]: [number, number], lang?: string): string | null {
  const spans = sentences(text, lang);
  const k = spans.findIndex(([s, e]) => s <= start && start < e);
  const around = (i: number) => {
    const span = spans[i];
    if (!span) return [];
    const [s, e] = [Math.min(span[0], start), Math.max(span[1], end)];
    return nameCandidates(text.slice(s, e), lang)
      .map((n) => ({ ...n, start: n.start + s, end: n.end + s }))
      .filter((n) => n.end <= start || n.start >= end);
  };
  const distance = (n: { start: number; end: number }) => (n.end <= start ? start - n.end : n.start - end);
  // A quotation running over sentences ends in a later one: its speaker is often named after it.
  const lastSentence = spans.findIndex(([s, e]) => s < end && end <= e);
  for (const candidates of [[...around(k), ...(lastSentence !== k ? around(lastSentence) : [])], around(k - 1)]) {
    const nearest = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) return nearest.text;
  }
  return null;
}

function byDate(a: QuoteSourceText, b: QuoteSourceText): number {
  if (a.date && b.date) return a.date.localeCompare(b.date);
  return a.date ? -1 : b.date ? 1 : 0;
}

/** Each quotation of the page in every text that holds it, earliest first (the page's own place among them by date). */
export function quotesAcrossVersions(page: QuoteSourceText, versions: readonly QuoteSourceText[]): QuoteTrail[] {
  const texts = [{ ...page, isPage: true }, ...versions].sort(byDate);
  const quotations = new Map(texts.map((t) => [t, quotationsOf(t.text)]));
  return quotationsOf(page.text)
    .slice(0, MAX_QUOTES)
    .map((pq): QuoteTrail => {
      const found = texts.flatMap((t) => {
        if (t.isPage) return [{ t, q: pq }];
        let best: { q: Found; score: number } | null = null;
        for (const q of quotations.get(t)!) {
          const score = wordDice(pq.words, q.words);
          if (score >= SAME_QUOTE && (!best || score > best.score)) best = { q, score };
        }
        return best ? [{ t, q: best.q }] : [];
      });
      const earliest = found[0];
      const earliestText = earliest.t.text.slice(earliest.q.start, earliest.q.end);
      const occurrences = found.map(({ t, q }): QuoteOccurrence => {
        const text = t.text.slice(q.start, q.end);
        const ops = diffOps(earliestText, text);
        return {
          id: t.id,
          isPage: !!t.isPage,
          site: t.site,
          title: t.title,
          url: t.url,
          date: t.date,
          text,
          start: q.start,
          end: q.end,
          speaker: speakerOf(t.text, [q.start, q.end], t.lang),
          ops,
          changed: ops.some((op) => op.op !== 'equal' && /[\p{L}\p{N}]/u.test(op.text)),
        };
      });
      const pageOccurrence = occurrences.find((o) => o.isPage)!;
      return { page: { text: pageOccurrence.text, start: pq.start, end: pq.end, speaker: pageOccurrence.speaker }, occurrences };
    });
}
