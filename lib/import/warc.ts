/**
 * Reading article pages out of a web archive (WARC 1.0/1.1, plain or gzip-compressed, as written by wget,
 * Heritrix, Webrecorder, browsertrix…) with warcio, the Webrecorder project's parser. Each HTML response or
 * resource record becomes a page; everything else (requests, metadata, images, redirects) is counted and
 * passed over. Records are numbered from 1 in file order, so problems can say where they are, and a resumed
 * import can pass over the records an earlier run already stored.
 */
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { decodeHtml } from './charset';

/**
 * Where reading can start again so that the next record read is the one after this: the byte offset (in the file)
 * of the gzip member holding this record (of the record itself in an uncompressed file), and how many records read
 * from there are this one and those before it in the same member. Crawlers write each record as its own member,
 * so a resumed import seeks to the record's member and passes over one record; a file compressed as one stream
 * resumes from its start, passing over every record before.
 */
export interface ResumePoint {
  offset: number;
  skip: number;
}

export interface WarcPage {
  recordNumber: number;
  url: string;
  /** When the archive captured the page (WARC-Date), ISO 8601. */
  date?: string;
  html: string;
}

/** A page record before its bytes are decoded: bulk imports decode in the worker that reads the article. */
export interface WarcPayload {
  recordNumber: number;
  url: string;
  date?: string;
  body: Uint8Array;
  /** The HTTP Content-Type (the record's own for a resource record), which may name the charset. */
  contentType?: string;
}

/** A record that is not an article page (no problem, just not imported), or one that could not be read. */
type WarcOtherItem =
  | { kind: 'passed-over'; recordNumber: number; reason: string }
  | { kind: 'problem'; recordNumber: number; url?: string; reason: string };

export type WarcItem = (({ kind: 'page' } & WarcPage) | WarcOtherItem) & { resume?: ResumePoint };
export type WarcPayloadItem = (({ kind: 'payload' } & WarcPayload) | WarcOtherItem) & { resume?: ResumePoint };

export function pageOf(payload: WarcPayload): WarcPage {
  const { body, contentType, ...page } = payload;
  return { ...page, html: decodeHtml(body, contentType) };
}

export interface WarcReadOptions {
  /** The first records of the source were handled by an earlier run: they are read past without decoding. */
  skipRecords?: number;
  /** Where the source starts in the file (a resumed read of a slice): resume points are file offsets. */
  startOffset?: number;
  /** The number of the first record in the source (a resumed read starts past the file's first records). */
  firstRecordNumber?: number;
  /** HTML payloads larger than this are reported rather than decoded (cost limit). */
  maxPageBytes?: number;
}

export const DEFAULT_MAX_PAGE_BYTES = 16 * 1024 * 1024;
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** What kind of record this is for an importer; null when it holds an HTML page worth reading. */
function passOverReason(record: WARCRecord): string | null {
  const type = record.warcType;
  if (type === 'response') {
    if (!record.httpHeaders) return 'response without HTTP headers';
    const status = Number(record.httpHeaders.statusCode);
    if (status < 200 || status > 299) return `HTTP status ${status}`;
    const contentType = record.httpHeaders?.headers.get('Content-Type') ?? '';
    return HTML_TYPE.test(contentType) ? null : `not an HTML page (${contentType.split(';')[0].trim() || 'no content type'})`;
  }
  if (type === 'resource') {
    return HTML_TYPE.test(record.warcContentType ?? '') ? null : `not an HTML page (${record.warcContentType ?? 'no content type'})`;
  }
  return `${type ?? 'untyped'} record`;
}

/**
 * The record's raw reader, which counts the bytes it still expects. warcio loops forever when told to skip a
 * record the file ends inside of (a truncated download), so records are read to their end here instead, and a
 * short record is reported.
 */
function rawReaderOf(record: WARCRecord): LimitReader | null {
  const reader = record.reader;
  return reader instanceof LimitReader ? reader : null;
}

/** Reads past the rest of a record; false when the file ended before the record did. */
async function drain(record: WARCRecord): Promise<boolean> {
  if (record.consumed) return true;
  const reader = rawReaderOf(record);
  if (!reader) return true;
  for await (const chunk of reader) void chunk;
  record.consumed = 'skipped';
  return reader.limit <= 0;
}

