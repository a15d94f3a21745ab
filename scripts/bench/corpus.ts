/**
 * The bench corpora, built deterministically from the Reuters-21578 stories: stored originals, perturbed copies
 * to reach sizes beyond the originals, and the queries with their truth. Pure: reading the file is in source.ts.
 */
import type { CorpusRecord, PageArticle } from '../../lib/types.ts';
import { perturbText, type Strength } from './perturb.ts';
import { mulberry32, randomInt, sample, seedOf } from './random.ts';

export interface SourceStory {
  id: string;
  title?: string;
  text: string;
  published?: string;
  site?: string;
  lang?: string;
}

/** Every HOLD_OUT_EVERY-th story is never stored: it is a query with no source in the corpus. */
export const HOLD_OUT_EVERY = 40;
/** Stories shorter than this are not used as queries: a ten-word earnings line has no story to recognise. */
export const MIN_QUERY_WORDS = 50;
const VOCABULARY_LIMIT = 300_000;
const DAY_MS = 86_400_000;

export interface CorpusPlan {
  /** Stored originals in file order; a story whose text repeats an earlier one is left out (the store would skip it). */
  originals: CorpusRecord[];
  heldOut: SourceStory[];
  repeatedTexts: number;
  /** Words of the stories, with repeats (frequent words are drawn more often). */
  vocabulary: string[];
}

export type QueryKind = 'edited' | 'rewritten' | 'no-source';
export const QUERY_KINDS: readonly QueryKind[] = ['edited', 'rewritten', 'no-source'];

export interface BenchQuery {
  kind: QueryKind;
  article: PageArticle;
  /** Id of the stored original of a planted copy; null for a story with no source in the corpus. */
  truth: string | null;
}

