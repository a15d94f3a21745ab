/**
 * Cost limits of a check, so that no page, however large or strange, keeps the reader waiting without an answer.
 * The engine caps its own work too; these limits stop a check before that work starts.
 */

import { MAX_RECORD_TEXT_CHARS } from '../../lib/import/record-limit.ts';

/**
 * Article text beyond this (about 300,000 words, several books) is not checked. The same limit as for storing a
 * record: a text too long to check is too long to keep as a source. News articles are far shorter.
 */
export const MAX_ARTICLE_CHARS = MAX_RECORD_TEXT_CHARS;

/**
 * A selection longer than this is not traced by "Find original": a passage is a sentence or a few paragraphs,
 * and looking up a whole article's worth of text as one passage would hold the worker for long.
 */
export const MAX_SELECTION_CHARS = 5_000;

/**
 * Page text (all of the body's text, scripts' text included) beyond this is not read at all: running the
 * extractor on it would hold the tab for minutes. Generous, as pages carry large inline scripts.
 */
export const MAX_PAGE_TEXT_CHARS = 20_000_000;

/** How long the background waits for the page reader's answer before telling the reader. */
export const READ_TIMEOUT_MS = 30_000;

const millions = (chars: number): string => `${(chars / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} million`;

export function tooLargeMessage(chars: number, limit: number): string {
  return `This page is too large to check: its text runs to ${millions(chars)} characters, and Palimpsest checks up to ${millions(limit)}.`;
}

export function selectionTooLongMessage(chars: number): string {
  return `The selection is too long to trace (${chars.toLocaleString('en')} characters); select a passage of up to ${MAX_SELECTION_CHARS.toLocaleString('en')} characters.`;
}

export const READ_TIMEOUT_MESSAGE = `The page did not answer within ${READ_TIMEOUT_MS / 1000} seconds: it may be too large to check, or still busy. Try again once it has finished loading.`;

export function isTooLargeMessage(message: string): boolean {
  return message.startsWith('This page is too large to check');
}

export class TimeLimitExceeded extends Error {
  constructor() {
    super('time limit exceeded');
    this.name = 'TimeLimitExceeded';
  }
}

/** `work`, or a TimeLimitExceeded rejection after `ms` (the work itself is not stopped; its answer is dropped). */
export function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitExceeded()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
