/**
 * The team server (`palimpsest serve`), asked besides the local corpus when the reader turned it on in the options
 * page. What is sent is exactly what the options page says: the checked article's text, title, address,
 * publication date and language, with the team's token; never cookies (credentials are omitted), never the local
 * corpus. A server that is down, slow or refuses the token costs nothing but a note: the local answer stands.
 */
import { browser } from 'wxt/browser';
import { isCopyRelation } from '../../lib/engine.ts';
import type { CorpusRecord, Match, PageArticle, Report } from '../../lib/types.ts';
import type { TeamOutcome, TeamServerTest } from '../shared/protocol.ts';
import { originPattern, teamServerBase, teamServerSettings, type TeamServerSettings } from '../shared/settings.ts';

/** A check on the server runs the full engine on a shared corpus: give it time, but not forever. */
const CHECK_TIMEOUT_MS = 20_000;
const SMALL_TIMEOUT_MS = 8_000;

class TeamServerError extends Error {}

function hostOf(base: string): string {
  return new URL(base).host;
}

/** Sends one request; every failure becomes a TeamServerError saying what went wrong in words. */
async function request<T>(settings: Pick<TeamServerSettings, 'url' | 'token'>, route: string, init: RequestInit, timeoutMs: number): Promise<T> {
  const base = teamServerBase(settings.url);
  if (!base) throw new TeamServerError('the team server address is not an http(s) address');
  const pattern = originPattern(base);
  if (!pattern || !(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new TeamServerError(`Palimpsest may not reach ${hostOf(base)}: turn the team server on again in the options to allow it`);
  }
  let response: Response;
  try {
    response = await fetch(`${base}${route}`, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      headers: { ...init.headers, Authorization: `Bearer ${settings.token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new TeamServerError(timedOut ? `the team server at ${hostOf(base)} did not answer within ${timeoutMs / 1000} s` : `could not reach the team server at ${hostOf(base)}`);
  }
  if (response.status === 401) throw new TeamServerError(`the team server at ${hostOf(base)} refused the token`);
  if (!response.ok) {
    const reason = await response
      .json()
      .then((body: { error?: unknown }) => (typeof body.error === 'string' ? body.error : ''))
      .catch(() => '');
    throw new TeamServerError(`the team server at ${hostOf(base)} answered ${response.status}${reason ? `: ${reason}` : ''}`);
  }
  return (await response.json()) as T;
}

/** What the options page's "Test" button shows. */
export async function testTeamServer(settings: Pick<TeamServerSettings, 'url' | 'token'>): Promise<TeamServerTest> {
  try {
    const stats = await request<{ articles: number }>(settings, '/v1/stats', {}, SMALL_TIMEOUT_MS);
    return { ok: true, articles: stats.articles };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The article as sent: these fields and nothing else (the options page lists them). */
function sentArticle(article: PageArticle): Record<string, string> {
  const sent: Record<string, string> = { text: article.text };
  if (article.title) sent.title = article.title;
  if (article.url) sent.url = article.url;
  if (article.publishedTime) sent.published = article.publishedTime;
  if (article.lang) sent.lang = article.lang;
  return sent;
}

/**
 * The team's report on the article, or why there is none; null when the reader has not turned the team server on.
 */
export async function askTeamServer(article: PageArticle): Promise<{ report: Report | null; outcome: TeamOutcome } | null> {
  const settings = await teamServerSettings();
  if (!settings.enabled) return null;
  const server = teamServerBase(settings.url) ?? settings.url;
  try {
    const answer = await request<{ report: Report }>(
      settings,
      '/v1/check',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sentArticle(article)) },
      CHECK_TIMEOUT_MS,
    );
    return { report: answer.report, outcome: { kind: 'asked', server, matches: answer.report.matches.length } };
  } catch (error) {
    return { report: null, outcome: { kind: 'failed', server, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** A record of the team's corpus, for comparing the page with a version only the team holds. */
export async function teamRecord(id: string): Promise<CorpusRecord | null> {
  const settings = await teamServerSettings();
  if (!settings.enabled) return null;
  try {
    return (await request<{ record: CorpusRecord }>(settings, `/v1/record?id=${encodeURIComponent(id)}`, {}, SMALL_TIMEOUT_MS)).record;
  } catch {
    return null;
  }
}

/** Versions first, then shared passages, then same-story coverage, as the engine lists them. */
const groupOf = (match: Match) => (isCopyRelation(match.relation) ? 0 : match.relation === 'shared-passage' ? 1 : 2);

/**
 * The local report with the team's matches added, each marked with its corpus. A record both corpora hold is listed
 * once, as local. The local original stands; when the local corpus names none, the team's original (with its
 * drift) is the page's original.
 */
export function withTeamMatches(local: Report, team: Report | null): Report {
  const localMatches = local.matches.map((match): Match => ({ ...match, corpus: 'local' }));
  if (!team) return { ...local, matches: localMatches };
  const known = new Set(local.matches.map((match) => match.id));
  const teamMatches = team.matches.filter((match) => !known.has(match.id)).map((match): Match => ({ ...match, corpus: 'team' }));
  const matches = [...localMatches, ...teamMatches].sort((a, b) => groupOf(a) - groupOf(b) || b.score - a.score);
  if (local.original !== null || team.original === null || known.has(team.original)) return { ...local, matches };
  return { ...local, matches, original: team.original, drift: team.drift, comparison: team.comparison };
}
