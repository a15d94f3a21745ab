/** Every request the background answers, in one place, each with who may send it. */
import type { AudienceMap, BackgroundProtocol, Handlers } from '../shared/protocol.ts';
import { checkTab, compareTabWith } from './check-tab.ts';
import { findOriginal } from './context-menu.ts';
import { corpusStatus, loadSampleCorpus } from './corpus.ts';
import { highlightInTab } from './highlight.ts';

export const backgroundHandlers: Handlers<BackgroundProtocol> = {
  'check-tab': ({ tabId, force }) => checkTab(tabId, { force }),
  'find-original': ({ tabId, selectionText }) => findOriginal(tabId, selectionText),
  'compare-version': ({ tabId, sourceId }) => compareTabWith(tabId, sourceId),
  'highlight-passage': ({ tabId, text }) => highlightInTab(tabId, text),
  'corpus-status': () => corpusStatus(),
  'reload-sample-corpus': () => loadSampleCorpus(),
};

// Content scripts only answer the background; nothing here is open to them or to web pages.
export const backgroundAudience: AudienceMap<BackgroundProtocol> = {
  'check-tab': 'extension-pages',
  'find-original': 'extension-pages',
  'compare-version': 'extension-pages',
  'highlight-passage': 'extension-pages',
  'corpus-status': 'extension-pages',
  'reload-sample-corpus': 'extension-pages',
};
