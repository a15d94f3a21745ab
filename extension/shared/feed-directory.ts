/**
 * The directory of feeds offered on the first-run page (public/feed-directory.json, documented in
 * docs/feed-directory.md): checked on reading, so a bad entry is left out with a reason instead of breaking the page,
 * and grouped by language, then region, for display.
 */

export interface DirectoryLanguage {
  /** BCP 47 primary subtag: "en", "zh". */
  code: string;
  /** In English. */
  name: string;
  /** In the language itself. */
  native: string;
}

export interface DirectoryFeed {
  name: string;
  lang: string;
  region: string;
  /** "wire service", "public broadcaster", "newspaper"… */
  kind: string;
  /** One line on what it covers. */
  covers: string;
  /** The feed's address (RSS, RDF or Atom). */
  feed: string;
  /** The outlet's site. */
  site: string;
}

export interface FeedDirectory {
  languages: DirectoryLanguage[];
  feeds: DirectoryFeed[];
}

export interface DirectoryReading {
  directory: FeedDirectory;
  /** Entries left out, and why. */
  problems: string[];
}

export interface RegionGroup {
  region: string;
  feeds: DirectoryFeed[];
}

export interface LanguageGroup {
  language: DirectoryLanguage;
  regions: RegionGroup[];
}

function isWebAddress(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const TEXT_FIELDS = ['name', 'lang', 'region', 'kind', 'covers'] as const;

function feedProblem(entry: unknown, languages: ReadonlySet<string>): string | null {
  if (typeof entry !== 'object' || entry === null) return 'not an object';
  const feed = entry as Record<string, unknown>;
  for (const field of TEXT_FIELDS) if (typeof feed[field] !== 'string' || !(feed[field] as string).trim()) return `no ${field}`;
  if (!languages.has(feed.lang as string)) return `language "${String(feed.lang)}" is not listed in languages`;
  if (!isWebAddress(feed.feed)) return 'the feed address is not a web address';
  if (!isWebAddress(feed.site)) return 'the site address is not a web address';
  return null;
}

/** Reads the directory file's JSON; entries that do not fit the format are left out and listed. */
export function readDirectory(json: unknown): DirectoryReading {
  const problems: string[] = [];
  const root = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const languages = (Array.isArray(root.languages) ? root.languages : []).filter(
    (language): language is DirectoryLanguage =>
      typeof language === 'object' && language !== null && ['code', 'name', 'native'].every((field) => typeof (language as Record<string, unknown>)[field] === 'string'),
  );
  const codes = new Set(languages.map((language) => language.code));
  const feeds: DirectoryFeed[] = [];
  const addresses = new Set<string>();
  (Array.isArray(root.feeds) ? root.feeds : []).forEach((entry: unknown, index: number) => {
    const problem = feedProblem(entry, codes) ?? (addresses.has((entry as DirectoryFeed).feed) ? 'listed twice' : null);
    const name = typeof (entry as DirectoryFeed | null)?.name === 'string' ? (entry as DirectoryFeed).name : `entry ${index + 1}`;
    if (problem) {
      problems.push(`${name}: ${problem}`);
      return;
    }
    const feed = entry as DirectoryFeed;
    addresses.add(feed.feed);
    feeds.push({ name: feed.name, lang: feed.lang, region: feed.region, kind: feed.kind, covers: feed.covers, feed: feed.feed, site: feed.site });
  });
  return { directory: { languages, feeds }, problems };
}

/** Languages in the directory's order, each with its regions in order of first appearance. */
export function groupDirectory(directory: FeedDirectory): LanguageGroup[] {
  return directory.languages
    .map((language) => {
      const regions = new Map<string, DirectoryFeed[]>();
      for (const feed of directory.feeds.filter((entry) => entry.lang === language.code)) {
        if (!regions.has(feed.region)) regions.set(feed.region, []);
        regions.get(feed.region)!.push(feed);
      }
      return { language, regions: [...regions].map(([region, feeds]) => ({ region, feeds })) };
    })
    .filter((group) => group.regions.length > 0);
}

/** Where the extension ships the directory. */
export const DIRECTORY_PATH = '/feed-directory.json';
