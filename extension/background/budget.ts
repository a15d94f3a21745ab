/**
 * The reader's budget (options page, storage.local): the corpus is kept within an age or a size by removing its
 * oldest articles (lib/store/budget.ts says which are passed over). Enforced when it is set, after each round of
 * feed reading and when an import ends, in slices of bounded size so the worker keeps answering between them.
 */
import type { Budget, EvictionResult } from '../../lib/store/index.ts';
import type { BudgetView } from '../shared/protocol.ts';
import { budgetItem, lastEvictionItem } from '../shared/storage-items.ts';
import { getCorpus } from './corpus.ts';
import { withStorageErrors } from './storage-errors.ts';

/** Records removed per slice: each slice is a few transactions, then the worker answers what waits. */
const SLICE = 1000;

export async function loadBudget(): Promise<Budget> {
  return budgetItem.getValue();
}

function isSet(budget: Budget): boolean {
  return budget.maxAgeDays !== undefined || budget.maxBytes !== undefined;
}

/** A budget from the reader's input: positive finite numbers only, anything else means "no limit". */
export function cleanBudget(budget: Budget): Budget {
  const clean: Budget = {};
  if (typeof budget.maxAgeDays === 'number' && Number.isFinite(budget.maxAgeDays) && budget.maxAgeDays > 0) clean.maxAgeDays = budget.maxAgeDays;
  if (typeof budget.maxBytes === 'number' && Number.isFinite(budget.maxBytes) && budget.maxBytes > 0) clean.maxBytes = Math.round(budget.maxBytes);
  return clean;
}

let enforcing: Promise<EvictionResult | null> | null = null;

/** Removes what is over the budget; one run at a time (a second caller joins the first). */
export function enforceBudget(): Promise<EvictionResult | null> {
  enforcing ??= (async () => {
    const budget = await loadBudget();
    if (!isSet(budget)) return null;
    const store = await getCorpus();
    const total: EvictionResult = { deleted: 0, kept: 0, complete: false };
    while (!total.complete) {
      const slice = await withStorageErrors(() => store.evict(budget, Date.now(), SLICE));
      total.deleted += slice.deleted;
      total.kept = slice.kept;
      total.complete = slice.complete;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (total.deleted > 0) await store.settle();
    await lastEvictionItem.setValue({ ...total, at: new Date().toISOString() });
    return total;
  })().finally(() => {
    enforcing = null;
  });
  return enforcing;
}

export async function budgetView(): Promise<BudgetView> {
  const store = await getCorpus();
  const [budget, usage, lastEviction] = await Promise.all([loadBudget(), store.usage(), lastEvictionItem.getValue()]);
  let browserUsage: number | undefined;
  try {
    browserUsage = (await navigator.storage.estimate()).usage;
  } catch {
    browserUsage = undefined;
  }
  return { budget, usage, ...(browserUsage !== undefined ? { browserUsage } : {}), ...(lastEviction ? { lastEviction } : {}) };
}

export async function setBudget(budget: Budget): Promise<BudgetView> {
  await withStorageErrors(() => budgetItem.setValue(cleanBudget(budget)));
  await enforceBudget();
  return budgetView();
}
