/**
 * The cross-language row: the bench corpus with a tenth of its stored originals in other languages, each rendered
 * word by word through the offline lexicons (public/lexicons, English → the language, the commonest sense first; names
 * and numbers kept, numbers written with the language's decimal comma). Is the English page found to be a translation
 * of its stored foreign original, what does a cross-language check cost once the lexicons are loaded, and do the
 * English queries of the other rows keep their answers and speed among the foreign records?
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LEXICON_DIR, useLexiconFiles } from '../../cli/lexicons.ts';
import { checkArticle, isCopyRelation } from '../../lib/engine.ts';
import { likelySources } from '../../lib/sources.ts';
import { openCorpusStore, type CorpusStore } from '../../lib/store/index.ts';
import { loadLexicons } from '../../lib/text/lexicon.ts';
import type { CorpusRecord } from '../../lib/types.ts';
import { MIN_QUERY_WORDS, storyOf, type BenchCorpus } from './corpus.ts';
import { mulberry32, sample, seedOf } from './random.ts';
import { percentile } from './stats.ts';

/** Languages the foreign tenth is written in, in turn: Latin, Cyrillic, Greek, Arabic and Japanese scripts. */
export const FOREIGN_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'pl', 'ru', 'el', 'ar', 'ja'] as const;
/** One stored original in this many is stored in another language instead. */
export const FOREIGN_EVERY = 10;
// Languages writing a decimal comma ("1,5 Mio."): the lexicon renders words, the number's form is the language's.
const DECIMAL_COMMA = new Set(['de', 'fr', 'es', 'it', 'pt', 'pl', 'ru', 'el']);

export type Renderer = (text: string) => string;

/** English word → the language's word whose first English sense it is (the shortest such word: the commonest form). */
export function englishToForeign(tsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    const [word, glosses] = line.split('\t');
    const english = glosses?.split(' ')[0];
    if (!word || !english) continue;
    const known = out.get(english);
    if (known === undefined || [...word].length < [...known].length) out.set(english, word);
  }
  return out;
}

/** A word-by-word rendering of English text into the language of `lexicon` (see englishToForeign). */
export function renderer(lang: string, lexicon: Map<string, string>): Renderer {
  const spaceless = lang === 'ja';
  return (text) => {
    let out = text.replace(/\b([A-Za-z]+)\b/g, (word) => {
      const foreign = lexicon.get(word.toLowerCase());
      if (!foreign) return word;
      return /^[A-Z]/.test(word) && !spaceless ? foreign[0].toUpperCase() + foreign.slice(1) : foreign;
    });
    if (DECIMAL_COMMA.has(lang)) out = out.replace(/(\d)\.(\d)/g, '$1,$2');
    // Japanese is written without spaces between words (names stay apart from the words around them).
    if (spaceless) out = out.replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '');
    return out;
  };
}

export interface ForeignCorpus {
  records: CorpusRecord[];
  /** English pages whose original is stored in another language. */
  queries: { text: string; lang: 'en'; truth: string; truthLang: string }[];
  foreign: number;
  byLang: Record<string, number>;
}

/**
 * Every FOREIGN_EVERY-th stored original (of the bench corpus) replaced by its rendering in the next language, and its
 * stored copies with it (a story is filed in one language); the originals of the English queries stay English.
 */
export function withForeignTenth(corpus: BenchCorpus, renderers: ReadonlyMap<string, Renderer>, queryCount: number): ForeignCorpus {
  const byLang: Record<string, number> = {};
  const planted = new Set(corpus.queries.map((query) => query.truth));
  const langOf = new Map<string, string>();
  let turn = 0;
  corpus.records.slice(0, corpus.originals).forEach((record, index) => {
    if (index % FOREIGN_EVERY !== FOREIGN_EVERY - 1 || planted.has(record.id)) return;
    const lang = FOREIGN_LANGUAGES[turn++ % FOREIGN_LANGUAGES.length];
    if (renderers.has(lang)) langOf.set(record.id, lang);
  });
  const english = new Map<string, CorpusRecord>();
  const records = corpus.records.map((record) => {
    const lang = langOf.get(storyOf(record.id));
    if (!lang) return record;
    const render = renderers.get(lang)!;
    byLang[lang] = (byLang[lang] ?? 0) + 1;
    if (record.id === storyOf(record.id)) english.set(record.id, record);
    return { ...record, lang, text: render(record.text), ...(record.title ? { title: render(record.title) } : {}) };
  });
  const eligible = [...english.values()].filter((record) => record.text.split(/\s+/).length >= MIN_QUERY_WORDS);
  const queries = sample(eligible, queryCount, mulberry32(seedOf('crosslang-queries', corpus.size))).map((record) => ({
    text: record.text,
    lang: 'en' as const,
    truth: record.id,
    truthLang: langOf.get(record.id)!,
  }));
  return { records, queries, foreign: Object.values(byLang).reduce((n, count) => n + count, 0), byLang };
}

export interface CrossLanguageRun {
  size: number;
  foreign: number;
  byLang: Record<string, number>;
  importMs: number;
  /** Reading and parsing the lexicons of every foreign language once, before the timed checks. */
  lexiconLoadMs: number;
  /** English pages with a foreign original: top 1 is it (or a stored copy of it), called a translation. */
  crossQueries: number;
  crossRecallAt1: number;
  crossCheckMs: { p50: number; p95: number };
  crossQueryMs: { p50: number; p95: number };
  /** The bench's English queries among the foreign records: top 1 right (planted kinds), and their full check time. */
  englishQueries: number;
  englishRecallAt1: number;
  englishCheckMs: { p50: number; p95: number };
  /** The same queries on the same corpus with every article in English. */
  englishOnlyRecallAt1: number;
  englishOnlyCheckMs: { p50: number; p95: number };
}

