/**
 * Splits a byte stream into lines and remembers where each line ends in the file, so an import can be resumed
 * by reading the file again from the byte after the last committed line (File.slice(offset)) instead of from the
 * start. Lines are split on the byte 0x0A, which never occurs inside a multi-byte UTF-8 character.
 */

export type ByteLine =
  /** `line` is 1-based; `end` is the byte offset just after the line's newline (or the end of the file). */
  | { line: number; end: number; text: string }
  | { line: number; end: number; tooLong: true };

export interface ByteLineOptions {
  /** Byte offset of the first chunk in the file (where a resumed read starts). */
  startOffset?: number;
  /** Number of the line before the first one read (0 from the start of the file). */
  startLine?: number;
  /** Lines longer than this are reported, not buffered: a file with no newlines must not exhaust memory. */
  maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 32 * 1024 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class ByteLineSplitter {
  // BOMs are handled here: the decoder would drop one at the start of every line.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly maxLineBytes: number;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private offset: number;
  private lineNumber: number;
  private atFileStart: boolean;

  constructor(options: ByteLineOptions = {}) {
    this.offset = options.startOffset ?? 0;
    this.lineNumber = options.startLine ?? 0;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.atFileStart = this.offset === 0;
  }

  /** Bytes consumed so far, counted from the start of the file. */
  get position(): number {
    return this.offset;
  }

  push(chunk: Uint8Array): ByteLine[] {
    const lines: ByteLine[] = [];
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      this.keep(chunk.subarray(from, at));
      this.offset += at + 1 - from;
      lines.push(this.finishLine());
      from = at + 1;
    }
    this.keep(chunk.subarray(from));
    this.offset += chunk.length - from;
    return lines;
  }

  /** The last line, when the file does not end with a newline. */
  end(): ByteLine[] {
    return this.pendingBytes > 0 || this.discarding ? [this.finishLine()] : [];
  }

  private keep(piece: Uint8Array): void {
    if (piece.length === 0 || this.discarding) return;
    if (this.pendingBytes + piece.length > this.maxLineBytes) {
      this.pending = [];
      this.pendingBytes = 0;
      this.discarding = true;
      return;
    }
    // The chunk's buffer may be reused by the reader: keep a copy.
    this.pending.push(piece.slice());
    this.pendingBytes += piece.length;
  }

  private finishLine(): ByteLine {
    this.lineNumber += 1;
    const line = this.lineNumber;
    const end = this.offset;
    if (this.discarding) {
      this.discarding = false;
      this.atFileStart = false;
      return { line, end, tooLong: true };
    }
    let bytes = concatBytes(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    let text = this.decoder.decode(bytes);
    if (this.atFileStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.atFileStart = false;
    return { line, end, text };
  }
}

/** The parts in one array (the part itself when there is one); `total` is their summed length. */
export function concatBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
