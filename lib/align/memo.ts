/**
 * A few recent results per function, keyed by the text they were computed from:
 * a page is compared with many candidates, and its own analysis is the same each time.
 */
export function memoByText<A extends unknown[], T>(fn: (text: string, ...rest: A) => T, size = 4): (text: string, ...rest: A) => T {
  const cache = new Map<string, { text: string; value: T }>();
  return (text: string, ...rest: A): T => {
    const key = `${JSON.stringify(rest)}\u0000${text.length}\u0000${text.slice(0, 64)}`;
    const hit = cache.get(key);
    if (hit && hit.text === text) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.value;
    }
    const value = fn(text, ...rest);
    cache.set(key, { text, value });
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return value;
  };
}
