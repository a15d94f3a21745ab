/** Every request the background answers, in one place, each with who may send it. */
import type { AudienceMap, BackgroundProtocol, Handlers } from '../shared/protocol.ts';
import { captureTab } from './capture.ts';
import { checkTab, compareTabWith, firstLook } from './check-tab.ts';
import { correctionsExport, markNotAVersion, undoNotAVersion } from './corrections.ts';
import { findOriginal } from './context-menu.ts';
import { clearCorpus, corpusPage, deleteIds, deleteWhere, selectWhere } from './corpus-admin.ts';
import { corpusStatus, getCorpus, loadSampleCorpus, readerFirst } from './corpus.ts';
import { budgetView, setBudget } from './budget.ts';
import { corpusHint } from './corpus-hint.ts';
import { addFeeds, followWhenGranted, listFeeds, refreshFeeds, subscribe, unsubscribe } from './feeds.ts';
import { clearChangesInTab, highlightInTab, markChangesInTab } from './highlight.ts';
import { commitImportBatch, forgetImport, importStatus } from './imports.ts';
import { pageHistory } from './page-history.ts';
import { testTeamServer } from './team-server.ts';

// The popup's reads besides the checks (a version compared, the page's history, why nothing was found) go before an
// import's writes too, as the checks do (see readerFirst).
export const backgroundHandlers: Handlers<BackgroundProtocol> = {
  'check-tab': ({ tabId, force }) => checkTab(tabId, { force }),
  'first-look': ({ tabId }) => firstLook(tabId),
  'find-original': ({ tabId, selectionText }) => findOriginal(tabId, selectionText),
  'compare-version': ({ tabId, sourceId }) => readerFirst(() => compareTabWith(tabId, sourceId)),
  'mark-not-a-version': ({ tabId, recordId }) => markNotAVersion(tabId, recordId),
  'undo-not-a-version': ({ tabId, recordId }) => undoNotAVersion(tabId, recordId),
  'highlight-passage': ({ tabId, text }) => highlightInTab(tabId, text),
  'mark-page-changes': ({ tabId, changes }) => markChangesInTab(tabId, changes),
  'clear-page-changes': ({ tabId }) => clearChangesInTab(tabId),
  'corpus-status': () => corpusStatus(),
  'reload-sample-corpus': () => loadSampleCorpus(),
  'capture-tab': ({ tabId }) => captureTab(tabId),
  'page-history': ({ tabId }) => readerFirst(() => pageHistory(tabId)),
  'import-status': ({ key }) => importStatus(key),
  'import-batch': ({ source, records, corrections, advance }) => commitImportBatch(source, records, advance, corrections),
  'import-forget': ({ key }) => forgetImport(key),
  'corpus-page': ({ after, limit }) => corpusPage(after, limit),
  'corpus-corrections': () => correctionsExport(),
  'corpus-find': async (search) => (await getCorpus()).findRecords(search),
  'corpus-sites': async () => (await getCorpus()).siteCounts(),
  'corpus-select': (filter) => selectWhere(filter),
  'corpus-delete': ({ ids }) => deleteIds(ids),
  'corpus-delete-where': (filter) => deleteWhere(filter),
  'corpus-clear': () => clearCorpus(),
  'feeds-list': () => listFeeds(),
  'feed-subscribe': ({ url, title }) => subscribe(url, title),
  'feed-follow-when-granted': ({ url, title }) => followWhenGranted(url, title),
  'feeds-add': ({ feeds }) => addFeeds(feeds),
  'corpus-hint': ({ tabId }) => readerFirst(() => corpusHint(tabId)),
  'budget-status': () => budgetView(),
  'budget-set': ({ budget }) => setBudget(budget),
  'feed-unsubscribe': ({ url }) => unsubscribe(url),
  'feeds-refresh': ({ url }) => refreshFeeds(url),
  'team-server-test': (settings) => testTeamServer(settings),
};

// Content scripts only answer the background; nothing here is open to them or to web pages.
export const backgroundAudience: AudienceMap<BackgroundProtocol> = {
  'check-tab': 'extension-pages',
  'first-look': 'extension-pages',
  'find-original': 'extension-pages',
  'compare-version': 'extension-pages',
  'mark-not-a-version': 'extension-pages',
  'undo-not-a-version': 'extension-pages',
  'highlight-passage': 'extension-pages',
  'mark-page-changes': 'extension-pages',
  'clear-page-changes': 'extension-pages',
  'corpus-status': 'extension-pages',
  'reload-sample-corpus': 'extension-pages',
  'capture-tab': 'extension-pages',
  'page-history': 'extension-pages',
  'import-status': 'extension-pages',
  'import-batch': 'extension-pages',
  'import-forget': 'extension-pages',
  'corpus-page': 'extension-pages',
  'corpus-corrections': 'extension-pages',
  'corpus-find': 'extension-pages',
  'corpus-sites': 'extension-pages',
  'corpus-select': 'extension-pages',
  'corpus-delete': 'extension-pages',
  'corpus-delete-where': 'extension-pages',
  'corpus-clear': 'extension-pages',
  'feeds-list': 'extension-pages',
  'feed-subscribe': 'extension-pages',
  'feed-follow-when-granted': 'extension-pages',
  'feeds-add': 'extension-pages',
  'corpus-hint': 'extension-pages',
  'budget-status': 'extension-pages',
  'budget-set': 'extension-pages',
  'feed-unsubscribe': 'extension-pages',
  'feeds-refresh': 'extension-pages',
  'team-server-test': 'extension-pages',
};
