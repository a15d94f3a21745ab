/**
 * The bulk import's reader (a dedicated worker): reads the archive from the resume point and hands each record to
 * the extractors in turn, never more than a window ahead of what the options page has stored. A gzip file written
 * one member per record (as crawlers write WARC.gz) is inflated member by member with the browser's native
 * decompressor (gzip-members.ts); any other file — plain WARC, one gzip stream — streams through warcio.
 */
import { readWarcPayloads, type WarcPayloadItem } from '../../../lib/import/warc.ts';
import { gzipMembers, NotMemberPerRecord, startsWithGzip } from './gzip-members.ts';
import type { FromReader, ToExtractor, ToReader } from './messages.ts';

type Start = Extract<ToReader, { kind: 'start' }>;

/** Chunks handed to warcio on the streaming path: it copies the rest of a chunk at every line it splits off. */
const STREAM_CHUNK_BYTES = 16 * 1024;
/** Pieces of an inflated member handed to warcio: its headers fit the first, so each line split copies little. */
const MEMBER_PIECE_BYTES = 4 * 1024;

let acknowledged = -1;
let wake: (() => void) | null = null;

class Sender {
  seq = 0;
  constructor(private readonly start: Start) {}

  async send(item: WarcPayloadItem): Promise<void> {
    while (this.seq - acknowledged > this.start.window) await new Promise<void>((resolve) => (wake = resolve));
    const message: ToExtractor = { seq: this.seq, item };
    this.start.extractors[this.seq % this.start.extractors.length].postMessage(message, transferable(item));
    this.seq++;
  }
}

/** A page's bytes move to the extractor without a copy when they own their buffer (else they are copied). */
function transferable(item: WarcPayloadItem): Transferable[] {
  if (item.kind !== 'payload') return [];
  const { body } = item;
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? [body.buffer as ArrayBuffer] : [];
}

/** A member in pieces: warcio copies the rest of its current chunk at every header line it splits off. */
function* piecesOf(data: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += MEMBER_PIECE_BYTES) yield data.subarray(at, at + MEMBER_PIECE_BYTES);
}

async function* streamChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (let at = 0; at < value.length; at += STREAM_CHUNK_BYTES) yield value.subarray(at, at + STREAM_CHUNK_BYTES);
  }
}

/** Streams the file from `offset` through warcio. */
async function streamFrom(start: Start, sender: Sender, offset: number, skip: number, firstRecordNumber: number): Promise<void> {
  for await (const item of readWarcPayloads(streamChunks(start.file.slice(offset)), { startOffset: offset, skipRecords: skip, firstRecordNumber })) await sender.send(item);
}

/** Member by member; the records of each member resume at the member with the records before them passed over. */
async function membersFrom(start: Start, sender: Sender, offset: number, skip: number, firstRecordNumber: number): Promise<void> {
  let recordNumber = firstRecordNumber;
  let skipInFirst = skip;
  let current = offset;
  try {
    for await (const member of gzipMembers(start.file, offset)) {
      current = member.offset;
      let inMember = 0;
      for await (const item of readWarcPayloads(piecesOf(member.data), { skipRecords: skipInFirst, firstRecordNumber: recordNumber })) {
        inMember = item.recordNumber - recordNumber + 1;
        await sender.send({ ...item, resume: { offset: member.offset, skip: inMember } });
      }
      // Records passed over at the resume point count too.
      recordNumber += Math.max(inMember, skipInFirst);
      skipInFirst = 0;
      current = member.offset;
    }
  } catch (error) {
    if (!(error instanceof NotMemberPerRecord)) {
      // A damaged or incomplete file: what was read is kept, and the reader is told where it stopped.
      await sender.send({ kind: 'problem', recordNumber, reason: `${error instanceof Error ? error.message : String(error)}, reading stopped` });
      return;
    }
    // One member holds many records: warcio streams on from that member's start.
    await streamFrom(start, sender, current, 0, recordNumber);
  }
}

async function read(start: Start): Promise<FromReader> {
  const sender = new Sender(start);
  const offset = start.resume?.offset ?? 0;
  const skip = start.resume?.skip ?? 0;
  const head = new Uint8Array(await start.file.slice(offset, offset + 4).arrayBuffer());
  if (startsWithGzip(head) && typeof DecompressionStream === 'function') await membersFrom(start, sender, offset, skip, start.firstRecordNumber);
  else await streamFrom(start, sender, offset, skip, start.firstRecordNumber);
  return { kind: 'done', items: sender.seq };
}

self.onmessage = (event: MessageEvent<ToReader>) => {
  const message = event.data;
  if (message.kind === 'ack') {
    acknowledged = Math.max(acknowledged, message.upTo);
    wake?.();
    wake = null;
    return;
  }
  void read(message).then(
    (result) => self.postMessage(result),
    (error: unknown) => self.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromReader),
  );
};
