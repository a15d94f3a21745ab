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
  return [...new Set([...docs].map(chunkOf))].sort((a, b) => a - b);
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
