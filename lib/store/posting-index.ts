/**
 * The inverted index as stored: generations of bucket rows, each a sorted run of postings written once, plus pending
 * runs of recent imports (see GenerationRow, GenerationInfo and PendingRow in schema.ts). Every method but merge runs
 * inside the caller's transaction when there is one, so a batch's records and postings are stored together or not at
 * all; merge makes its own transactions, one step at a time.
 *
 * Why generations: folding new postings into one tier of buckets rewrites that whole tier, so the bytes written per
 * imported article grew with the corpus (at a million articles every fold rewrote the whole index). Pending runs are
 * now written out as a new generation, and generations of about the same size are merged FANOUT at a time (size
 * tiers, as in the PostgreSQL store): a posting is rewritten once per tier, a handful of times however large the
 * corpus grows, and lookups read one row per key in each of a bounded number of generations.
 */
import { packedDocsOf, packedPairCount, packRun, unpackRun } from './packed-runs';
import { bucketOf, bucketRange, concatRuns, mentionsAny, STOPPED_DOC, mergeRuns, pairCount, pairRangeOf, sortInterleaved, withoutDocs } from './postings';
import type { CorpusDatabase, GenerationInfo, GenerationRow, PendingRow } from './schema';
import { MAX_GENERATION_BITS, META_NEXT_GENERATION, generationRowId } from './schema';
import type { Posting } from './types';
import { turnAtOnce } from './reads-first';

/** Postings held in pending runs before they are written out as a generation (2 MB of pairs). */
export const DEFAULT_PENDING_LIMIT = 1 << 18;
/** Generations of one size tier merged together once there are this many; tier t holds ~FANOUT^t pending flushes. */
export const DEFAULT_FANOUT = 4;
/**
 * The same for the batches of a file import, which settles the index when it ends (merge({ settle: true })). Each
 * tier rewrites every posting once more, and the settle rewrites them all again: a 1 GB crawl (78 batches) wrote its
 * postings five times with 4 a tier, three times with 16, and the browser wrote 15–20% fewer bytes per article over
 * the import (docs/measurement-log.md, "Where the import slows"). Lookups made while the import runs
 * pay for it, reading up to 15 generations a tier instead of 3 until the settle leaves one; feeds, which add a few
 * articles at a time and never settle, keep the default.
 */
export const IMPORT_FANOUT = 16;

/** How an append or a merge is made: as part of a file import (see IMPORT_FANOUT) or not. */
export interface WriteOptions {
  forImport?: boolean;
}

/** How a merge is made: also whether it settles, and what it waits for before each of its transactions. */
export interface MergeOptions extends WriteOptions {
  settle?: boolean;
  /** Awaited before each transaction of the merge (an import's, so that a reader's check goes first: ReadsFirst). */
  turn?: () => Promise<void>;
}

/**
 * Postings a merge moves in one transaction, about. A check's reads wait for the transaction under way: a tier of a
 * 1 GB import (5 million postings) merged in one held a reader's first answer for 8 s, and the settle at its end
 * (26 million) much longer. A step this size takes a few hundred milliseconds.
 */
export const MERGE_STEP_POSTINGS = 1 << 19;
/** A merge is tried again at most this many times when the index changed under it (see mergeInSteps). */
const MERGE_ATTEMPTS = 3;

/** A generation's rows hold about this many pairs (8 KB): the row count follows the generation's size. */
const ROW_PAIRS = 1024;
/**
 * Rows reopenFiles() reads. At a million articles the index fills about 60 of the database's files of 2.3 MB, and
 * Chromium keeps 80 files open in all: more rows would push out each other's files.
 */
export const REOPENED_ROWS = 64;
/** Fewest rows per generation, and so the key-space slices a merge works through one at a time. */
const MIN_GENERATION_BITS = 8;
const SLICES = 1 << MIN_GENERATION_BITS;
/**
 * Settling (the end of an import) also merges the newest generations into older ones while those are at most
 * SETTLE_RATIO times their size, so that checks read few rows per key without rewriting a large index for a small
 * import.
 */
const SETTLE_RATIO = 8;

