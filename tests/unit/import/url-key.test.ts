import { describe, expect, it } from 'vitest';
import { urlKey } from '../../../lib/store/url-key.ts';

describe('urlKey: versions of one article share an address key', () => {
  it('ignores scheme, www, trailing slash, fragment and campaign tags', () => {
    const key = 'theweek.com/speedreads/1003830/russia';
    for (const url of [
      'https://theweek.com/speedreads/1003830/russia',
      'http://www.theweek.com/speedreads/1003830/russia/',
      'https://THEWEEK.com/speedreads/1003830/russia#comments',
      'https://theweek.com/speedreads/1003830/russia?utm_source=twitter&utm_medium=social&fbclid=abc',
    ]) {
      expect(urlKey(url)).toBe(key);
    }
  });

  it('keeps what tells articles apart: path case, meaningful query parameters (sorted), ports', () => {
    expect(urlKey('https://example.org/story?id=7&page=2')).toBe('example.org/story?id=7&page=2');
    expect(urlKey('https://example.org/story?page=2&id=7')).toBe('example.org/story?id=7&page=2');
    expect(urlKey('https://example.org/story?id=8')).not.toBe(urlKey('https://example.org/story?id=7'));
    expect(urlKey('https://example.org/Story')).not.toBe(urlKey('https://example.org/story'));
    expect(urlKey('http://127.0.0.1:8080/a/')).toBe('127.0.0.1:8080/a');
    expect(urlKey('https://example.org/')).toBe('example.org');
  });

  it('has no key without an address', () => {
    expect(urlKey(undefined)).toBeUndefined();
    expect(urlKey('  ')).toBeUndefined();
    expect(urlKey('not a url')).toBe('not a url');
  });
});
