/**
 * Corpus JSONL: one CorpusRecord per line, and the reader's corrections as lines of their own
 * ({"correction":"not-a-version","a":{…},"b":{…},"at":"…"}, after the records in an export). Parsing is
 * line-numbered and forgiving — a bad line is reported and skipped, the good lines are kept — so one broken export
 * line never costs a whole corpus. Pure: no Node or browser APIs, shared by the command line and the extension's
 * importer.
 */
import { identifies, namesOneArticle } from './corrections';
import type { ArticleRef, CorpusRecord, Correction } from '../types';

export interface CorpusLineError {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export type CorpusLineResult = { record: CorpusRecord } | { correction: Correction } | { error: CorpusLineError };

/** The kinds of correction a line may carry. */
const CORRECTION_KINDS: readonly Correction['kind'][] = ['not-a-version'];
/** A reference's fields, in output order; every one optional, at least one of id, url and hash present. */
const REF_FIELDS = ['id', 'url', 'hash', 'title', 'site'] as const;
const CONTENT_HASH = /^[0-9a-f]{16}$/;

/** Output key order: identity and display metadata first, the long text last, so exports read well in a terminal. */
const OPTIONAL_STRING_FIELDS = ['title', 'site', 'url', 'published', 'byline', 'lang', 'firstSeen'] as const;
const DATE_FIELDS = new Set<string>(['published', 'firstSeen']);

/** A line longer than this is reported instead of buffered: it guards memory against a file with no newlines. */
export const DEFAULT_MAX_LINE_LENGTH = 32 * 1024 * 1024;

export function parseCorpusLine(line: string, lineNumber: number): CorpusLineResult {
  const fail = (reason: string): CorpusLineResult => ({ error: { line: lineNumber, reason } });
  if (line.trim() === '') return fail('empty line');

  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return fail(`invalid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`not a JSON object (found ${describeType(value)})`);
  }
  const fields = value as Record<string, unknown>;
  // A record may carry a "correction" note of its own (news corrections do); only a line without text is one of ours.
  if ('correction' in fields && !('text' in fields)) {
    const parsed = parseCorrection(fields);
    return typeof parsed === 'string' ? fail(parsed) : { correction: parsed };
  }

  for (const name of ['id', 'text'] as const) {
    const problem = requiredStringProblem(fields, name);
    if (problem) return fail(problem);
  }
  const record: CorpusRecord = { id: fields.id as string, text: fields.text as string };

  for (const name of OPTIONAL_STRING_FIELDS) {
    const fieldValue = fields[name];
    // null is how many exporters write "absent"; it carries no value worth rejecting a line over.
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string') {
      return fail(`"${name}" must be a string (found ${describeType(fieldValue)})`);
    }
    if (DATE_FIELDS.has(name) && !isIsoDate(fieldValue)) {
      return fail(`"${name}" is not an ISO 8601 date: ${JSON.stringify(truncate(fieldValue, 40))}`);
    }
    record[name] = fieldValue;
  }
  return { record };
}

/** The correction a line holds, or what is wrong with it. */
function parseCorrection(fields: Record<string, unknown>): Correction | string {
  const kind = fields.correction;
  if (typeof kind !== 'string') return `"correction" must be a string (found ${describeType(kind)})`;
  if (!CORRECTION_KINDS.includes(kind as Correction['kind'])) {
    return `unknown correction ${JSON.stringify(truncate(kind, 40))} (known: ${CORRECTION_KINDS.map((known) => `"${known}"`).join(', ')})`;
  }
  const a = parseRef(fields, 'a');
  if (typeof a === 'string') return a;
  const b = parseRef(fields, 'b');
  if (typeof b === 'string') return b;
  const at = fields.at;
  if (at === undefined || at === null) return 'correction: missing "at"';
  if (typeof at !== 'string') return `correction: "at" must be a string (found ${describeType(at)})`;
  if (!isIsoDate(at)) return `correction: "at" is not an ISO 8601 date: ${JSON.stringify(truncate(at, 40))}`;
  const correction: Correction = { kind: kind as Correction['kind'], a, b, at };
  if (namesOneArticle(correction)) return 'correction: "a" and "b" are the same article';
  return correction;
}

function parseRef(fields: Record<string, unknown>, side: 'a' | 'b'): ArticleRef | string {
  const value = fields[side];
  if (value === undefined || value === null) return `correction: missing "${side}"`;
  if (typeof value !== 'object' || Array.isArray(value)) return `correction: "${side}" must be an object (found ${describeType(value)})`;
  const given = value as Record<string, unknown>;
  const ref: ArticleRef = {};
  for (const name of REF_FIELDS) {
    const fieldValue = given[name];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string') return `correction: "${side}.${name}" must be a string (found ${describeType(fieldValue)})`;
    if (fieldValue.trim() === '') continue;
    if (name === 'hash' && !CONTENT_HASH.test(fieldValue)) return `correction: "${side}.hash" is not a text hash (16 hex digits): ${JSON.stringify(truncate(fieldValue, 40))}`;
    ref[name] = fieldValue;
  }
  if (!identifies(ref)) return `correction: "${side}" names no article (give its "id", "url" or "hash")`;
  return ref;
}

function requiredStringProblem(fields: Record<string, unknown>, name: string): string | null {
  if (!(name in fields) || fields[name] === undefined || fields[name] === null) return `missing "${name}"`;
  const value = fields[name];
  if (typeof value !== 'string') return `"${name}" must be a string (found ${describeType(value)})`;
  if (value.trim() === '') return `"${name}" is empty`;
  return null;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/** ISO 8601 calendar date, optionally with time and zone: "2021", "2021-08", "2021-08-16", "2021-08-16T09:30:00Z". */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return false;
  const [, , monthText, dayText, hourText, minuteText, secondText] = match;
  const year = Number(match[1]);
  if (monthText === undefined) return true;
  const month = Number(monthText);
  if (month < 1 || month > 12) return false;
  if (dayText !== undefined) {
    const day = Number(dayText);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return false;
  }
  if (hourText !== undefined && (Number(hourText) > 23 || Number(minuteText) > 59)) return false;
  // 60 allows a leap second.
  if (secondText !== undefined && Number(secondText) > 60) return false;
  return true;
}

export interface CorpusParserOptions {
  maxLineLength?: number;
}

/**
 * Incremental parser: feed text (or UTF-8 bytes) chunk by chunk as it arrives, get records and errors back.
 * Handles lines split across chunks, CRLF line ends, a leading byte order mark, blank lines and
 * duplicate ids (the first occurrence wins; later ones are reported).
 */
export class CorpusJsonlParser {
  private readonly maxLineLength: number;
  private readonly seenIds = new Map<string, number>();
  private readonly decoder = new TextDecoder('utf-8');
  private pendingParts: string[] = [];
  private pendingLength = 0;
  /** True while skipping the rest of an over-long line. */
  private discarding = false;
  private lineNumber = 0;
  private atStart = true;
  private recordCount = 0;
  private correctionCount = 0;
  private errorCount = 0;

  constructor(options: CorpusParserOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  /** Lines completed so far. */
  get linesRead(): number {
    return this.lineNumber;
  }

  get recordsParsed(): number {
    return this.recordCount;
  }

  get correctionsParsed(): number {
    return this.correctionCount;
  }

  get errorsFound(): number {
    return this.errorCount;
  }

  push(chunk: string | Uint8Array): CorpusLineResult[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.atStart = false;
    }
    const results: CorpusLineResult[] = [];
    let lineStart = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', lineStart)) {
      this.appendPending(text.slice(lineStart, newline), results);
      this.finishLine(results);
      lineStart = newline + 1;
    }
    this.appendPending(text.slice(lineStart), results);
    return results;
  }

  /** Flushes the last line when the input does not end with a newline. */
  end(): CorpusLineResult[] {
    const results: CorpusLineResult[] = [];
    const tail = this.decoder.decode();
    if (tail) results.push(...this.push(tail));
    if (this.pendingLength > 0 || this.discarding) this.finishLine(results);
    return results;
  }

  private appendPending(piece: string, results: CorpusLineResult[]): void {
    if (piece.length === 0 || this.discarding) return;
    if (this.pendingLength + piece.length > this.maxLineLength) {
      this.pendingParts = [];
      this.pendingLength = 0;
      this.discarding = true;
      this.errorCount += 1;
      results.push({
        error: { line: this.lineNumber + 1, reason: `line longer than ${this.maxLineLength} characters` },
      });
      return;
    }
    this.pendingParts.push(piece);
    this.pendingLength += piece.length;
  }

  private finishLine(results: CorpusLineResult[]): void {
    this.lineNumber += 1;
    let line = this.pendingParts.join('');
    this.pendingParts = [];
    this.pendingLength = 0;
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') return;

    const result = parseCorpusLine(line, this.lineNumber);
    if ('record' in result) {
      const firstLine = this.seenIds.get(result.record.id);
      if (firstLine !== undefined) {
        this.errorCount += 1;
        results.push({
          error: {
            line: this.lineNumber,
            reason: `duplicate id ${JSON.stringify(result.record.id)} (first on line ${firstLine})`,
          },
        });
        return;
      }
      this.seenIds.set(result.record.id, this.lineNumber);
      this.recordCount += 1;
    } else if ('correction' in result) {
      this.correctionCount += 1;
    } else {
      this.errorCount += 1;
    }
    results.push(result);
  }
}

export interface ParsedCorpus {
  records: CorpusRecord[];
  corrections: Correction[];
  errors: CorpusLineError[];
}

/** Parses a whole corpus held in memory. */
export function parseCorpus(text: string, options?: CorpusParserOptions): ParsedCorpus {
  const parser = new CorpusJsonlParser(options);
  return collect([...parser.push(text), ...parser.end()]);
}

/** Parses a corpus arriving as a stream of chunks (e.g. a file read stream or a fetch body), yielding as it goes. */
export async function* parseCorpusChunks(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: CorpusParserOptions,
): AsyncGenerator<CorpusLineResult> {
  const parser = new CorpusJsonlParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

function collect(results: CorpusLineResult[]): ParsedCorpus {
  const parsed: ParsedCorpus = { records: [], corrections: [], errors: [] };
  for (const result of results) {
    if ('record' in result) parsed.records.push(result.record);
    else if ('correction' in result) parsed.corrections.push(result.correction);
    else parsed.errors.push(result.error);
  }
  return parsed;
}

/** One JSONL line (without the newline), keys in a fixed order so exports diff cleanly. */
export function serializeCorpusRecord(record: CorpusRecord): string {
  const ordered: Record<string, string> = { id: record.id };
  for (const name of OPTIONAL_STRING_FIELDS) {
    const value = record[name];
    if (value !== undefined && value !== null) ordered[name] = value;
  }
  ordered.text = record.text;
  return JSON.stringify(ordered);
}

/** Whole-corpus export: one line per record, newline-terminated. Parsing the result gives back the same records. */
export function serializeCorpus(records: Iterable<CorpusRecord>): string {
  let out = '';
  for (const record of records) out += `${serializeCorpusRecord(record)}\n`;
  return out;
}

/** One correction line (without the newline), keys in a fixed order. Parsing it gives back the same correction. */
export function serializeCorrection(correction: Correction): string {
  return JSON.stringify({ correction: correction.kind, a: orderedRef(correction.a), b: orderedRef(correction.b), at: correction.at });
}

/** Corrections as JSONL lines, newline-terminated: an export writes them after the records. */
export function serializeCorrections(corrections: Iterable<Correction>): string {
  let out = '';
  for (const correction of corrections) out += `${serializeCorrection(correction)}\n`;
  return out;
}

function orderedRef(ref: ArticleRef): ArticleRef {
  const ordered: ArticleRef = {};
  for (const name of REF_FIELDS) if (ref[name] !== undefined) ordered[name] = ref[name];
  return ordered;
}
