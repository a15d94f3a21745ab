import { describe, expect, it } from 'vitest';
import { TextAnalysis, type TextView } from '../../../lib/text/analysis';
import { alignPassages } from '../../../lib/align/passages';
import { alignSentencesDetailed } from '../../../lib/align/sentences';
import { detectDrift } from '../../../lib/drift/detect';
import { RecordAnalyses, recordBody } from '../../../lib/record-analysis';
import { sharedFacts, wordingKept } from '../../../lib/relation/features';
import { nameKeysOf, queryKeyOffsets } from '../../../lib/index/features';
import { retrievalTerms } from '../../../lib/text/terms';

const page = 'Zamir Kabulov said on Monday that 1,300 troops would stay in Kabul. "We will not leave," he said. The talks resume in March 2021.';
const source = 'Zamir Kabulov said on Tuesday that 1,200 troops would stay in Kabul. "We will leave," he said. The talks resume in March 2021.';

describe('TextAnalysis', () => {
  it('computes each view once per language and keeps it', () => {
    let computed = 0;
    const counted: TextView<number> = {
      compute: (text) => {
        computed++;
        return text.length;
      },
    };
    const analysis = new TextAnalysis(page);
    expect(analysis.view(counted)).toBe(page.length);
    expect(analysis.view(counted)).toBe(page.length);
    expect(computed).toBe(1);
    analysis.view(counted, 'en');
    expect(computed).toBe(2);
    expect(analysis.segmentation('en')).toBe(analysis.segmentation('en'));
    expect(analysis.numbers('en').map((n) => n.value)).toContain(1300);
  });

  it('gives every stage the results it gives a bare string', () => {
    const [pageText, sourceText] = [new TextAnalysis(page), new TextAnalysis(source)];
    expect(alignPassages(pageText, sourceText, { minPassageChars: 20 })).toEqual(alignPassages(page, source, { minPassageChars: 20 }));
    const sentences = alignSentencesDetailed(pageText, sourceText);
    expect(sentences).toEqual(alignSentencesDetailed(page, source));
    const record = { id: 's', text: source };
    expect(detectDrift(pageText, record, sentences.pairs, { sourceAnalysis: sourceText })).toEqual(detectDrift(page, record, sentences.pairs));
    expect(sharedFacts({ text: page, lang: 'en', analysis: pageText }, { text: source, lang: 'en', analysis: sourceText })).toEqual(
      sharedFacts({ text: page, lang: 'en' }, { text: source, lang: 'en' }),
    );
  });
});

describe('TextAnalysis for retrieval and relation', () => {
  it('gives the lookup keys, name keys and terms of a bare string, found the first time they are asked for', () => {
    const analysis = new TextAnalysis(page);
    expect(queryKeyOffsets(analysis, 'en')).toBe(queryKeyOffsets(analysis, 'en'));
    expect(queryKeyOffsets(analysis, 'en')).toEqual(queryKeyOffsets(page, 'en'));
    expect(nameKeysOf(analysis, 'en')).toBe(nameKeysOf(analysis, 'en'));
    expect(nameKeysOf(analysis, 'en')).toEqual(nameKeysOf(page, 'en'));
    expect(retrievalTerms(analysis, 'en')).toBe(retrievalTerms(analysis, 'en'));
    expect(retrievalTerms(analysis, 'en')).toEqual(retrievalTerms(page, 'en'));
    // Other feature options are another lookup: not the one kept.
    expect(queryKeyOffsets(analysis, 'en', { maxDocFeatures: 4 })).not.toBe(queryKeyOffsets(analysis, 'en'));
  });

  it("reads the word triples of each passage within the text's words", () => {
    const [pageText, sourceText] = [new TextAnalysis(page), new TextAnalysis(source)];
    const sentence = (text: string, n: number): [number, number] => {
      const starts = [0, ...[...text.matchAll(/[.!?]"? /g)].map((m) => m.index + m[0].length)];
      return [starts[n], (starts[n + 1] ?? text.length + 1) - 1];
    };
    const whole = { page: [0, page.length] as [number, number], source: [0, source.length] as [number, number] };
    const quoted = { page: sentence(page, 1), source: sentence(source, 1) };
    const last = { page: sentence(page, 2), source: sentence(source, 2) };
    const kept = (passages: { page: [number, number]; source: [number, number] }[]) =>
      wordingKept({ text: page, analysis: pageText }, { text: source, analysis: sourceText }, passages);
    // "The talks resume in March 2021." is the same sentence in both: every triple kept.
    expect(kept([last])).toBe(1);
    // "We will not leave," against "We will leave,": of the page's triples "we will not", "will not leave", "not leave he",
    // "leave he said" only the last is in the source.
    expect(kept([quoted])).toBeCloseTo(1 / 4);
    expect(kept([whole])).toBeGreaterThan(kept([quoted]));
    expect(kept([whole])).toBeLessThan(1);
  });
});

describe('RecordAnalyses', () => {
  const record = (id: string, text: string) => ({ id, text, lang: 'en' });

  it('keeps a record analysis while its text is unchanged, the most recently used up to its limit', () => {
    const analyses = new RecordAnalyses(2);
    const a = analyses.of(record('a', page));
    expect(analyses.of(record('a', page))).toBe(a);
    expect(analyses.of(record('a', source))).not.toBe(a);
    const b = analyses.of(record('b', source));
    analyses.of(record('c', page));
    expect(analyses.of(record('b', source))).toBe(b);
    expect(analyses.of(record('a', source)).text).toBe(source);
  });

  it("reads the record's body as recordBody does", () => {
    const text = `Sign up for our newsletter\n\n${page}\n\nRead more: other stories`;
    const analysis = new RecordAnalyses().of(record('a', text));
    expect(analysis.body.text).toBe(recordBody(record('a', text)).text);
    expect(analysis.bodyText.text).toBe(analysis.body.text);
  });
});
