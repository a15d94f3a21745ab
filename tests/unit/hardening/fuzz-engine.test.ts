/**
 * Whole documents, not characters: property tests on articles built from sentences in several scripts, with
 * nested quotes, markup payloads, overlong tokens and furniture, paired with edited copies of themselves. Every
 * stage (normalisation, segmentation, keys, alignment, drift, the whole check, passage lookup) must not throw and
 * must keep every offset inside its text. Adversarial inputs (a 100,000-character line, thousands of repeated
 * sentences, deep quote nesting) are bounded by counting the word-diff work, never by timing.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BOUNDED_HEAVY_WORK } from '../helpers/budgets.ts';

/** Every word diff jsdiff is asked for: how many tokens it was given and the edit budget it was allowed. */
const diffCalls: { tokens: number; maxEditLength: number | undefined }[] = [];
vi.mock('diff', async (importOriginal) => {
  const actual = await importOriginal<typeof import('diff')>();
  return {
    ...actual,
    diffArrays: ((a: unknown[], b: unknown[], options?: { maxEditLength?: number }) => {
      diffCalls.push({ tokens: a.length + b.length, maxEditLength: options?.maxEditLength });
      return actual.diffArrays(a as never, b as never, options as never);
    }) as typeof actual.diffArrays,
  };
});

const { alignSentencesDetailed } = await import('../../../lib/align/sentences.ts');
const { diffTokens, displayOps } = await import('../../../lib/text/word-ops.ts');
const { checkArticle, compareWith, findPassage } = await import('../../../lib/engine.ts');
const { dateKeys, nameCandidates, normalize, numberKeys, quoteSpans, sentences, words } = await import('../../../lib/text/index.ts');
const { IMG_PAYLOAD, SCRIPT_PAYLOAD } = await import('./payloads.ts');
type CorpusRecord = import('../../../lib/types.ts').CorpusRecord;
type PageArticle = import('../../../lib/types.ts').PageArticle;
type DriftItem = import('../../../lib/types.ts').DriftItem;

const SENTENCES = [
  'The Russian ambassador is due to meet Taliban leaders on Tuesday in Kabul.',
  '“They have broken the shackles of slavery,” Prime Minister Imran Khan said on Monday.',
  'Zamir Kabulov told Echo of Moscow radio that about 100 people work at the embassy.',
  'The Wall Street Journal reports that Beijing and Moscow are preparing to forge ties.',
  'وقال رئيس البلدية: «هذا المشروع هو ثمرة عمل استمر أربع سنوات».',
  'ההורים בשכונות האלה חיכו יותר מדי זמן, אמרה סגנית ראש העירייה.',
  '图书馆馆长王丽华说：“我们希望图书馆能成为大家真正的第二个书房。”',
  '局長の田中浩二氏は「安心して帰れる街にしたい」と述べた。',
  `Readers wrote ${IMG_PAYLOAD} and ${SCRIPT_PAYLOAD} in the comments.`,
  'He said “she said ‘they said “no” twice’ on Monday” and left.',
  'Sign up for our newsletter to get the best stories in your inbox.',
  'The budget grew from 1,300 to 15 000 euros, or 5.93 mln, on 16 August 2021.',
];

