/**
 * One text size limit for a record, whichever way it enters the corpus, and one length limit for a selection
 * traced by "Find original". A record over the limit is reported with where it was found, never stored; a
 * selection over the limit is answered with a message, never handed to the engine.
 */
import { describe, expect, it } from 'vitest';
import { readJsonlRecords } from '../../../lib/import/jsonl.ts';
import { MAX_RECORD_TEXT_CHARS, recordTextTooLarge } from '../../../lib/import/record-limit.ts';
import { recordFromArticle } from '../../../lib/import/records.ts';
import { captureArticle } from '../../../extension/background/capture.ts';
import { findPassageInCorpus } from '../../../extension/background/passage.ts';
import { MAX_ARTICLE_CHARS, MAX_SELECTION_CHARS } from '../../../extension/shared/limits.ts';

const overLimit = 'word '.repeat(MAX_RECORD_TEXT_CHARS / 5 + 1);
const TOO_LARGE = `too large (${overLimit.length.toLocaleString('en')} characters; the limit is 2,000,000)`;

describe('the record size limit', () => {
  it('is the limit on checking a page too: a text too long to check is too long to keep', () => {
    expect(MAX_ARTICLE_CHARS).toBe(MAX_RECORD_TEXT_CHARS);
    expect(recordTextTooLarge('a'.repeat(MAX_RECORD_TEXT_CHARS))).toBeUndefined();
    expect(recordTextTooLarge(overLimit)).toBe(TOO_LARGE);
  });

  it('applies to a JSONL line, reported by line number', async () => {
    const line = JSON.stringify({ id: 'huge', text: overLimit });
    const items = [];
    for await (const item of readJsonlRecords([new TextEncoder().encode(line)])) items.push(item);
    expect(items).toEqual([{ kind: 'problem', line: 1, end: expect.any(Number), reason: TOO_LARGE }]);
  });

  it('applies to every article-based record (saved page, web-archive record, feed item, captured page)', () => {
    expect(recordFromArticle({ text: overLimit, url: 'https://example.org/huge' }, { firstSeen: '2026-01-02T03:04:05.000Z' })).toEqual({ tooLarge: TOO_LARGE });
  });

  it('keeps a captured page over the limit out of the corpus and names its address', async () => {
    // Refused before the corpus is opened: no store is needed to answer.
    const outcome = await captureArticle({ text: overLimit, url: 'https://example.org/huge#part' }, 'https://example.org/huge?from=menu');
    expect(outcome).toEqual({ kind: 'error', message: `https://example.org/huge is ${TOO_LARGE}.` });
  });
});

describe('the selection length limit', () => {
  const untouchedStore = {
    getRecords: () => Promise.reject(new Error('a selection over the limit must not reach the corpus')),
  };
  const page = { url: 'https://example.org/story', itselfIds: [] };

  it('answers a selection over the limit with a message and keeps only its start', async () => {
    const selection = `${'The council met again. '.repeat(Math.ceil(MAX_SELECTION_CHARS / 23))}End.`;
    expect(selection.length).toBeGreaterThan(MAX_SELECTION_CHARS);
    const outcome = await findPassageInCorpus(selection, untouchedStore, page);
    expect(outcome).toEqual({
      kind: 'error',
      selection: expect.stringMatching(/^The council met again\. .*…$/),
      message: `The selection is too long to trace (${selection.length.toLocaleString('en')} characters); select a passage of up to 5,000 characters.`,
    });
    expect(outcome.kind === 'error' && outcome.selection.length).toBeLessThanOrEqual(301);
  });

  it('never cuts a character in half when shortening the selection shown', async () => {
    const outcome = await findPassageInCorpus('😀'.repeat(MAX_SELECTION_CHARS), untouchedStore, page);
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.selection).toMatch(/^(😀)+…$/u);
  });
});
