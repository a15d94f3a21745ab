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

/**
 * A directory row as a store keeps it between reads: its ids joined into one string with their start offsets, and its
 * key counts as 16-bit integers. Read from the database a row is 1,024 strings; kept that way, a worker that had read
 * every row of a million-article corpus held a million strings (47 MB of its 69 MB live heap at a million articles after
 * 120 full checks), and every full garbage collection walked them all. Packed, a row is three objects.
 */
export interface PackedDirectoryRow {
  ids: string;
  /** `starts[slot]` to `starts[slot + 1]` is the slot's id in `ids`; an empty span is a free slot. */
  starts: Uint32Array;
  features: Uint16Array;
  /** What the row holds in memory: its ids (one byte a character when all are Latin-1, else two) and its arrays. */
  bytes: number;
}

export function packDirectoryRow(row: DirectoryChunk): PackedDirectoryRow {
  const starts = new Uint32Array(CHUNK_SIZE + 1);
  const features = new Uint16Array(CHUNK_SIZE);
  let at = 0;
  for (let slot = 0; slot < CHUNK_SIZE; slot++) {
    starts[slot] = at;
    at += row.ids[slot]?.length ?? 0;
    features[slot] = Math.min(MAX_KEY_COUNT, row.features[slot] ?? 0);
  }
  starts[CHUNK_SIZE] = at;
  const ids = row.ids.join('');
  const perCharacter = /[^\u0000-\u00ff]/.test(ids) ? 2 : 1;
  return { ids, starts, features, bytes: perCharacter * ids.length + starts.byteLength + features.byteLength };
}

export function packedEntryOf(row: PackedDirectoryRow | null | undefined, doc: number): DirectoryEntry | undefined {
  if (!row) return undefined;
  const slot = doc % CHUNK_SIZE;
  const [start, end] = [row.starts[slot], row.starts[slot + 1]];
  return end > start ? { doc, id: row.ids.slice(start, end), features: row.features[slot] } : undefined;
}

/**
 * Packed directory rows kept between reads, least recently used dropped first once their bytes pass `budget`. A row
 * the database lacks is kept as `null` (known absent). Retrieval reads the rows of a page's few best candidates; a
 * warm first answer finds them here instead of reading rows of 40–120 KB each.
 */
export class DirectoryRowCache {
  private readonly rows = new Map<number, PackedDirectoryRow | null>();
  private bytes = 0;

  constructor(readonly budget: number) {}

  has(chunk: number): boolean {
    return this.rows.has(chunk);
  }

  /** The row, marked as just used; undefined when not kept, null when known absent. */
  get(chunk: number): PackedDirectoryRow | null | undefined {
    const row = this.rows.get(chunk);
    if (row === undefined) return undefined;
    this.rows.delete(chunk);
    this.rows.set(chunk, row);
    return row;
  }

  /** Keeps a row as read (undefined: the database has none) and returns it packed. */
  set(chunk: number, row: DirectoryChunk | undefined): PackedDirectoryRow | null {
    this.forget(chunk);
    const packed = row ? packDirectoryRow(row) : null;
    this.rows.set(chunk, packed);
    this.bytes += packed?.bytes ?? 0;
    for (const [oldest, kept] of this.rows) {
      if (this.bytes <= this.budget || oldest === chunk) break;
      this.rows.delete(oldest);
      this.bytes -= kept?.bytes ?? 0;
    }
    return packed;
  }

  clear(): void {
    this.rows.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.rows.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  private forget(chunk: number): void {
    const kept = this.rows.get(chunk);
    if (kept === undefined) return;
    this.rows.delete(chunk);
    this.bytes -= kept?.bytes ?? 0;
  }
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
