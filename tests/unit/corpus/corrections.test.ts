import { describe, expect, it } from 'vitest';
import { correctionKey, correctionsFor, namesOneArticle, notAVersion, pairs, refersTo, refOfPage, refOfRecord } from '../../../lib/corpus/corrections.ts';
import { contentHash } from '../../../lib/store/content-hash.ts';
import type { CorpusRecord, Correction, PageArticle } from '../../../lib/types.ts';

const page: PageArticle = {
  text: 'The council approved the budget on Tuesday after a long debate about road repairs.',
  title: 'Council approves budget',
  siteName: 'Courier',
  url: 'https://www.courier.example/news/budget?utm_source=feed',
};

const record: CorpusRecord = {
  id: 'wire-7',
  text: 'The city council passed next year’s budget, the wire service reported.',
  title: 'Budget passes',
  site: 'Wire',
  url: 'https://wire.example/story/7',
};

describe('references to articles', () => {
  it('name a stored record by id, address and text hash, with its title and site for display', () => {
    expect(refOfRecord(record)).toEqual({ id: 'wire-7', url: 'https://wire.example/story/7', hash: contentHash(record.text), title: 'Budget passes', site: 'Wire' });
  });

  it('name a page by address and text hash (a page has no record id), leaving out what it does not have', () => {
    expect(refOfPage(page)).toEqual({ url: page.url, hash: contentHash(page.text), title: 'Council approves budget', site: 'Courier' });
    expect(refOfPage({ text: 'Only a text.' })).toEqual({ hash: contentHash('Only a text.') });
  });

  it('recognise the record under its id even when its address and text changed', () => {
    expect(refersTo(refOfRecord(record), { id: 'wire-7', text: 'Another text', url: 'https://elsewhere.example/' })).toBe(true);
  });

  it('recognise another visit of the same address: http or https, "www.", a trailing slash or a campaign tag aside', () => {
    const ref = refOfPage(page);
    expect(refersTo(ref, { url: 'http://courier.example/news/budget/#comments', text: 'An edited text.' })).toBe(true);
    expect(refersTo(ref, { id: 'capture-1', url: 'https://courier.example/news/budget', text: page.text })).toBe(true);
    expect(refersTo(ref, { url: 'https://courier.example/news/other', text: 'An edited text.' })).toBe(false);
  });

  it('recognise the same text without an address, whitespace and quote style aside', () => {
    const ref = refOfPage({ text: 'He said “no”  to the plan.' });
    expect(refersTo(ref, { id: 'x', text: 'He said "no" to the plan.' })).toBe(true);
    expect(refersTo(ref, { id: 'x', text: 'He said yes to the plan.' })).toBe(false);
    // A summary without text is compared by id and address only.
    expect(refersTo(ref, { id: 'x' })).toBe(false);
  });
});

describe('corrections about a page', () => {
  const correction = notAVersion(page, record, '2026-12-05T10:00:00Z');

  it('pair the page and the record', () => {
    expect(correction).toEqual({ kind: 'not-a-version', a: refOfPage(page), b: refOfRecord(record), at: '2026-12-05T10:00:00Z' });
    expect(pairs(correction, page, record)).toBe(true);
    expect(pairs(correction, record, page)).toBe(true);
    expect(pairs(correction, page, { id: 'wire-8', text: 'Something else.' })).toBe(false);
  });

  it('leave the record out of checks of the page, and the page out of checks of the record', () => {
    const forPage = correctionsFor(page, [correction]);
    expect(forPage.ids).toEqual(['wire-7']);
    expect(forPage.covers(record)).toBe(true);
    // Another version at the record's address is the same article.
    expect(forPage.covers({ id: 'wire-7b', url: 'https://wire.example/story/7/', text: 'Updated.' })).toBe(true);
    expect(forPage.covers({ id: 'wire-8', url: 'https://wire.example/story/8', text: 'Other.' })).toBe(false);

    const forRecord = correctionsFor(record, [correction]);
    expect(forRecord.ids).toEqual([]);
    // The page's stored copy: another id, the page's address.
    expect(forRecord.covers({ id: 'https://courier.example/news/budget@abc', url: 'https://courier.example/news/budget', text: page.text })).toBe(true);
    // The page stored without an address: recognised by its text.
    expect(forRecord.covers({ id: 'pasted', text: page.text })).toBe(true);
  });

  it('say nothing about other articles', () => {
    const other = correctionsFor({ id: 'unrelated', text: 'Unrelated.', url: 'https://x.example/' }, [correction]);
    expect(other.refs).toEqual([]);
    expect(other.covers(record)).toBe(false);
    expect(correctionsFor(page).covers(record)).toBe(false);
  });

  it('have one key for a pair in either order', () => {
    const mirrored: Correction = { ...correction, a: correction.b, b: correction.a, at: '2027-01-01T00:00:00Z' };
    expect(correctionKey(mirrored)).toBe(correctionKey(correction));
    expect(correctionKey(correction)).not.toBe(correctionKey(notAVersion(page, { ...record, id: 'wire-8' }, correction.at)));
    expect(namesOneArticle(correction)).toBe(false);
    expect(namesOneArticle({ ...correction, b: { url: 'http://courier.example/news/budget/' } })).toBe(true);
  });
});
