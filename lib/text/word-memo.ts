/**
 * Remembers a per-word function's results. The same words recur across the versions of a story and the
 * articles of one comparison; clearing at `limit` keeps a long-running service worker's memory flat.
 */
export function memoizeWord<T>(compute: (word: string) => T, limit: number): (word: string) => T {
  const results = new Map<string, T>();
  return (word: string): T => {
    let result = results.get(word);
    if (result === undefined) {
      result = compute(word);
      if (results.size >= limit) results.clear();
      results.set(word, result);
    }
    return result;
  };
}
