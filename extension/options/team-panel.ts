/**
 * The team server setting: off by default. Turning it on asks for access to the server's address only (in the
 * same click, as browsers require), checks the address and token with the server, and only then saves it on.
 */
import { browser } from 'wxt/browser';
import { sendToBackground } from '../shared/protocol.ts';
import { originPattern, setTeamServerSettings, teamServerBase, teamServerSettings } from '../shared/settings.ts';
import { byId, describeError, formatCount } from '../shared/dom.ts';

export async function startTeamPanel(doc: Document): Promise<void> {
  const form = byId<HTMLFormElement>(doc, 'team-form');
  const url = byId<HTMLInputElement>(doc, 'team-url');
  const token = byId<HTMLInputElement>(doc, 'team-token');
  const toggle = byId<HTMLInputElement>(doc, 'team-enabled');
  const status = byId(doc, 'team-status');

  const turnOff = async (message: string) => {
    toggle.checked = false;
    await setTeamServerSettings({ enabled: false, url: url.value.trim(), token: token.value });
    status.textContent = message;
  };

  const turnOn = async () => {
    const base = teamServerBase(url.value);
    const pattern = base ? originPattern(base) : null;
    if (!base || !pattern) return turnOff('Enter the server’s full address, starting with http:// or https://.');
    if (!token.value.trim()) return turnOff('Enter the token your team gave you.');
    // Asked within the click: browsers only show the permission prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) return turnOff(`The team server stays off: Palimpsest needs your permission to reach ${new URL(base).host}.`);
    status.textContent = 'Asking the team server…';
    const test = await sendToBackground('team-server-test', { url: base, token: token.value.trim() });
    if (!test.ok) return turnOff(`The team server stays off: ${test.message}.`);
    await setTeamServerSettings({ enabled: true, url: base, token: token.value.trim() });
    status.textContent = `On: checks also ask ${new URL(base).host}, which holds ${formatCount(test.articles, 'article', 'articles')}.`;
  };

  toggle.addEventListener('change', async () => {
    try {
      if (toggle.checked) await turnOn();
      else await turnOff('Off: checks use your own corpus only, and nothing is sent.');
    } catch (error) {
      await turnOff(`Could not change the setting: ${describeError(error)}`).catch(() => undefined);
    }
  });
  // Editing the address or the token while on turns the setting off until it is turned on again (and checked).
  for (const input of [url, token]) {
    input.addEventListener('change', () => {
      if (toggle.checked) void turnOff('Changed: turn the team server on again to use the new address or token.');
    });
  }
  form.addEventListener('submit', (event) => event.preventDefault());

  const settings = await teamServerSettings();
  url.value = settings.url;
  token.value = settings.token;
  toggle.checked = settings.enabled;
  if (settings.enabled) status.textContent = `On: checks also ask ${new URL(settings.url).host}.`;
}
