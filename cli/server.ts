/**
 * The team server: an HTTP JSON API over one shared corpus (node:http; no framework needed for five routes).
 * Every route but /v1/health needs the bearer token; bodies are bounded; every error is JSON with a status that
 * says what kind. Page and corpus text is data here: it goes to the engine and back as JSON, never into SQL text
 * (lib/store/postgres takes parameters only) and never into markup.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import { checkArticle } from '../lib/engine.ts';
import { extractFromHtml } from '../lib/extract/html.ts';
import { readJsonlRecords } from '../lib/import/jsonl.ts';
import { DEFAULT_BATCH_LIMITS, RecordBatch, type ImportProblem } from '../lib/import/progress.ts';
import { MAX_RECORD_TEXT_CHARS } from '../lib/import/record-limit.ts';
import { likelySources } from '../lib/sources.ts';
import type { PageArticle } from '../lib/types.ts';
import { corpusLines } from './corpus-commands.ts';
import type { StoredCorpus } from './stored-corpus.ts';

export interface ServerOptions {
  token: string;
  /** Largest body of a check request, in bytes. */
  maxCheckBytes: number;
  /** Largest body of an import request, in bytes. */
  maxImportBytes: number;
  /** Where internal errors are logged (never sent to the client). */
  log: (line: string) => void;
}

export const DEFAULT_MAX_CHECK_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Problems of an import listed in the answer; the rest are counted. */
const LISTED_PROBLEMS = 100;

/** An error with the HTTP status it answers with. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

/** The body, refused with 413 as soon as it passes `limit` bytes (a declared Content-Length over it is refused unread). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `the request is larger than the limit of ${megabytes(limit)}`);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  // Read with events rather than `for await`, whose early exit would destroy the socket before the answer.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      reject(tooLarge());
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** How much of a refused body is read and dropped so that its client gets the answer; past it the connection is cut. */
const DISCARD_LIMIT_BYTES = 256 * 1024 * 1024;

/** Reads and drops the rest of a request; false (and the socket destroyed) once more than `limit` bytes come. */
function discardRest(request: IncomingMessage, limit: number): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  if (request.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return;
      request.socket.destroy();
      resolve(false);
    });
    request.once('end', () => resolve(true));
    request.once('close', () => resolve(request.complete));
    request.resume();
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  // Compared as digests of equal length, in constant time.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(token));
}

const OPTIONAL_TEXT_FIELDS = ['title', 'url', 'published', 'lang', 'site', 'byline'] as const;

/** The page to check, from {"text", …} or {"html", "url"?}; throws 400/422 with what is wrong. */
export function pageFromRequest(body: unknown): PageArticle {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object with "text" or "html"');
  const fields = body as Record<string, unknown>;
  for (const name of ['text', 'html', ...OPTIONAL_TEXT_FIELDS]) {
    if (fields[name] !== undefined && fields[name] !== null && typeof fields[name] !== 'string') throw new HttpError(400, `"${name}" must be a string`);
  }
  const text = fields.text as string | undefined;
  const html = fields.html as string | undefined;
  if ((text === undefined) === (html === undefined)) throw new HttpError(400, 'give exactly one of "text" and "html"');
  let page: PageArticle | null;
  if (html !== undefined) {
    page = extractFromHtml(html, fields.url as string | undefined);
    if (!page) throw new HttpError(422, 'no article found in the page');
  } else {
    page = { text: text! };
    if (fields.title) page.title = fields.title as string;
    if (fields.url) page.url = fields.url as string;
    if (fields.published) page.publishedTime = fields.published as string;
    if (fields.lang) page.lang = fields.lang as string;
    if (fields.site) page.siteName = fields.site as string;
    if (fields.byline) page.byline = fields.byline as string;
  }
  if (page.text.trim() === '') throw new HttpError(422, 'the text is empty');
  if (page.text.length > MAX_RECORD_TEXT_CHARS) throw new HttpError(413, `the article is too long to check (${page.text.length.toLocaleString('en-US')} characters; the limit is ${MAX_RECORD_TEXT_CHARS.toLocaleString('en-US')})`);
  return page;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function requireType(request: IncomingMessage, types: readonly string[]): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!types.includes(type)) throw new HttpError(415, `send the body as ${types[0]} (Content-Type), not ${type || 'nothing'}`);
}

