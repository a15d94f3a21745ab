/**
 * A stored record as the check compares it: its article body (page furniture is never a difference), the analysis of
 * that body and of the whole text (lib/text/analysis.ts). Made once per record and check, and kept across checks by a
 * store that holds a `RecordAnalyses` cache: the same records come up for page after page.
 */
import { TextAnalysis } from './text/analysis';
import type { FurnitureSplit } from './text/furniture';
import { retrievalTerms } from './text/terms';
import type { CorpusRecord } from './types';

/** A record's article body, with a map from body offsets back to the record's text. */
export interface Body {
  text: string;
  toOriginal(offset: number): number;
}

/** The record's article body (the whole text when the furniture split finds none). */
export function recordBody(record: CorpusRecord): Body {
  return bodyOfSplit(record.text, new TextAnalysis(record.text).furniture);
}

function bodyOfSplit(text: string, split: FurnitureSplit): Body {
  if (!split.body.trim() || split.bodySpans.length === 0) return identityBody(text);
  const starts: number[] = [];
  let at = 0;
  for (const [s, e] of split.bodySpans) {
    starts.push(at);
    at += e - s + 2;
  }
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [s, e] = split.bodySpans[lo];
    return Math.min(e, s + Math.max(0, offset - starts[lo]));
  };
  return { text: split.body, toOriginal };
}

/** The text as its own body. */
export function identityBody(text: string): Body {
  return { text, toOriginal: (o) => o };
}

export class RecordAnalysis {
  /** The analysis of the record's whole text. */
  readonly whole: TextAnalysis;
  /** The record's declared language. */
  readonly lang: string | undefined;
  private bodyValue?: Body;
  private bodyAnalysis?: TextAnalysis;

  constructor(record: CorpusRecord) {
    this.whole = new TextAnalysis(record.text);
    this.lang = record.lang;
  }

  get text(): string {
    return this.whole.text;
  }

  get body(): Body {
    return (this.bodyValue ??= bodyOfSplit(this.text, this.whole.furniture));
  }

  /** The analysis of the body: the whole text's when the body is the whole text. */
  get bodyText(): TextAnalysis {
    return (this.bodyAnalysis ??= this.body.text === this.text ? this.whole : new TextAnalysis(this.body.text));
  }

  /** The record's stemmed content words in order (lib/text/terms.ts), as shared wording is measured on them. */
  get retrievalTerms(): string[] {
    return retrievalTerms(this.whole, this.lang);
  }
}

/**
 * Analyses a store keeps across checks: a full check reads up to a hundred records, and the versions of one story come
 * up for each of them.
 */
export const RECORD_ANALYSES_KEPT = 256;

/**
 * Analyses of records by id, the most recently used kept up to `limit`. A record whose text changed since is analysed
 * again. A check makes an unbounded one for itself when its store keeps none.
 */
export class RecordAnalyses {
  private readonly kept = new Map<string, RecordAnalysis>();

  constructor(private readonly limit = Infinity) {}

  of(record: CorpusRecord): RecordAnalysis {
    const hit = this.kept.get(record.id);
    if (hit && hit.text === record.text && hit.lang === record.lang) {
      this.kept.delete(record.id);
      this.kept.set(record.id, hit);
      return hit;
    }
    const analysis = new RecordAnalysis(record);
    this.kept.delete(record.id);
    this.kept.set(record.id, analysis);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    return analysis;
  }

  clear(): void {
    this.kept.clear();
  }
}
