/**
 * A sorted run of postings (lib/store/postings.ts) packed into bytes for storage, about a third of the 8 bytes a
 * posting takes as Uint32 pairs. Reading an IndexedDB value in Chromium costs about 60 ms per MB below 64 KiB, so a
 * lookup's time follows the bytes of the rows it reads; the run is packed where a row is written, unpacked where a
 * merge or a removal reads it, and searched as it is by a lookup (packedDocsOf).
 *
 * Layout, every number an unsigned LEB128 varint (7 bits a byte, low bits first, high bit set on all bytes but the
 * last):
 *
 *   pairCount
 *   then for each key, ascending:  keyGap, docCount - 1, [docBytes when docCount > 1], firstDoc, docGap × (docCount - 1)
 *
 * keyGap is the first key itself, then the key less the one before it; docGap is a document less the one before it
 * (documents ascend within a key); docBytes is the length of the key's documents, so a search steps over the keys
 * before the one it wants without reading their documents. A stopped key's one document, STOPPED_DOC (0), is
 * written as it is.
 *
 * Lookups run on a fresh service worker before the code is optimized, where unpacking whole rows costs about three
 * times the search for one key in each (64 rows at a million articles, Node --jitless: 7.2–7.6 ms of CPU against
 * 2.1–2.3 ms): plain loops over typed arrays, one allocation per key found, and a varint's common one- and two-byte
 * forms read without a call.
 */

/** Most bytes one varint of a 32-bit value takes. */
const MAX_VARINT_BYTES = 5;

/** The run's pairs packed; an empty run packs to one byte (its count, 0). */
export function packRun(pairs: Uint32Array): Uint8Array {
  const count = pairs.length >>> 1;
  // At worst every pair opens a key: gap, count, document bytes and document, each of at most five bytes.
  const out = new Uint8Array(MAX_VARINT_BYTES + count * 4 * MAX_VARINT_BYTES);
  let at = writeVarint(out, 0, count);
  let previousKey = 0;
  let i = 0;
  while (i < count) {
    const key = pairs[2 * i];
    let end = i + 1;
    while (end < count && pairs[2 * end] === key) end++;
    at = writeVarint(out, at, key - previousKey);
    at = writeVarint(out, at, end - i - 1);
    if (end - i > 1) at = writeVarint(out, at, docBytes(pairs, i, end));
    let previousDoc = 0;
    for (let j = i; j < end; j++) {
      const doc = pairs[2 * j + 1];
      at = writeVarint(out, at, doc - previousDoc);
      previousDoc = doc;
    }
    previousKey = key;
    i = end;
  }
  return out.slice(0, at);
}

/** Bytes the documents of pairs [start, end) take packed: the first as it is, the others as gaps. */
function docBytes(pairs: Uint32Array, start: number, end: number): number {
  let bytes = 0;
  let previousDoc = 0;
  for (let j = start; j < end; j++) {
    const doc = pairs[2 * j + 1];
    bytes += varintLength(doc - previousDoc);
    previousDoc = doc;
  }
  return bytes;
}

function varintLength(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes++;
  return bytes;
}

/** Writes `value` (0 ≤ value < 2^32) at `at`; returns the position after it. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    out[at++] = (rest & 0x7f) | 0x80;
    // Division, not a shift: values of 2^31 and more would turn negative under >>.
    rest = Math.floor(rest / 0x80);
  }
  out[at++] = rest;
  return at;
}

/** Where the last read left off: the position after the varint it read. */
let readEnd = 0;

/** The varint at `at`, its end left in readEnd. One- and two-byte forms first: nearly every gap and count. */
function readVarint(bytes: Uint8Array, at: number): number {
  const first = bytes[at];
  if (first < 0x80) {
    readEnd = at + 1;
    return first;
  }
  const second = bytes[at + 1];
  if (second < 0x80) {
    readEnd = at + 2;
    return (first & 0x7f) | (second << 7);
  }
  return readLongVarint(bytes, at);
}