async function check(request: IncomingMessage, corpus: StoredCorpus, options: ServerOptions): Promise<unknown> {
  requireType(request, ['application/json']);
  const page = pageFromRequest(parseJson(await readBody(request, options.maxCheckBytes)));
  const firstAnswer = await likelySources(page.text, corpus.store, { lang: page.lang });
  const report = await checkArticle(page, corpus.store);
  return { firstAnswer, report, articles: await corpus.store.count() };
}

async function importJsonl(request: IncomingMessage, corpus: StoredCorpus, options: ServerOptions): Promise<unknown> {
  requireType(request, ['application/x-ndjson', 'application/jsonl', 'text/plain']);
  const body = await readBody(request, options.maxImportBytes);
  const batch = new RecordBatch(DEFAULT_BATCH_LIMITS);
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let added = 0;
  let duplicates = 0;
  const flush = async () => {
    const stored = await corpus.store.addRecords(batch.take());
    added += stored.added;
    duplicates += stored.duplicates;
  };
  for await (const item of readJsonlRecords([body])) {
    if (item.kind !== 'record') {
      // A reader's correction belongs to that reader's corpus in the extension; the team's corpus keeps articles.
      const reason = item.kind === 'problem' ? item.reason : 'a reader\'s correction ("not a version"): the team server stores articles only';
      problemCount += 1;
      if (problems.length < LISTED_PROBLEMS) problems.push({ where: `line ${item.line}`, reason });
      continue;
    }
    batch.add(item.record);
    if (batch.full) await flush();
  }
  if (batch.size > 0) await flush();
  await corpus.store.settle();
  return { added, duplicates, problems, problemCount, articles: await corpus.store.count() };
}

async function exportJsonl(response: ServerResponse, corpus: StoredCorpus): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  for await (const lines of corpusLines(corpus)) {
    if (!response.write(lines)) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

/** One stored article by id (?id=…), for comparing a page with a version only the team holds. */
async function record(request: IncomingMessage, corpus: StoredCorpus): Promise<unknown> {
  const id = new URL(request.url ?? '/', 'http://server.invalid').searchParams.get('id');
  if (!id) throw new HttpError(400, 'give the article\'s id as ?id=…');
  const [found] = await corpus.store.getRecords([id]);
  if (!found) throw new HttpError(404, 'no article with that id');
  return { record: found };
}

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createTeamServer(corpus: StoredCorpus, options: ServerOptions): Server {
  const json = (work: (request: IncomingMessage) => Promise<unknown>): Route => async (request, response) => sendJson(response, 200, await work(request));
  const routes: Record<string, Record<string, Route>> = {
    '/v1/check': { POST: json((request) => check(request, corpus, options)) },
    '/v1/import': { POST: json((request) => importJsonl(request, corpus, options)) },
    '/v1/export': { GET: (_request, response) => exportJsonl(response, corpus) },
    '/v1/stats': { GET: json(async () => corpus.store.summary()) },
    '/v1/record': { GET: json((request) => record(request, corpus)) },
  };
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://server.invalid');
      if (url.pathname === '/v1/health') return sendJson(response, 200, { ok: true, service: 'palimpsest' });
      const route = routes[url.pathname];
      if (!route) throw new HttpError(404, `no such route: ${url.pathname} (see palimpsest serve --help)`);
      if (!hasToken(request, options.token)) {
        request.resume();
        return sendJson(response, 401, { error: 'missing or wrong token: send "Authorization: Bearer <token>"' }, { 'WWW-Authenticate': 'Bearer' });
      }
      const handler = route[request.method ?? 'GET'];
      if (!handler) throw new HttpError(405, `${url.pathname} answers ${Object.keys(route).join(', ')}, not ${request.method}`);
      await handler(request, response);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if (error.status === 413) {
          // A client still writing its body would see a broken pipe instead of the answer: the rest is
          // read and dropped first, up to a bound, and the connection closes after the answer.
          if (!(await discardRest(request, DISCARD_LIMIT_BYTES))) return;
          response.setHeader('Connection', 'close');
        }
        return sendJson(response, error.status, { error: error.message });
      }
      options.log(`internal error on ${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
      sendJson(response, 500, { error: 'internal error (the server log has the details)' });
    }
  });
}
