/** Storage failures in words a reader can act on. A full disk or quota must not look like a bug. */

export const QUOTA_MESSAGE =
  'The browser has no room left for Palimpsest’s corpus (storage quota exceeded). Nothing was half-stored: the last batch was left out whole. Free space by deleting articles or sites below (export first to keep a copy), or free disk space, then try again.';

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  // Dexie wraps the browser's error (error.inner); transactions aborted by a quota failure say so only inside.
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') break;
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (typeof name === 'string') names.push(name);
    if (typeof message === 'string') names.push(message);
    current = (current as { inner?: unknown }).inner;
  }
  return names;
}

export function isQuotaError(error: unknown): boolean {
  return namesOf(error).some((text) => /QuotaExceeded|quota/i.test(text));
}

/** Runs a storage operation, turning a quota failure into the message above. */
export async function withStorageErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isQuotaError(error)) throw new Error(QUOTA_MESSAGE);
    throw error;
  }
}
