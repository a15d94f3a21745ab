import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../../lib/extract/html.ts';
import { readWarcPages, type WarcItem } from '../../../lib/import/warc.ts';
import { ARCHIVED_ARTICLES, buildWarc, fixtureEntries } from '../../../scripts/build-warc-fixture.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function readAll(bytes: Uint8Array, options = {}, chunkSize = 997): Promise<WarcItem[]> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.slice(at, at + chunkSize));
  const items: WarcItem[] = [];
  for await (const item of readWarcPages(chunks, options)) items.push(item);
  return items;
}

const pages = (items: WarcItem[]) => items.flatMap((item) => (item.kind === 'page' ? [item] : []));

describe('readWarcPages', () => {
  it('gives each record a resume point: reading from it continues with the next record, compressed or not', async () => {
    for (const gzip of [true, false]) {
      const bytes = await buildWarc(fixtureEntries(), gzip);
      const all = await readAll(bytes);
      for (const stop of [1, 4, 7]) {
        const { resume, recordNumber } = all[stop - 1];
        expect(resume, `record ${stop}`).toBeDefined();
        if (gzip) expect(resume!.skip).toBe(1);
        const rest = await readAll(bytes.slice(resume!.offset), { startOffset: resume!.offset, skipRecords: resume!.skip, firstRecordNumber: recordNumber - resume!.skip + 1 });
        expect(rest).toEqual(all.slice(stop));
      }
    }
  });

  it('reads the HTML responses of the committed archive and passes over the rest', async () => {
    const items = await readAll(readFileSync(path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz')));
    expect(pages(items).map((page) => page.recordNumber)).toEqual([3, 5, 7, 9, 10]);
    expect(pages(items)[0]).toMatchObject({ url: 'https://wire.example/world/russia-to-keep-kabul-embassy-open', date: '2021-08-17T06:00:00.000Z' });
    const passedOver = items.flatMap((item) => (item.kind === 'passed-over' ? [`${item.recordNumber}: ${item.reason}`] : []));
    expect(passedOver).toEqual([
      '1: warcinfo record',
      '2: request record',
      '4: request record',
      '6: request record',
      '8: request record',
      '11: not an HTML page (image/png)',
      '12: HTTP status 404',
    ]);
    expect(items.some((item) => item.kind === 'problem')).toBe(false);
  });

  it('gives pages the extractor reads as articles (and the login page as none)', async () => {
    const items = await readAll(readFileSync(path.join(repoRoot, 'tests/fixtures/warc/articles.warc.gz')));
    const articles = pages(items).map((page) => extractFromHtml(page.html, page.url, { detectLanguage: () => undefined }));
    expect(articles.filter(Boolean)).toHaveLength(ARCHIVED_ARTICLES.length);
    expect(articles[4]).toBeNull();
    expect(articles[1]!.text).toMatch(/bibliothèque/);
  });

  it('reads plain (uncompressed) archives the same way, whatever the chunking', async () => {
    const plain = await buildWarc(fixtureEntries(), false);
    for (const size of [64, 4096, plain.length]) {
      expect(pages(await readAll(plain, {}, size)).map((page) => page.recordNumber)).toEqual([3, 5, 7, 9, 10]);
    }
  });

  it('passes over the records an earlier run handled', async () => {
    const gz = await buildWarc(fixtureEntries(), true);
    const items = await readAll(gz, { skipRecords: 5 });
    expect(items[0].recordNumber).toBe(6);
    expect(pages(items).map((page) => page.recordNumber)).toEqual([7, 9, 10]);
  });

  it('reports an archive cut off inside a record, after the records before it', async () => {
    const plain = await buildWarc(fixtureEntries(), false);
    const items = await readAll(plain.slice(0, Math.floor(plain.length * 0.6)));
    const problem = items[items.length - 1];
    expect(problem.kind).toBe('problem');
    expect(problem.kind === 'problem' && problem.reason).toMatch(/ends in the middle of this record/);
    expect(pages(items).length).toBeGreaterThan(0);
  });

  it('says where a file stops being a web archive', async () => {
    const items = await readAll(new TextEncoder().encode('<html>not an archive</html>\r\n\r\n'));
    expect(items).toEqual([{ kind: 'problem', recordNumber: 1, reason: expect.stringMatching(/not a WARC record|damaged/) }]);
  });

  it('decodes pages in the charset the response declares', async () => {
    const latin1 = Uint8Array.from([...'<html><body><article><p>Un caf\u00e9 na\u00efve.</p></article></body></html>'].map((c) => c.charCodeAt(0)));
    const warc = await buildWarc([{ type: 'response', url: 'https://example.org/cafe', contentType: 'text/html; charset=iso-8859-1', body: latin1 }], true);
    expect(pages(await readAll(warc))[0].html).toContain('Un café naïve.');
  });
});