const META_PENDING = 'pendingPostings';
/** The generation a merge is writing, not yet listed (0: none): what a merge stopped midway leaves to delete. */
const META_MERGING = 'mergingGeneration';
const META_NEXT_SEGMENT = 'nextSegment';
/** Bumped by every change to the index, so cached runs are never served stale. */
const META_INDEX_VERSION = 'indexVersion';
/** Bumped when the index is cleared: keys stopped before may hold postings again (see PostingIndex.knownStopped). */
const META_INDEX_EPOCH = 'indexEpoch';

/** Generations chosen to be merged, and the number of the generation they become. */
interface ChosenMerge {
  merged: GenerationInfo[];
  generation: number;
}

/** What a lookup reads besides the rows: the generations and pending runs, cached while the index is unchanged. */
interface IndexShape {
  version: number;
  epoch: number;
  generations: GenerationInfo[];
  pending: Uint32Array[];
  /** The generations' stopped keys (GenerationInfo.stopped), each list sorted. */
  stopped: Uint32Array[];
}

/** A lookup's answer, with the index version it was read at and every key it was asked for. */
interface RecentLookup {
  version: number;
  keys: ReadonlySet<number>;
  postings: ReadonlyMap<number, Posting>;
}

export interface PostingIndexLimits {
  /** Postings kept in pending runs before they become a generation (tests use small values). */
  pendingLimit?: number;
  /** Generations of a size tier merged together (tests use small values). */
  fanout?: number;
  /** Postings a merge moves in one transaction (MERGE_STEP_POSTINGS; tests use small values). */
  mergeStepPostings?: number;
}

