/**
 * Export: the whole corpus as one JSONL file, assembled from pages of records followed by the reader's corrections
 * ("not a version"), and downloaded from a Blob URL. Importing the file gives back both.
 */
import { sendToBackground } from '../shared/protocol.ts';
import { formatBytes } from './ui.ts';
import { byId, describeError, formatCount } from '../shared/dom.ts';

const PAGE = 500;

function fileName(now = new Date()): string {
  return `palimpsest-corpus-${now.toISOString().slice(0, 10)}.jsonl`;
}

export function startExportPanel(doc: Document): void {
  const button = byId<HTMLButtonElement>(doc, 'export-start');
  const bar = byId<HTMLProgressElement>(doc, 'export-progress');
  const status = byId(doc, 'export-status');
  const link = byId<HTMLAnchorElement>(doc, 'export-link');
  let objectUrl: string | null = null;

  button.addEventListener('click', async () => {
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = 'Exporting…';
    try {
      const { count: total } = await sendToBackground('corpus-status', {});
      const parts: string[] = [];
      let done = 0;
      for (let after = 0; ; ) {
        const page = await sendToBackground('corpus-page', { after, limit: PAGE });
        if (page.count > 0) parts.push(page.jsonl);
        done += page.count;
        bar.value = total > 0 ? Math.min(1, done / total) : 1;
        if (page.last === null || page.count < PAGE) break;
        after = page.last;
      }
      const corrections = await sendToBackground('corpus-corrections', {});
      if (corrections.count > 0) parts.push(corrections.jsonl);
      const blob = new Blob(parts, { type: 'application/x-ndjson' });
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(blob);
      const name = fileName();
      link.href = objectUrl;
      link.download = name;
      link.textContent = `Download ${name} again (${formatBytes(blob.size)})`;
      link.hidden = false;
      const withCorrections = corrections.count > 0 ? ` and ${formatCount(corrections.count, 'correction', 'corrections')}` : '';
      status.textContent = `Exported ${formatCount(done, 'article', 'articles')}${withCorrections} (${formatBytes(blob.size)}).`;
      link.click();
    } catch (error) {
      status.textContent = `The export failed: ${describeError(error)}`;
    } finally {
      button.disabled = false;
      bar.value = 1;
    }
  });
}
