/**
 * Records of a bulk crawl leave the extractor as one-byte strings where their characters allow: a page decoded with
 * one character past U+00FF makes every piece cut from it two bytes a character, cloned twice and stored so.
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { narrowed, narrowedAll } from '../../../lib/extract/one-byte.ts';
import { stepOf } from '../../../extension/options/crawl/steps.ts';

/** A Latin article inside a page that also holds an em dash: the decoded page, and so its pieces, are two-byte. */
const page = `<html><head><title>Harbour opens — Harbour Times</title></head><body><article>${'<p>The harbour opened on Monday after three years of works, officials said, and the first ships came in at dawn.</p>'.repeat(6)}</article></body></html>`;

describe('record strings narrowed to one byte a character', () => {
  it('keeps the text and halves what a Latin piece of a two-byte page serialises to', () => {
    const piece = page.slice(page.indexOf('The harbour'), page.indexOf('</p>'));
    const narrow = narrowed(piece);
    expect(narrow).toBe(piece);
    expect(serialize(narrow).length).toBeLessThan(serialize(piece).length * 0.6);
  });

  it('leaves text that needs two bytes as it is', () => {
    for (const text of ['Київ, 5 травня', 'em — dash', '北京', 'a \ud83d\ude00 b', 'lone \ud800 surrogate']) expect(narrowed(text)).toBe(text);
  });

  it('narrows several strings at once, each as narrowed would', () => {
    const pieces = [page.slice(page.indexOf('The harbour'), page.indexOf('</p>')), 'em — dash', ''];
    expect(narrowedAll(pieces)).toEqual(pieces);
    expect(serialize(narrowedAll(pieces)[0]).length).toBeLessThan(serialize(pieces[0]).length * 0.6);
    const latin = narrowedAll([pieces[0], pieces[0].slice(4)]);
    for (const [i, text] of latin.entries()) expect(serialize(text).length).toBeLessThan(serialize([pieces[0], pieces[0].slice(4)][i]).length * 0.6);
  });

  it('stores the same record, in one-byte strings', () => {
    const body = new TextEncoder().encode(page);
    const step = stepOf({ kind: 'payload', recordNumber: 1, url: 'https://harbour.example/news/opens', body, contentType: 'text/html; charset=utf-8' });
    expect(step.record?.text).toContain('The harbour opened on Monday');
    expect(serialize(step.record!.text).length).toBeLessThan(step.record!.text.length * 1.1);
  });
});