export class PostingIndex {
  private cached: IndexShape | null = null;
  /**
   * The index version the latest lookup read its postings at (-1 once this handle writes). What a retrieval reads after
   * its lookup (key counts, directory rows) matches those postings when kept at this version, so it needs no request of
   * its own. A write through another handle after the lookup is seen at the next lookup, as one made just after it.
   */
  lookedUpAt = -1;
  /**
   * Keys a lookup found stopped (in more documents than the cap), besides those its generations list as written
   * (GenerationInfo.stopped). Only removing postings can make a stopped key a posting again, so their rows are not
   * read again while the index has not lost postings: at a million articles a fifth of a first answer's keys are
   * stopped (14 of its 64 at the median, Reuters benchmark).
   */
  private readonly knownStopped = new Set<number>();
  /** The index shape the known stopped keys were last checked against: its epoch and how many postings it held. */
  private stoppedCheckedAt = { epoch: 0, postings: 0 };
  /**
   * The latest lookup's answer. A page's full check asks for the keys its first answer has just read (all of them
   * when the page has at most 64): while the index stays at the version they were read at, those rows are not read
   * again: at a million articles, about 50 reads of a full check.
   */
  private recent: RecentLookup | null = null;
  private readonly pendingLimit: number;
  private readonly fanout: number;
  private readonly mergeStepPostings: number;
  /** The merge under way, if any: merges of one handle run one after another (see merge). */
  private merging: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: CorpusDatabase,
    private readonly dfCap: number,
    limits: PostingIndexLimits = {},
  ) {
    this.pendingLimit = limits.pendingLimit ?? DEFAULT_PENDING_LIMIT;
    this.fanout = Math.max(2, limits.fanout ?? DEFAULT_FANOUT);
    this.mergeStepPostings = Math.max(1, limits.mergeStepPostings ?? MERGE_STEP_POSTINGS);
  }

  private async meta(key: string): Promise<number> {
    return (await this.db.meta.get(key))?.value ?? 0;
  }

  /** The stored index version: it changes with every write to the index or the directory. */
  version(): Promise<number> {
    return this.meta(META_INDEX_VERSION);
  }

  private async bumpVersion(): Promise<void> {
    // What was read at the last lookup no longer stands for the index this handle is writing.
    this.lookedUpAt = -1;
    await this.db.meta.put({ key: META_INDEX_VERSION, value: (await this.meta(META_INDEX_VERSION)) + 1 });
  }

  /**
   * Appends the postings of new documents as one pending run, or with the pending runs as a new generation when
   * they fill them; call inside a rw transaction that also covers the generations and the directory, since the
   * version bump tells cached directory rows to be read again. True when a merge is due.
   * `entries` are (key, doc) pairs interleaved in any order: [key0, doc0, key1, doc1, …].
   */
  async append(entries: Uint32Array, { forImport = false }: WriteOptions = {}): Promise<boolean> {
    const pending = await this.meta(META_PENDING);
    if (entries.length === 0) {
      await this.bumpVersion();
      return pending >= this.pendingLimit;
    }
    const pairs = sortInterleaved(entries);
    if (pending + pairCount(pairs) >= this.pendingLimit) return this.writeOutWith(pairs, this.fanoutFor(forImport));
    const segment = await this.meta(META_NEXT_SEGMENT);
    await this.db.pending.add({ segment, pairs: pairs.buffer as ArrayBuffer });
    await this.db.meta.bulkPut([
      { key: META_NEXT_SEGMENT, value: segment + 1 },
      { key: META_PENDING, value: pending + pairCount(pairs) },
    ]);
    await this.bumpVersion();
    return pending + pairCount(pairs) >= this.pendingLimit;
  }

  /**
   * A batch that fills the pending runs goes straight into the generation they are written out as, in the batch's
   * transaction: written as a pending row it would be read back at once by merge(), a bulk import's batch (about
   * the pending limit by itself) written twice. The generation is the one merge() would write. True when a size tier
   * is full, so that the caller merges it (its own transaction).
   */
  private async writeOutWith(pairs: Uint32Array, fanout: number): Promise<boolean> {
    await this.writePendingOut(pairs);
    await this.bumpVersion();
    return fullTier(await this.generations(), this.pendingLimit, fanout) !== null;
  }

  private fanoutFor(forImport: boolean): number {
    return forImport ? Math.max(this.fanout, IMPORT_FANOUT) : this.fanout;
  }

  /**
   * Writes the pending runs out as a new generation and merges generations of a full size tier; with `settle`, also
   * merges the newest generations into older ones of comparable size (see SETTLE_RATIO). A merge of many postings is
   * made in steps, each its own transaction (see mergeInSteps), so that a check waits for one step, not the merge.
   * Merges of one handle run one after another; a merge may not run inside the caller's transaction.
   */
  merge(options: MergeOptions = {}): Promise<void> {
    const merged = this.merging.then(() => this.mergeNow(options));
    this.merging = merged.catch(() => undefined);
    return merged;
  }

  private async mergeNow({ settle = false, forImport = false, turn = turnAtOnce }: MergeOptions): Promise<void> {
    const db = this.db;
    const fanout = this.fanoutFor(forImport);
    // The merged generation's number is taken with the choice, in one transaction: a batch stored between the two
    // would take an older number than the merge of older postings.
    const choose = async (): Promise<ChosenMerge | null> => {
      const generations = await db.generations.orderBy('generation').toArray();
      // A settle takes its span first: a full tier inside the span merged on its own would be written twice.
      const merged = settle ? (settleSpan(generations) ?? fullTier(generations, this.pendingLimit, fanout)) : fullTier(generations, this.pendingLimit, fanout);
      if (merged === null) return null;
      const generation = await this.nextGeneration();
      await db.meta.put({ key: META_MERGING, value: generation });
      return { merged, generation };
    };
    await turn();
    let chosen = await db.transaction('rw', [db.generations, db.generationRows, db.pending, db.meta], async () => {
      await this.dropUnfinishedMerge();
      await this.writePendingOut();
      await this.bumpVersion();
      return choose();
    });
    for (let attempts = 0; chosen !== null && attempts < MERGE_ATTEMPTS; ) {
      if (!(await this.mergeInSteps(chosen, turn))) attempts++;
      await turn();
      chosen = await db.transaction('rw', [db.generations, db.meta], choose);
    }
  }

  /** Deletes the rows of a merge stopped midway (its worker stopped), which no generation lists. */
  private async dropUnfinishedMerge(): Promise<void> {
    const unfinished = await this.meta(META_MERGING);
    if (unfinished === 0) return;
    if ((await this.db.generations.get(unfinished)) === undefined) await this.deleteRowsOf(unfinished);
    await this.db.meta.put({ key: META_MERGING, value: 0 });
  }

  private deleteRowsOf(generation: number): Promise<number> {
    return this.db.generationRows.where(':id').between(generationRowId(generation, 0), generationRowId(generation + 1, 0), true, false).delete();
  }

  /** Writes the pending runs, and `batch` after them, out as the newest generation, and empties the pending runs. */
  private async writePendingOut(batch?: Uint32Array): Promise<void> {
    const segments = await this.db.pending.toArray();
    const runs: Uint32Array[] = segments.map((row) => new Uint32Array(row.pairs));
    if (batch) runs.push(batch);
    if (runs.length === 0) return;
    await this.writeGeneration(mergeRuns(undefined, concatRuns(runs), this.dfCap));
    if (segments.length > 0) await this.db.pending.clear();
    await this.db.meta.put({ key: META_PENDING, value: 0 });
  }

  /** Stores a sorted run as the newest generation, in rows of about ROW_PAIRS pairs. */
  private async writeGeneration(run: Uint32Array): Promise<void> {
    if (run.length === 0) return;
    const generation = await this.nextGeneration();
    const bits = bitsFor(pairCount(run));
    await this.db.generationRows.bulkPut(rowsOf(generation, bits, run));
    await this.db.generations.put({ generation, bits, postings: pairCount(run), stopped: stoppedKeysOf(run).buffer as ArrayBuffer });
  }

  private async nextGeneration(): Promise<number> {
    const generation = await this.meta(META_NEXT_GENERATION);
    await this.db.meta.put({ key: META_NEXT_GENERATION, value: generation + 1 });
    return generation;
  }

  /**
   * Merges consecutive generations (oldest first) into one that takes their place in age order, a slice of the key
   * space at a time, so a merge holds about 1/256 of the merged postings in memory. The merged rows are written under
   * a generation no lookup reads until the last step, which lists it and deletes the generations it replaces; each
   * step is its own transaction of about `mergeStepPostings` postings. False, and nothing changed, when the merged
   * generations changed in the meantime (postings removed, the index cleared): the merge is chosen again.
   */
  private async mergeInSteps({ merged, generation }: ChosenMerge, turn: () => Promise<void>): Promise<boolean> {
    const db = this.db;
    const total = merged.reduce((n, info) => n + info.postings, 0);
    const bits = bitsFor(total);
    const slicesPerStep = Math.min(SLICES, Math.max(1, Math.floor((SLICES * this.mergeStepPostings) / Math.max(1, total))));
    let postings = 0;
    const stopped: Uint32Array[] = [];
    for (let first = 0; first < SLICES; first += slicesPerStep) {
      await turn();
      const step = await db.transaction('rw', [db.generationRows], () => this.mergeSlices(merged, generation, bits, first, Math.min(SLICES, first + slicesPerStep)));
      postings += step.postings;
      stopped.push(...step.stopped);
    }
    await turn();
    return db.transaction('rw', [db.generations, db.generationRows, db.meta], async () => {
      const now = await db.generations.bulkGet(merged.map((info) => info.generation));
      // Another handle's merge that found this one's rows unfinished deleted them, and said so here.
      const ours = (await this.meta(META_MERGING)) === generation;
      const unchanged = ours && now.every((info, i) => info !== undefined && info.postings === merged[i].postings);
      if (unchanged) {
        for (const info of merged) await this.deleteRowsOf(info.generation);
        await db.generations.bulkDelete(merged.map((info) => info.generation));
        if (postings > 0) await db.generations.put({ generation, bits, postings, stopped: concatSorted(stopped).buffer as ArrayBuffer });
        await this.bumpVersion();
      } else {
        await this.deleteRowsOf(generation);
      }
      if (ours) await db.meta.put({ key: META_MERGING, value: 0 });
      return unchanged;
    });
  }

  /** Writes slices [from, to) of the merged generations as `generation`'s rows; call inside a rw transaction. */
  private async mergeSlices(merged: readonly GenerationInfo[], generation: number, bits: number, from: number, to: number): Promise<{ postings: number; stopped: Uint32Array[] }> {
    let postings = 0;
    const stopped: Uint32Array[] = [];
    for (let slice = from; slice < to; slice++) {
      let run: Uint32Array | undefined;
      for (const info of merged) {
        const rows = await this.db.generationRows.where(':id').between(...sliceIds(info, slice), true, false).toArray();
        if (rows.length === 0) continue;
        const part = concatSorted(rows.map(runOfRow));
        run = mergeRuns(run, part, this.dfCap);
      }
      if (run === undefined || run.length === 0) continue;
      postings += pairCount(run);
      stopped.push(stoppedKeysOf(run));
      await this.db.generationRows.bulkPut(rowsOf(generation, bits, run));
    }
    return { postings, stopped };
  }

  private async shapeAt(version: number): Promise<IndexShape> {
    if (this.cached?.version === version) return this.cached;
    return this.readShape(Promise.resolve(version));
  }

  /** The generations and pending runs, read beside `version` (requests already sent in the same transaction). */
  private async readShape(version: Promise<number>): Promise<IndexShape> {
    const [read, epoch, generations, pendingRows] = await Promise.all([version, this.meta(META_INDEX_EPOCH), this.db.generations.orderBy('generation').toArray(), this.db.pending.toArray()]);
    const stopped = generations.flatMap((info) => (info.stopped ? [new Uint32Array(info.stopped)] : []));
    this.cached = { version: read, epoch, generations, pending: pendingRows.map((row) => new Uint32Array(row.pairs)), stopped };
    return this.cached;
  }

  /**
   * Postings of `keys`: one row per key in each generation (all read in one request batch), and the pending runs
   * (cached while unchanged). A settled index has few generations.
   */
  async lookup(keys: ArrayLike<number>): Promise<Map<number, Posting>> {
    const distinct = [...new Set(Array.from(keys, (key) => key >>> 0))];
    const db = this.db;
    const [shape, rows, reused] = await db.transaction('r', [db.generations, db.generationRows, db.pending, db.meta], async () => {
      // The rows are read by the shape last seen, beside the version that says whether it still holds: while the
      // index is unchanged a lookup waits on one round of requests instead of two.
      const guess = this.cached;
      // A fresh store (a worker just started) has no shape to guess by: the shape is read beside the version, one
      // round of requests before the rows instead of two.
      if (!guess) {
        const shape = await this.readShape(this.meta(META_INDEX_VERSION));
        return [shape, await this.rowsFor(shape.generations, this.toRead(distinct, shape)), null] as const;
      }
      // The latest lookup's answer stands for its keys if the version read beside the rows is still the one it was read at.
      const recent = this.recent?.version === guess.version ? this.recent : null;
      const unread = this.toRead(distinct, guess).filter((key) => !recent?.keys.has(key));
      const [version, guessed] = await Promise.all([this.meta(META_INDEX_VERSION), this.rowsFor(guess.generations, unread)]);
      if (guess.version === version) return [guess, guessed, recent] as const;
      const current = await this.shapeAt(version);
      return [current, await this.rowsFor(current.generations, this.toRead(distinct, current)), null] as const;
    });
    this.lookedUpAt = shape.version;
    // A lookup under way beside one that saw the index cleared or shrunk learns nothing from its older shape.
    const learns = shape.epoch === this.stoppedCheckedAt.epoch && postingsIn(shape) >= this.stoppedCheckedAt.postings;
    const result = new Map<number, Posting>();
    for (const key of distinct) {
      if (this.isKnownStopped(key, shape)) {
        result.set(key, 'stopped');
        continue;
      }
      if (reused?.keys.has(key)) {
        const posting = reused.postings.get(key);
        if (posting !== undefined) result.set(key, posting);
        continue;
      }
      const runs = shape.generations.map((info) => rows.get(generationRowId(info.generation, bucketOf(key, info.bits))));
      const posting = this.postingOf(key, [...runs, ...shape.pending]);
      if (posting === 'stopped' && learns) this.knownStopped.add(key);
      if (posting !== null) result.set(key, posting);
    }
    this.recent = { version: shape.version, keys: new Set(distinct), postings: new Map(result) };
    return result;
  }

  /**
   * Reads REOPENED_ROWS rows spread over the index. Chromium keeps 80 of a database's files open, and a full check's
   * record reads push out those holding the index, so the next first answer waited on its table files being opened
   * again. At a million articles (about 60 files of index), with this run after each full check, a warm first answer
   * took p50 10.4–11.8 and p95 19.0–21.5 ms in five runs of 120 pages, against 11.2–15.2 and 18.8–28.3 ms in seven
   * runs without, alternating on one profile; the reads took p50 9–11 ms. Nothing is kept in the worker.
   */
  async reopenFiles(count = REOPENED_ROWS): Promise<number> {
    const generations = await this.db.generations.toArray();
    const ids = spreadRowIds(generations, count);
    if (ids.length === 0) return 0;
    // Each row is asked for at once (a cursor's seeks would wait on one another): 64 rows are about 150 KB.
    return (await this.db.generationRows.bulkGet(ids)).filter((row) => row !== undefined).length;
  }

  /** The keys whose rows a lookup at `shape` reads: all but those known stopped, unless the index has lost postings. */
  private toRead(keys: readonly number[], shape: IndexShape): number[] {
    const postings = postingsIn(shape);
    // A clear starts a new epoch; a removal, or a merge that stopped keys, leaves fewer postings.
    if (shape.epoch !== this.stoppedCheckedAt.epoch || postings < this.stoppedCheckedAt.postings) this.knownStopped.clear();
    this.stoppedCheckedAt = { epoch: shape.epoch, postings };
    return keys.filter((key) => !this.isKnownStopped(key, shape));
  }

  /** Stopped in one of the shape's generations as written, or found stopped by an earlier lookup. */
  private isKnownStopped(key: number, shape: IndexShape): boolean {
    return this.knownStopped.has(key) || shape.stopped.some((keys) => sortedHas(keys, key));
  }

  /** The rows holding `keys`, as stored: packed rows stay packed, since a lookup reads one key or two of each. */
  private async rowsFor(generations: readonly GenerationInfo[], keys: readonly number[]): Promise<Map<number, StoredRun>> {
    const ids = [...new Set(generations.flatMap((info) => keys.map((key) => generationRowId(info.generation, bucketOf(key, info.bits)))))].sort((a, b) => a - b);
    const runs = new Map<number, StoredRun>();
    if (ids.length === 0) return runs;
    const rows = await this.db.generationRows.bulkGet(ids);
    rows.forEach((row) => {
      if (row) runs.set(row.id, row.packed ? new Uint8Array(row.packed) : runOfRow(row));
    });
    return runs;
  }

  /**
   * A key's documents over the runs, oldest first. Written straight into one array: building a list, a set and a
   * sorted copy per key was the lookup's largest CPU cost in a Node profile (100,000 articles).
   */
  private postingOf(key: number, runs: readonly (StoredRun | undefined)[]): Posting | null {
    const parts: Uint32Array[] = [];
    let length = 0;
    for (const run of runs) {
      if (!run) continue;
      const part = docsIn(run, key);
      if (part.length === 0) continue;
      parts.push(part);
      length += part.length;
    }
    if (length === 0) return null;
    // Postings spread over generations have not met the cap together yet; their merge will stop such a key, so stop it now.
    if (length > this.dfCap) return 'stopped';
    // One part is its own array: the loop below then only checks it for a stopped key.
    const docs = parts.length === 1 ? parts[0] : new Uint32Array(length);
    let at = 0;
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) {
        const doc = part[i];
        if (doc === STOPPED_DOC) return 'stopped';
        docs[at++] = doc;
      }
    }
    // Generations are read oldest first and merges keep age order, so the documents are ascending and distinct but
    // where a pending run and a generation both hold a document (never written so): sorted and made distinct then.
    return ascendingDistinct(docs);
  }

  /** Removes every posting of `docs`; `keys` are their index keys, which say which rows hold them. */
  async remove(docs: ReadonlySet<number>, keys: readonly number[]): Promise<void> {
    this.knownStopped.clear();
    for (const info of await this.db.generations.toArray()) await this.removeFromGeneration(info, docs, keys);
    let pendingCount = 0;
    const rewritten: PendingRow[] = [];
    const emptied: number[] = [];
    for (const row of await this.db.pending.toArray()) {
      const pairs = new Uint32Array(row.pairs);
      const kept = mentionsAny(pairs, docs) ? withoutDocs(pairs, docs) : pairs;
      pendingCount += pairCount(kept);
      if (kept === pairs) continue;
      if (kept.length === 0) emptied.push(row.segment);
      else rewritten.push({ segment: row.segment, pairs: kept.buffer as ArrayBuffer });
    }
    await this.db.pending.bulkPut(rewritten);
    await this.db.pending.bulkDelete(emptied);
    await this.db.meta.put({ key: META_PENDING, value: pendingCount });
    await this.bumpVersion();
  }

  private async removeFromGeneration(info: GenerationInfo, docs: ReadonlySet<number>, keys: readonly number[]): Promise<void> {
    const ids = [...new Set(keys.map((key) => generationRowId(info.generation, bucketOf(key, info.bits))))].sort((a, b) => a - b);
    const rows = await this.db.generationRows.bulkGet(ids);
    const puts: GenerationRow[] = [];
    const deletes: number[] = [];
    let removed = 0;
    rows.forEach((row, i) => {
      if (!row) return;
      const pairs = runOfRow(row);
      const kept = withoutDocs(pairs, docs);
      removed += pairCount(pairs) - pairCount(kept);
      if (kept.length === 0) deletes.push(ids[i]);
      else if (kept !== pairs) puts.push(packedRow(ids[i], kept));
    });
    if (removed === 0) return;
    await this.db.generationRows.bulkPut(puts);
    await this.db.generationRows.bulkDelete(deletes);
    await this.db.generations.put({ ...info, postings: Math.max(0, info.postings - removed) });
  }

  async clear(): Promise<void> {
    this.knownStopped.clear();
    await Promise.all([this.db.generations.clear(), this.db.generationRows.clear(), this.db.pending.clear()]);
    await this.db.meta.bulkPut([
      { key: META_PENDING, value: 0 },
      { key: META_INDEX_EPOCH, value: (await this.meta(META_INDEX_EPOCH)) + 1 },
    ]);
    await this.bumpVersion();
  }

  /** Postings stored and the bytes their runs take as stored, packed or not (without the database's own overhead). */
  async size(): Promise<{ postings: number; bytes: number }> {
    let bytes = 0;
    let postings = 0;
    await this.db.generationRows.each((row) => {
      bytes += storedBytes(row);
      postings += row.packed ? packedPairCount(new Uint8Array(row.packed)) : storedBytes(row) / 8;
    });
    await this.db.pending.each((row) => {
      bytes += row.pairs.byteLength;
      postings += row.pairs.byteLength / 8;
    });
    return { postings, bytes };
  }

  /** The stored generations, oldest first (for tests and the benchmark's account of the layout). */
  generations(): Promise<GenerationInfo[]> {
    return this.db.generations.orderBy('generation').toArray();
  }
}

