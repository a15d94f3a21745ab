/**
 * What a record takes in the corpus, as the reader's budget counts it, and the facts the corpus keeps running
 * totals of (bytes, records per language). Pure functions: the store calls them on every write and delete.
 */
import type { CorpusRecord } from '../types';

/** Bytes one index key takes: a (key, document) pair of 32-bit numbers in a posting run. */
export const BYTES_PER_INDEX_KEY = 8;

/**
 * Bytes a string takes as IndexedDB stores it (V8's serialisation): one byte a character when every character
 * fits in Latin-1, two otherwise. Compression on disk makes the browser's own figure smaller; this one is
 * stable, so the budget does not move with the browser's housekeeping.
 */
export function stringBytes(text: string | undefined): number {
  if (!text) return 0;
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

/** The record's text and metadata, and its index keys. */
export function recordBytes(record: CorpusRecord, indexKeys: number): number {
  let bytes = 0;
  for (const value of [record.id, record.text, record.title, record.url, record.published, record.site, record.lang, record.byline, record.firstSeen]) {
    bytes += stringBytes(value);
  }
  return bytes + indexKeys * BYTES_PER_INDEX_KEY;
}

/** The date the budget's age limit reads: published, else first seen, else when the record was stored. */
export function datedOf(record: Pick<CorpusRecord, 'published' | 'firstSeen'>, storedAt: string): string {
  return record.published ?? record.firstSeen ?? storedAt;
}
