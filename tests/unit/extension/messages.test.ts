/** The popup's messages file: valid for the browsers' i18n, and read the same way without it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import english from '../../../public/_locales/en/messages.json';
import { t, tn } from '../../../extension/popup/messages.ts';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const entries = Object.entries(english as Record<string, Entry>);

describe('the messages file (public/_locales/en/messages.json)', () => {
  it('uses names the browsers accept, describes every message and declares every placeholder it uses', () => {
    for (const [key, entry] of entries) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.description, key).toBeTruthy();
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((found) => found[1].toLowerCase());
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([...new Set(used)].sort());
      for (const { content } of Object.values(entry.placeholders ?? {})) expect(content, key).toMatch(/^\$[1-9]$/);
    }
  });

  it('gives every plural message its one and other forms', () => {
    const keys = new Set(entries.map(([key]) => key));
    for (const key of keys) {
      if (key.endsWith('_one')) expect(keys.has(key.replace(/_one$/, '_other')), key).toBe(true);
    }
  });
});

describe('reading it', () => {
  it('fills placeholders by name and chooses the plural form by count', () => {
    expect(t('statusComparing', { publisher: 'The Week' })).toBe('Comparing with The Week…');
    expect(tn('summarySameStory', 1)).toBe('Same story as 1 other report; no copies found');
    expect(tn('summarySameStory', 3)).toBe('Same story as 3 other reports; no copies found');
    expect(tn('statusCompared', 2, { publisher: 'The Week' })).toBe('Compared with The Week: 2 drift items.');
    expect(t('summaryCopy', { relation: 'Edited copy', publisher: 'A $1 site', date: '16 Aug', changes: 'no change in wording' })).toBe(
      'Edited copy of A $1 site’s article of 16 Aug (no change in wording)',
    );
  });
});

describe('where the browser gives no message', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('takes the browser’s message when it gives one, with the values in the placeholders’ order', () => {
    const getMessage = vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => (key === 'statusComparing' ? `Comparaison avec ${[substitutions].flat()[0]}…` : ''));
    expect(t('statusComparing', { publisher: 'The Week' })).toBe('Comparaison avec The Week…');
    expect(getMessage).toHaveBeenCalledWith('statusComparing', ['The Week']);
  });

  it('answers from the default locale’s file when the extension process holds no messages (Chromium: "" for every key)', () => {
    // As Debian's Chromium does in an extension process without its messages: even "@@extension_id" reads "".
    const getMessage = vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    expect(t('statusComparing', { publisher: 'A $1 $$ site' })).toBe('Comparing with A $1 $$ site…');
    expect(tn('summarySameStory', 3)).toBe('Same story as 3 other reports; no copies found');
    // Nothing is cached: the next page (or call) that the browser answers gets the browser's words.
    getMessage.mockImplementation((key: string) => (key === 'marksShow' ? 'Montrer les changements' : ''));
    expect(t('marksShow')).toBe('Montrer les changements');
  });
});