/** The keys a sorted run holds stopped, ascending. */
function stoppedKeysOf(run: Uint32Array): Uint32Array {
  const keys: number[] = [];
  for (let i = 1; i < run.length; i += 2) if (run[i] === STOPPED_DOC) keys.push(run[i - 1]);
  return Uint32Array.from(keys);
}

/** Whether ascending `keys` holds `key` (binary search). */
function sortedHas(keys: Uint32Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === key;
}

/** Postings in the generations and pending runs of a shape. */
function postingsIn(shape: IndexShape): number {
  return shape.generations.reduce((n, info) => n + info.postings, 0) + shape.pending.reduce((n, run) => n + pairCount(run), 0);
}

/**
 * Row ids spread evenly over the generations' key spaces, about `count` in all, shared out by the generations' sizes
 * (each gets at least one), so that every stretch of the index the database keeps in one file holds one of them.
 */
export function spreadRowIds(generations: readonly Pick<GenerationInfo, 'generation' | 'bits' | 'postings'>[], count: number): number[] {
  const total = generations.reduce((sum, info) => sum + info.postings, 0);
  if (total === 0 || count <= 0) return [];
  const ids: number[] = [];
  for (const info of generations) {
    const rows = 2 ** info.bits;
    const share = Math.min(rows, Math.max(1, Math.round((count * info.postings) / total)));
    for (let i = 0; i < share; i++) ids.push(generationRowId(info.generation, Math.floor(((i + 0.5) * rows) / share)));
  }
  return ids.sort((a, b) => a - b);
}

