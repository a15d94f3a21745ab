import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { words, wordsWithSegmenter, type Token } from '../../../lib/text/segment';
import { trickyText } from './arbitraries';
import { seedText as seed } from '../helpers/seed-corpus.ts';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

// words() takes a regex for scripts written with spaces and Intl.Segmenter otherwise;
// both must give the same tokens, offsets and comparison forms.
const asLines = (tokens: Token[]) => tokens.map((t) => `${t.start}-${t.end} ${t.text} ${t.norm}`);
const sameAsSegmenter = (text: string) => expect(asLines(words(text))).toEqual(asLines(wordsWithSegmenter(text)));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const panQueries = path.resolve(repoRoot, '..', 'shared', 'corpora', 'pan13-train', 'queries.jsonl');
const panAvailable = fs.existsSync(panQueries);

function firstPanQueries(n: number): string[] {
  const lines = fs.readFileSync(panQueries, 'utf8').split('\n', n + 1).slice(0, n);
  return lines.filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text);
}

// Letters, marks, digits and the punctuation that the word-break rules treat specially,
// in the scripts of the news the engine compares.
const MIXED = [
  'a', 'Z', 'é', 'e\u0301', '\u0301', '\u0308', 'ß', 'ø', 'Ł', 'İ', 'ı', 'ǅ', 'ﬁ', 'Ａ', 'Ⅻ', 'ª', 'ʼ', 'ˈ', '¸',
  'Ж', 'ё', 'й', 'Ω', 'ά', 'ς', 'ب', 'ال', 'ُ', 'ّ', 'ש', 'ָ', 'װ', '׳', '״', 'ա', '՚', 'ह', 'ि', 'ক', 'ა',
  '0', '7', '١', '٣', '٫', '٬', '１', '²', '½',
  ' ', '\u00A0', '\u202F', '\u2009', '\t', '\n', '\r\n', '\u00AD', '\u200B', '\u200C', '\u200E', '\u2060', '\uFEFF',
  "'", '’', '‘', '‛', '"', '“', '«', '.', ',', ';', ':', '·', '։', '،', '؛', '-', '–', '‐', '_', '‿', '/', '&', '@',
  '#', '%', '$', '€', '(', ')', '!', '?', '…', '\uD83D\uDE00', '\uD83C\uDFFD',
];
const mixedText = fc.array(fc.constantFrom(...MIXED), { maxLength: 40 }).map((parts) => parts.join(''));

describe('words: regex path against Intl.Segmenter', BOUNDED_HEAVY_WORK, () => {
  it('agrees on the ICU rules that are easy to get wrong', () => {
    for (const text of [
      "don't rock'n'roll l’Élysée U.S. e.g. a.b. a:b a·b",
      '1,300 1.300 15 000 5.93 1٬000 ٣٫٥ 16.08.2021 a1.5 x² 1:2',
      'snake_case __ _ a_ _a 9_\u00AD a_\u0301b',
      'שלום ש\'ש צה"ל ש\' ש\'1',
      'Kabu\u00ADlov e\u0301cole Jo\u200Bhn \u0301a',
      'Москва-2021 Ёжик, Αθήνα; مرحبا بالعالم',
    ]) sameAsSegmenter(text);
  });

  it('leaves scripts without spaces to Intl.Segmenter', () => {
    const mixed = '塔利班控制了喀布尔 Kabul ภาษาไทย 한국어 カタカナ';
    expect(words(mixed)).toEqual(wordsWithSegmenter(mixed));
    expect(words('中华人民共和国').map((t) => t.text).join('')).toBe('中华人民共和国');
  });

  it('agrees on the five seed articles', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) sameAsSegmenter(seed(prefix));
  });

  it.skipIf(!panAvailable)('agrees on the first 30 PAN queries', () => {
    for (const text of firstPanQueries(30)) sameAsSegmenter(text);
  });

  it('agrees on generated text over a mixed alphabet', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        sameAsSegmenter(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees on tricky text, any code point included', () => {
    fc.assert(
      fc.property(trickyText(60), (text) => {
        sameAsSegmenter(text);
      }),
      { numRuns: 1_000 },
    );
  });
});
