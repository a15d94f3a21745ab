import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { alignSentencesDetailed } from '../../../lib/align/sentences';
import { wordDiff } from '../../../lib/text/word-ops';
import { detectDrift } from '../../../lib/drift/detect';
import { compareWith } from '../../../lib/engine';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

// Texts built from a small vocabulary overlap often, so the aligners have something to do.
const VOCABULARY = ['Kabul', 'Taliban', 'embassy', 'Russia', 'said', 'will', 'decide', 'not', '100', 'one hundred', 'the', 'of', 'Monday', '“', '”', '"', '.', ',', '\n', '\n\n', 'Echo', 'Moscow', 'ambassador', 'Zamir', 'Kabulov'];
const token = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
const text = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(' '));

const inside = (span: [number, number] | null, length: number) => span === null || (0 <= span[0] && span[0] <= span[1] && span[1] <= length);

describe('alignment never throws and keeps offsets inside the texts', BOUNDED_HEAVY_WORK, () => {
  it('alignPassages', () => {
    fc.assert(
      fc.property(text, text, (page, source) => {
        const { passages } = alignPassages(page, source, { minPassageChars: 10 });
        for (const p of passages) {
          expect(inside(p.page, page.length)).toBe(true);
          expect(inside(p.source, source.length)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('alignSentences and detectDrift', () => {
    fc.assert(
      fc.property(text, text, (page, source) => {
        const { pairs } = alignSentencesDetailed(page, source);
        for (const p of pairs) {
          expect(inside(p.page, page.length)).toBe(true);
          expect(inside(p.source, source.length)).toBe(true);
        }
        for (const d of detectDrift(page, { id: 's', text: source }, pairs)) {
          expect(inside([d.page.start, d.page.end], page.length)).toBe(true);
          expect(inside([d.source.start, d.source.end], source.length)).toBe(true);
          expect(page.slice(d.page.start, d.page.end)).toBe(d.page.text);
          expect(source.slice(d.source.start, d.source.end)).toBe(d.source.text);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('wordDiff pieces slice back to their texts', () => {
    fc.assert(
      fc.property(text, text, (source, page) => {
        for (const p of wordDiff(source, page).pieces) {
          expect(inside(p.source, source.length) && inside(p.page, page.length)).toBe(true);
          if (p.op === 'del') expect(source.slice(p.source[0], p.source[1])).toBe(p.text);
          else expect(page.slice(p.page[0], p.page[1])).toBe(p.text);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('compareWith on records with furniture', () => {
    fc.assert(
      fc.property(text, text, (page, source) => {
        const record = { id: 'r', text: `${source}\n\nSubscribe to our newsletter\n\nSign up for Today's Best Articles in your inbox` };
        const c = compareWith({ text: page }, record);
        for (const d of c.drift) expect(record.text.slice(d.source.start, d.source.end)).toBe(d.source.text);
        for (const p of c.passages) expect(inside(p.source, record.text.length)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('bounded work on hostile input', BOUNDED_HEAVY_WORK, () => {
  it('handles a 100,000-character line without spaces', () => {
    const line = 'x'.repeat(100_000);
    const result = alignPassages(line, `${line.slice(0, 50_000)} and some words.`);
    expect(result.passages.every((p) => inside(p.page, line.length))).toBe(true);
    const sentences = alignSentencesDetailed(line, line);
    expect(sentences.pairs.length).toBeLessThanOrEqual(2);
  });

  it('stops on thousands of identical sentences and reports truncation', () => {
    const repeated = 'The Taliban took control of the Afghan capital on Sunday. '.repeat(3000);
    const passages = alignPassages(repeated, repeated);
    expect(passages.truncated).toBe(true);
    const sentences = alignSentencesDetailed(repeated, repeated);
    expect(sentences.truncated).toBe(true);
    expect(sentences.pairs.length).toBeLessThanOrEqual(3000);
  });

  it('caps the characters considered', () => {
    const long = 'Russia and China stayed in Kabul. '.repeat(20_000);
    expect(long.length).toBeGreaterThan(400_000);
    expect(alignPassages(long, 'Russia and China stayed in Kabul.').truncated).toBe(true);
  });
});
