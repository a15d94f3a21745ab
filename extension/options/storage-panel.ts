/** How much of the browser's storage the corpus takes. */
import { CORPUS_CHANGED, formatBytes } from './ui.ts';
import { byId } from '../shared/dom.ts';

export function startStoragePanel(doc: Document): void {
  const used = byId(doc, 'storage-used');
  const label = byId(doc, 'storage-used-label');
  const show = async (): Promise<void> => {
    try {
      const estimate = await navigator.storage.estimate();
      used.textContent = formatBytes(estimate.usage ?? 0);
      // unlimitedStorage makes the quota a share of the disk: worth showing as the room left.
      label.textContent = estimate.quota ? `of storage used (${formatBytes(estimate.quota)} available)` : 'of storage used';
    } catch {
      used.textContent = '?';
    }
  };
  doc.addEventListener(CORPUS_CHANGED, () => void show());
  void show();
}