/** Bucket bits for a generation of `postings` pairs: rows of about ROW_PAIRS pairs. */
export function bitsFor(postings: number): number {
  const bits = Math.ceil(Math.log2(Math.max(1, postings / ROW_PAIRS)));
  return Math.min(MAX_GENERATION_BITS, Math.max(MIN_GENERATION_BITS, bits));
}

/** Size tier of a generation: 0 up to `base`·fanout postings, then one more per factor `fanout`. */
function tierOf(postings: number, base: number, fanout: number): number {
  return Math.max(0, Math.floor(Math.log(Math.max(1, postings / base)) / Math.log(fanout)));
}

/**
 * The newest consecutive generations of one size tier, when there are `fanout` of them. Newer generations are
 * never larger tiers than older ones under this policy, so a tier's generations follow one another in age.
 */
export function fullTier(generations: readonly GenerationInfo[], base: number, fanout: number): GenerationInfo[] | null {
  let end = generations.length;
  while (end > 0) {
    const tier = tierOf(generations[end - 1].postings, base, fanout);
    let start = end - 1;
    while (start > 0 && tierOf(generations[start - 1].postings, base, fanout) === tier) start--;
    if (end - start >= fanout) return generations.slice(start, end);
    end = start;
  }
  return null;
}

/** The newest generations and every older one at most SETTLE_RATIO times their total, when that is two or more. */
export function settleSpan(generations: readonly GenerationInfo[]): GenerationInfo[] | null {
  if (generations.length < 2) return null;
  let start = generations.length - 1;
  let total = generations[start].postings;
  while (start > 0 && generations[start - 1].postings <= SETTLE_RATIO * total) {
    start--;
    total += generations[start].postings;
  }
  return generations.length - start >= 2 ? generations.slice(start) : null;
}

