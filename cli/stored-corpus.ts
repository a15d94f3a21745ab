/**
 * Opening the stored corpus for a command: where it is (--db, $PALIMPSEST_DB, the data directory), the database
 * behind it, and the PostgreSQL store on top. Loaded lazily, so help and usage errors stay instant.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PostgresCorpusStore } from '../lib/store/postgres/store.ts';
import { databaseTarget, DatabaseError, describeTarget, openDatabase, type DatabaseTarget } from './database.ts';
import type { CliIO } from './io.ts';

export { DatabaseError } from './database.ts';

export interface StoredCorpus {
  store: PostgresCorpusStore;
  target: DatabaseTarget;
  /** Where, for messages (a server address without its password). */
  where: string;
  close(): Promise<void>;
}

export function targetFor(db: string | undefined, io: CliIO): DatabaseTarget {
  return databaseTarget(db, io.cwd ?? process.cwd(), io.env ?? process.env);
}

/** True when nothing was ever stored at the target: a directory that does not exist (or holds no database yet). */
export function neverCreated(target: DatabaseTarget): boolean {
  return target.kind === 'directory' && !existsSync(path.join(target.path, 'pgdata'));
}

export async function openStoredCorpus(target: DatabaseTarget, io: CliIO): Promise<StoredCorpus> {
  const client = await openDatabase(target, { onWait: (message) => io.stderr.write(`palimpsest: ${message}\n`) });
  try {
    const [{ openPostgresStore }, { useLexiconFiles }] = await Promise.all([import('../lib/store/postgres/store.ts'), import('./lexicons.ts')]);
    // Stored articles in other languages are indexed under their English glosses, read from the lexicon files: every
    // command reads them the same way, so that the keys a deletion recomputes are the keys the import stored.
    useLexiconFiles();
    const store = await openPostgresStore(client);
    return { store, target, where: describeTarget(target), close: () => client.close() };
  } catch (error) {
    await client.close().catch(() => undefined);
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`cannot open the corpus at ${describeTarget(target)}: ${(error as Error).message}`);
  }
}
