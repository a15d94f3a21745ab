/**
 * The document directory: for each document number, its record id and how many index keys it has.
 * Retrieval needs both for a few hundred documents per page; one row per document would cost a read each,
 * so numbers share rows of CHUNK_SIZE slots. Pure functions over those rows.
 */

export const CHUNK_SIZE = 1024;

/** One row of the directory. An empty id marks a free slot (a number never used, or a deleted record's). */
export interface DirectoryChunk {
  chunk: number;
  ids: string[];
  features: number[];
}

export interface DirectoryEntry {
  doc: number;
  id: string;
  features: number;
}

export function chunkOf(doc: number): number {
  return Math.floor(doc / CHUNK_SIZE);
}

export function emptyChunk(chunk: number): DirectoryChunk {
  return { chunk, ids: new Array<string>(CHUNK_SIZE).fill(''), features: new Array<number>(CHUNK_SIZE).fill(0) };
}

/** Chunk numbers holding `docs`, ascending, each once. */
export function chunksOf(docs: Iterable<number>): number[] {
  return distinctRows(docs, chunkOf);
}

/** The rows `rowOf` puts `docs` in, ascending, each once. */
function distinctRows(docs: Iterable<number>, rowOf: (doc: number) => number): number[] {
  return [...new Set([...docs].map(rowOf))].sort((a, b) => a - b);
}

export function setEntry(row: DirectoryChunk, entry: DirectoryEntry): void {
  const slot = entry.doc % CHUNK_SIZE;
  row.ids[slot] = entry.id;
  row.features[slot] = entry.features;
}

export function clearEntry(row: DirectoryChunk, doc: number): void {
  const slot = doc % CHUNK_SIZE;
  row.ids[slot] = '';
  row.features[slot] = 0;
}

export function entryOf(row: DirectoryChunk | undefined, doc: number): DirectoryEntry | undefined {
  if (!row) return undefined;
  const slot = doc % CHUNK_SIZE;
  const id = row.ids[slot];
  return id ? { doc, id, features: row.features[slot] } : undefined;
}

/**
 * Documents per row of the key-count column: the directory's `features` again, as 16-bit counts in a binary row.
 * Ranking needs the count of every shortlisted document (200 for the first answer) but the id of only the few it
 * returns; reading those counts from the directory read a row of 1,024 ids per document, 200,000 strings on a fresh
 * worker at a million articles. A row holds 65,536 counts (128 KiB) because Chromium stores a value under 64 KiB inline in
 * its database, at about 60 ms per MB read, and a larger one beside it, about seven times cheaper per byte (2 MB as 128
 * rows of 16 KB: 107–237 ms; as 16 rows of 128 KB: 16–37 ms, Chromium 156): a fresh worker's first answer at a million
 * articles read the 2 MB column before its lookup's rows. Schema version 7 kept 8,192 counts a row; version 8 regroups
 * them (regroupKeyCounts).
 */
export const KEY_COUNT_ROW_DOCS = 65_536;
/** Counts are capped here (a document keeps at most maxDocFeatures keys, 400 by default). */
const MAX_KEY_COUNT = 0xffff;

/** One row of the key-count column: `counts` is a Uint16Array of KEY_COUNT_ROW_DOCS counts, 0 for a free number. */
export interface KeyCountRow {
  row: number;
  counts: ArrayBuffer;
}

export function keyCountRowOf(doc: number): number {
  return Math.floor(doc / KEY_COUNT_ROW_DOCS);
}

/** Key-count rows holding `docs`, ascending, each once. */
export function keyCountRowsOf(docs: Iterable<number>): number[] {
  return distinctRows(docs, keyCountRowOf);
}

export function emptyKeyCountRow(row: number): KeyCountRow {
  return { row, counts: new ArrayBuffer(2 * KEY_COUNT_ROW_DOCS) };
}

/** Sets a document's count in its row (0 frees the number). */
export function setKeyCount(row: KeyCountRow, doc: number, count: number): void {
  new Uint16Array(row.counts)[doc % KEY_COUNT_ROW_DOCS] = Math.min(MAX_KEY_COUNT, count);
}

/** Adds a directory row's counts to key-count rows (the version 7 upgrade, a directory row at a time). */
export function addKeyCounts(rows: Map<number, KeyCountRow>, chunk: DirectoryChunk): void {
  chunk.ids.forEach((id, slot) => {
    if (!id) return;
    const doc = chunk.chunk * CHUNK_SIZE + slot;
    const row = keyCountRowOf(doc);
    if (!rows.has(row)) rows.set(row, emptyKeyCountRow(row));
    setKeyCount(rows.get(row)!, doc, chunk.features[slot]);
  });
}

/**
 * Key-count rows of any size regrouped into rows of KEY_COUNT_ROW_DOCS (the version 8 upgrade). A row's size is read
 * from its bytes, so rows already of the current size pass through unchanged; rows holding no count are dropped.
 */
export function regroupKeyCounts(rows: readonly KeyCountRow[]): KeyCountRow[] {
  const regrouped = new Map<number, KeyCountRow>();
  for (const row of rows) {
    const counts = new Uint16Array(row.counts);
    const firstDoc = row.row * counts.length;
    counts.forEach((count, slot) => {
      if (count === 0) return;
      const doc = firstDoc + slot;
      const number = keyCountRowOf(doc);
      if (!regrouped.has(number)) regrouped.set(number, emptyKeyCountRow(number));
      setKeyCount(regrouped.get(number)!, doc, count);
    });
  }
  return [...regrouped.values()].sort((a, b) => a.row - b.row);
}