/** The renderers of FOREIGN_LANGUAGES, from the compiled lexicons (a language without one stays English). */
export function foreignRenderers(dir: string = LEXICON_DIR): Map<string, Renderer> {
  const out = new Map<string, Renderer>();
  for (const lang of FOREIGN_LANGUAGES) {
    try {
      out.set(lang, renderer(lang, englishToForeign(readFileSync(path.join(dir, `${lang}.tsv`), 'utf8'))));
    } catch {
      // No compiled list for this language: its turn keeps the English text.
    }
  }
  return out;
}

const spreadOf = (samples: number[]) => ({ p50: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)) });

async function storeOf(name: string, records: readonly CorpusRecord[]): Promise<{ store: CorpusStore; importMs: number }> {
  const store = await openCorpusStore({ name, indexedDB: new IDBFactory(), IDBKeyRange });
  const begun = performance.now();
  for (let i = 0; i < records.length; i += 2000) await store.addRecords(records.slice(i, i + 2000));
  await store.settle();
  return { store, importMs: performance.now() - begun };
}

/** The bench's planted English queries checked in full: top 1 right (a copy of the stored original), and the times. */
async function englishChecks(corpus: BenchCorpus, store: CorpusStore): Promise<{ right: number; ms: number[] }> {
  let right = 0;
  const ms: number[] = [];
  for (const query of corpus.queries) {
    if (query.truth === null) continue;
    const begun = performance.now();
    const report = await checkArticle(query.article, store);
    ms.push(performance.now() - begun);
    const top = report.matches[0];
    if (top?.id === query.truth && isCopyRelation(top.relation)) right++;
  }
  return { right, ms };
}

export async function runCrossLanguage(corpus: BenchCorpus, queryCount: number, log: (line: string) => void): Promise<CrossLanguageRun> {
  const foreign = withForeignTenth(corpus, foreignRenderers(), queryCount);
  const { store, importMs } = await storeOf(`palimpsest-bench-crosslang-${corpus.size}`, foreign.records);
  log(`  crosslang: ${foreign.foreign} of ${foreign.records.length} articles stored in other languages (${JSON.stringify(foreign.byLang)})`);
  useLexiconFiles();
  let begun = performance.now();
  await loadLexicons(FOREIGN_LANGUAGES);
  const lexiconLoadMs = performance.now() - begun;

  const crossCheck: number[] = [];
  const crossQuery: number[] = [];
  let crossRight = 0;
  for (const query of foreign.queries) {
    begun = performance.now();
    await likelySources(query.text, store, { lang: query.lang });
    crossQuery.push(performance.now() - begun);
    begun = performance.now();
    const report = await checkArticle({ text: query.text, lang: query.lang }, store);
    crossCheck.push(performance.now() - begun);
    const top = report.matches[0];
    // The original or one of its stored copies (in the same language), called a translation of the page.
    if (top && storyOf(top.id) === query.truth && top.relation === 'translation') crossRight++;
  }
  const mixed = await englishChecks(corpus, store);
  store.close();
  // The same English queries on the same corpus all in English, in the same run: what the foreign tenth changes.
  const reference = await storeOf(`palimpsest-bench-crosslang-english-${corpus.size}`, corpus.records);
  const english = await englishChecks(corpus, reference.store);
  reference.store.close();
  log(`  crosslang: ${crossRight}/${foreign.queries.length} translations found first; English ${mixed.right}/${mixed.ms.length} (all-English corpus ${english.right}/${english.ms.length})`);
  return {
    size: corpus.size,
    foreign: foreign.foreign,
    byLang: foreign.byLang,
    importMs,
    lexiconLoadMs,
    crossQueries: foreign.queries.length,
    crossRecallAt1: foreign.queries.length ? crossRight / foreign.queries.length : Number.NaN,
    crossCheckMs: spreadOf(crossCheck),
    crossQueryMs: spreadOf(crossQuery),
    englishQueries: mixed.ms.length,
    englishRecallAt1: mixed.ms.length ? mixed.right / mixed.ms.length : Number.NaN,
    englishCheckMs: spreadOf(mixed.ms),
    englishOnlyRecallAt1: english.ms.length ? english.right / english.ms.length : Number.NaN,
    englishOnlyCheckMs: spreadOf(english.ms),
  };
}

export function crossLanguageTable(runs: readonly CrossLanguageRun[]): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
  const rows = runs.map((run) =>
    [
      run.size.toLocaleString('en-US'),
      `${run.foreign.toLocaleString('en-US')} (${Object.keys(run.byLang).join(', ')})`,
      `${Math.round((run.size / run.importMs) * 1000).toLocaleString('en-US')}/s`,
      `${Math.round(run.lexiconLoadMs)} ms`,
      `${pct(run.crossRecallAt1)} of ${run.crossQueries}`,
      `${run.crossQueryMs.p50} / ${run.crossQueryMs.p95} ms`,
      `${run.crossCheckMs.p50} / ${run.crossCheckMs.p95} ms`,
      `${pct(run.englishRecallAt1)} / ${pct(run.englishOnlyRecallAt1)} of ${run.englishQueries}`,
      `${run.englishCheckMs.p50} / ${run.englishCheckMs.p95} ms; ${run.englishOnlyCheckMs.p50} / ${run.englishOnlyCheckMs.p95} ms`,
    ].join(' | '),
  );
  return [
    '| Articles (CLI path) | In other languages | Import | Lexicons loaded | Translation found first (English page → foreign original) | Cross-language query p50 / p95 | Cross-language full check p50 / p95 | English planted copies top 1: with the foreign tenth / all in English | English full check p50 / p95: with / without the foreign tenth |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
