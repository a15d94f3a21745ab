import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteSpans, topLevelQuotes, type QuoteSpan } from '../../../lib/text';
import { trickyText } from './arbitraries';
import { seedText as seed } from '../helpers/seed-corpus.ts';

/** Quoted text, marked when the quote is not closed or nested. */
function show(text: string, spans: QuoteSpan[]): string[] {
  return spans.map((q) => `${'>'.repeat(q.depth)}${text.slice(q.inner[0], q.inner[1])}${q.closed ? '' : ' [open]'}`);
}
const read = (text: string) => show(text, quoteSpans(text));

describe('quoteSpans', () => {
  it('finds straight and curly double quotes', () => {
    expect(read('based on it\'s "conduct" and "how responsibly they govern," he said')).toEqual(['conduct', 'how responsibly they govern,']);
    expect(read('“We have a relatively large embassy,” Kabulov said. “Some will leave.”')).toEqual(['We have a relatively large embassy,', 'Some will leave.']);
  });

  it('finds German, French and CJK quotes', () => {
    expect(read('Er sagte: „Wir bleiben.“ Und »Wir gehen«.')).toEqual(['Wir bleiben.', 'Wir gehen']);
    expect(read('Il a dit « nous restons » puis «partons».')).toEqual(['nous restons', 'partons']);
    expect(read('他说「我们留下」。')).toEqual(['我们留下']);
  });

  it('nests single quotes and ignores apostrophes', () => {
    const text = 'The Biden administration’s “repeated threats to make Afghanistan a ‘pariah state’ if the Taliban’s abuses continue.”';
    expect(read(text)).toEqual(['repeated threats to make Afghanistan a ‘pariah state’ if the Taliban’s abuses continue.', '>pariah state']);
    expect(read("Is the 'coalition of the willing' going to work? It's the '90s.")).toEqual(['coalition of the willing']);
  });

  it('reports the span of the marks and the trimmed inner text', () => {
    const text = 'He said “ yes ” twice.';
    const [q] = quoteSpans(text);
    expect(text.slice(q.start, q.end)).toBe('“ yes ”');
    expect(text.slice(q.inner[0], q.inner[1])).toBe('yes');
    expect(q).toMatchObject({ kind: 'double', closed: true, depth: 0 });
  });

  it('tolerates a closing mark written as an opening one', () => {
    // Seed 000: the closing quote before "The Wall …" and at the very end came out as “.
    const text = 'both “are preparing to forge ties, “The Wall Reports of the Street Journal. The administration’s “repeated threats could fail if Iran “.';
    expect(read(text)).toEqual(['are preparing to forge ties,', 'repeated threats could fail if Iran']);
  });

  it('ends a quote left open at the paragraph end', () => {
    expect(read('He said “we stay and\nthen “we go.”')).toEqual(['we stay and [open]', 'we go.']);
    expect(read('He said “we stay and “We never leave,” he added.')).toEqual(['we stay and [open]', 'We never leave,']);
    // After sentence punctuation an opening mark is read as a misplaced closing one.
    expect(read('He said “we stay. “We never leave,” he added.')).toEqual(['we stay.']);
  });

  it('ignores stray closing marks and unmatched single quotes', () => {
    expect(read('the end.” Then nothing’ else')).toEqual([]);
    expect(read("the '90s were 'different")).toEqual([]);
  });

  it('topLevelQuotes leaves out nested quotes', () => {
    expect(topLevelQuotes('“a ‘b’ c”').map((q) => q.depth)).toEqual([0]);
  });

  it('finds the same quotes in the original and its back-translation', () => {
    const count = (id: string) => topLevelQuotes(seed(id)).filter((q) => q.kind === 'double').length;
    expect(count('000')).toBe(12);
    expect(count('001')).toBe(12);
    const translated = show(seed('000'), quoteSpans(seed('000')));
    expect(translated).toContain('They have broken the chains of slavery in Afghanistan,');
    expect(translated).toContain('>pariah state');
    expect(show(seed('001'), quoteSpans(seed('001')))).toContain('They have broken the shackles of slavery in Afghanistan,');
  });

  it('never throws; spans are inside the text and inner lies within the span', () => {
    fc.assert(
      fc.property(
        fc.oneof(trickyText(80), fc.array(fc.constantFrom('"', '“', '”', '„', '«', '»', "'", '‘', '’', 'a', ' ', ',', '.', '\n', 'b c'), { maxLength: 60 }).map((p) => p.join(''))),
        (text) => {
          for (const q of quoteSpans(text)) {
            const [s, e] = q.inner;
            if (!(q.start >= 0 && q.start < s && s < e && e <= q.end && q.end <= text.length)) return false;
            if (q.depth < 0 || q.depth >= 4) return false;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles thousands of quote marks and unclosed quotes in one pass', () => {
    expect(quoteSpans('“'.repeat(10_000)).length).toBe(0);
    expect(quoteSpans('"a" '.repeat(10_000))).toHaveLength(10_000);
    expect(quoteSpans('“a '.repeat(10_000)).length).toBeGreaterThan(0);
    expect(quoteSpans("'".repeat(10_000) + '‘'.repeat(10_000))).toEqual([]);
    expect(quoteSpans(`“${'x'.repeat(100_000)}`)).toHaveLength(1);
  });
});
