import { randomUUID } from 'node:crypto';
import type { CliEngine, CliStore } from './main.ts';

/**
 * The real engine, run in Node: the same store code as the extension on an in-memory IndexedDB
 * (fake-indexeddb), a fresh database per run, and HTML extraction on a linkedom DOM.
 * Imported lazily so that help, version and usage errors do not pay for loading it.
 */
export async function loadEngine(): Promise<CliEngine> {
  const [{ IDBFactory, IDBKeyRange }, store, engine, extract, lexicons] = await Promise.all([
    import('fake-indexeddb'),
    import('../lib/store/index.ts'),
    import('../lib/engine.ts'),
    import('../lib/extract/html.ts'),
    import('./lexicons.ts'),
  ]);
  lexicons.useLexiconFiles();
  type CorpusStore = Awaited<ReturnType<typeof store.openCorpusStore>>;
  return {
    openStore: () =>
      store.openCorpusStore({ name: `palimpsest-cli-${randomUUID()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
    checkArticle: (page, corpus: CliStore, options) => engine.checkArticle(page, corpus as CorpusStore, options),
    extractFromHtml: (html, url) => extract.extractFromHtml(html, url),
  };
}
