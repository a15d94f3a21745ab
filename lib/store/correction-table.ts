/**
 * The corrections table: the reader's "not a version of this page", one row per pair of articles. Corrections are
 * made one click at a time, so the table stays small and is read whole for every check.
 */
import { correctionKey, identifies, namesOneArticle } from '../corpus/corrections';
import type { Correction } from '../types';
import type { CorpusDatabase, StoredCorrection } from './schema';
import { InvalidCorrectionError } from './types';

function validate(corrections: readonly Correction[]): void {
  for (const correction of corrections) {
    if (correction?.kind !== 'not-a-version') throw new InvalidCorrectionError(`unknown kind ${JSON.stringify(correction?.kind)}`);
    if (!correction.a || !correction.b || !identifies(correction.a) || !identifies(correction.b)) throw new InvalidCorrectionError('each side needs an id, an address or a text hash');
    if (namesOneArticle(correction)) throw new InvalidCorrectionError('both sides name the same article');
  }
}

export async function addCorrections(db: CorpusDatabase, corrections: readonly Correction[]): Promise<number> {
  validate(corrections);
  if (corrections.length === 0) return 0;
  const rows = new Map<string, StoredCorrection>();
  for (const correction of corrections) {
    const key = correctionKey(correction);
    if (!rows.has(key)) rows.set(key, { key, kind: correction.kind, a: correction.a, b: correction.b, at: correction.at });
  }
  return db.transaction('rw', db.corrections, async () => {
    const keys = [...rows.keys()];
    const stored = await db.corrections.bulkGet(keys);
    const fresh = keys.filter((_, i) => stored[i] === undefined).map((key) => rows.get(key)!);
    await db.corrections.bulkAdd(fresh);
    return fresh.length;
  });
}

export async function allCorrections(db: CorpusDatabase): Promise<Correction[]> {
  const rows = await db.corrections.toArray();
  return rows.map(({ kind, a, b, at }): Correction => ({ kind, a, b, at })).sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

export async function deleteCorrections(db: CorpusDatabase, corrections: readonly Correction[]): Promise<number> {
  const keys = [...new Set(corrections.map(correctionKey))];
  if (keys.length === 0) return 0;
  return db.transaction('rw', db.corrections, async () => {
    const stored = (await db.corrections.bulkGet(keys)).filter((row) => row !== undefined).length;
    await db.corrections.bulkDelete(keys);
    return stored;
  });
}
