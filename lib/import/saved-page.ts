/**
 * Pages saved from a browser ("Save page as…"). Chrome and Internet Explorer mark where the page came from
 * with a "saved from url" comment near the top; the page's own canonical link, when it has one, is read by the
 * extractor and wins over it.
 */

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;

/** The address the page was saved from, or undefined. Only the first few kilobytes are searched. */
export function savedFromUrl(html: string): string | undefined {
  const match = SAVED_FROM.exec(html.slice(0, 4096));
  if (!match) return undefined;
  try {
    const url = new URL(match[1]);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface FileFacts {
  name: string;
  size: number;
  lastModified: number;
}

/** Files that look like saved web pages, by name. */
export function isHtmlFileName(name: string): boolean {
  return /\.(x?html?|xht)$/i.test(name);
}

/** Recognises the same set of files chosen again (to resume its import): names, sizes and dates, in order. */
export function fileSetFingerprint(files: readonly FileFacts[]): string {
  let hash = 0x811c9dc5;
  const text = files.map((file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${files.length}:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
