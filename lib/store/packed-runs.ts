/**
 * A sorted run of postings (lib/store/postings.ts) packed into bytes for storage, about a third of the 8 bytes a
 * posting takes as Uint32 pairs. Reading an IndexedDB value in Chromium costs about 60 ms per MB below 64 KiB, so a
 * lookup's time follows the bytes of the rows it reads; the run is packed where a row is written and unpacked where
 * it is read, and every other step works on the pairs.
 *
 * Layout, every number an unsigned LEB128 varint (7 bits a byte, low bits first, high bit set on all bytes but the
 * last):
 *
 *   pairCount
 *   then for each key, ascending:  keyGap, docCount - 1, firstDoc, docGap × (docCount - 1)
 *
 * keyGap is the first key itself, then the key less the one before it; docGap is a document less the one before it
 * (documents ascend within a key). A stopped key's one document, STOPPED_DOC (0), is written as it is. Keys of one
 * row share their top bits and most have few documents, so a gap takes one to three bytes.
 *
 * Unpacking runs on a fresh service worker before the code is optimized: a plain loop over typed arrays, one
 * allocation per run, and a varint's common one- and two-byte forms read without a call.
 */

/** Most bytes one varint of a 32-bit value takes. */
const MAX_VARINT_BYTES = 5;

/** The run's pairs packed; an empty run packs to one byte (its count, 0). */
export function packRun(pairs: Uint32Array): Uint8Array {
  const count = pairs.length >>> 1;
  // At worst every pair opens a key: gap, count and document, each of at most five bytes.
  const out = new Uint8Array(MAX_VARINT_BYTES + count * 3 * MAX_VARINT_BYTES);
  let at = writeVarint(out, 0, count);
  let previousKey = 0;
  let i = 0;
  while (i < count) {
    const key = pairs[2 * i];
    let end = i + 1;
    while (end < count && pairs[2 * end] === key) end++;
    at = writeVarint(out, at, key - previousKey);
    at = writeVarint(out, at, end - i - 1);
    let previousDoc = pairs[2 * i + 1];
    at = writeVarint(out, at, previousDoc);
    for (let j = i + 1; j < end; j++) {
      const doc = pairs[2 * j + 1];
      at = writeVarint(out, at, doc - previousDoc);
      previousDoc = doc;
    }
    previousKey = key;
    i = end;
  }
  return out.slice(0, at);
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

/** Where readVarint leaves off: the position after the varint it read. */
let readEnd = 0;

/** The varint at `at` (its end in readEnd): the rare three- to five-byte forms, kept out of the unpacking loop. */
function readVarint(bytes: Uint8Array, at: number): number {
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

/** The pairs of a packed run. Throws on bytes that are not a packed run's. */
export function unpackRun(bytes: Uint8Array): Uint32Array {
  const count = readVarint(bytes, 0);
  let at = readEnd;
  const pairs = new Uint32Array(2 * count);
  let key = 0;
  let n = 0;
  while (n < count) {
    // Each number read inline when it takes one or two bytes, as nearly all gaps and counts do.
    let byte = bytes[at];
    let value: number;
    if (byte < 0x80) {
      value = byte;
      at++;
    } else if (bytes[at + 1] < 0x80) {
      value = (byte & 0x7f) | (bytes[at + 1] << 7);
      at += 2;
    } else {
      value = readVarint(bytes, at);
      at = readEnd;
    }
    key += value;
    byte = bytes[at];
    let docs: number;
    if (byte < 0x80) {
      docs = byte + 1;
      at++;
    } else {
      docs = readVarint(bytes, at) + 1;
      at = readEnd;
    }
    if (n + docs > count) throw new RangeError('packed run holds more postings than it says');
    let doc = 0;
    for (let d = 0; d < docs; d++) {
      byte = bytes[at];
      if (byte < 0x80) {
        value = byte;
        at++;
      } else if (bytes[at + 1] < 0x80) {
        value = (byte & 0x7f) | (bytes[at + 1] << 7);
        at += 2;
      } else {
        value = readVarint(bytes, at);
        at = readEnd;
      }
      doc += value;
      pairs[2 * n] = key;
      pairs[2 * n + 1] = doc;
      n++;
    }
  }
  if (at !== bytes.length) throw new RangeError('packed run has bytes past its postings');
  return pairs;
}

/** Postings of a packed run, read from its first number without unpacking it. */
export function packedPairCount(bytes: Uint8Array): number {
  return readVarint(bytes, 0);
}