export interface BenchCorpus {
  size: number;
  records: CorpusRecord[];
  originals: number;
  copies: Record<Strength, number>;
  queries: BenchQuery[];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function planCorpus(stories: readonly SourceStory[]): CorpusPlan {
  const originals: CorpusRecord[] = [];
  const heldOut: SourceStory[] = [];
  const seenTexts = new Set<string>();
  let repeatedTexts = 0;
  const vocabulary: string[] = [];
  stories.forEach((story, index) => {
    if (vocabulary.length < VOCABULARY_LIMIT) {
      for (const word of story.text.split(/\s+/)) if (/^\p{L}{3,}$/u.test(word)) vocabulary.push(word.toLowerCase());
    }
    if ((index + 1) % HOLD_OUT_EVERY === 0) {
      heldOut.push(story);
      return;
    }
    const key = story.text.replace(/\s+/g, ' ').trim();
    if (seenTexts.has(key)) {
      repeatedTexts++;
      return;
    }
    seenTexts.add(key);
    originals.push(toRecord(story));
  });
  return { originals, heldOut, repeatedTexts, vocabulary };
}

function toRecord(story: SourceStory): CorpusRecord {
  const record: CorpusRecord = { id: story.id, text: story.text };
  if (story.title) record.title = story.title;
  if (story.published) record.published = story.published;
  if (story.site) record.site = story.site;
  if (story.lang) record.lang = story.lang;
  return record;
}

function laterDate(published: string | undefined, random: () => number): string | undefined {
  if (!published) return undefined;
  const time = Date.parse(published);
  if (Number.isNaN(time)) return undefined;
  return new Date(time + randomInt(random, 1, 30) * DAY_MS).toISOString().replace('.000Z', 'Z');
}

/** A perturbed copy of a stored original, as a record dated after it. */
export function copyOf(original: CorpusRecord, id: string, strength: Strength, vocabulary: readonly string[], seed: number): CorpusRecord {
  const random = mulberry32(seed);
  const copy: CorpusRecord = { ...original, id, text: perturbText(original.text, strength, vocabulary, random) };
  if (original.title && strength === 'rewritten') copy.title = perturbText(original.title, 'edited', vocabulary, random);
  const published = laterDate(original.published, random);
  if (published) copy.published = published;
  else delete copy.published;
  return copy;
}

/** Id of the original a bench record is a version of (itself for an original). */
export function storyOf(id: string): string {
  return /^bench-copy-\d+-(.+)$/.exec(id)?.[1] ?? id;
}

/** The stored records of a corpus of `size` articles, without its queries: what the bench's corpus cache keeps. */
export interface CorpusRecords {
  records: CorpusRecord[];
  originals: number;
  copies: Record<Strength, number>;
}

export function buildRecords(plan: CorpusPlan, size: number): CorpusRecords {
  const stored = plan.originals.slice(0, size);
  const records = [...stored];
  const copies: Record<Strength, number> = { edited: 0, rewritten: 0 };
  for (let n = 0; records.length < size; n++) {
    const original = stored[n % stored.length];
    const seed = seedOf('filler', n);
    const strength: Strength = mulberry32(seed)() < 0.5 ? 'edited' : 'rewritten';
    copies[strength]++;
    records.push(copyOf(original, `bench-copy-${n}-${original.id}`, strength, plan.vocabulary, seedOf('filler-text', n)));
  }
  return { records, originals: stored.length, copies };
}

/** A corpus from its records (built now or read from the cache) and its queries, which are cheap to build. */
export function withQueries(plan: CorpusPlan, size: number, built: CorpusRecords, queriesPerKind: number): BenchCorpus {
  const stored = plan.originals.slice(0, size);
  return { size, ...built, queries: buildQueries(plan, stored, size, queriesPerKind) };
}

export function buildCorpus(plan: CorpusPlan, size: number, queriesPerKind: number): BenchCorpus {
  return withQueries(plan, size, buildRecords(plan, size), queriesPerKind);
}

/** A query page as the reader's browser gives it: text, title and its publication date, as news pages carry. */
function asArticle(record: { text: string; title?: string; published?: string }): PageArticle {
  return {
    text: record.text,
    ...(record.title ? { title: record.title } : {}),
    ...(record.published ? { publishedTime: record.published } : {}),
  };
}

function buildQueries(plan: CorpusPlan, stored: readonly CorpusRecord[], size: number, perKind: number): BenchQuery[] {
  const eligible = stored.filter((record) => wordCount(record.text) >= MIN_QUERY_WORDS);
  const queries: BenchQuery[] = [];
  for (const strength of ['edited', 'rewritten'] as const) {
    for (const original of sample(eligible, perKind, mulberry32(seedOf('queries', size, strength)))) {
      // Query seeds come from their own stream: a query is never one of the stored fillers.
      const copy = copyOf(original, `query-${strength}-${original.id}`, strength, plan.vocabulary, seedOf('query-text', size, strength, original.id));
      queries.push({ kind: strength, article: asArticle(copy), truth: original.id });
    }
  }
  const unseen = plan.heldOut.filter((story) => wordCount(story.text) >= MIN_QUERY_WORDS);
  for (const story of sample(unseen, perKind, mulberry32(seedOf('queries', size, 'no-source')))) {
    queries.push({ kind: 'no-source', article: asArticle(story), truth: null });
  }
  return queries;
}

export function describeCorpus(corpus: BenchCorpus, plan: CorpusPlan): string {
  const copies = corpus.copies.edited + corpus.copies.rewritten;
  const counts = QUERY_KINDS.map((kind) => `${corpus.queries.filter((query) => query.kind === kind).length} ${kind}`).join(' + ');
  return (
    `${corpus.size.toLocaleString('en-US')} articles = ${corpus.originals.toLocaleString('en-US')} Reuters-21578 originals` +
    (copies > 0 ? ` + ${copies.toLocaleString('en-US')} perturbed copies (${corpus.copies.edited} edited, ${corpus.copies.rewritten} rewritten)` : '') +
    `; queries: ${counts} (copies of stored originals, never stored; no-source = held-out stories, 1 in ${HOLD_OUT_EVERY} of ${
      plan.originals.length + plan.heldOut.length + plan.repeatedTexts
    }, ${plan.repeatedTexts} repeated texts left out)`
  );
}
