/** Small helpers shared by the options page's panels (DOM building lives in extension/shared/dom.ts). */

/** Fired on the document whenever the stored articles change, so counts and lists refresh. */
export const CORPUS_CHANGED = 'palimpsest:corpus-changed';

export function announceCorpusChange(doc: Document): void {
  doc.dispatchEvent(new CustomEvent(CORPUS_CHANGED));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** "3 Jan 2026, 14:05" in the reader's locale and time zone. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

