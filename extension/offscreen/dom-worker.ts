/** The offscreen document's side: DOM work for the background, whose Chrome service worker has no DOM. */
import { listen, type AudienceMap, type Handlers, type OffscreenProtocol } from '../shared/protocol.ts';
import { extractFromHtmlText, parseFeedXml } from '../shared/dom-work.ts';

const handlers: Handlers<OffscreenProtocol> = {
  'parse-feed': ({ xml, url }) => parseFeedXml(xml, url),
  'extract-html': ({ html, url }) => extractFromHtmlText(html, url),
};

const audience: AudienceMap<OffscreenProtocol> = {
  'parse-feed': 'background',
  'extract-html': 'background',
};

export function startDomWorker(): void {
  listen(handlers, audience, 'offscreen');
}
