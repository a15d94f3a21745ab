/**
 * Stands in for franc-min in the content script (wxt.config.ts). The content script detects the article's language
 * with the browser's own detector (extract-page.ts passes it as languageHint), so the bundled detector is never
 * called there; yet its data was half the script (200 kB with it, 92 kB without) and its trigram tables were built
 * on every injection, which is on the path of every toolbar click. Should it ever be called, it answers
 * "undetermined", and the page's declared language stands.
 */
export function francAll(): [string, number][] {
  return [['und', 1]];
}
