/**
 * A multi-member gzip file (a WARC.gz whose every record is its own member, as crawlers write them) decompressed
 * member by member with the browser's native DecompressionStream, which reads one member and refuses what follows
 * it. Member boundaries are found by their header bytes (1f 8b 08, no reserved flags) and confirmed by the
 * decompression itself: a member cut at a false boundary fails its length and CRC check and is tried again up to the
 * next one. Native inflation is several times faster than inflating in JavaScript (pako, which warcio uses), and
 * each member's file offset is known, which is where an interrupted import resumes.
 */
import { concatBytes } from '../../../lib/import/lines.ts';

export interface GzipMember {
  /** Byte offset of the member in the file. */
  offset: number;
  data: Uint8Array;
}

/** What is read from the file at a time. */
const WINDOW_BYTES = 4 * 1024 * 1024;
/** A member this large compressed is not one record: such a file is read by the streaming path instead. */
export const MAX_MEMBER_BYTES = 64 * 1024 * 1024;

export class NotMemberPerRecord extends Error {}

export function startsWithGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08 && (bytes[3] & 0xe0) === 0;
}

function isMemberStart(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b && bytes[at + 2] === 0x08 && (bytes[at + 3] & 0xe0) === 0;
}

/**
 * One member inflated, or null when the bytes are not one whole member. The bytes go straight into the
 * decompressor: wrapping each member in a Blob to stream it registers the Blob with the browser process, which cost
 * more than the inflation itself.
 */
async function inflate(bytes: Uint8Array): Promise<Uint8Array | null> {
  const decompressor = new DecompressionStream('gzip');
  const writer = decompressor.writable.getWriter();
  // A false boundary fails on both sides: the write is settled here, the failure is read below.
  const written = writer
    .write(bytes as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  const reader = decompressor.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      length += read.value.length;
    }
  } catch {
    return null;
  } finally {
    await written;
  }
  return concatBytes(chunks, length);
}

/**
 * The members of `file` from byte `start` (a member's start), in order. Throws NotMemberPerRecord when a member is
 * larger than MAX_MEMBER_BYTES, and Error when the file is damaged or ends inside a member.
 */
export async function* gzipMembers(file: Blob, start: number): AsyncGenerator<GzipMember> {
  let buffer = new Uint8Array(0);
  /** File offset of buffer[0]. */
  let base = start;
  let loadedTo = start;
  const load = async (): Promise<boolean> => {
    if (loadedTo >= file.size) return false;
    const next = new Uint8Array(await file.slice(loadedTo, loadedTo + WINDOW_BYTES).arrayBuffer());
    loadedTo += next.length;
    const joined = new Uint8Array(buffer.length + next.length);
    joined.set(buffer);
    joined.set(next, buffer.length);
    buffer = joined;
    return true;
  };
  await load();
  while (buffer.length > 0) {
    if (!isMemberStart(buffer, 0)) throw new Error(`the archive is damaged at byte ${base} (no gzip member starts there)`);
    let member: Uint8Array | null = null;
    let end = 0;
    for (let at = 1; member === null; ) {
      if (at + 4 > buffer.length) {
        if (buffer.length > MAX_MEMBER_BYTES) throw new NotMemberPerRecord(`a gzip member larger than ${MAX_MEMBER_BYTES / 1024 / 1024} MB at byte ${base}`);
        if (await load()) continue;
        // The last member runs to the end of the file.
        member = await inflate(buffer);
        if (member === null) throw new Error(`the archive ends in the middle of the gzip member at byte ${base} (an incomplete file?)`);
        end = buffer.length;
        break;
      }
      if (isMemberStart(buffer, at)) {
        member = await inflate(buffer.subarray(0, at));
        end = at;
      }
      // The next candidate header: indexOf scans natively, a byte-by-byte loop here cost as much as the inflation.
      const next = buffer.indexOf(0x1f, at + 1);
      at = next < 0 ? buffer.length : next;
    }
    yield { offset: base, data: member! };
    buffer = buffer.subarray(end);
    base += end;
    // Keep the window from growing: read on once little is left.
    if (buffer.length < 64 * 1024 && loadedTo < file.size) {
      buffer = buffer.slice();
      await load();
    }
  }
}
