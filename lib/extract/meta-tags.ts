import { attr, collapseWhitespace, elementsByTag, unescapeEntities } from './dom';

/**
 * The page's <meta> values, keyed by lower-cased name, property, itemprop or http-equiv.
 * A property attribute may hold several space-separated names ("og:title twitter:title").
 * `get` gives a key's first value in document order; `getAll` every distinct value (several authors).
 */
export interface MetaTags {
  get(...keys: string[]): string | undefined;
  getAll(key: string): string[];
  has(key: string): boolean;
}

export function readMetaTags(doc: Document): MetaTags {
  return metaTagsOf(elementsByTag(doc, 'meta'));
}

/** The same from <meta> elements found otherwise (a streaming parser's, read without a DOM). */
export function metaTagsOf(metas: Iterable<Element>): MetaTags {
  // RDFa `property` is where og:, article: and dc: names belong; a `name` attribute holding them counts second.
  const fromProperty = new Map<string, string[]>();
  const fromOther = new Map<string, string[]>();
  for (const meta of metas) {
    const content = attr(meta, 'content');
    if (content == null) continue;
    const value = collapseWhitespace(unescapeEntities(content));
    if (!value) continue;
    for (const [key, isProperty] of metaKeys(meta)) {
      const into = isProperty ? fromProperty : fromOther;
      const list = into.get(key);
      if (!list) into.set(key, [value]);
      else if (!list.includes(value)) list.push(value);
    }
  }
  const values = new Map(fromOther);
  for (const [key, list] of fromProperty) values.set(key, list);
  return {
    get: (...keys) => {
      for (const key of keys) {
        const value = values.get(key.toLowerCase())?.[0];
        if (value) return value;
      }
      return undefined;
    },
    getAll: (key) => values.get(key.toLowerCase()) ?? [],
    has: (key) => values.has(key.toLowerCase()),
  };
}

/** The keys a <meta> answers to, each flagged when it came from the `property` attribute. */
function metaKeys(meta: Element): [string, boolean][] {
  const keys: [string, boolean][] = [];
  for (const name of ['property', 'name', 'itemprop', 'http-equiv']) {
    const raw = attr(meta, name);
    if (!raw) continue;
    for (const key of raw.toLowerCase().split(/\s+/)) {
      // "DC.title" and "dc:title" are the same key.
      if (key) keys.push([key.replace(/^(dc|dcterms?)\./, '$1:'), name === 'property']);
    }
  }
  return keys;
}
