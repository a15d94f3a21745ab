import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/args';

describe('npm run bench -- --profile', () => {
  it('keeps no profile unless asked', () => {
    expect(parseBenchArgs([]).profileDir).toBeNull();
  });

  it('keeps the profile directory given, for one size', () => {
    expect(parseBenchArgs(['--sizes', '1000000', '--profile', '/tmp/kept']).profileDir).toBe('/tmp/kept');
  });

  it('refuses a kept profile for several sizes: it holds the corpus of one', () => {
    expect(() => parseBenchArgs(['--sizes', '1000,10000', '--profile', '/tmp/kept'])).toThrow(/one --sizes/);
  });
});

describe('npm run bench -- --only', () => {
  it('takes the bulk import floor as a part of its own', () => {
    expect(parseBenchArgs(['--only', 'crawl-floor', '--crawl-mb', '300']).only).toBe('crawl-floor');
  });

  it('names every part when it refuses one', () => {
    expect(() => parseBenchArgs(['--only', 'floor'])).toThrow(/crawl, crawl-floor, lineage/);
  });
});
