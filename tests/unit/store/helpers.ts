import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openCorpusStore, type CorpusStore } from '../../../lib/store';

let counter = 0;

/** A fresh store on fake-indexeddb with a name no other test uses. */
export function openTestStore(): Promise<CorpusStore> {
  counter++;
  return openCorpusStore({ name: `test-store-${process.pid}-${counter}`, indexedDB, IDBKeyRange });
}
