/** Reads what the popup shows into plain data, so assertions talk about content rather than markup. */
import type { Page } from 'playwright-core';

export interface ShownDrift {
  kind: string;
  summary: string;
  page: string;
  source: string;
  group: string;
}

export interface ShownVersion {
  id: string;
  text: string;
}

export interface PopupContent {
  originalId: string | null;
  originalText: string;
  versions: ShownVersion[];
  sameStory: string[];
  drift: ShownDrift[];
  message: string | null;
}

/** Waits until the popup has an answer: a report with its comparison, or a message. */
export async function waitForAnswer(popup: Page): Promise<void> {
  await popup.locator('body[data-ready="true"]').waitFor({ timeout: 45_000 });
}

export async function readPopup(popup: Page): Promise<PopupContent> {
  await waitForAnswer(popup);
  return popup.evaluate(shownInPopup);
}

/** What the popup document shows. Runs inside the page (Playwright's or Puppeteer's evaluate), so it is self-contained. */
export function shownInPopup(): PopupContent {
  const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const original = document.querySelector<HTMLElement>('.card.original');
  return {
    originalId: original?.dataset.originalId ?? null,
    originalText: text(original),
    versions: [...document.querySelectorAll<HTMLElement>('button.version')].map((button) => ({
      id: button.dataset.versionId ?? '',
      text: text(button),
    })),
    sameStory: [...document.querySelectorAll<HTMLElement>('[data-coverage-id]')].map((item) => item.dataset.coverageId ?? ''),
    drift: [...document.querySelectorAll<HTMLElement>('.drift-item')].map((item) => ({
      kind: item.dataset.kind ?? '',
      summary: text(item.querySelector('.drift-summary')),
      page: text(item.querySelector('.wording-page .wording-text')),
      source: text(item.querySelector('.wording-source .wording-text')),
      group: text(item.closest('.drift-group')?.querySelector('h3')),
    })),
    message: document.querySelector('.message') ? text(document.querySelector('.message h1')) : null,
  };
}
