/** Reader actions on pages of the hardening server (any address), on top of ExtensionSession. */
import type { Page } from 'playwright-core';
import type { ExtensionSession, OpenedPage } from './extension.ts';

/** Opens `url` in a new tab, clicks the toolbar button on it and returns the tab's id. */
export async function openAndClick(session: ExtensionSession, url: string): Promise<OpenedPage> {
  const page = await session.context.newPage();
  await page.goto(url);
  await session.clickToolbarButton(page);
  return { page, tabId: await session.tabIdOf(page.url()) };
}

/** Everything a page did that a planted payload could cause: dialogs, page errors, console output. */
export interface PageSignals {
  dialogs: string[];
  errors: string[];
  console: string[];
}

export function watchSignals(page: Page): PageSignals {
  const signals: PageSignals = { dialogs: [], errors: [], console: [] };
  page.on('dialog', (dialog) => {
    signals.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => signals.errors.push(error.message));
  page.on('console', (message) => signals.console.push(`${message.type()}: ${message.text()}`));
  return signals;
}

/** True when a payload ran in the page (each payload sets this flag or opens a dialog). */
export function payloadRan(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as { __palimpsestPwned?: unknown }).__palimpsestPwned !== undefined);
}
