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