/** Row ids [from, to) of a generation's rows within key-space slice `slice` of 2^MIN_GENERATION_BITS. */
function sliceIds(info: GenerationInfo, slice: number): [number, number] {
  const shift = info.bits - MIN_GENERATION_BITS;
  return [generationRowId(info.generation, slice << shift), generationRowId(info.generation, (slice + 1) << shift)];
}

/** A sorted run cut into a generation's rows, one per bucket it touches. */
function rowsOf(generation: number, bits: number, run: Uint32Array): GenerationRow[] {
  const rows: GenerationRow[] = [];
  const n = pairCount(run);
  let start = 0;
  while (start < n) {
    const bucket = bucketOf(run[2 * start], bits);
    const [, end] = bucketRange(run, bucket, start, bits);
    rows.push(packedRow(generationRowId(generation, bucket), run.subarray(2 * start, 2 * end)));
    start = end;
  }
  return rows;
}

/** A generation row holding `run` packed. */
function packedRow(id: number, run: Uint32Array): GenerationRow {
  return { id, packed: packRun(run).buffer as ArrayBuffer };
}

/** The run of a generation row, packed or written before packing (see GenerationRow). */
function runOfRow(row: GenerationRow): Uint32Array {
  if (row.packed) return unpackRun(new Uint8Array(row.packed));
  return new Uint32Array(row.pairs ?? new ArrayBuffer(0));
}

