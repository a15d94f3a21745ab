/**
 * The reader's budget: keep articles from the last N days and/or the corpus under N MB. Shows what the corpus takes
 * against the budget (as the budget counts it, with the browser's own figure beside it), and applying a budget
 * removes what is over it at once.
 */
import type { Budget } from '../../lib/store/index.ts';
import { sendToBackground, type BudgetView } from '../shared/protocol.ts';
import { announceCorpusChange, CORPUS_CHANGED, formatBytes } from './ui.ts';
import { byId, describeError, formatCount } from '../shared/dom.ts';

const MEGABYTE = 1024 * 1024;

function limitOf(input: HTMLInputElement): number | undefined {
  const value = input.valueAsNumber;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function startBudgetPanel(doc: Document): void {
  const used = byId(doc, 'budget-used');
  const usedLabel = byId(doc, 'budget-used-label');
  const meter = byId<HTMLMeterElement>(doc, 'budget-meter');
  const browserFigure = byId(doc, 'budget-browser');
  const form = byId<HTMLFormElement>(doc, 'budget-form');
  const days = byId<HTMLInputElement>(doc, 'budget-days');
  const megabytes = byId<HTMLInputElement>(doc, 'budget-megabytes');
  const save = byId<HTMLButtonElement>(doc, 'budget-save');
  const status = byId(doc, 'budget-status');

  const show = (view: BudgetView, fillForm: boolean): void => {
    const { budget, usage } = view;
    used.textContent = formatBytes(usage.bytes);
    const ofBudget = budget.maxBytes !== undefined ? ` of ${formatBytes(budget.maxBytes)}` : '';
    usedLabel.textContent = `${ofBudget} used by ${formatCount(usage.count, 'article', 'articles')}`.trim();
    meter.hidden = budget.maxBytes === undefined;
    if (budget.maxBytes !== undefined) meter.value = Math.min(1, usage.bytes / budget.maxBytes);
    browserFigure.textContent =
      view.browserUsage !== undefined
        ? `The browser counts ${formatBytes(view.browserUsage)} for all of Palimpsest’s storage (compressed, with the database’s own overhead).`
        : '';
    if (fillForm) {
      days.value = budget.maxAgeDays !== undefined ? String(budget.maxAgeDays) : '';
      megabytes.value = budget.maxBytes !== undefined ? String(Math.round(budget.maxBytes / MEGABYTE)) : '';
    }
  };

  const refresh = async (fillForm = false): Promise<void> => {
    try {
      show(await sendToBackground('budget-status', {}), fillForm);
    } catch (error) {
      status.textContent = `Could not read the corpus size: ${describeError(error)}`;
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const maxAgeDays = limitOf(days);
    const maxSize = limitOf(megabytes);
    const budget: Budget = {
      ...(maxAgeDays !== undefined ? { maxAgeDays: Math.round(maxAgeDays) } : {}),
      ...(maxSize !== undefined ? { maxBytes: Math.round(maxSize * MEGABYTE) } : {}),
    };
    save.disabled = true;
    status.textContent = 'Applying the budget…';
    try {
      const before = (await sendToBackground('budget-status', {})).usage.count;
      const view = await sendToBackground('budget-set', { budget });
      show(view, true);
      const removed = Math.max(0, before - view.usage.count);
      const kept = view.lastEviction?.kept ?? 0;
      const none = maxAgeDays === undefined && maxSize === undefined;
      status.textContent = none
        ? 'No budget: the corpus grows as articles arrive.'
        : `Budget applied: ${formatCount(removed, 'oldest article', 'oldest articles')} removed.${kept > 0 ? ` ${formatCount(kept, 'article', 'articles')} over the budget ${kept === 1 ? 'was' : 'were'} kept as originals of stored versions or as the sample.` : ''}`;
      announceCorpusChange(doc);
    } catch (error) {
      status.textContent = `Could not apply the budget: ${describeError(error)}`;
    } finally {
      save.disabled = false;
    }
  });

  doc.addEventListener(CORPUS_CHANGED, () => void refresh());
  void refresh(true);
}
