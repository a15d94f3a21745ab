/**
 * The same-outlet evaluation set, built deterministically from one wire service's archive (Reuters-21578): the
 * stories a reader's corpus would hold, and three kinds of page checked against them.
 *
 * - "held-out": a story of the same outlet that is not stored. It copies nothing, yet shares the outlet's stock
 *   phrases, template notices and background paragraphs with stored stories; a stored refiling of it is a real
 *   version, judged apart by how much text the two share.
 * - "pasted": a held-out story with one sentence of a stored story pasted into it. The stored story is not its
 *   original and not a copy of it: they share a passage.
 * - "syndicated": a stored story republished a day later with a new headline, its last paragraphs cut and two
 *   words changed. Its original is the stored story (or an earlier stored version of the same text). In a share
 *   of them the original itself borrowed a paragraph from an older stored story (planted, dated a week before):
 *   that older story is never the original.
 *
 * - "rewritten": a stored story reworded throughout as the benchmark rewrites it (scripts/bench/perturb.ts: a quarter
 *   of the words replaced, runs shuffled, sentences dropped and swapped, figures changed), a few days later. Its
 *   original is the stored story: heavy rewrites are where a copy is hardest to tell from a story on the same subject.
 *
 * Pure: reading the file is the caller's business.
 */
import type { CorpusRecord, PageArticle } from '../../lib/types.ts';
import { paragraphsOf, sentencesOf } from '../bench/perturb.ts';
import { mulberry32, randomInt, sample, seedOf } from '../bench/random.ts';
import { copyOf, type SourceStory } from '../bench/corpus.ts';

export type OutletQueryKind = 'held-out' | 'pasted' | 'syndicated' | 'rewritten';
export const OUTLET_QUERY_KINDS: readonly OutletQueryKind[] = ['held-out', 'pasted', 'syndicated', 'rewritten'];

export interface OutletQuery {
  kind: OutletQueryKind;
  id: string;
  article: PageArticle;
  /** syndicated: the stored story it republishes; pasted: the stored story the sentence came from. */
  source?: string;
  /** pasted: the pasted sentence. */
  pasted?: string;
  /** syndicated: an older stored story that shares a paragraph with the source (planted), never the original. */
  borrowedFrom?: string;
}

export interface OutletSet {
  records: CorpusRecord[];
  queries: OutletQuery[];
}

export interface OutletSetOptions {
  /** Queries of each kind. */
  perKind: number;
  /** One story in this many is held out (never stored). */
  holdOutEvery: number;
  /** Share of syndicated queries whose source borrowed a paragraph from an older stored story. */
  borrowedShare: number;
  seed: number;
}

export const DEFAULT_OUTLET_OPTIONS: OutletSetOptions = { perKind: 150, holdOutEvery: 20, borrowedShare: 0.3, seed: 1 };

const MIN_WORDS = 50;
const DAY_MS = 86_400_000;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function shifted(published: string | undefined, days: number): string | undefined {
  const time = Date.parse(published ?? '');
  return Number.isNaN(time) ? undefined : new Date(time + days * DAY_MS).toISOString().replace('.000Z', 'Z');
}

function asRecord(story: SourceStory): CorpusRecord {
  const record: CorpusRecord = { id: story.id, text: story.text };
  if (story.title) record.title = story.title;
  if (story.published) record.published = story.published;
  record.site = story.site ?? 'Reuters';
  record.lang = story.lang ?? 'en';
  return record;
}

function asPage(text: string, title: string | undefined, published: string | undefined, site: string): PageArticle {
  return { text, ...(title ? { title } : {}), ...(published ? { publishedTime: published } : {}), siteName: site, lang: 'en' };
}

/** Paragraphs joined the way the stories write them. */
function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** A new headline: the wire's capitals become a sentence-case headline with a word swapped for another's. */
function newHeadline(title: string | undefined, random: () => number): string {
  const words = (title ?? 'Report').toLowerCase().split(/\s+/).filter(Boolean);
  const lead = words.slice(0, Math.max(2, words.length - randomInt(random, 0, 2)));
  const headline = lead.join(' ');
  return headline.charAt(0).toUpperCase() + headline.slice(1) + (random() < 0.5 ? ', sources say' : ' - update');
}

/** Two content words (four letters or more, not the first word of a sentence) changed for other words of the archive. */
function changeTwoWords(text: string, vocabulary: readonly string[], random: () => number): string {
  const tokens = text.split(/(\s+)/);
  const eligible = tokens.map((t, i) => (i > 2 && /^[a-z]{4,}[,.]?$/.test(t) ? i : -1)).filter((i) => i >= 0);
  for (const i of sample(eligible, 2, random)) {
    const [, word, punctuation] = /^([a-z]+)([,.]?)$/.exec(tokens[i]) ?? [];
    if (!word) continue;
    let other = word;
    for (let tries = 0; tries < 10 && other === word; tries++) other = vocabulary[Math.floor(random() * vocabulary.length)];
    tokens[i] = other + punctuation;
  }
  return tokens.join('');
}

