/** Export, listing and deletion of stored articles, for the options page. */
import { serializeCorpus } from '../../lib/corpus/jsonl.ts';
import type { RecordFilter } from '../../lib/store/catalog.ts';
import type { CorpusPage, DeleteOutcome } from '../shared/protocol.ts';
import { getCorpus } from './corpus.ts';

/** Deletions run in steps of this many records: each step is one transaction of bounded size. */
const DELETE_STEP = 200;
const MAX_PAGE = 2000;

export async function corpusPage(after: number, limit: number): Promise<CorpusPage> {
  const store = await getCorpus();
  const page = await store.recordPage(after, Math.max(1, Math.min(limit, MAX_PAGE)));
  return { jsonl: serializeCorpus(page.records), count: page.records.length, last: page.last };
}

export async function deleteIds(ids: readonly string[]): Promise<DeleteOutcome> {
  const store = await getCorpus();
  let deleted = 0;
  for (let at = 0; at < ids.length; at += DELETE_STEP) deleted += await store.deleteRecords(ids.slice(at, at + DELETE_STEP));
  return { deleted, count: await store.count() };
}

export async function selectWhere(filter: RecordFilter): Promise<{ count: number }> {
  return { count: (await (await getCorpus()).idsWhere(filter)).length };
}

export async function deleteWhere(filter: RecordFilter): Promise<DeleteOutcome> {
  return deleteIds(await (await getCorpus()).idsWhere(filter));
}

export async function clearCorpus(): Promise<DeleteOutcome> {
  const store = await getCorpus();
  const deleted = await store.count();
  await store.clear();
  return { deleted, count: 0 };
}
