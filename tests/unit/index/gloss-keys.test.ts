/**
 * Stored articles in a language with a lexicon are indexed under their English gloss's word pairs as well: an English
 * page finds its foreign original through more than the few names and numbers they share. The keys must be the same
 * whenever they are computed from the text again: a deletion removes every posting of the record.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEXICON_DIR, useLexiconFiles } from '../../../cli/lexicons';
import { FEATURE_VERSION, featuresOf, queryFeaturesOf } from '../../../lib/index/features';
import { retrieve } from '../../../lib/index/retrieve';
import { openCorpusStore } from '../../../lib/store';
import { recordKeys } from '../../../lib/store/record-keys';
import { glossText, lexiconOf, loadLexicons } from '../../../lib/text/lexicon';
import { tramCorpus, tramPages } from '../helpers/crosslang-tram';

const english = tramCorpus().find((r) => r.id === 'en-original')!;
const pages = tramPages();

beforeAll(async () => {
  useLexiconFiles();
  await loadLexicons(['de', 'es']);
});

const sharedWith = (keys: Uint32Array, page: Set<number>) => [...keys].filter((key) => page.has(key)).length;

describe('English gloss keys of stored foreign articles', () => {
  it('share more keys with the English original than the foreign words alone', () => {
    const page = new Set(queryFeaturesOf(english.text, 'en'));
    for (const id of ['de-translation', 'es-translation']) {
      const { text, lang } = pages.get(id)!;
      const plain = sharedWith(featuresOf(text, lang), page);
      const glossed = sharedWith(featuresOf(text, lang, {}, lexiconOf(lang)), page);
      expect(glossed, id).toBeGreaterThan(plain);
    }
  });

  it('are added to stored articles in a language with a lexicon, and to no other', () => {
    const german = pages.get('de-translation')!;
    expect(recordKeys(german.text, 'de-DE', {})).toEqual(featuresOf(german.text, 'de', {}, lexiconOf('de')));
    expect(recordKeys(english.text, 'en', {})).toEqual(featuresOf(english.text, 'en'));
    expect(recordKeys(english.text, undefined, {})).toEqual(featuresOf(english.text));
  });

  it('leave the language’s function words out of the gloss', () => {
    const gloss = glossText(lexiconOf('de')!, 'Die Stadt hat am Dienstag die neue Linie eröffnet.');
    expect(gloss).not.toMatch(/armenia|americium/);
    expect(gloss.split(/\s+/).length).toBeLessThan(9);
  });

  it('are stored with the record and all removed with it', async () => {
    const store = await openCorpusStore({ name: `gloss-keys-${process.pid}`, indexedDB, IDBKeyRange });
    const german = { ...pages.get('de-translation')!, id: 'de-stored' };
    await store.addRecords([german, { ...pages.get('ru-unrelated')!, id: 'ru-stored' }]);
    await store.settle();
    const found = await retrieve(english.text, store, { lang: 'en' });
    const candidate = found.candidates.find((c) => c.id === 'de-stored');
    expect(candidate?.shared).toBeGreaterThanOrEqual(sharedWith(featuresOf(german.text, 'de'), new Set(queryFeaturesOf(english.text, 'en'))) + 2);

    const keys = featuresOf(german.text, 'de', {}, lexiconOf('de'));
    await store.deleteRecords(['de-stored']);
    await store.settle();
    const postings = await store.lookup(keys);
    const doc = candidate!.doc;
    for (const docs of postings.values()) if (docs !== 'stopped') expect(docs).not.toContain(doc);
    store.close();
  });
});

describe('the shipped lexicons and the feature version', () => {
  // A foreign record's index keys include its gloss: a rebuilt list changes them, and stored postings must be rebuilt
  // (FEATURE_VERSION) or a record's keys would no longer be the ones stored for it. Record the new fingerprint only
  // together with a new version.
  const FINGERPRINTS: Record<number, string> = { 4: '7af2ef9e56a74436', 5: 'a94b8a6c52f41d41' };

  it('changes only with a new feature version', () => {
    const hash = createHash('sha256');
    for (const file of readdirSync(LEXICON_DIR).sort()) {
      hash.update(file);
      hash.update(readFileSync(path.join(LEXICON_DIR, file)));
    }
    expect(hash.digest('hex').slice(0, 16)).toBe(FINGERPRINTS[FEATURE_VERSION]);
  });
});
