import type { QuoteTrail } from './quotes/across';
import type { WordOp } from './text/word-ops';
import type { Description } from './wording/catalogue';

/**
 * Types shared by the engine, the command line and the extension.
 * Offsets are UTF-16 code-unit offsets (JavaScript string indices), end exclusive.
 */

/** One stored article. This is also the JSONL line format that the CLI reads and the extension imports and exports. */
export interface CorpusRecord {
  id: string;
  text: string;
  title?: string;
  url?: string;
  /** ISO 8601 date or date-time the publisher gives. */
  published?: string;
  site?: string;
  /** BCP 47 language tag, e.g. "en". */
  lang?: string;
  byline?: string;
  /** ISO 8601 time this machine first saw the article (capture). */
  firstSeen?: string;
}

/** An article as extracted from a page or a file: what gets checked against the corpus. */
export interface PageArticle {
  /** The clean body used for matching. Every page offset refers to this string. */
  text: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  modifiedTime?: string;
  /** Canonical URL when the page names one, else the page URL. */
  url?: string;
  lang?: string;
  /** Photo captions and credits, kept apart from the body. */
  captions?: string[];
  /** Page furniture set aside from the body: newsletter prompts, bios, related links… */
  furniture?: string[];
  /** [start, end) of each paragraph in `text`. */
  paragraphs?: [number, number][];
}

export type Relation = 'verbatim-copy' | 'edited-copy' | 'rewrite' | 'translation' | 'shared-passage' | 'same-story' | 'unrelated';

/**
 * Which way the text travelled, from the page's point of view:
 * "original" – the stored article is the page's original (the page derives from it);
 * "derivative" – the stored article derives from the page;
 * "unknown" – the signals conflict or are missing.
 */
export type Direction = 'original' | 'derivative' | 'unknown';

/** A reused passage: [start, end) in the page text and in the stored record's text. */
export interface Passage {
  page: [number, number];
  source: [number, number];
}

/** What is claimed about one stored article's relation to the page, and how sure each part is. */
export interface RelationClaim {
  relation: Relation;
  /** 0..1: how much of the two texts is shared, after rewording. */
  score: number;
  direction: Direction;
  /** 0..1: how sure the direction is. 0 when direction is "unknown". */
  confidence: number;
  /** 0..1: how sure the relation is. */
  certainty: number;
  /** The reasons behind relation and direction, as descriptions (lib/wording) for each front end to word. */
  reasons: Description[];
  /** The same reasons in English (lib/wording/render.ts inEnglish), as the command line and the server print them. */
  evidence: string[];
  /** A rewrite that shows two or more kinds of machine-translation trace, each listed in `evidence`. */
  machineTranslated?: boolean;
}

export interface Match extends RelationClaim {
  id: string;
  /** The figures behind the relation (see MatchMeasures). */
  measures: MatchMeasures;
  passages: Passage[];
  /** Display metadata of the stored record. */
  title?: string;
  site?: string;
  url?: string;
  published?: string;
  lang?: string;
  /**
   * Which corpus holds the record, when the check asked more than one: the reader's own ("local") or the team
   * server's ("team"). Absent when only the local corpus was asked.
   */
  corpus?: 'local' | 'team';
}

/** The figures a relation is decided on, each a share from 0 to 1 unless it counts. */
export interface MatchMeasures {
  /** Share of the smaller text's word pairs that the other holds: the "shared wording" shown for every version. */
  sharedWording?: number;
  /** How much of the page's article body, and of the stored text, the shared passages cover. */
  pageCoverage: number;
  versionCoverage: number;
  /** Share of the page passages' word triples found unchanged in the stored text's passages. */
  wordingKept: number;
  /** Shared index keys (word pairs, names, numbers) that few stored articles hold, and those many hold. */
  distinctiveKeys?: number;
  stockKeys?: number;
  /** Share of the page's distinctive keys the stored text holds, and of the stored text's keys the page holds. */
  pageShare?: number;
  versionShare?: number;
  /** Share of the page's word pairs (and of the stored text's) that the two share and few of the page's close stories hold. */
  distinctiveWording?: number;
  versionDistinctiveWording?: number;
}

export type DriftKind =
  | 'quote'
  | 'name'
  | 'number'
  | 'date'
  | 'negation'
  | 'tense'
  | 'attribution'
  | 'dropped'
  | 'added'
  | 'reworded';

