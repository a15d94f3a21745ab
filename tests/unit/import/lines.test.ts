import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLineSplitter, type ByteLine } from '../../../lib/import/lines.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function splitAll(chunks: Uint8Array[], options = {}): ByteLine[] {
  const splitter = new ByteLineSplitter(options);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('ByteLineSplitter', () => {
  it('numbers lines and records the byte offset after each', () => {
    expect(splitAll([bytes('ab\nçd\r\nlast')])).toEqual([
      { line: 1, end: 3, text: 'ab' },
      { line: 2, end: 8, text: 'çd' },
      { line: 3, end: 12, text: 'last' },
    ]);
  });

  it('drops a byte order mark at the start of the file only', () => {
    expect(splitAll([bytes('\ufeffa\n\ufeffb\n')]).map((l) => ('text' in l ? l.text : null))).toEqual(['a', '\ufeffb']);
  });

  it('continues offsets and line numbers when resuming mid-file', () => {
    const whole = bytes('one\ntwo\nthree\n');
    const [first] = splitAll([whole]);
    const resumed = splitAll([whole.subarray(first.end)], { startOffset: first.end, startLine: first.line });
    expect(resumed).toEqual([
      { line: 2, end: 8, text: 'two' },
      { line: 3, end: 14, text: 'three' },
    ]);
  });

  it('reports over-long lines without buffering them and goes on', () => {
    expect(splitAll([bytes('short\n'), bytes('x'.repeat(50)), bytes('y'.repeat(50) + '\nok\n')], { maxLineBytes: 20 })).toEqual([
      { line: 1, end: 6, text: 'short' },
      { line: 2, end: 107, tooLong: true },
      { line: 3, end: 110, text: 'ok' },
    ]);
  });

  it('gives the same lines however the bytes are chunked, multi-byte characters included', () => {
    const text = 'Kabulov\n«Échos» de Moscou\r\n\n日本語のテキスト\nend';
    const whole = bytes(text);
    const expected = splitAll([whole]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let from = 0;
        for (const point of [...points, whole.length]) {
          chunks.push(whole.slice(from, point));
          from = point;
        }
        expect(splitAll(chunks)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
