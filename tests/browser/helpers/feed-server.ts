/**
 * Feeds as news sites serve them, on http://127.0.0.1:<free port>: RSS 2.0, Atom and RDF feeds answering
 * conditional requests with 304, a feed that is not well-formed, one that is gone (404), one that is rate-limited
 * (429 with Retry-After), a slow one, a 20 MB one, one whose items repeat another's, and as many small feeds as a
 * test asks for. Every article the feeds list has a page. Each request is logged with its headers and timing.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { articleHtml } from './live-site.ts';

export interface LoggedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  startedAt: number;
  endedAt: number;
}

export interface ServedItem {
  title: string;
  /** Path of the article page on this server. */
  path: string;
  published: string;
  /** Text the feed carries for the item (HTML). */
  content?: string;
}

const sentences = (topic: string) => [
  `${topic} was confirmed on Monday by officials, who said the decision followed weeks of talks with residents and business owners.`,
  `Officials said the cost of the plan would be shared between the city and the regional government, and that work would start in spring.`,
  `Critics said the consultation had been too short, and asked the council to publish the full report before any contract is signed.`,
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The article page of a path: its topic is the path, so every page's text is its own. */
export function topicOf(path: string): string {
  return `The plan for ${path.replace(/[^a-z0-9]+/gi, ' ').trim()}`;
}

export class FeedServer {
  requests: LoggedRequest[] = [];
  /** Items of each feed by path; tests change them between reads. */
  readonly items = new Map<string, ServedItem[]>();
  /** Feeds that answer 429 with this Retry-After (seconds), by path. */
  readonly rateLimited = new Map<string, number>();
  /** Feeds that answer 404, by path. */
  readonly gone = new Set<string>();
  /** Feeds that answer after this many milliseconds, by path. */
  readonly slow = new Map<string, number>();
  /** Feeds answered whole, by path, bypassing the formats (malformed XML, a 20 MB feed). */
  readonly raw = new Map<string, { body: string | Buffer; type: string }>();
  /** Requests in flight to feed paths, and the most at once. */
  private inFlight = 0;
  maxInFlight = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FeedServer> {
    let site: FeedServer | null = null;
    const server = createServer((request, response) => void site!.answer(request.url ?? '/', request.headers, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('feed server has no port');
    site = new FeedServer(server, `http://127.0.0.1:${address.port}`);
    return site;
  }

  url(path: string): string {
    return new URL(path, this.origin).href;
  }

  /** Requests to one path, in order. */
  requestsTo(path: string): LoggedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  private async answer(rawUrl: string, headers: IncomingHttpHeaders, response: import('node:http').ServerResponse): Promise<void> {
    const path = new URL(rawUrl, 'http://localhost').pathname;
    const logged: LoggedRequest = { path, headers, status: 0, startedAt: Date.now(), endedAt: 0 };
    this.requests.push(logged);
    const isFeed = this.items.has(path) || this.raw.has(path) || this.gone.has(path) || this.rateLimited.has(path);
    if (isFeed) this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    const send = (status: number, head: Record<string, string>, body: string | Buffer) => {
      logged.status = status;
      logged.endedAt = Date.now();
      if (isFeed) this.inFlight--;
      response.writeHead(status, head).end(body);
    };
    const delay = this.slow.get(path);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.gone.has(path)) return send(404, { 'content-type': 'text/plain' }, 'not found');
    const wait = this.rateLimited.get(path);
    if (wait !== undefined) return send(429, { 'content-type': 'text/plain', 'retry-after': String(wait) }, 'slow down');
    const raw = this.raw.get(path);
    if (raw) return send(200, { 'content-type': raw.type }, raw.body);
    const items = this.items.get(path);
    if (items) {
      const body = this.feedBody(path, items);
      const etag = `"${Buffer.from(body).length.toString(16)}-${items.length}"`;
      if (headers['if-none-match'] === etag) return send(304, { etag }, '');
      return send(200, { 'content-type': this.contentType(path), etag, 'last-modified': new Date(Date.UTC(2026, 0, 5)).toUTCString() }, body);
    }
    if (path.startsWith('/articles/')) {
      const title = path.slice('/articles/'.length).replace(/-/g, ' ');
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, articleHtml({ title, paragraphs: sentences(topicOf(path)) }, 'The Wire'));
    }
    send(404, { 'content-type': 'text/plain' }, 'not found');
  }

  private contentType(path: string): string {
    if (path.endsWith('.atom')) return 'application/atom+xml; charset=utf-8';
    if (path.endsWith('.rdf')) return 'application/rdf+xml; charset=utf-8';
    return 'application/rss+xml; charset=utf-8';
  }

  private feedBody(path: string, items: ServedItem[]): string {
    const title = `Feed ${path}`;
    if (path.endsWith('.atom')) {
      return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><link href="${this.origin}/"/>${items
        .map((item) => `<entry><title>${escapeXml(item.title)}</title><link rel="alternate" href="${this.url(item.path)}"/><id>${this.url(item.path)}</id><updated>${item.published}</updated></entry>`)
        .join('')}</feed>`;
    }
    if (path.endsWith('.rdf')) {
      return `<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="${this.url(path)}"><title>${escapeXml(title)}</title><link>${this.origin}/</link></channel>${items
        .map((item) => `<item rdf:about="${this.url(item.path)}"><title>${escapeXml(item.title)}</title><link>${this.url(item.path)}</link><dc:date>${item.published}</dc:date></item>`)
        .join('')}</rdf:RDF>`;
    }
    return rssDocument(title, this.origin, items.map((item) => ({ ...item, link: this.url(item.path) })));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function rssDocument(title: string, origin: string, items: (ServedItem & { link: string })[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${origin}/</link>${items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${item.link}</link><guid>${item.link}</guid><pubDate>${new Date(item.published).toUTCString()}</pubDate>${
          item.content ? `<description>${escapeXml(item.content)}</description>` : ''
        }</item>`,
    )
    .join('\n')}</channel></rss>`;
}

/** `count` items with article pages on the server, newest first. */
export function servedItems(prefix: string, count: number, day = '2026-01-05'): ServedItem[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `${prefix} story ${count - i}`,
    path: `/articles/${prefix}-story-${count - i}`,
    published: `${day}T${String(10 + (i % 10)).padStart(2, '0')}:00:00Z`,
  }));
}

/** A feed of about `megabytes` MB whose items each carry their whole text (an archive feed). */
export function bigFeed(origin: string, megabytes: number): string {
  const paragraph = sentences('The archive of the harbour authority').join(' ');
  const items: (ServedItem & { link: string })[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const content = `<p>Item ${i}. ${paragraph}</p>`.repeat(12);
    items.push({ title: `Archive item ${i}`, path: `/articles/archive-${i}`, link: `${origin}/articles/archive-${i}`, published: new Date(Date.UTC(2026, 0, 5) - i * 60_000).toISOString(), content });
    size += escapeXml(content).length + 300;
  }
  return rssDocument('The archive', origin, items);
}
