/**
 * Encoders for the legacy character sets the hardening pages are served in. Node decodes Shift_JIS but cannot
 * encode it: its table is the decoder's, inverted, so the bytes are exactly what a browser decodes back. Node 20
 * decodes windows-1252 as Latin-1, so that table is written out (the WHATWG Encoding Standard's index).
 */

type Table = Map<string, number[]>;

function invert(label: string, sequences: Iterable<number[]>): Table {
  const decoder = new TextDecoder(label, { fatal: true });
  const table: Table = new Map();
  for (const bytes of sequences) {
    let char: string;
    try {
      char = decoder.decode(Uint8Array.from(bytes));
    } catch {
      continue;
    }
    // The first byte sequence for a character wins: it is the one encoders emit.
    if ([...char].length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, bytes);
  }
  return table;
}

function* shiftJisSequences(): Generator<number[]> {
  for (let byte = 0; byte < 0x100; byte++) if (byte < 0x80 || (byte >= 0xa1 && byte <= 0xdf)) yield [byte];
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) yield [lead, trail];
  }
}

/** windows-1252 bytes 0x80–0x9F; every other byte is the code point of the same number. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252Table(): Table {
  const table: Table = new Map();
  for (let byte = 0; byte < 0x100; byte++) {
    const char = byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    table.set(char, [byte]);
  }
  return table;
}

const tables = new Map<string, Table>();

function tableFor(label: 'windows-1252' | 'shift_jis'): Table {
  let table = tables.get(label);
  if (!table) {
    table = label === 'shift_jis' ? invert(label, shiftJisSequences()) : windows1252Table();
    tables.set(label, table);
  }
  return table;
}

/** `text` in a legacy encoding; throws on a character the encoding cannot hold (the page would be wrong). */
export function encodeLegacy(text: string, label: 'windows-1252' | 'shift_jis'): Buffer {
  const table = tableFor(label);
  const bytes: number[] = [];
  for (const char of text) {
    const encoded = table.get(char);
    if (!encoded) throw new Error(`${label} cannot encode U+${char.codePointAt(0)!.toString(16).toUpperCase()} "${char}"`);
    bytes.push(...encoded);
  }
  return Buffer.from(bytes);
}