/** The three- to five-byte forms, and bytes that end inside a number. */
function readLongVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  let position = at;
  for (;;) {
    const byte = bytes[position++];
    if (byte === undefined) throw new RangeError('packed run ends inside a number');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) break;
    scale *= 0x80;
  }
  readEnd = position;
  return value;
}

/** Documents of the key found at a key header: its count and where its documents start. */
interface KeyHeader {
  key: number;
  docs: number;
  /** Position of the first document. */
  docsAt: number;
  /** Position of the next key's header. */
  next: number;
}

/** Reads the header of the key after `previousKey` at `at` into `header`. */
function readKeyHeader(bytes: Uint8Array, at: number, previousKey: number, header: KeyHeader): void {
  header.key = previousKey + readVarint(bytes, at);
  header.docs = readVarint(bytes, readEnd) + 1;
  if (header.docs === 1) {
    header.docsAt = readEnd;
    readVarint(bytes, readEnd);
    header.next = readEnd;
  } else {
    const length = readVarint(bytes, readEnd);
    header.docsAt = readEnd;
    header.next = readEnd + length;
  }
}

/** Reads `count` documents from `at` into `out` from `offset`; returns the position after them. */
function readDocs(bytes: Uint8Array, at: number, count: number, out: Uint32Array, offset: number, stride: number): number {
  let position = at;
  let doc = 0;
  for (let d = 0; d < count; d++) {
    // readVarint's one- and two-byte forms inline: a call per document is most of a lookup's cost before the code
    // is optimized.
    const first = bytes[position];
    const second = bytes[position + 1];
    if (first < 0x80) {
      doc += first;
      position++;
    } else if (second < 0x80) {
      doc += (first & 0x7f) | (second << 7);
      position += 2;
    } else {
      doc += readLongVarint(bytes, position);
      position = readEnd;
    }
    out[offset + d * stride] = doc;
  }
  return position;
}

/** The pairs of a packed run. Throws on bytes that are not a packed run's. */
export function unpackRun(bytes: Uint8Array): Uint32Array {
  const count = readLongVarint(bytes, 0);
  let at = readEnd;
  const pairs = new Uint32Array(2 * count);
  const header: KeyHeader = { key: 0, docs: 0, docsAt: 0, next: 0 };
  let n = 0;
  while (n < count) {
    readKeyHeader(bytes, at, header.key, header);
    if (n + header.docs > count) throw new RangeError('packed run holds more postings than it says');
    for (let d = 0; d < header.docs; d++) pairs[2 * (n + d)] = header.key;
    at = readDocs(bytes, header.docsAt, header.docs, pairs, 2 * n + 1, 2);
    if (at !== header.next) throw new RangeError('packed run has a key whose documents take other bytes than it says');
    n += header.docs;
  }
  if (at !== bytes.length) throw new RangeError('packed run has bytes past its postings');
  return pairs;
}

/**
 * The documents of `key` in a packed run, ascending (empty when it has none; [STOPPED_DOC] when stopped): the keys
 * before it stepped over by their headers, only its own documents read.
 */
export function packedDocsOf(bytes: Uint8Array, key: number): Uint32Array {
  const count = readLongVarint(bytes, 0);
  let at = readEnd;
  const header: KeyHeader = { key: 0, docs: 0, docsAt: 0, next: 0 };
  for (let n = 0; n < count; n += header.docs) {
    readKeyHeader(bytes, at, header.key, header);
    if (header.key > key) break;
    if (header.key === key) {
      const docs = new Uint32Array(header.docs);
      readDocs(bytes, header.docsAt, header.docs, docs, 0, 1);
      return docs;
    }
    at = header.next;
  }
  return new Uint32Array(0);
}

/** Postings of a packed run, read from its first number without unpacking it. */
export function packedPairCount(bytes: Uint8Array): number {
  return readLongVarint(bytes, 0);
}
