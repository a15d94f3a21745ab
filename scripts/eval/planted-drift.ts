/**
 * The planted-drift set: copies of Reuters-21578 stories with known meaning changes planted in them, and
 * meaning-preserving edits beside them. Pure and seeded: the same stories and seed give the same set.
 *
 * Each copy is the story a day later with three meaning changes of three different kinds (dropped sentence, added
 * sentence, negation, tense or modality, a person's or organisation's name, a word inside a quotation, a number),
 * each in its own sentence, and two meaning-preserving edits in other sentences ("mln" → "million", "did not" →
 * "didn't", "bought" → "purchased"). Every planted edit is recorded with its span in the copy and in the original.
 */
import type { CorpusRecord, PageArticle } from '../../lib/types';
import type { SourceStory } from '../bench/corpus';
import { paragraphsOf } from '../bench/perturb';
import { mulberry32, randomInt, sample, seedOf } from '../bench/random';

export const PLANTED_KINDS = ['dropped', 'added', 'negation', 'tense', 'name', 'quote', 'number'] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

export interface PlantedEdit {
  kind: PlantedKind | 'preserving';
  /** What was done, for a person reading the details ("“will” → “may”"). */
  what: string;
  /** [start, end) of the changed words in the copy (empty for a dropped sentence) and in the original. */
  page: [number, number];
  source: [number, number];
  /** The whole sentence the edit is in, in the copy and in the original (null on the side it is missing from). */
  pageSentence: [number, number] | null;
  sourceSentence: [number, number] | null;
}

export interface PlantedCopy {
  id: string;
  original: string;
  article: PageArticle;
  edits: PlantedEdit[];
}

export interface PlantedSet {
  /** Originals and the other stories stored with them. */
  records: CorpusRecord[];
  copies: PlantedCopy[];
}

export interface PlantedSetOptions {
  copies: number;
  /** Other stories stored beside the originals, so retrieval has something to choose from. */
  others: number;
  seed: number;
}

export const DEFAULT_PLANTED_OPTIONS: PlantedSetOptions = { copies: 200, others: 4000, seed: 14 };

const MEANING_EDITS_PER_COPY = 3;
const PRESERVING_EDITS_PER_COPY = 2;
const MIN_WORDS = 150;
const MIN_SENTENCES = 8;
const DAY_MS = 86_400_000;

/** One sentence of a copy in the making: its text now, and the edit made to it. */
interface Sentence {
  text: string;
  original: string | null;
  /** Part of a quotation that opened in an earlier sentence. */
  inQuotation?: boolean;
  edit?: { kind: PlantedKind | 'preserving'; what: string; at: [number, number]; sourceAt: [number, number] };
}

type Random = () => number;

// ------------------------------------------------------------------ meaning changes