const TRUNCATED = 'the archive ends in the middle of this record (an incomplete file?), reading stopped';

/**
 * Bytes left after the last whole record beyond which the file is incomplete rather than padded. A gzip member
 * cut short yields no record at all (the decompressor holds back what it has), so only this count tells.
 */
const TRAILING_SLACK_BYTES = 4;

/** Passes the chunks through, counting their bytes. */
function counted(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, total: { bytes: number }): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        total.bytes += chunk.length;
        yield chunk;
      }
    },
  };
}

function contentTypeOf(record: WARCRecord): string | undefined {
  return (record.warcType === 'response' ? record.httpHeaders?.headers.get('Content-Type') : record.warcContentType) ?? undefined;
}

export async function* readWarcPages(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: WarcReadOptions = {},
): AsyncGenerator<WarcItem> {
  for await (const item of readWarcPayloads(source, options)) {
    if (item.kind !== 'payload') {
      yield item;
      continue;
    }
    const { resume, kind: _payload, ...payload } = item;
    yield { kind: 'page', ...pageOf(payload), ...(resume ? { resume } : {}) };
  }
}

/** As readWarcPages, with each page's bytes left undecoded. */
export async function* readWarcPayloads(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: WarcReadOptions = {},
): AsyncGenerator<WarcPayloadItem> {
  const skip = options.skipRecords ?? 0;
  const maxPageBytes = options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const fed = { bytes: 0 };
  const parser = new WARCParser(counted(source, fed));
  const startOffset = options.startOffset ?? 0;
  let recordNumber = (options.firstRecordNumber ?? 1) - 1;
  let read = 0;
  let memberOffset = -1;
  let inMember = 0;
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (error) {
      yield { kind: 'problem', recordNumber: recordNumber + 1, reason: `the archive is damaged here, reading stopped: ${messageOf(error)}` };
      return;
    }
    if (!record) {
      if (fed.bytes - parser.offset > TRAILING_SLACK_BYTES) yield { kind: 'problem', recordNumber: recordNumber + 1, reason: TRUNCATED };
      return;
    }
    recordNumber += 1;
    read += 1;
    // Records of one gzip member share its offset (warcio reports the member's start).
    if (parser.offset !== memberOffset) {
      memberOffset = parser.offset;
      inMember = 0;
    }
    inMember += 1;
    const resume: ResumePoint = { offset: startOffset + memberOffset, skip: inMember };
    if (read <= skip) {
      if (!(await drain(record))) {
        yield { kind: 'problem', recordNumber, reason: TRUNCATED };
        return;
      }
      continue;
    }
    const protocol = record.warcHeaders.protocol ?? '';
    if (!protocol.startsWith('WARC/')) {
      yield { kind: 'problem', recordNumber, reason: `not a WARC record (starts with ${JSON.stringify(protocol.slice(0, 20))}), reading stopped` };
      return;
    }
    const reason = passOverReason(record);
    const url = record.warcTargetURI ?? '';
    const tooLarge = record.warcContentLength > maxPageBytes;
    if (reason || tooLarge) {
      if (!(await drain(record))) {
        yield { kind: 'problem', recordNumber, url, reason: TRUNCATED };
        return;
      }
      if (reason) yield { kind: 'passed-over', recordNumber, reason, resume };
      else yield { kind: 'problem', recordNumber, url, reason: `page larger than ${Math.round(maxPageBytes / 1024 / 1024)} MB`, resume };
      continue;
    }
    const raw = rawReaderOf(record);
    let bytes: Uint8Array;
    try {
      bytes = await record.readFully(true);
    } catch (error) {
      yield { kind: 'problem', recordNumber, url, reason: `could not read the page: ${messageOf(error)}`, resume };
      if (!(await drain(record))) return;
      continue;
    }
    if (raw && raw.limit > 0) {
      yield { kind: 'problem', recordNumber, url, reason: TRUNCATED };
      return;
    }
    yield { kind: 'payload', recordNumber, url, date: isoDate(record.warcDate), body: bytes, contentType: contentTypeOf(record), resume };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
