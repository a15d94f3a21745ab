/**
 * A small news site on http://127.0.0.1:<free port> whose content the test changes while the browser reads it:
 * a story edited between two visits, and a feed that gains items. Everything else 404s.
 */
import { createServer, type Server } from 'node:http';

export interface LiveArticle {
  title: string;
  paragraphs: string[];
  published?: string;
}

export interface FeedEntry {
  title: string;
  /** Path on this site, e.g. "/articles/kabul". */
  path: string;
  published: string;
  /** Text the feed itself carries for the item. */
  summary?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function articleHtml(article: LiveArticle, siteName = 'The Courier'): string {
  const published = article.published ? `<meta property="article:published_time" content="${article.published}">` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)} | ${siteName}</title>
<meta property="og:site_name" content="${siteName}">${published}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${escapeHtml(article.title)}</h1>
${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer>© ${siteName}</footer></body></html>`;
}

export class LiveSite {
  /** Pages by path; change an entry to change what the next visit sees. */
  readonly pages = new Map<string, LiveArticle>();
  readonly feed: FeedEntry[] = [];
  feedTitle = 'The Courier — World';
  requests: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<LiveSite> {
    let site: LiveSite | null = null;
    const server = createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      site!.requests.push(pathname);
      if (pathname === '/feed.xml') {
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(site!.rss());
        return;
      }
      const article = site!.pages.get(pathname);
      if (!article) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(articleHtml(article));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('live site has no port');
    site = new LiveSite(server, `http://127.0.0.1:${address.port}`);
    return site;
  }

  url(path: string): string {
    return new URL(path, this.origin).href;
  }

  rss(): string {
    const items = this.feed
      .map(
        (entry) => `<item><title>${escapeHtml(entry.title)}</title><link>${this.url(entry.path)}</link><guid>${this.url(entry.path)}</guid>
<pubDate>${new Date(entry.published).toUTCString()}</pubDate>${entry.summary ? `<description>${escapeHtml(entry.summary)}</description>` : ''}</item>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeHtml(this.feedTitle)}</title><link>${this.origin}/</link>
${items}
</channel></rss>`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
