import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedRecords, cachePaths, generatorVersion } from '../../../scripts/bench/corpus-cache.ts';
import { buildRecords, planCorpus, type SourceStory } from '../../../scripts/bench/corpus.ts';

function stories(count: number): SourceStory[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `story-${i}`,
    text: `Story ${i} says the market rose ${i}.5 pct to ${100 + i} mln dlrs as analysts expected. Traders said prices held.`,
    published: '1987-03-01T10:00:00Z',
  }));
}

describe('bench corpus cache', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-cache-test-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const plan = planCorpus(stories(60));

  it('builds the corpus once and reads the same records back on the next run', async () => {
    const dir = scratch();
    const built = await cachedRecords(plan, 150, 'v1', dir);
    expect(built.builtSeconds).not.toBeNull();
    expect(built.records).toEqual(buildRecords(plan, 150).records);
    const again = await cachedRecords(plan, 150, 'v1', dir);
    expect(again.builtSeconds).toBeNull();
    expect(again.records).toEqual(built.records);
    expect(again.copies).toEqual(built.copies);
    expect(again.originals).toBe(built.originals);
    expect(again.file).toBe(cachePaths(dir, 150, 'v1').records);
  });

  it('builds again for another size, another generator version or an incomplete file', async () => {
    const dir = scratch();
    await cachedRecords(plan, 150, 'v1', dir);
    expect((await cachedRecords(plan, 120, 'v1', dir)).builtSeconds).not.toBeNull();
    expect((await cachedRecords(plan, 150, 'v2', dir)).builtSeconds).not.toBeNull();
    const { records } = cachePaths(dir, 150, 'v1');
    writeFileSync(records, readFileSync(records, 'utf8').split('\n').slice(0, 100).join('\n'));
    const rebuilt = await cachedRecords(plan, 150, 'v1', dir);
    expect(rebuilt.builtSeconds).not.toBeNull();
    expect(rebuilt.records).toHaveLength(150);
  });

  it('names a new generator version when a generator file changes', () => {
    const dir = scratch();
    const [generator, data] = [path.join(dir, 'generator.ts'), path.join(dir, 'data.jsonl')];
    writeFileSync(generator, 'export const seed = 1;');
    writeFileSync(data, '{}');
    const before = generatorVersion(data, [generator]);
    expect(generatorVersion(data, [generator])).toBe(before);
    writeFileSync(generator, 'export const seed = 2;');
    expect(generatorVersion(data, [generator])).not.toBe(before);
  });

  it('keeps the version when the source data is copied unchanged, and changes it when its bytes change', () => {
    const dir = scratch();
    const [generator, data, copy] = [path.join(dir, 'generator.ts'), path.join(dir, 'data.jsonl'), path.join(dir, 'copy.jsonl')];
    writeFileSync(generator, 'export const seed = 1;');
    writeFileSync(data, '{"id":"a"}');
    const before = generatorVersion(data, [generator]);
    utimesSync(data, new Date(0), new Date(0));
    copyFileSync(data, copy);
    expect(generatorVersion(data, [generator])).toBe(before);
    expect(generatorVersion(copy, [generator])).toBe(before);
    writeFileSync(data, '{"id":"b"}');
    expect(generatorVersion(data, [generator])).not.toBe(before);
  });
});