/** A run as a lookup reads it: a packed generation row's bytes, or pairs (older rows, pending runs). */
type StoredRun = Uint8Array | Uint32Array;

/** The documents of `key` in a run, ascending. */
function docsIn(run: StoredRun, key: number): Uint32Array {
  if (run instanceof Uint8Array) return packedDocsOf(run, key);
  const [start, end] = pairRangeOf(run, key);
  const docs = new Uint32Array(end - start);
  for (let i = start; i < end; i++) docs[i - start] = run[2 * i + 1];
  return docs;
}

/** Bytes a generation row's run takes as stored. */
function storedBytes(row: GenerationRow): number {
  return (row.packed ?? row.pairs)?.byteLength ?? 0;
}

/** The documents ascending, each once: as they are when already so, sorted and made distinct otherwise. */
function ascendingDistinct(docs: Uint32Array): Uint32Array {
  let ordered = true;
  for (let i = 1; i < docs.length && ordered; i++) ordered = docs[i - 1] < docs[i];
  if (ordered) return docs;
  docs.sort();
  let kept = 0;
  for (let i = 0; i < docs.length; i++) if (i === 0 || docs[i] !== docs[kept - 1]) docs[kept++] = docs[i];
  return docs.slice(0, kept);
}

/** Runs that follow one another in key order, joined without sorting. */
function concatSorted(runs: readonly Uint32Array[]): Uint32Array {
  if (runs.length === 1) return runs[0];
  const joined = new Uint32Array(runs.reduce((n, run) => n + run.length, 0));
  let at = 0;
  for (const run of runs) {
    joined.set(run, at);
    at += run.length;
  }
  return joined;
}