export interface DriftItem {
  kind: DriftKind;
  /** 1 (cosmetic rewording) … 5 (meaning changed). */
  severity: number;
  /** What changed, as a description (lib/wording) for each front end to word. */
  description: Description;
  /** The description in English, e.g. "Quote altered: “shackles” became “chains”" (lib/wording/render.ts inEnglish). */
  summary: string;
  page: { text: string; start: number; end: number };
  source: { id: string; text: string; start: number; end: number };
  /** Word operations from the source's wording to the page's (lib/text/word-ops.ts displayOps): what a reader is shown. */
  ops: WordOp[];
}

export type { WordOp } from './text/word-ops';

/** Aligned sentences for the side-by-side view. A null side is an added (source null) or dropped (page null) sentence. */
export interface SentencePair {
  page: [number, number] | null;
  source: [number, number] | null;
  /** Word diff from source to page: "del" is source wording, "ins" is page wording. */
  ops: WordOp[];
}

export interface Comparison {
  sourceId: string;
  passages: Passage[];
  pairs: SentencePair[];
  drift: DriftItem[];
  /** True when a cost limit stopped alignment: the texts were too different or too large to align fully. */
  truncated: boolean;
  /** The two texts are in different languages (their primary subtags): each side is shown in its own. */
  languages?: { page: string; source: string };
}

/**
 * One article as a correction names it, robust to how it is met again: by the stored record's id when it has one, by
 * its address (compared as lib/store/url-key.ts urlKey, so another visit of the same article is recognised) and by
 * a hash of its normalised text (lib/store/content-hash.ts), for an article with neither. Title and site are only
 * there to show the reader which article it was.
 */
export interface ArticleRef {
  id?: string;
  url?: string;
  /** contentHash of the text: 16 hex digits. */
  hash?: string;
  title?: string;
  site?: string;
}

/** The reader's word over the engine's: the two articles are not versions of each other, whichever is checked. */
export interface Correction {
  kind: 'not-a-version';
  a: ArticleRef;
  b: ArticleRef;
  /** ISO 8601 time the reader said so. */
  at: string;
}

/** A stored record that a correction keeps out of the page's report, shown so the reader can undo it. */
export interface CorrectedRecord {
  id: string;
  title?: string;
  site?: string;
  url?: string;
}

/** How a version came from its parent in a lineage. */
export type LineageRelation = 'copy' | 'edit' | 'rewrite' | 'machine-translated rewrite' | 'translation';

/** One version in a lineage, or the page itself (id "page" unless it is stored). */
export interface LineageNode {
  id: string;
  isPage: boolean;
  title?: string;
  site?: string;
  url?: string;
  lang?: string;
  /** Published, else first seen (ISO 8601). */
  date?: string;
  /** The version it came from; null for the root and for a version whose place is uncertain. */
  parent: string | null;
  /** Why its place cannot be told, when it cannot: as a description (lib/wording), and in English. */
  uncertainReason?: Description;
  uncertain?: string;
  /** The versions it may have come from, when more than one is as likely. */
  candidates?: string[];
}

export interface LineageEdge {
  from: string;
  to: string;
  relation: LineageRelation;
  /** 0..1: how closely the later version keeps the earlier one's text. */
  closeness: number;
}

/** Who copied whom among the page's versions: a tree from the earliest version, earliest first. */
export interface Lineage {
  root: string | null;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** The id the page has in a lineage when it is not a stored record. */
export const PAGE_NODE_ID = 'page';

export interface Report {
  article: PageArticle;
  /** Best first. Unrelated records are not listed. */
  matches: Match[];
  /** Drift of the page against `original` (or the closest copy when the original is unknown). */
  drift: DriftItem[];
  /** Id of the best original, or null. */
  original: string | null;
  /** The comparison the drift came from, for the side-by-side view. */
  comparison: Comparison | null;
  /** Stored records the reader marked as not versions of this page: never listed in `matches`, never the original. */
  corrected: CorrectedRecord[];
  /** How the page's versions came from each other (copies only; independent coverage is not in it). */
  lineage?: Lineage;
  /** The page's quotations followed through its versions, earliest first (lib/quotes). */
  quotes?: QuoteTrail[];
}
