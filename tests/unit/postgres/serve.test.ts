/** `palimpsest serve` as a team runs it: a child process on 127.0.0.1, spoken to over HTTP, on PGlite and a server. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCorpus } from '../../../lib/corpus/jsonl.ts';
import { forEachDatabase } from './databases.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedsJsonl = readFileSync(path.join(repoRoot, 'assets', 'seed-corpus.jsonl'), 'utf8');
const seeds = parseCorpus(seedsJsonl).records;
const page000 = readFileSync(path.join(repoRoot, 'tests/fixtures/seed-000/page.html'), 'utf8');
const TOKEN = 'team-token-for-tests';
const INJECTION = "'); DROP TABLE palimpsest_records; --";

forEachDatabase('palimpsest serve', (backend) => {
  let server: ServeProcess;
  let dispose: () => Promise<void>;
  const call = (route: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const token = init.token === undefined ? TOKEN : init.token;
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    return fetch(`${server.url}${route}`, { ...init, headers });
  };
  const postJson = (route: string, body: unknown) => call(route, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    const fresh = await backend.fresh();
    dispose = fresh.dispose;
    server = await startServe(fresh.target, TOKEN, ['--max-body', '1']);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await dispose?.();
  });

  it('answers its health check without a token, and nothing else', async () => {
    expect(await (await call('/v1/health', { token: null })).json()).toEqual({ ok: true, service: 'palimpsest' });
    for (const token of [null, 'wrong-token']) {
      const refused = await call('/v1/stats', { token });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(await refused.json()).toEqual({ error: 'missing or wrong token: send "Authorization: Bearer <token>"' });
    }
  });

  it('imports JSONL, listing bad lines and storing SQL-looking text as text', async () => {
    const body = [seedsJsonl.trim(), '{"id": "broken"', JSON.stringify({ id: INJECTION, text: `A wire story quoting ${INJECTION} twice: ${INJECTION}.`, site: INJECTION })].join('\n');
    const response = await call('/v1/import', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ added: 6, duplicates: 0, problems: [{ where: 'line 6', reason: expect.stringMatching(/^invalid JSON/) }], problemCount: 1, articles: 6 });
    const stats = await (await call('/v1/stats')).json();
    expect(stats).toMatchObject({ articles: 6, sites: 6 });
    expect(stats.topSites).toContainEqual({ site: INJECTION, count: 1 });
  });

  it('checks a text and a page against the team corpus', async () => {
    const seed000 = seeds.find((record) => record.id === 'seed-000')!;
    const byText = await postJson('/v1/check', { text: seed000.text, title: seed000.title, published: seed000.published, lang: 'en' });
    expect(byText.status).toBe(200);
    const answer = await byText.json();
    expect(answer.firstAnswer[0].id).toBe('seed-000');
    const byPage = await (await postJson('/v1/check', { html: page000, url: 'https://worldnewsdigest.example/2021/08/17/russia/' })).json();
    expect(byPage.report.original).toBe('seed-001');
    expect(byPage.report.matches.map((match: { id: string }) => match.id)).toContain('seed-001');
  }, 60_000);

  it('gives one stored article by id', async () => {
    const found = await call(`/v1/record?id=${encodeURIComponent(INJECTION)}`);
    expect((await found.json()).record).toMatchObject({ id: INJECTION, site: INJECTION });
    expect((await call('/v1/record?id=nope')).status).toBe(404);
  });

  it('exports the corpus as JSONL', async () => {
    const response = await call('/v1/export');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const records = parseCorpus(await response.text()).records;
    expect(records.map((record) => record.id)).toEqual([...seeds.map((record) => record.id), INJECTION]);
  });

  it('refuses bad requests with a status and a JSON reason', async () => {
    const cases: [Promise<Response>, number, RegExp][] = [
      [call('/v1/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' }), 400, /^the body is not valid JSON/],
      [postJson('/v1/check', { text: 'a', html: '<p>b</p>' }), 400, /exactly one of "text" and "html"/],
      [postJson('/v1/check', { text: 42 }), 400, /"text" must be a string/],
      [postJson('/v1/check', { html: '<html><body><nav>Home</nav></body></html>' }), 422, /no article found/],
      [call('/v1/check', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }), 415, /Content-Type/],
      [postJson('/v1/check', { text: 'x'.repeat(2 * 1024 * 1024) }), 413, /larger than the limit of 1 MB/],
      [call('/v1/check'), 405, /answers POST, not GET/],
      [call('/v1/nothing'), 404, /no such route/],
    ];
    for (const [pending, status, message] of cases) {
      const response = await pending;
      expect(response.status, message.source).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    // Still serving after all that.
    expect((await call('/v1/stats')).status).toBe(200);
  });

  it('stops on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.log()).toContain('palimpsest: stopping the server');
  }, 30_000);

});
