/** The shipped feed directory fits its format, covers the languages the first-run page promises, and lists each feed once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupDirectory, readDirectory } from '../../../extension/shared/feed-directory.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'public/feed-directory.json'), 'utf8'));

describe('the feed directory', () => {
  it('has no entry that breaks the format', () => {
    const { directory, problems } = readDirectory(shipped);
    expect(problems).toEqual([]);
    expect(directory.feeds.length).toBe(shipped.feeds.length);
  });

  it('offers wire services or major outlets in every language the first-run page promises', () => {
    const groups = groupDirectory(readDirectory(shipped).directory);
    const byLanguage = new Map(groups.map((group) => [group.language.code, group.regions.flatMap((region) => region.feeds)]));
    for (const lang of ['en', 'ru', 'uk', 'de', 'fr', 'es', 'ar', 'zh', 'ja']) {
      expect(byLanguage.get(lang)?.length ?? 0, lang).toBeGreaterThanOrEqual(5);
    }
    const wires = readDirectory(shipped).directory.feeds.filter((feed) => feed.kind === 'wire service');
    expect(new Set(wires.map((feed) => feed.lang)).size).toBeGreaterThanOrEqual(8);
  });

  it('leaves out bad entries with a reason and keeps the good ones', () => {
    const { directory, problems } = readDirectory({
      languages: [{ code: 'en', name: 'English', native: 'English' }],
      feeds: [
        { name: 'Good', lang: 'en', region: 'World', kind: 'wire service', covers: 'Everything.', feed: 'https://good.example/feed', site: 'https://good.example/' },
        { name: 'Script', lang: 'en', region: 'World', kind: 'newspaper', covers: 'x', feed: 'javascript:alert(1)', site: 'https://x.example/' },
        { name: 'Unlisted language', lang: 'xx', region: 'World', kind: 'newspaper', covers: 'x', feed: 'https://x.example/feed', site: 'https://x.example/' },
        { name: 'Again', lang: 'en', region: 'World', kind: 'wire service', covers: 'Everything.', feed: 'https://good.example/feed', site: 'https://good.example/' },
        null,
      ],
    });
    expect(directory.feeds.map((feed) => feed.name)).toEqual(['Good']);
    expect(problems).toEqual([
      'Script: the feed address is not a web address',
      'Unlisted language: language "xx" is not listed in languages',
      'Again: listed twice',
      'entry 5: not an object',
    ]);
  });
});
