/**
 * Why nothing was found: what the corpus holds (how many articles, in which languages), whether the page's site is
 * followed or has articles stored, and which feeds the page declares, so the popup can say what would help.
 */
import { primarySubtag } from '../../lib/text/language.ts';
import type { CorpusHint } from '../shared/protocol.ts';
import { getCorpus } from './corpus.ts';
import { loadTabState } from './tab-state.ts';

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** True when `host` is `site` or one of its subdomains (news.example.org is example.org's). */
function sameSite(host: string | null, site: string): boolean {
  return host !== null && (host === site || host.endsWith(`.${site}`) || site.endsWith(`.${host}`));
}

export async function corpusHint(tabId: number): Promise<CorpusHint> {
  const [state, store] = await Promise.all([loadTabState(tabId), getCorpus()]);
  const [usage, feeds] = await Promise.all([store.usage(), store.feedRows()]);
  const article = state?.outcome.kind === 'report' ? state.outcome.report.article : undefined;
  const host = hostOf(article?.url) ?? hostOf(state?.pageUrl);
  const followedUrls = new Set(feeds.map((feed) => feed.url));
  const declared = new Set((state?.pageFeeds ?? []).map((feed) => feed.url));
  // A site is followed through a feed on it, one naming it as its home, one whose articles live there, or one
  // the page itself declares (feeds are often served from another host).
  const site = host
    ? {
        host,
        stored: await store.hostCount(host),
        followed: feeds
          .filter((feed) => declared.has(feed.url) || sameSite(hostOf(feed.url), host) || sameSite(hostOf(feed.siteUrl), host) || feed.articleOrigins.some((origin) => sameSite(hostOf(origin.replace(/\*$/, '')), host)))
          .map((feed) => ({ url: feed.url, ...(feed.title ? { title: feed.title } : {}) })),
      }
    : null;
  const pageLang = primarySubtag(article?.lang);
  return {
    count: usage.count,
    languages: usage.languages,
    site,
    pageFeeds: (state?.pageFeeds ?? []).map((feed) => ({ ...feed, followed: followedUrls.has(feed.url) })),
    ...(pageLang ? { pageLang } : {}),
  };
}
