/**
 * The content script's side of the protocol: it runs in the tab only after the background injected it on a
 * reader's request, and answers the background alone.
 */
import { listen, replyOf, type AudienceMap, type ContentProtocol, type ExtractedPage, type Handlers, type Reply } from '../shared/protocol.ts';
import { extractCurrentPage } from './extract-page.ts';
import { clearHighlight, highlightPassage } from './highlight.ts';
import { clearChanges, markChanges } from './page-marks.ts';

const handlers: Handlers<ContentProtocol> = {
  ping: () => ({ ready: true }),
  'extract-article': () => extractCurrentPage(),
  'highlight-passage': ({ text }) => ({ found: highlightPassage(text) }),
  'clear-highlight': () => ({ cleared: clearHighlight() }),
  'mark-changes': ({ changes }) => markChanges(changes),
  'clear-changes': () => ({ cleared: clearChanges() }),
};

const audience: AudienceMap<ContentProtocol> = {
  ping: 'background',
  'extract-article': 'background',
  'highlight-passage': 'background',
  'clear-highlight': 'background',
  'mark-changes': 'background',
  'clear-changes': 'background',
};

/** Starts answering; returns the function that stops it (called when a newer copy of the script takes over). */
export function startReader(): () => void {
  return listen(handlers, audience);
}

/**
 * The background injects this script to read the page (on a toolbar click, most often a page's first): reading at
 * once and answering through the injection's result saves the 'extract-article' round trip on that path.
 */
export function readOnArrival(): Promise<Reply<ExtractedPage>> {
  return replyOf(() => extractCurrentPage());
}
