import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openCorpusStore, type CorpusStore } from '../../../lib/store';
import { CorpusDatabase } from '../../../lib/store/schema';

let counter = 0;

/** A fresh store on fake-indexeddb with a name no other test uses. */
export function openTestStore(): Promise<CorpusStore> {
  counter++;
  return openCorpusStore({ name: `test-store-${process.pid}-${counter}`, indexedDB, IDBKeyRange });
}

/** A fresh, opened CorpusDatabase on fake-indexeddb, for tests of the index alone; `opened` collects it for closing. */
export async function openTestDatabase(opened: { close(): void }[]): Promise<CorpusDatabase> {
  counter++;
  const db = new CorpusDatabase(`test-db-${process.pid}-${counter}`, { indexedDB, IDBKeyRange });
  await db.open();
  opened.push(db);
  return db;
}