const sentence = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).map((depth) => `${'“‘'.repeat(depth)}deep${'’”'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }).map((length) => 'x'.repeat(length)) },
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const article = fc.array(paragraph, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('\n\n'));

/** An edited copy: words swapped, sentences dropped or added, quotes retyped. */
const edited = (text: string) =>
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('shackles', 'ambassador', '100', 'Tuesday'), fc.constantFrom('chains', 'envoy', 'one hundred', 'Monday')).map(
    ([mode, from, to]) => {
      if (mode === 0) return text.replaceAll(from, to);
      if (mode === 1) return text.split('\n\n').slice(1).join('\n\n') || text;
      if (mode === 2) return `${text}\n\nA caption: photographers gathered at the gate.`;
      return text.replace(/“|”/g, '"');
    },
  );
const articlePair = article.chain((source) => edited(source).map((page) => ({ source, page })));

const inside = (start: number, end: number, length: number) => 0 <= start && start <= end && end <= length;

/** Drift as the popup lists it: most serious first, each item quoting its own spans, no change reported twice. */
function expectRankedDriftInside(drift: DriftItem[], page: string, source: string): void {
  for (const [index, item] of drift.entries()) {
    expect(page.slice(item.page.start, item.page.end)).toBe(item.page.text);
    expect(source.slice(item.source.start, item.source.end)).toBe(item.source.text);
    if (index > 0) expect(item.severity).toBeLessThanOrEqual(drift[index - 1].severity);
  }
  const changes = drift.map((item) => `${item.kind} ${item.page.start}-${item.page.end} ${item.source.start}-${item.source.end} ${item.summary}`);
  expect(new Set(changes).size).toBe(changes.length);
}

/** The engine over every record given, without lib/index. */
function memoryStore(records: CorpusRecord[]) {
  return {
    getRecords: async (ids: readonly string[]) => ids.map((id) => records.find((record) => record.id === id)),
    retrieve: async () => records.map((record, index) => ({ id: record.id, score: 1 - index / 100 })),
  };
}

beforeEach(() => {
  diffCalls.length = 0;
});

describe('text functions on whole hostile documents', BOUNDED_HEAVY_WORK, () => {
  it('normalise, segment and find keys without throwing, offsets inside the text', () => {
    fc.assert(
      fc.property(article, (text) => {
        expect(normalize(normalize(text))).toBe(normalize(text));
        for (const token of words(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
        for (const [start, end] of sentences(text)) expect(inside(start, end, text.length)).toBe(true);
        for (const quote of quoteSpans(text)) {
          expect(inside(quote.start, quote.end, text.length)).toBe(true);
          expect(quote.start <= quote.inner[0] && quote.inner[1] <= quote.end).toBe(true);
        }
        for (const key of [...numberKeys(text), ...dateKeys(text)]) expect(text.slice(key.start, key.end)).toBe(key.raw);
        for (const name of nameCandidates(text)) expect(inside(name.start, name.end, text.length)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('alignment and drift on edited copies', BOUNDED_HEAVY_WORK, () => {
  it('compareWith keeps passages, sentence pairs and drift inside both texts', () => {
    fc.assert(
      fc.property(articlePair, ({ source, page }) => {
        const record: CorpusRecord = { id: 'source', text: source };
        const comparison = compareWith({ text: page }, record);
        for (const passage of comparison.passages) {
          expect(inside(...passage.page, page.length) && inside(...passage.source, source.length)).toBe(true);
        }
        for (const pair of comparison.pairs) {
          if (pair.page) expect(inside(...pair.page, page.length)).toBe(true);
          if (pair.source) expect(inside(...pair.source, source.length)).toBe(true);
        }
        for (const item of comparison.drift) {
          expect(page.slice(item.page.start, item.page.end)).toBe(item.page.text);
          expect(source.slice(item.source.start, item.source.end)).toBe(item.source.text);
          expect(item.severity).toBeGreaterThanOrEqual(1);
          expect(item.severity).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('checkArticle and findPassage keep every reported span inside the stored text', async () => {
    await fc.assert(
      fc.asyncProperty(articlePair, fc.nat(), async ({ source, page }, cut) => {
        const records: CorpusRecord[] = [
          { id: 'a', text: source, published: '2021-08-16' },
          { id: 'b', text: page, published: '2021-08-17' },
        ];
        const store = memoryStore(records);
        const pageArticle: PageArticle = { text: page };
        const report = await checkArticle(pageArticle, store, { retrieve: () => store.retrieve(), excludeIds: ['b'] });
        for (const match of report.matches) {
          for (const passage of match.passages) expect(inside(...passage.source, source.length)).toBe(true);
        }
        const start = cut % Math.max(1, page.length);
        const selection = page.slice(start, start + 300);
        const passage = await findPassage(selection, store, { retrieve: () => store.retrieve() });
        for (const occurrence of passage.occurrences) {
          const text = records.find((record) => record.id === occurrence.id)!.text;
          expect(text.slice(occurrence.start, occurrence.end)).toBe(occurrence.text);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Word-diff work so far: jsdiff's cost per call is bounded by its tokens × its edit budget. */
function diffWork(): { calls: number; tokens: number; unbudgeted: number } {
  return {
    calls: diffCalls.length,
    tokens: diffCalls.reduce((sum, call) => sum + call.tokens, 0),
    unbudgeted: diffCalls.filter((call) => call.maxEditLength === undefined || !Number.isFinite(call.maxEditLength)).length,
  };
}

describe('bounded work on adversarial input', BOUNDED_HEAVY_WORK, () => {
  const adversarial: [string, string, string][] = [
    ['a 100,000-character line with no spaces', 'x'.repeat(100_000), `${'x'.repeat(60_000)}y${'x'.repeat(39_999)}`],
    [
      'thousands of repeated sentences',
      'The Taliban took control of the Afghan capital on Sunday. '.repeat(3000),
      'The Taliban took control of the Afghan capital on Monday. '.repeat(3000),
    ],
    ['deep quote nesting', `${'“‘'.repeat(5000)}They have broken the shackles of slavery${'’”'.repeat(5000)}`, `${'“‘'.repeat(5000)}They have broken the chains of slavery${'’”'.repeat(5000)}`],
    ['a wall of straight quotes', `He said ${'"yes" '.repeat(8000)}.`, `He said ${'"no" '.repeat(8000)}.`],
  ];

  it.each(adversarial)('%s: every word diff has an edit budget, and diffs read each token a bounded number of times', (_name, source, page) => {
    const comparison = compareWith({ text: page }, { id: 's', text: source });
    const work = diffWork();
    expect(work.unbudgeted).toBe(0);
    const tokens = diffTokens(source).length + diffTokens(page).length;
    // Each sentence is diffed once for the side-by-side view and at most a few times more for drift details.
    expect(work.tokens).toBeLessThanOrEqual(8 * tokens + 1000);
    expectRankedDriftInside(comparison.drift, page, source);
    expect(comparison.pairs.length).toBeLessThanOrEqual(sentences(source).length + sentences(page).length);
  });

  it.each(adversarial)('%s: the full check and a passage lookup finish with bounded diff work', async (_name, source, page) => {
    const store = memoryStore([{ id: 's', text: source, published: '2021-08-16' }]);
    const report = await checkArticle({ text: page }, store, { retrieve: () => store.retrieve() });
    await findPassage(page.slice(0, 20_000), store, { retrieve: () => store.retrieve() });
    const work = diffWork();
    expect(work.unbudgeted).toBe(0);
    expect(work.tokens).toBeLessThanOrEqual(16 * (diffTokens(source).length + diffTokens(page).length) + 1000);
    expectRankedDriftInside(report.drift, page, source);
  });

  it('sentence alignment stays within its cell budget on thousands of sentences', () => {
    const many = 'Russia cannot. '.repeat(8000);
    const result = alignSentencesDetailed(many, many.replaceAll('cannot', 'can'));
    expect(result.truncated).toBe(true);
    expect(result.pairs.length).toBeLessThanOrEqual(16_000);
  });

  it('the word operations a reader is shown give up past their budget and show long, unrelated wordings whole', () => {
    const longWords = (seed: number) => Array.from({ length: 4000 }, (_, i) => `w${(i * seed) % 4999}`).join(' ');
    const ops = displayOps(longWords(7), longWords(13));
    expect(diffWork().unbudgeted).toBe(0);
    expect(ops.map((op) => op.op)).toEqual(['del', 'ins']);
    expect(displayOps('the shackles of slavery', 'the chains of slavery').filter((op) => op.op !== 'equal')).toHaveLength(2);
  });
});
