import { describe, expect, it } from 'vitest';
import { advance, freshProgress, importKey, MAX_KEPT_PROBLEMS, RecordBatch } from '../../../lib/import/progress.ts';
import { fileSetFingerprint, isHtmlFileName, savedFromUrl } from '../../../lib/import/saved-page.ts';

const source = { format: 'jsonl' as const, name: 'corpus.jsonl', size: 1234, lastModified: 1700000000000 };

describe('import progress', () => {
  it('recognises the same file by name, size and date', () => {
    expect(importKey(source)).toBe(importKey({ ...source }));
    expect(importKey(source)).not.toBe(importKey({ ...source, size: 1235 }));
  });

  it('adds up batches and keeps only the first problems', () => {
    let progress = freshProgress(source, 't0');
    progress = advance(progress, { position: 100, line: 10, added: 8, duplicates: 1, problems: [{ where: 'line 4', reason: 'invalid JSON' }], done: false }, 't1');
    const many = Array.from({ length: MAX_KEPT_PROBLEMS + 5 }, (_, i) => ({ where: `line ${20 + i}`, reason: 'bad' }));
    progress = advance(progress, { position: 900, added: 2, duplicates: 0, problems: many, done: true }, 't2');
    expect(progress).toMatchObject({ position: 900, line: 10, added: 10, duplicates: 1, problemCount: MAX_KEPT_PROBLEMS + 6, done: true, updatedAt: 't2' });
    expect(progress.problems).toHaveLength(MAX_KEPT_PROBLEMS);
    expect(progress.problems[0]).toEqual({ where: 'line 4', reason: 'invalid JSON' });
  });

  it('counts the corrections stored, only once there are some', () => {
    let progress = freshProgress(source, 't0');
    progress = advance(progress, { position: 100, added: 8, duplicates: 0, problems: [], done: false }, 't1');
    expect('corrections' in progress).toBe(false);
    progress = advance(progress, { position: 200, added: 0, duplicates: 0, corrections: 2, problems: [], done: false }, 't2');
    progress = advance(progress, { position: 300, added: 1, duplicates: 0, problems: [], done: true }, 't3');
    expect(progress).toMatchObject({ added: 9, corrections: 2, done: true });
  });

  it('fills a batch up to its record or text limit', () => {
    const batch = new RecordBatch({ maxRecords: 3, maxChars: 10 });
    batch.add({ id: 'a', text: '12345' });
    expect(batch.full).toBe(false);
    batch.add({ id: 'b', text: '12345' });
    expect(batch.full).toBe(true);
    expect(batch.take().map((r) => r.id)).toEqual(['a', 'b']);
    expect(batch.size).toBe(0);
  });
});

describe('saved pages', () => {
  it('reads the "saved from url" mark browsers leave', () => {
    expect(savedFromUrl('<!DOCTYPE html>\n<!-- saved from url=(0034)https://example.org/news/story-1 -->\n<html>')).toBe('https://example.org/news/story-1');
    expect(savedFromUrl('<!-- saved from url=(0014)about:internet -->')).toBeUndefined();
    expect(savedFromUrl('<html></html>')).toBeUndefined();
  });

  it('knows saved pages by name and recognises a set of files chosen again', () => {
    expect(['a.html', 'b.HTM', 'c.xhtml', 'd.txt', 'e.html.gz'].filter(isHtmlFileName)).toEqual(['a.html', 'b.HTM', 'c.xhtml']);
    const files = [{ name: 'a.html', size: 10, lastModified: 1 }, { name: 'b.html', size: 20, lastModified: 2 }];
    expect(fileSetFingerprint(files)).toBe(fileSetFingerprint(files.map((f) => ({ ...f }))));
    expect(fileSetFingerprint(files)).not.toBe(fileSetFingerprint([files[0]]));
  });
});
