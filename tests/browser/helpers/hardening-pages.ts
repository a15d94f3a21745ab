/** Pages for the hardening tests, built at test time from the seed fixture pages or written out here. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMG_PAYLOAD, JAVASCRIPT_URL, SCRIPT_PAYLOAD, SVG_PAYLOAD, escapeHtml } from '../../unit/hardening/payloads.ts';
import { repoRoot } from './extension.ts';

const SEED_000_TITLE = 'Russia is already tentatively approaching the Taliban after the Afghan sweep';

function seed000Html(): string {
  return readFileSync(path.join(repoRoot, 'tests/fixtures/seed-000/page.html'), 'utf8');
}

/**
 * Seed 000 as a self-contained page: its stylesheet and photo point at the publisher's (unreachable) host, which
 * would be the page's own requests, not the extension's; here the photo comes from the same origin instead.
 */
export function selfContainedSeed000(photoPath = '/afghan-tank.png'): string {
  return seed000Html()
    .replace(/<link rel='stylesheet'[^>]*>/g, '')
    .replace(/src="https:\/\/worldnewsdigest\.example\/[^"]*"/g, `src="${photoPath}"`);
}

/** Text as a JSON string body inside a <script> element: "<" never appears raw, as a careful site writes it. */
function jsonInScript(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export const HOSTILE_TITLE = `Russia approaches the Taliban ${IMG_PAYLOAD} ${SCRIPT_PAYLOAD}`;
export const HOSTILE_BYLINE = `News Desk ${SVG_PAYLOAD}`;
export const HOSTILE_QUOTE_TAIL = `in Afghanistan ${IMG_PAYLOAD}`;

/**
 * Seed 000 with payloads in its title (document title, og:title, JSON-LD headline, heading), byline, a quote, a
 * paragraph and its canonical address. Every payload is written as text (escaped), the way a site that prints a
 * hostile headline correctly would serve it; the page itself runs none of them.
 */
export function hostileSeed000(): string {
  const html = selfContainedSeed000();
  // The JSON-LD block is the page's first script.
  const scriptEnd = html.indexOf('</script>');
  const head = html.slice(0, scriptEnd);
  const afterJson = html.slice(scriptEnd + '</script>'.length);
  const jsonStart = head.indexOf('<script type="application/ld+json"');
  const beforeJson = head.slice(0, jsonStart);
  const json = head
    .slice(jsonStart)
    .replaceAll(SEED_000_TITLE, jsonInScript(HOSTILE_TITLE))
    .replace('"name": "News Desk"', `"name": "${jsonInScript(HOSTILE_BYLINE)}"`);
  const rest = afterJson
    .replaceAll(SEED_000_TITLE, escapeHtml(HOSTILE_TITLE))
    .replace('>News Desk</a>', `>${escapeHtml(HOSTILE_BYLINE)}</a>`)
    .replace('chains of slavery in Afghanistan,', `chains of slavery ${escapeHtml(HOSTILE_QUOTE_TAIL)},`)
    .replace(
      '<p>Russia and China fear',
      `<p>Readers sent in ${escapeHtml(SCRIPT_PAYLOAD)} and <a href="${escapeHtml(JAVASCRIPT_URL)}">${escapeHtml(JAVASCRIPT_URL)}</a> as their comments on the story.</p>\n<p>Russia and China fear`,
    );
  const top = beforeJson
    .replaceAll(SEED_000_TITLE, escapeHtml(HOSTILE_TITLE))
    .replace('content="News Desk"', `content="${escapeHtml(HOSTILE_BYLINE)}"`)
    .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${escapeHtml(JAVASCRIPT_URL)}">`);
  return `${top}${json}</script>${rest}`;
}