function syndicatedCopy(source: CorpusRecord, vocabulary: readonly string[], random: () => number): string {
  const paragraphs = paragraphsOf(source.text);
  // The last paragraphs are cut: a third of them, at least one when there are three or more.
  const keep = paragraphs.length >= 3 ? Math.max(2, paragraphs.length - Math.max(1, Math.round(paragraphs.length / 3))) : paragraphs.length;
  return changeTwoWords(joinParagraphs(paragraphs.slice(0, keep)), vocabulary, random);
}

function withPastedSentence(story: SourceStory, sentence: string, random: () => number): string {
  const paragraphs = paragraphsOf(story.text);
  const at = randomInt(random, 1, Math.max(1, paragraphs.length - 1));
  return joinParagraphs([...paragraphs.slice(0, at), sentence, ...paragraphs.slice(at)]);
}

/** A sentence worth pasting: a whole sentence of twelve words or more from the middle of a story. */
function pastableSentence(record: CorpusRecord, random: () => number): string | null {
  const sentences = paragraphsOf(record.text)
    .flatMap(sentencesOf)
    .filter((s) => wordCount(s) >= 12 && /[.!?]["')]?$/.test(s));
  return sentences.length ? sentences[Math.floor(random() * sentences.length)] : null;
}

export function buildOutletSet(stories: readonly SourceStory[], options: OutletSetOptions = DEFAULT_OUTLET_OPTIONS): OutletSet {
  const heldOut: SourceStory[] = [];
  const stored: CorpusRecord[] = [];
  const seenTexts = new Set<string>();
  const vocabulary: string[] = [];
  stories.forEach((story, index) => {
    if (vocabulary.length < 200_000) for (const w of story.text.split(/\s+/)) if (/^[a-z]{4,}$/.test(w)) vocabulary.push(w);
    if ((index + 1) % options.holdOutEvery === 0) {
      heldOut.push(story);
      return;
    }
    const key = story.text.replace(/\s+/g, ' ').trim();
    if (seenTexts.has(key)) return;
    seenTexts.add(key);
    stored.push(asRecord(story));
  });
  const longHeldOut = heldOut.filter((s) => wordCount(s.text) >= MIN_WORDS);
  const longStored = stored.filter((r) => wordCount(r.text) >= MIN_WORDS && paragraphsOf(r.text).length >= 3);
  const queries: OutletQuery[] = [];

  for (const story of sample(longHeldOut, options.perKind, mulberry32(seedOf('held-out', options.seed)))) {
    queries.push({ kind: 'held-out', id: `held-out-${story.id}`, article: asPage(story.text, story.title, story.published, 'Reuters') });
  }

  const pasteRandom = mulberry32(seedOf('pasted', options.seed));
  for (const story of sample(longHeldOut, options.perKind, pasteRandom)) {
    let donor: CorpusRecord | undefined;
    let sentence: string | null = null;
    for (let tries = 0; tries < 20 && !sentence; tries++) {
      donor = longStored[Math.floor(pasteRandom() * longStored.length)];
      sentence = pastableSentence(donor, pasteRandom);
    }
    if (!donor || !sentence) continue;
    const text = withPastedSentence(story, sentence, pasteRandom);
    queries.push({ kind: 'pasted', id: `pasted-${story.id}`, article: asPage(text, story.title, story.published, 'Reuters'), source: donor.id, pasted: sentence });
  }

  const syndicatedRandom = mulberry32(seedOf('syndicated', options.seed));
  const sources = sample(longStored, options.perKind, syndicatedRandom);
  const borrowing = new Set(sample(sources, Math.round(options.borrowedShare * sources.length), syndicatedRandom).map((r) => r.id));
  const planted: CorpusRecord[] = [];
  for (const source of sources) {
    let borrowedFrom: string | undefined;
    if (borrowing.has(source.id)) {
      // An older story that carried one paragraph of the source as background; the source "borrowed" it.
      const host = longStored[Math.floor(syndicatedRandom() * longStored.length)];
      const paragraph = paragraphsOf(source.text)[0];
      if (host.id !== source.id && paragraph) {
        borrowedFrom = `older-${source.id}`;
        planted.push({ ...host, id: borrowedFrom, text: joinParagraphs([...paragraphsOf(host.text), paragraph]), published: shifted(source.published, -7) ?? host.published });
      }
    }
    const text = syndicatedCopy(source, vocabulary, syndicatedRandom);
    const article = asPage(text, newHeadline(source.title, syndicatedRandom), shifted(source.published, 1), 'Wire Digest');
    queries.push({ kind: 'syndicated', id: `syndicated-${source.id}`, article, source: source.id, ...(borrowedFrom ? { borrowedFrom } : {}) });
  }
  const rewriteRandom = mulberry32(seedOf('rewritten', options.seed));
  for (const source of sample(longStored, options.perKind, rewriteRandom)) {
    const copy = copyOf(source, `rewritten-${source.id}`, 'rewritten', vocabulary, seedOf('rewritten-text', options.seed, source.id));
    queries.push({ kind: 'rewritten', id: copy.id, article: asPage(copy.text, copy.title, copy.published, 'Wire Digest'), source: source.id });
  }
  // Stored in date order, as a reader's corpus fills: the planted older stories take their place by date.
  const records = [...stored, ...planted].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  return { records, queries };
}
