/** The toolbar badge: how many versions of the tab's article the corpus holds (same-story coverage excluded). */
import { browser } from 'wxt/browser';
import type { TabState } from '../shared/protocol.ts';
import { versionMatches } from '../shared/report-view.ts';

export async function showBadge(state: TabState): Promise<void> {
  const { action } = browser;
  const versions = state.outcome.kind === 'report' ? versionMatches(state.outcome.report).length : 0;
  await action.setBadgeBackgroundColor({ tabId: state.tabId, color: '#5b3cc4' });
  await action.setBadgeText({ tabId: state.tabId, text: versions > 0 ? String(versions) : '' });
  await action.setTitle({
    tabId: state.tabId,
    title: versions > 0 ? `Palimpsest: ${versions} version${versions === 1 ? '' : 's'} found` : 'Palimpsest',
  });
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
