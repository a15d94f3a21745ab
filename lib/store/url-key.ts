/**
 * The address under which versions of one article are grouped. Two visits of the same article rarely carry the
 * same address string: http and https, "www.", a trailing slash, a #fragment or a campaign tag (utm_source…)
 * differ while the article does not. The key drops exactly those differences and keeps everything else
 * (path case, meaningful query parameters), so different articles never share a key.
 */

/** Query parameters that only say how the reader arrived, never which article it is. */
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ocid|cmpid|smid|smtyp|ito|at_medium|at_campaign|at_custom\d*)$/i;

/** "example.org/news/story?id=7" for "https://www.example.org/news/story/?id=7&utm_source=x#top"; undefined for no address. */
export function urlKey(url: string | undefined | null): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol}${parsed.pathname}`;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `${host}${port}${path}${query}`;
}
