/** The options page's corpus panel: how many articles are stored, and reloading the bundled sample. */
import { sendToBackground } from '../shared/protocol.ts';
import { announceCorpusChange, CORPUS_CHANGED } from './ui.ts';

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startOptions(doc: Document): Promise<void> {
  const count = doc.querySelector<HTMLElement>('#article-count')!;
  const countLabel = doc.querySelector<HTMLElement>('#article-count-label')!;
  const status = doc.querySelector<HTMLElement>('#corpus-status')!;
  const reload = doc.querySelector<HTMLButtonElement>('#reload-sample')!;

  const showCount = (value: number): void => {
    count.textContent = value.toLocaleString('en');
    countLabel.textContent = value === 1 ? 'article stored' : 'articles stored';
  };

  reload.addEventListener('click', async () => {
    reload.disabled = true;
    status.textContent = 'Loading the sample corpus…';
    try {
      const result = await sendToBackground('reload-sample-corpus', {});
      showCount(result.count);
      announceCorpusChange(doc);
      status.textContent =
        result.added > 0
          ? `Added ${result.added} sample ${result.added === 1 ? 'article' : 'articles'}${result.duplicates ? `; ${result.duplicates} were already stored` : ''}.`
          : `All ${result.duplicates} sample articles were already stored.`;
    } catch (error) {
      status.textContent = `Could not load the sample corpus: ${describeError(error)}`;
    } finally {
      reload.disabled = false;
    }
  });

  // Imports, feeds and deletions elsewhere on the page change the count.
  doc.addEventListener(CORPUS_CHANGED, () => {
    void sendToBackground('corpus-status', {}).then(({ count }) => showCount(count), () => undefined);
  });
  try {
    showCount((await sendToBackground('corpus-status', {})).count);
  } catch (error) {
    status.textContent = `Could not read the corpus: ${describeError(error)}`;
  }
}
