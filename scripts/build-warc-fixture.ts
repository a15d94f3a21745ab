/**
 * Builds tests/fixtures/warc/articles.warc.gz: a small web archive as a crawler would write it (warcinfo,
 * request/response pairs, an image, a 404, a page with no article), made of the fixture pages. Run with
 * `npx tsx scripts/build-warc-fixture.ts`; the archive is committed, so tests never need the network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WARCRecord, WARCSerializer } from 'warcio';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repoRoot, 'tests/fixtures');

export interface WarcEntry {
  type: 'warcinfo' | 'request' | 'response' | 'resource' | 'revisit';
  url?: string;
  date?: string;
  /** HTTP status line for responses, e.g. "200 OK". */
  status?: string;
  contentType?: string;
  body: Uint8Array | string;
}

const encoder = new TextEncoder();

async function serialize(entry: WarcEntry, index: number, gzip: boolean): Promise<Uint8Array> {
  const body = typeof entry.body === 'string' ? encoder.encode(entry.body) : entry.body;
  const isHttp = entry.type === 'response' || entry.type === 'request';
  const record = WARCRecord.create(
    {
      url: entry.url,
      date: entry.date ?? '2021-08-17T06:00:00Z',
      type: entry.type,
      warcVersion: 'WARC/1.1',
      statusline: entry.type === 'response' ? `HTTP/1.1 ${entry.status ?? '200 OK'}` : entry.type === 'request' ? `GET ${entry.url} HTTP/1.1` : undefined,
      httpHeaders:
        entry.type === 'response'
          ? { 'Content-Type': entry.contentType ?? 'text/html; charset=utf-8' }
          : entry.type === 'request'
            ? { Host: new URL(entry.url!).host, Accept: 'text/html' }
            : undefined,
      // Fixed record ids (warcio would draw random ones) keep the committed archive reproducible.
      warcHeaders: {
        'WARC-Record-ID': `<urn:uuid:00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}>`,
        ...(isHttp ? {} : { 'Content-Type': entry.contentType ?? 'text/html' }),
      },
    },
    [body],
  );
  // pako rather than CompressionStream: the same compressed bytes on every Node version.
  return WARCSerializer.serialize(record, { gzip, preferPako: true });
}

/** A WARC file of the entries, each record its own gzip member when `gzip` (as crawlers write them). */
export async function buildWarc(entries: WarcEntry[], gzip: boolean): Promise<Uint8Array> {
  const parts = await Promise.all(entries.map((entry, index) => serialize(entry, index, gzip)));
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function fixturePage(name: string): { url: string; html: string } {
  const expected = JSON.parse(readFileSync(path.join(fixtures, name, 'expected.json'), 'utf8')) as { pageUrl: string };
  return { url: expected.pageUrl, html: readFileSync(path.join(fixtures, name, 'page.html'), 'utf8') };
}

/** The archive's pages: four articles in four languages, and pages an importer must pass over or report. */
export const ARCHIVED_ARTICLES = ['date-dateline', 'lang-content-language', 'lang-og-locale', 'lang-detected'];

export function fixtureEntries(): WarcEntry[] {
  const entries: WarcEntry[] = [
    { type: 'warcinfo', contentType: 'application/warc-fields', body: 'software: palimpsest fixture builder\r\nformat: WARC File Format 1.1\r\n' },
  ];
  ARCHIVED_ARTICLES.forEach((name, index) => {
    const { url, html } = fixturePage(name);
    const date = `2021-08-17T06:0${index}:00Z`;
    entries.push({ type: 'request', url, date, body: '' });
    entries.push({ type: 'response', url, date, body: html });
  });
  const login = fixturePage('no-article');
  entries.push({ type: 'response', url: login.url, body: login.html });
  entries.push({ type: 'response', url: 'https://wire.example/logo.png', contentType: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
  entries.push({ type: 'response', url: 'https://wire.example/gone', status: '404 Not Found', body: '<h1>Not found</h1>' });
  return entries;
}

async function main(): Promise<void> {
  const target = path.join(fixtures, 'warc/articles.warc.gz');
  writeFileSync(target, await buildWarc(fixtureEntries(), true));
  console.log(`wrote ${path.relative(repoRoot, target)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
