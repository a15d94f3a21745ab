/** The tram story and its translations (tests/fixtures/crosslang-tram), as the cross-language tests read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusRecord, PageArticle } from '../../../lib/types';

export const TRAM_FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'crosslang-tram');

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(TRAM_FIXTURE, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The stored articles: the English original and an unrelated English story. */
export const tramCorpus = (): CorpusRecord[] => readJsonl<CorpusRecord>('corpus.jsonl');

/** The pages checked against them, by id: the translations, a drifted one, an independent report, an unrelated page. */
export const tramPages = (): Map<string, PageArticle & { id: string }> => new Map(readJsonl<PageArticle & { id: string }>('pages.jsonl').map((p) => [p.id, p]));
