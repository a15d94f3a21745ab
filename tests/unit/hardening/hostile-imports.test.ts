/**
 * Hostile import files at the reading layer: malformed and binary JSONL lines, duplicate ids, one 50 MB record,
 * cut-off and corrupted web archives, random bytes. Every bad part is reported where it is, every good record
 * is kept, and reading always ends (no file can make it loop or buffer without limit).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_TEXT_CHARS, readJsonlRecords, type JsonlImportItem } from '../../../lib/import/jsonl.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../../lib/import/lines.ts';
import { readWarcPages, type WarcItem } from '../../../lib/import/warc.ts';
import { IMG_PAYLOAD, JAVASCRIPT_URL, SCRIPT_PAYLOAD } from './payloads.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const encoder = new TextEncoder();

async function readJsonl(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<JsonlImportItem[]> {
  const items: JsonlImportItem[] = [];
  for await (const item of readJsonlRecords(chunks)) items.push(item);
  return items;
}

async function readWarc(bytes: Uint8Array, chunkSize = 4093): Promise<WarcItem[]> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.slice(at, at + chunkSize));
  const items: WarcItem[] = [];
  for await (const item of readWarcPages(chunks)) items.push(item);
  return items;
}

const line = (record: object): string => JSON.stringify(record);
const problems = (items: JsonlImportItem[]) => items.flatMap((item) => (item.kind === 'problem' ? [`line ${item.line}: ${item.reason}`] : []));
const recordIds = (items: JsonlImportItem[]) => items.flatMap((item) => (item.kind === 'record' ? [item.record.id] : []));

describe('hostile JSONL', () => {
  it('reports malformed, binary and duplicate lines by number and keeps every good record', async () => {
    const junk = Uint8Array.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x80, 0x1b, 0x5b, 0x32, 0x4a]);
    const parts: (string | Uint8Array)[] = [
      line({ id: 'good-1', text: `Council approves ${IMG_PAYLOAD} budget.`, title: SCRIPT_PAYLOAD, url: JAVASCRIPT_URL }),
      '{"id": "cut", "text": "the line ends',
      junk,
      line({ id: 'good-2', text: 'Second good record.' }),
      '[1, 2, 3]',
      line({ id: 'good-1', text: 'A second record with the first id.' }),
      line({ id: 42, text: 'numeric id' }),
      line({ id: 'no-text' }),
      '\u0000\u0000\u0000',
      line({ id: `${SCRIPT_PAYLOAD}`, text: 'An id that is markup, kept as an id.' }),
    ];
    const bytes: Uint8Array[] = [];
    parts.forEach((part, index) => {
      bytes.push(typeof part === 'string' ? encoder.encode(part) : part);
      if (index < parts.length - 1) bytes.push(encoder.encode('\n'));
    });
    const items = await readJsonl(bytes);
    expect(recordIds(items)).toEqual(['good-1', 'good-2', SCRIPT_PAYLOAD]);
    expect(problems(items)).toEqual([
      expect.stringMatching(/^line 2: invalid JSON/),
      expect.stringMatching(/^line 3: invalid JSON/),
      expect.stringMatching(/^line 5: not a JSON object/),
      'line 6: duplicate id "good-1" (first on line 1)',
      expect.stringMatching(/^line 7: "id" must be a string/),
      'line 8: missing "text"',
      expect.stringMatching(/^line 9: invalid JSON/),
    ]);
    // Stored as given: the record layer keeps untrusted strings as strings; display decides what is a link.
    const first = items.find((item) => item.kind === 'record')!;
    expect(first.kind === 'record' && first.record.title).toBe(SCRIPT_PAYLOAD);
  });

  it('reports a single 50 MB record as too long without holding it, and keeps the records around it', async () => {
    const size = 50 * 1024 * 1024;
    expect(size).toBeGreaterThan(DEFAULT_MAX_LINE_BYTES);
    let produced = 0;
    async function* file(): AsyncGenerator<Uint8Array> {
      yield encoder.encode(`${line({ id: 'before', text: 'Before the giant.' })}\n{"id": "giant", "text": "`);
      const block = new Uint8Array(1024 * 1024).fill(0x61);
      for (let sent = 0; sent < size; sent += block.length) {
        produced += block.length;
        yield block;
      }
      yield encoder.encode(`"}\n${line({ id: 'after', text: 'After the giant.' })}\n`);
    }
    const items = await readJsonl(file());
    expect(produced).toBe(size);
    expect(recordIds(items)).toEqual(['before', 'after']);
    expect(problems(items)).toEqual([`line 2: line longer than ${DEFAULT_MAX_LINE_BYTES} bytes`]);
    const after = items.find((item) => item.kind === 'record' && item.record.id === 'after')!;
    expect(after.line).toBe(3);
    // The resume position after the giant line counts its bytes exactly.
    const giant = items.find((item) => item.kind === 'problem')!;
    expect(giant.end).toBeGreaterThan(size);
  });

  it('reports a record too long to compare (under the line limit) and keeps its id free for a later record', async () => {
    const long = 'word '.repeat(MAX_RECORD_TEXT_CHARS / 5 + 1);
    const items = await readJsonl([encoder.encode([line({ id: 'huge', text: long }), line({ id: 'huge', text: 'The real record.' })].join('\n'))]);
    expect(problems(items)).toEqual([`line 1: too large (${long.length.toLocaleString('en')} characters; the limit is 2,000,000)`]);
    expect(recordIds(items)).toEqual(['huge']);
  });

  it('never throws on random bytes; line numbers and resume offsets only move forward and stay in the file', async () => {
    const withNewlines = fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constant(Uint8Array.of(0x0a)), fc.constant(encoder.encode(line({ id: 'x', text: 'y' })))), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(withNewlines, async (chunks) => {
        const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
        const items = await readJsonl(chunks);
        let lastLine = 0;
        let lastEnd = 0;
        for (const item of items) {
          expect(item.line).toBeGreaterThan(lastLine);
          expect(item.end).toBeGreaterThanOrEqual(lastEnd);
          expect(item.end).toBeLessThanOrEqual(total);
          lastLine = item.line;
          lastEnd = item.end;
          if (item.kind === 'record') expect(typeof item.record.text).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile web archives', () => {
  const archive = new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz')));

  it('reads the whole committed archive without a problem (the baseline for the cuts below)', async () => {
    const items = await readWarc(archive);
    expect(items.filter((item) => item.kind === 'problem')).toEqual([]);
    expect(items.filter((item) => item.kind === 'page').length).toBeGreaterThan(0);
  });

  it('a gzip archive cut anywhere ends with one problem, keeping the pages before the cut', async () => {
    const whole = await readWarc(archive);
    // Cut points that fall exactly on a record boundary leave a whole, shorter archive: those are not cuts here.
    const boundaries = new Set<number>();
    for (let at = 0; at + 2 < archive.length; at++) if (archive[at] === 0x1f && archive[at + 1] === 0x8b && archive[at + 2] === 0x08) boundaries.add(at);
    for (let cut = 20; cut < archive.length; cut += Math.ceil(archive.length / 40)) {
      if (boundaries.has(cut)) continue;
      const items = await readWarc(archive.slice(0, cut));
      const numbers = items.map((item) => item.recordNumber);
      expect(numbers, `cut at ${cut}`).toEqual([...numbers].sort((a, b) => a - b));
      const found = items.filter((item) => item.kind === 'problem');
      // Nothing is silently dropped: a cut inside a record is reported, once, as the last item.
      expect(found.length, `cut at ${cut}`).toBe(1);
      expect(items.at(-1)?.kind, `cut at ${cut}`).toBe('problem');
      // Every page read before the cut is one of the archive's pages, whole.
      for (const item of items) {
        if (item.kind !== 'page') continue;
        const original = whole.find((candidate) => candidate.recordNumber === item.recordNumber);
        expect(original?.kind === 'page' && original.html, `cut at ${cut}, record ${item.recordNumber}`).toBe(item.html);
      }
    }
  });

  it('stops with a problem on junk: random bytes, gzip magic followed by garbage, HTML, an empty file', async () => {
    const junk = [
      Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256),
      Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, ...Array.from({ length: 600 }, (_, i) => (i * 31) % 256)]),
      encoder.encode('<!DOCTYPE html><html><body><p>Not an archive.</p></body></html>'),
      encoder.encode('WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nshort'),
      new Uint8Array(0),
    ];
    for (const bytes of junk) {
      const items = await readWarc(bytes);
      expect(items.filter((item) => item.kind === 'page')).toEqual([]);
      expect(items.filter((item) => item.kind === 'problem').length).toBeLessThanOrEqual(1);
      if (bytes.length > 0) expect(items.at(-1)?.kind).toBe('problem');
    }
  });

  it('never throws or hangs on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const items = await readWarc(bytes, 257);
        expect(items.filter((item) => item.kind === 'problem').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
