/**
 * Decoding HTML bytes the way browsers do, in short: a byte order mark wins, then the charset the server sent,
 * then a <meta> declaration near the top of the page, then UTF-8. Saved pages and archived responses are often
 * in legacy encodings (windows-1252, ISO-8859-x, Shift_JIS), which UTF-8 decoding would garble.
 */

/** The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1" -> "iso-8859-1"). */
export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : undefined;
}

/** Browsers look for the <meta> charset in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;

export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one character, so the ASCII markup reads correctly whatever the real encoding.
  const head = LATIN1.decode(bytes.subarray(0, PRESCAN_BYTES));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1].toLowerCase() : undefined;
}

/** The encoding an XML declaration names (<?xml version="1.0" encoding="ISO-8859-1"?>), for feeds. */
function sniffXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = LATIN1.decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match ? match[1].toLowerCase() : undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Decoders by label: an import decodes hundreds of thousands of pages, and making a decoder is not free. */
const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  if (!decoders.has(label)) {
    let decoder: TextDecoder | null;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    if (decoders.size < 64) decoders.set(label, decoder);
    return decoder;
  }
  return decoders.get(label)!;
}

const LATIN1 = new TextDecoder('latin1');

/**
 * The decoder for a page's (or feed's) bytes; `contentType` is the HTTP header when one is known. Shared between
 * calls: a caller decoding in pieces (`stream: true`) ends with a call without it, which readies it for the next text.
 */
export function htmlDecoder(bytes: Uint8Array, contentType?: string | null): TextDecoder {
  return (
    decoderFor(bomCharset(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(sniffXmlEncoding(bytes)) ??
    decoderFor(sniffMetaCharset(bytes)) ??
    decoderFor('utf-8')!
  );
}

/** The page's (or feed's) text; `contentType` is the HTTP header when one is known. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  return htmlDecoder(bytes, contentType).decode(bytes);
}
