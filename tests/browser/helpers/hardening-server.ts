/**
 * A second local web server for the hardening tests: pages made at test time (huge articles, other character
 * encodings, frames, PDFs) with exactly the headers a test asks for, and a log of every request it served.
 */
import { createServer, type Server } from 'node:http';

export interface Route {
  body: Buffer | string | (() => Buffer | string);
  /** Full Content-Type value, charset included. */
  contentType: string;
  headers?: Record<string, string>;
}

export interface HardeningServer {
  origin: string;
  url(pathname: string): string;
  /** Adds or replaces the answer for one path. */
  serve(pathname: string, route: Route): string;
  /** Paths (with query) requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startHardeningServer(): Promise<HardeningServer> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const route = routes.get(url.pathname);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = typeof route.body === 'function' ? route.body() : route.body;
    response.writeHead(200, { 'content-type': route.contentType, 'cache-control': 'no-store', ...route.headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('hardening server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const url = (pathname: string): string => new URL(pathname, origin).href;
  return {
    origin,
    url,
    serve(pathname, route) {
      routes.set(pathname, route);
      return url(pathname);
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const HTML_UTF8 = 'text/html; charset=utf-8';

/** A 1×1 transparent PNG, for same-origin images. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