const NEGATABLE = /\b(is|are|was|were|will|would|can|could|should|has|have|had|may|might|must|does|did)( )(?!not\b|n't)([a-z]{3,})/;
const NEGATED = /\b(is|are|was|were|will|would|can|could|should|has|have|had|does|did) not\b/;

function plantNegation(s: string): Sentence['edit'] & { text: string } | null {
  const negated = NEGATED.exec(s);
  if (negated) {
    const start = negated.index;
    const text = s.slice(0, start) + negated[1] + s.slice(start + negated[0].length);
    return { kind: 'negation', what: `“${negated[0]}” → “${negated[1]}”`, text, at: [start, start + negated[1].length], sourceAt: [start, start + negated[0].length] };
  }
  const m = NEGATABLE.exec(s);
  if (!m) return null;
  const insertAt = m.index + m[1].length;
  const text = `${s.slice(0, insertAt)} not${s.slice(insertAt)}`;
  return { kind: 'negation', what: `“${m[1]} ${m[3]}” → “${m[1]} not ${m[3]}”`, text, at: [m.index, insertAt + 4 + 1 + m[3].length], sourceAt: [m.index, insertAt + 1 + m[3].length] };
}

// Each auxiliary becomes one of another tense or modality class.
const TENSE_SWAPS: Record<string, string[]> = {
  will: ['may', 'might', 'could', 'would'],
  would: ['will'],
  may: ['will'],
  might: ['will'],
  could: ['will'],
  should: ['will'],
  must: ['may'],
  can: ['will', 'may'],
  is: ['was'],
  are: ['were'],
  has: ['had'],
  have: ['had'],
};
const TENSE_AUX = /\b(will|would|may|might|could|should|must|can|is|are|has|have)( )(?!not\b)([a-z]{3,})/;

function plantTense(s: string, random: Random): Sentence['edit'] & { text: string } | null {
  const m = TENSE_AUX.exec(s);
  if (!m) return null;
  const choices = TENSE_SWAPS[m[1]];
  const to = choices[randomInt(random, 0, choices.length - 1)];
  const text = s.slice(0, m.index) + to + s.slice(m.index + m[1].length);
  const verbEnd = (shift: number) => m.index + shift + 1 + m[3].length;
  return { kind: 'tense', what: `“${m[1]} ${m[3]}” → “${to} ${m[3]}”`, text, at: [m.index, verbEnd(to.length)], sourceAt: [m.index, verbEnd(m[1].length)] };
}

const NOT_NAMES = new Set(
  'The This That These Those There Here He She It They We In On At For From With But And Or If When While After Before Since As By Of To A An Its His Her Their Our Mr Mrs Ms Dr January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Reuters U.S. UK EC'.split(' '),
);
/** A capitalised word inside the sentence (not its first word), four letters or more, not an acronym. */
const NAME_WORD = /(?<=[a-z,] )([A-Z][a-z]{3,})\b/g;

function nameWords(s: string): RegExpExecArray[] {
  return [...s.matchAll(NAME_WORD)].filter((m) => !NOT_NAMES.has(m[1]));
}

/** A one-letter change a reader could miss: a doubled letter written once, or a vowel swapped. */
function respell(name: string, random: Random): string {
  const doubled = /([a-z])\1/.exec(name);
  if (doubled && random() < 0.5) return name.slice(0, doubled.index) + name.slice(doubled.index + 1);
  const vowels = [...name.slice(1)].map((c, i) => ({ c, i: i + 1 })).filter(({ c }) => /[aeiou]/.test(c));
  if (vowels.length === 0) return `${name}s`;
  const { c, i } = vowels[randomInt(random, 0, vowels.length - 1)];
  const others = 'aeiou'.replace(c, '');
  return name.slice(0, i) + others[randomInt(random, 0, others.length - 1)] + name.slice(i + 1);
}

function plantName(s: string, random: Random, otherNames: readonly string[]): Sentence['edit'] & { text: string } | null {
  const found = nameWords(s);
  if (found.length === 0) return null;
  const m = found[randomInt(random, 0, found.length - 1)];
  const name = m[1];
  let to = random() < 0.5 ? respell(name, random) : otherNames[randomInt(random, 0, otherNames.length - 1)];
  if (!to || to === name) to = respell(name, random);
  const text = s.slice(0, m.index) + to + s.slice(m.index + name.length);
  return { kind: 'name', what: `“${name}” → “${to}”`, text, at: [m.index, m.index + to.length], sourceAt: [m.index, m.index + name.length] };
}

const QUOTED_WORD = /\b[a-z]{4,}\b/g;
const MIN_QUOTE_CHARS = 15;

/**
 * The first quotation of the sentence of some length, its marks paired from the start: [index of the mark, inner].
 * Straight marks as the wire writes them; typographic ones (“…”) as web pages do.
 */
function quotation(s: string): { index: number; inner: string } | null {
  const marks = [...s.matchAll(/"/g)].map((m) => m.index);
  if (marks.length % 2 !== 0) return null;
  for (let k = 0; k < marks.length; k += 2) {
    const inner = s.slice(marks[k] + 1, marks[k + 1]);
    if (inner.length >= MIN_QUOTE_CHARS) return { index: marks[k], inner };
  }
  for (const m of s.matchAll(/“([^“”]+)”/g)) if (m[1].length >= MIN_QUOTE_CHARS) return { index: m.index, inner: m[1] };
  return null;
}

/** A sentence holding a quotation mark of either kind. */
function hasQuoteMark(s: string): boolean {
  return /["“”]/.test(s);
}

function plantQuote(s: string, random: Random, vocabulary: readonly string[]): Sentence['edit'] & { text: string } | null {
  const q = quotation(s);
  if (!q) return null;
  const inner = q.inner;
  const candidates = [...inner.matchAll(QUOTED_WORD)].filter((w) => !/^(that|this|with|have|will|would|from|were|been|they|there|their|said)$/.test(w[0]));
  if (candidates.length === 0) return null;
  const w = candidates[randomInt(random, 0, candidates.length - 1)];
  let to = vocabulary[randomInt(random, 0, vocabulary.length - 1)];
  if (to === w[0]) to = `${to}s`;
  const at = q.index + 1 + w.index!;
  const text = s.slice(0, at) + to + s.slice(at + w[0].length);
  const innerStart = q.index + 1;
  return { kind: 'quote', what: `“${w[0]}” → “${to}” in a quotation`, text, at: [innerStart, innerStart + inner.length - w[0].length + to.length], sourceAt: [innerStart, innerStart + inner.length] };
}

/** A figure: not a year, not a day of the month. */
const NUMBER = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]*\d)/g;
const MONTHS = /(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? $/;

function plantNumber(s: string, random: Random): Sentence['edit'] & { text: string } | null {
  const found = [...s.matchAll(NUMBER)].filter(
    (m) => !/^(19|20)\d\d$/.test(m[1]) && !MONTHS.test(s.slice(Math.max(0, m.index - 12), m.index)) && !/^\s*(?:GMT|EST|EDT|BST|hrs|a\.m|p\.m)/.test(s.slice(m.index + m[0].length)),
  );
  if (found.length === 0) return null;
  const m = found[randomInt(random, 0, found.length - 1)];
  const digits = m[1];
  const value = Number(digits.replace(/,/g, ''));
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  let changed = Number((value * (0.4 + random() * 1.2 + (random() < 0.5 ? 0 : 0.3))).toFixed(decimals));
  if (changed === value || changed === 0) changed = value + randomInt(random, 1, 9) * 10 ** -decimals;
  let to = changed.toFixed(decimals);
  if (digits.includes(',')) to = Number(to).toLocaleString('en-US');
  const text = s.slice(0, m.index) + to + s.slice(m.index + digits.length);
  return { kind: 'number', what: `“${digits}” → “${to}”`, text, at: [m.index, m.index + to.length], sourceAt: [m.index, m.index + digits.length] };
}

// ------------------------------------------------------------------ meaning-preserving edits

const PRESERVING: [RegExp, string][] = [
  [/\bmln\b/, 'million'],
  [/\bbillion\b/, 'bln'],
  [/\bpct\b/, 'percent'],
  [/\bdid not\b/, "didn't"],
  [/\bdoes not\b/, "doesn't"],
  [/\bis not\b/, "isn't"],
  [/\bwould not\b/, "wouldn't"],
  [/\bbought\b/, 'purchased'],
  [/\bbuy\b/, 'purchase'],
  [/\bbig\b/, 'large'],
  [/\bbegan\b/, 'started'],
  [/\bexpected\b/, 'anticipated'],
  [/\bhelp\b/, 'assist'],
  [/\bcompany\b/, 'firm'],
  [/\bsaid\b/, 'stated'],
  [/\babout\b/, 'around'],
  [/\balso\b/, 'as well'],
];

function plantPreserving(s: string): Sentence['edit'] & { text: string } | null {
  for (const [pattern, to] of PRESERVING) {
    const m = pattern.exec(s);
    if (!m) continue;
    const text = s.slice(0, m.index) + to + s.slice(m.index + m[0].length);
    return { kind: 'preserving', what: `“${m[0]}” → “${to}”`, text, at: [m.index, m.index + to.length], sourceAt: [m.index, m.index + m[0].length] };
  }
  return null;
}

// ------------------------------------------------------------------ the set

const SENTENCE_BREAK = /(?<=[.!?]["')]?)\s+(?=["'(A-Z0-9])/g;
// "E.F. Hutton", "Lewis J. Smith", "H.K. Dlrs", "Corp. said": a stop that ends an initial or an abbreviation.
const NOT_AN_END = /(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|No|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gen|Sen|Rep|Gov)\.)$/;

/** Sentences of one paragraph, as a reader would split them; joined with single spaces they give the paragraph back. */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(SENTENCE_BREAK)) {
    if (NOT_AN_END.test(paragraph.slice(start, m.index))) continue;
    out.push(paragraph.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(paragraph.slice(start));
  return out.filter((sentence) => sentence.length > 0);
}

function wordsIn(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function eligible(story: SourceStory): boolean {
  const paragraphs = paragraphsOf(story.text);
  // A page carries its date; the original is told from later copies by it.
  return !!story.published && wordsIn(story.text) >= MIN_WORDS && paragraphs.flatMap(sentencesOf).length >= MIN_SENTENCES;
}

export function buildPlantedSet(stories: readonly SourceStory[], options: PlantedSetOptions = DEFAULT_PLANTED_OPTIONS): PlantedSet {
  const random = mulberry32(seedOf('planted-drift', options.seed));
  // A text repeated in the archive (refilings) has more than one original: such stories are left out.
  const seen = new Set<string>();
  const unique = stories.filter((s) => {
    const key = s.text.replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pool = unique.filter(eligible);
  const originals = sample(pool, Math.min(options.copies, pool.length), random);
  const chosen = new Set(originals.map((s) => s.id));
  const others = sample(unique.filter((s) => !chosen.has(s.id)), Math.min(options.others, unique.length - chosen.size), random);
  const vocabulary = [...new Set(others.slice(0, 300).flatMap((s) => s.text.match(/\b[a-z]{5,}\b/g) ?? []))];
  const otherNames = namesIn(others.slice(0, 300).map((s) => s.text));
  const addable = others.flatMap((s) => paragraphsOf(s.text).flatMap(sentencesOf)).filter((s) => wordsIn(s) >= 8 && wordsIn(s) <= 40 && !s.includes('"'));
  const counts = new Map<PlantedKind, number>(PLANTED_KINDS.map((k) => [k, 0]));
  const records: CorpusRecord[] = [...originals, ...others].map((s) => toRecord(s));
  const copies = originals.map((story, n) => plantCopy(story, `planted-${n}`, { random, vocabulary, otherNames, addable, counts }));
  return { records, copies };
}

/**
 * A copy of `story` with one change of each kind asked for, where its sentences allow one, and no other edit: the
 * quietly edited version a reader meets at another address. Its article is the assembled text; the caller gives it
 * its address, site and date.
 */
export function plantChosenKinds(story: SourceStory, id: string, kinds: readonly Exclude<PlantedKind, 'added'>[], words: { vocabulary: readonly string[]; otherNames: readonly string[] }, seed: number): PlantedCopy {
  const planting: Planting = { random: mulberry32(seedOf(`chosen-kinds:${story.id}`, seed)), ...words, addable: [], counts: new Map() };
  const paragraphs = sentencesByParagraph(story);
  for (const kind of kinds) plantKind(kind, paragraphs, paragraphs.flat(), planting);
  return assemble(story, id, paragraphs);
}

/** Capitalised words that read as names in `texts`, for a name change to pick from. */
export function namesIn(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap((t) => nameWords(t.replace(/\s+/g, ' ')).map((m) => m[1])))];
}

/** Stored as the copy would see it: one paragraph a line pair, the wire's hard line breaks reflowed. */
export function toRecord(story: SourceStory): CorpusRecord {
  return { id: story.id, title: story.title, published: story.published, site: story.site ?? 'Reuters', lang: story.lang ?? 'en', text: paragraphsOf(story.text).join('\n\n') };
}

interface Planting {
  random: Random;
  vocabulary: readonly string[];
  otherNames: readonly string[];
  addable: readonly string[];
  counts: Map<PlantedKind, number>;
}

/** A sentence inside a quotation that runs over several sentences: more marks opened than closed before it in its paragraph. */
function quoted(paragraph: Sentence[], k: number): boolean {
  const before = paragraph.slice(0, k).map((s) => s.text).join(' ');
  const count = (mark: RegExp) => before.match(mark)?.length ?? 0;
  return count(/"/g) % 2 === 1 || count(/“/g) > count(/”/g);
}

/** The story's sentences, paragraph by paragraph, each as yet unchanged and knowing whether a quotation holds it. */
function sentencesByParagraph(story: SourceStory): Sentence[][] {
  return paragraphsOf(story.text).map((para) => sentencesOf(para).map((text, k, all) => ({ text, original: text, inQuotation: quoted(all.map((t) => ({ text: t, original: t })), k) })));
}

function plantCopy(story: SourceStory, id: string, p: Planting): PlantedCopy {
  const paragraphs = sentencesByParagraph(story);
  const all = paragraphs.flat();
  // The rarest kinds so far first, so every kind ends up planted about equally often.
  const kinds = [...PLANTED_KINDS].sort((a, b) => p.counts.get(a)! - p.counts.get(b)! || p.random() - 0.5);
  let planted = 0;
  for (const kind of kinds) {
    if (planted === MEANING_EDITS_PER_COPY) break;
    if (plantKind(kind, paragraphs, all, p)) {
      planted++;
      p.counts.set(kind, p.counts.get(kind)! + 1);
    }
  }
  let preserved = 0;
  for (const s of sample(all, all.length, p.random)) {
    if (preserved === PRESERVING_EDITS_PER_COPY) break;
    // Any changed word inside a quotation misquotes someone: meaning-preserving edits stay outside quotations.
    if (s.edit || s.original === null || s.text === '' || hasQuoteMark(s.text) || s.inQuotation) continue;
    const edit = plantPreserving(s.text);
    if (!edit) continue;
    s.text = edit.text;
    s.edit = edit;
    preserved++;
  }
  return assemble(story, id, paragraphs);
}

function plantKind(kind: PlantedKind, paragraphs: Sentence[][], all: Sentence[], p: Planting): boolean {
  const free = sample(all.filter((s) => !s.edit && s.original !== null), all.length, p.random);
  if (kind === 'added') {
    const after = free[0];
    if (!after) return false;
    const para = paragraphs.find((ps) => ps.includes(after))!;
    const text = p.addable[randomInt(p.random, 0, p.addable.length - 1)];
    para.splice(para.indexOf(after) + 1, 0, { text, original: null, edit: { kind: 'added', what: 'sentence added', at: [0, text.length], sourceAt: [0, 0] } });
    return true;
  }
  for (const s of free) {
    // Inside a quotation every change is a quote change: the other kinds are planted outside quotations.
    if (kind !== 'quote' && kind !== 'dropped' && (hasQuoteMark(s.text) || s.inQuotation)) continue;
    if (kind === 'dropped') {
      if (wordsIn(s.text) < 6) continue;
      s.edit = { kind: 'dropped', what: 'sentence dropped', at: [0, 0], sourceAt: [0, s.text.length] };
      s.text = '';
      return true;
    }
    const edit =
      kind === 'negation' ? plantNegation(s.text)
      : kind === 'tense' ? plantTense(s.text, p.random)
      : kind === 'name' ? plantName(s.text, p.random, p.otherNames)
      : kind === 'quote' ? plantQuote(s.text, p.random, p.vocabulary)
      : plantNumber(s.text, p.random);
    if (!edit) continue;
    s.text = edit.text;
    s.edit = edit;
    return true;
  }
  return false;
}

/** The copy's text and the original's (as stored), with every edit's spans in both. */
function assemble(story: SourceStory, id: string, paragraphs: Sentence[][]): PlantedCopy {
  let page = '';
  let source = '';
  const edits: PlantedEdit[] = [];
  paragraphs.forEach((para, k) => {
    const pageParts = para.filter((s) => s.text !== '');
    const sourceParts = para.filter((s) => s.original !== null);
    if (k > 0 && pageParts.length) page += page ? '\n\n' : '';
    if (k > 0 && sourceParts.length) source += '\n\n';
    let firstPage = true;
    let firstSource = true;
    for (const s of para) {
      let pageStart: number | null = null;
      let sourceStart: number | null = null;
      if (s.text !== '') {
        if (!firstPage) page += ' ';
        firstPage = false;
        pageStart = page.length;
        page += s.text;
      }
      if (s.original !== null) {
        if (!firstSource) source += ' ';
        firstSource = false;
        sourceStart = source.length;
        source += s.original;
      }
      if (!s.edit) continue;
      const pageAt = pageStart ?? page.length;
      const sourceAt = sourceStart ?? source.length;
      edits.push({
        kind: s.edit.kind,
        what: s.edit.what,
        page: [pageAt + s.edit.at[0], pageAt + s.edit.at[1]],
        source: [sourceAt + s.edit.sourceAt[0], sourceAt + s.edit.sourceAt[1]],
        pageSentence: pageStart === null ? null : [pageStart, pageStart + s.text.length],
        sourceSentence: sourceStart === null ? null : [sourceStart, sourceStart + s.original!.length],
      });
    }
  });
  if (source !== toRecord(story).text) throw new Error(`${story.id}: the original was not rebuilt as stored`);
  const published = story.published ? new Date(Date.parse(story.published) + DAY_MS).toISOString() : undefined;
  return {
    id,
    original: story.id,
    article: { text: page, title: story.title, siteName: 'World Business Digest', publishedTime: published, lang: 'en', url: `https://digest.example/${id}` },
    edits,
  };
}
