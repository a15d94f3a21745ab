/**
 * The first look reads the page at a glance (extension/shared/glance.ts: the paragraphs of the element holding most
 * paragraph text, no Readability) so that its answer does not wait for the full reader. It must give the answer the full reader's text
 * gives: the same stored versions, in the same order.
 *
 * On the seed pages against the sample corpus, always; on Readability's test pages (real saved news pages, read from
 * ../shared, skipped when absent) against a corpus of every page's full-reader text, where each page's own text is its
 * stored version and every other page a distractor. Where the glance reads nothing or finds nothing, the first look
 * waits for the full reading (extension/background/check-tab.ts), so those pages cost time, not answers: what the
 * glance must never do is name other versions than the full reader's text would.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../../../lib/extract/html.ts';
import { likelySources } from '../../../lib/sources.ts';
import { openCorpusStore } from '../../../lib/store/index.ts';
import { glancedArticle } from '../../../extension/background/tab-access.ts';
import { glanceAtDocument } from '../../../extension/shared/glance.ts';
import type { CorpusRecord, PageArticle } from '../../../lib/types.ts';
import { repoRoot, seedRecords } from '../helpers/seed-corpus.ts';

const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');
const testPagesDir = path.resolve(repoRoot, '..', 'shared', 'extraction', 'readability-test-pages');
/** The address Readability's own test harness gives every page. */
const TEST_PAGE_URL = 'http://fakehost/test/page.html';

/** The glance on the page as the browser would run it, its answer taken in as the worker takes it. */
function glanceAt(html: string, url: string): PageArticle | null {
  const { document } = parseHTML(html);
  return glancedArticle(glanceAtDocument(document as unknown as Document, url));
}

type Store = Awaited<ReturnType<typeof openCorpusStore>>;

async function storeOf(name: string, records: CorpusRecord[]): Promise<Store> {
  const store = await openCorpusStore({ name: `${name}-${process.pid}`, indexedDB, IDBKeyRange });
  await store.addRecords(records);
  return store;
}

/** The first look's answer for an article, as the worker computes it: ids of the close stored versions, closest first. */
async function firstLookIds(article: PageArticle, store: Store): Promise<string[]> {
  return (await likelySources(article.text, store, { lang: article.lang })).map((source) => source.id);
}

describe('the first look from the glance: the seed pages against the sample corpus', async () => {
  const store = await storeOf('first-look-reading-seeds', seedRecords);
  const seedPages = readdirSync(fixturesDir).filter((name) => /^seed-\d+$/.test(name));

  it('covers every seed page', () => expect(seedPages.length).toBeGreaterThanOrEqual(5));

  it.each(seedPages)('%s: the same versions, in the same order, as from the full reader', async (name) => {
    const html = readFileSync(path.join(fixturesDir, name, 'page.html'), 'utf8');
    const url = `https://news.example/${name}`;
    const full = extractFromHtml(html, url, { detectLanguage: () => undefined });
    const glance = glanceAt(html, url);
    expect(full).not.toBeNull();
    expect(glance).not.toBeNull();
    const fromFull = await firstLookIds(full!, store);
    expect(fromFull.length).toBeGreaterThan(0);
    expect(await firstLookIds(glance!, store)).toEqual(fromFull);
  });
});

const hasTestPages = existsSync(testPagesDir);

// A skipped describe's body still runs to collect its tests: without ../shared it reads nothing.
describe.skipIf(!hasTestPages)("the first look from the glance: Readability's test pages", async () => {
  const pages = (hasTestPages ? readdirSync(testPagesDir) : [])
    .filter((name) => existsSync(path.join(testPagesDir, name, 'source.html')))
    .map((name) => {
      const html = readFileSync(path.join(testPagesDir, name, 'source.html'), 'utf8');
      return { name, full: extractFromHtml(html, TEST_PAGE_URL, { detectLanguage: () => undefined }), glance: glanceAt(html, TEST_PAGE_URL) };
    });
  const read = pages.filter((page) => page.full !== null);
  const store = await storeOf(
    'first-look-reading-test-pages',
    read.map(({ name, full }) => ({ id: name, text: full!.text, title: full!.title, lang: full!.lang, url: `https://corpus.example/${name}` })),
  );
  const looks = await Promise.all(
    read.map(async (page) => ({ name: page.name, fromFull: await firstLookIds(page.full!, store), fromGlance: page.glance ? await firstLookIds(page.glance, store) : [] })),
  );

  it('reads enough pages to say something', () => expect(read.length).toBeGreaterThan(100));

  // Readability's synthetic pages share one lorem-ipsum text: among copies of one text no reader has a first. A page
  // whose full-reader text finds its own stored copy and no other page is a page with one answer.
  const unambiguous = looks.filter(({ name, fromFull }) => fromFull.length === 1 && fromFull[0] === name);

  it('has pages with one answer to compare', () => expect(unambiguous.length / looks.length).toBeGreaterThan(0.7));

  it("names the same versions as the full reader's text, or nothing", () => {
    const differing = unambiguous.filter(({ fromFull, fromGlance }) => fromGlance.length > 0 && fromGlance.join() !== fromFull.join());
    expect(differing.map(({ name, fromFull, fromGlance }) => `${name}: glance ${fromGlance.join(',')} / full ${fromFull.join(',')}`)).toEqual([]);
  });

  it('answers from the glance on most pages (the others wait for the full reading)', () => {
    const answered = unambiguous.filter(({ fromGlance }) => fromGlance.length > 0);
    if (process.env.FIRST_LOOK_READING_REPORT) {
      console.log(`pages ${pages.length}, read ${read.length}, one answer ${unambiguous.length}, glance answers ${answered.length}, glance reads nothing ${read.filter((page) => !page.glance).length}`);
    }
    expect(answered.length / unambiguous.length).toBeGreaterThan(0.8);
  });
});

describe("the glance's answer as the worker takes it in", () => {
  it('keeps the text, the address and a recognised language tag', () => {
    expect(glancedArticle({ text: 'Body', url: 'https://news.example/a', lang: 'EN_us' })).toEqual({ text: 'Body', url: 'https://news.example/a', lang: 'en-US' });
    expect(glancedArticle({ text: 'Body', url: 'https://news.example/a', lang: 'not a language tag!' })).toEqual({ text: 'Body', url: 'https://news.example/a' });
  });

  it('refuses anything that is not an article', () => {
    for (const answer of [null, undefined, 'text', { text: 3, url: 'https://news.example/a' }, { text: 'Body' }]) expect(glancedArticle(answer)).toBeNull();
  });

  it('reads nothing from a page without enough paragraph text, and nothing from its furniture', () => {
    const { document } = parseHTML(`<html lang="fr"><body><nav><p>${'Rubriques du site et liens vers les sections. '.repeat(20)}</p></nav><main><p>Un court brief.</p></main></body></html>`);
    expect(glanceAtDocument(document as unknown as Document, 'https://news.example/brief')).toBeNull();
  });

  it('takes the canonical address and the declared language', () => {
    const paragraph = 'Le conseil municipal a voté mardi soir le budget de la ville pour la nouvelle année. ';
    const { document } = parseHTML(
      `<html lang="fr-FR"><head><link rel="canonical" href="/2026/article"></head><body><article><p>${paragraph.repeat(3)}</p><p>${paragraph.repeat(2)}</p></article></body></html>`,
    );
    expect(glanceAtDocument(document as unknown as Document, 'https://news.example/page?utm=1')).toMatchObject({ url: 'https://news.example/2026/article', lang: 'fr-FR' });
  });
});
