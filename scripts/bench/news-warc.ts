/**
 * Writes a WARC.gz news crawl of a given size for the bulk-import benchmark, laid out as Common Crawl's CC-NEWS
 * files are: a warcinfo record, then for each page a request and a response record, each record its own gzip member
 * (compression level 6). Pages come from news-pages.ts (deterministic). The record envelope is written here
 * directly (WARC 1.1, digests left out, as the format allows): warcio's serialiser hashes every record and would
 * take a quarter of an hour per gigabyte; the import under test reads the file with warcio. Members are compressed
 * on zlib's thread pool while the next pages are generated, and the file is written as it grows.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { newsPage } from './news-pages.ts';

const gzipAsync = promisify(gzip);

export interface WrittenCrawl {
  path: string;
  bytes: number;
  pages: number;
  records: number;
}

/** Members being compressed at once. */
const IN_FLIGHT = 16;

function recordId(n: number): string {
  return `<urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}>`;
}

function warcDate(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

/** One WARC record: the header block, the content block, and the two CRLFs that end a record. */
export function warcRecord(headers: [string, string][], block: Buffer): Buffer {
  const head = ['WARC/1.1', ...headers.map(([name, value]) => `${name}: ${value}`), `Content-Length: ${block.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')]);
}

/** The request and response records of generated page `index` (news-pages.ts). */
export function pageRecords(index: number): Buffer[] {
  const page = newsPage(index);
  const url = new URL(page.url);
  const date = warcDate(page.date);
  const request = Buffer.from(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: bench-crawler/1.0\r\nAccept: text/html\r\n\r\n`);
  const body = Buffer.from(page.html, 'utf8');
  const response = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\nServer: nginx\r\n\r\n`), body]);
  return [
    warcRecord(
      [
        ['WARC-Type', 'request'],
        ['WARC-Record-ID', recordId(2 * index + 1)],
        ['WARC-Date', date],
        ['WARC-Target-URI', page.url],
        ['Content-Type', 'application/http; msgtype=request'],
      ],
      request,
    ),
    warcRecord(
      [
        ['WARC-Type', 'response'],
        ['WARC-Record-ID', recordId(2 * index + 2)],
        ['WARC-Date', date],
        ['WARC-Target-URI', page.url],
        ['WARC-Concurrent-To', recordId(2 * index + 1)],
        ['Content-Type', 'application/http; msgtype=response'],
      ],
      response,
    ),
  ];
}

export async function writeNewsCrawl(path: string, targetBytes: number, onProgress: (written: WrittenCrawl) => void = () => undefined): Promise<WrittenCrawl> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const written: WrittenCrawl = { path, bytes: 0, pages: 0, records: 0 };
  const pending: Promise<Buffer>[] = [];
  const drainOne = async (): Promise<void> => {
    const member = await pending.shift()!;
    written.bytes += member.length;
    written.records++;
    if (!out.write(member)) await once(out, 'drain');
  };
  const info = warcRecord(
    [
      ['WARC-Type', 'warcinfo'],
      ['WARC-Record-ID', recordId(0)],
      ['WARC-Date', '2026-01-01T00:00:00Z'],
      ['Content-Type', 'application/warc-fields'],
    ],
    Buffer.from('software: palimpsest bench\r\nformat: WARC File Format 1.1\r\ndescription: generated news crawl\r\n'),
  );
  pending.push(gzipAsync(info, { level: 6 }));
  let lastReport = 0;
  // Compressed sizes are known only once members are done: pages are added until the written bytes reach the target.
  for (let index = 0; written.bytes < targetBytes; index++) {
    for (const record of pageRecords(index)) pending.push(gzipAsync(record, { level: 6 }));
    written.pages++;
    while (pending.length >= IN_FLIGHT) await drainOne();
    if (written.bytes - lastReport > 128 * 1024 * 1024) {
      lastReport = written.bytes;
      onProgress(written);
    }
  }
  while (pending.length > 0) await drainOne();
  out.end();
  await once(out, 'close');
  // Only a finished file takes the final name: a cached crawl is never a partial one.
  renameSync(partial, path);
  return written;
}

/** The crawl at `path` when a finished one is there already (the benchmark keeps it in the temp directory). */
export function existingCrawl(path: string): number | null {
  return existsSync(path) ? statSync(path).size : null;
}
