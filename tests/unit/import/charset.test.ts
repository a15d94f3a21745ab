import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, sniffMetaCharset } from '../../../lib/import/charset.ts';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeHtml', () => {
  it('reads the charset the server sent', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(decodeHtml(latin1('<p>caf\u00e9</p>'), 'text/html; charset=iso-8859-1')).toBe('<p>café</p>');
  });

  it('falls back on the <meta> declaration, then UTF-8', () => {
    const page = latin1('<html><head><meta charset="windows-1251"></head><body>\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2</body></html>');
    expect(sniffMetaCharset(page)).toBe('windows-1251');
    expect(decodeHtml(page)).toContain('Привет');
    const httpEquiv = latin1('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>na\u00efve</p>');
    expect(decodeHtml(httpEquiv)).toContain('naïve');
    expect(decodeHtml(new TextEncoder().encode('<p>Żółw</p>'))).toBe('<p>Żółw</p>');
  });

  it('reads the encoding of an XML declaration (feeds)', () => {
    const feed = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>caf\u00e9</title></rss>');
    expect(decodeHtml(feed)).toContain('café');
  });

  it('lets a byte order mark win and survives unknown labels', () => {
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'text/html; charset=iso-8859-1')).toBe('hi');
    expect(decodeHtml(new TextEncoder().encode('ok'), 'text/html; charset=x-no-such-thing')).toBe('ok');
  });
});
