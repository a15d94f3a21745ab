/**
 * Writes a WARC.gz news crawl of a given size for the bulk-import benchmark, as Common Crawl's CC-NEWS files are
 * laid out: a warcinfo record, then for each page a request and a response record, each record its own gzip member.
 * Pages come from news-pages.ts (deterministic); the file is written as it is generated, in bounded memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { newsPage } from './news-pages.ts';

export interface WrittenCrawl {
  path: string;
  bytes: number;
  pages: number;
  records: number;
}

const encoder = new TextEncoder();

/** One record, serialised by warcio, compressed as its own gzip member (zlib: the CC-NEWS layout, fast). */
async function member(record: WARCRecord): Promise<Buffer> {
  return gzipSync(await WARCSerializer.serialize(record, { gzip: false }), { level: 6 });
}

function recordId(n: number): string {
  return `<urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}>`;
}

export async function writeNewsCrawl(path: string, targetBytes: number, onProgress: (written: WrittenCrawl) => void = () => undefined): Promise<WrittenCrawl> {
  const out = createWriteStream(path);
  const written: WrittenCrawl = { path, bytes: 0, pages: 0, records: 0 };
  const write = async (chunk: Buffer): Promise<void> => {
    written.bytes += chunk.length;
    written.records++;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(
    await member(
      WARCRecord.create(
        { type: 'warcinfo', warcVersion: 'WARC/1.1', date: '2026-01-01T00:00:00Z', warcHeaders: { 'WARC-Record-ID': recordId(0), 'Content-Type': 'application/warc-fields' } },
        [encoder.encode('software: palimpsest bench\r\nformat: WARC File Format 1.1\r\ndescription: generated news crawl\r\n')],
      ),
    ),
  );
  let lastReport = 0;
  for (let index = 0; written.bytes < targetBytes; index++) {
    const page = newsPage(index);
    const request = WARCRecord.create(
      { url: page.url, date: page.date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET ${new URL(page.url).pathname} HTTP/1.1`, httpHeaders: { Host: new URL(page.url).host, 'User-Agent': 'bench-crawler/1.0', Accept: 'text/html' }, warcHeaders: { 'WARC-Record-ID': recordId(2 * index + 1) } },
      [],
    );
    const response = WARCRecord.create(
      {
        url: page.url,
        date: page.date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', Server: 'nginx', 'Cache-Control': 'max-age=60' },
        warcHeaders: { 'WARC-Record-ID': recordId(2 * index + 2) },
      },
      [encoder.encode(page.html)],
    );
    await write(await member(request));
    await write(await member(response));
    written.pages++;
    if (written.bytes - lastReport > 64 * 1024 * 1024) {
      lastReport = written.bytes;
      onProgress(written);
    }
  }
  out.end();
  await once(out, 'close');
  return written;
}
