import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../lib/align/passages';
import { sequenceSpread, sharedSequence, type SequenceSpread } from '../../../lib/align/sequence';
import { classifyRelation, type RelationSide } from '../../../lib/relation/classify';
import { artefacts, sharedFigures } from '../../../lib/relation/features';
import { recordBody } from '../../../lib/record-analysis';
import { retrievalTerms } from '../../../lib/text/terms';
import type { DriftItem } from '../../../lib/types';
import { seedRecords } from '../helpers/seed-corpus.ts';
import { described } from '../helpers/described.ts';
import { descriptionOf } from '../../../lib/wording/catalogue';

const seeds = new Map(seedRecords.map((record) => [record.id, record]));
/** Seed 001 as the engine compares it: its article body, without the page's furniture. */
const theWeek = () => recordBody(seeds.get('seed-001')!).text;

const article = [
  'The city council approved a new budget for the harbour district on Thursday after a long debate.',
  'Mayor Anna Lindqvist said the plan would fund two new ferry piers and a cycle bridge over the canal.',
  'Opposition members argued that the cost of 48 million euros was too high for a project of this size.',
  'Construction is expected to start in March and to last about three years, according to the planning office.',
  'Residents of the district will be invited to comment on the designs at a public meeting next month.',
].join(' ');

function relate(page: RelationSide, source: RelationSide) {
  const align = alignPassages(page.text, source.text);
  return classifyRelation({ page, source, passages: align.passages, crossLanguage: align.crossLanguage });
}

describe('classifyRelation', () => {
  it('calls an identical text a verbatim copy', () => {
    const r = relate({ text: article }, { text: article });
    expect(r.relation, r.evidence.join('\n')).toBe('verbatim-copy');
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('calls a lightly edited text an edited copy', () => {
    const edited = article.replace('on Thursday after a long debate', 'on Thursday').replace('two new ferry piers', 'three new ferry piers');
    const r = relate({ text: edited }, { text: article });
    expect(r.relation, r.evidence.join('\n')).toBe('edited-copy');
  });

  it('calls the back-translated seed a rewrite of its original', () => {
    const r = relate({ text: seeds.get('seed-000')!.text, published: '2021-08-17' }, { text: theWeek(), published: '2021-08-16' });
    expect(r.relation, r.evidence.join('\n')).toBe('rewrite');
    expect(r.direction).toBe('original');
    expect(r.evidence.some((e) => e.includes('2021-08-16'))).toBe(true);
  });

  it('calls independent coverage of the same events same-story', () => {
    const r = relate({ text: seeds.get('seed-004')!.text }, { text: seeds.get('seed-002')!.text });
    expect(r.relation, r.evidence.join('\n')).toBe('same-story');
    expect(r.direction).toBe('unknown');
    expect(r.confidence).toBe(0);
  });

  it('needs dates, shared wording or many names to call two reports one story', () => {
    const a =
      'Mayor Anna Lindqvist met Governor Peter Holm in Malmo to discuss the bridge tolls. Lindqvist wants lower tolls for commuters who cross the Oresund bridge every day. ' +
      'Holm said the ferry operators at Helsingborg would lose money if the tolls fell. Minister Karin Berg is expected to decide on the bridge tolls before the summer.';
    const b =
      'Commuters crossing the Oresund bridge may soon pay lower tolls. After talks in Malmo, Governor Holm warned that cheaper crossings would hurt ferry companies in Helsingborg, ' +
      'while Mayor Lindqvist argued that daily commuters deserve relief. The final decision on bridge tolls rests with Karin Berg, the minister. Anna Lindqvist and Peter Holm will meet again.';
    const relation = (pagePublished?: string, sourcePublished?: string) =>
      classifyRelation({ page: { text: a, published: pagePublished }, source: { text: b, published: sourcePublished }, passages: [], crossLanguage: false }).relation;
    expect(relation('2024-03-01', '2024-03-02')).toBe('same-story');
    // Undated pages on one subject share a handful of names and topic words without telling one story.
    expect(relation()).toBe('unrelated');
  });

  describe('a heavy rewrite of a short story that holds few distinctive keys', () => {
    // The benchmark's rewriting of the article: words swapped for other stories' words, runs shuffled.
    const rewritten = [
      'The city council approved a new plan for the harbour district on Thursday after debate.',
      'Mayor Anna Lindqvist said the budget would pay for two ferry piers and a bridge over the canal.',
      'Members of the opposition said the 48 million euros cost was too high for such a project.',
      'Work should start in March and last three years, the planning office said.',
      'People in the district can comment on the designs at a public meeting next month.',
    ].join(' ');
    const whole = { page: [0, rewritten.length] as [number, number], source: [0, article.length] as [number, number], similarity: 0.55, seeds: 5 };
    // A short story's keys are mostly the outlet's stock: three of its few distinctive keys kept, a tenth of each side.
    const fewKeys = { distinctive: 3, stock: 12, pageShare: 0.12, recordShare: 0.1, distinctiveNames: 1, distinctiveKeys: [1, 2, 3], distinctiveAt: [], stockAt: [] };
    const relation = (corpus: typeof fewKeys, sequence: { page: number; source: number }, wording = { page: 0.15, record: 0.15 }) => {
      const r = classifyRelation({ page: { text: rewritten }, source: { text: article }, passages: [whole], crossLanguage: false, corpus, wording, sequence: () => sequence });
      return r.relation;
    };

    it('is a rewrite when its words run in the story’s order', () => {
      expect(relation(fewKeys, { page: 0.6, source: 0.55 })).toBe('rewrite');
    });

    it('is no copy when the order is what stories on one subject share', () => {
      expect(relation(fewKeys, { page: 0.45, source: 0.32 })).not.toBe('rewrite');
      // A follow-up retelling a short notice's facts months later kept this much of both in order.
      expect(relation(fewKeys, { page: 0.54, source: 0.43 })).not.toBe('rewrite');
    });

    it('is a rewrite by its order when no sentence kept enough wording to pair, and says so', () => {
      const keys = { ...fewKeys, distinctive: 9, pageShare: 0.3, recordShare: 0.25 };
      const r = classifyRelation({ page: { text: rewritten }, source: { text: article }, passages: [], crossLanguage: false, corpus: keys, wording: { page: 0.2, record: 0.2 }, sequence: () => ({ page: 0.62, source: 0.58 }) });
      expect(r.relation, r.evidence.join('\n')).toBe('rewrite');
      expect(r.reasons[0]).toEqual(descriptionOf('evidence_rewriteInOrder', { page: 0.62, source: 0.58 }));
      // The same order in a text whose only aligned sentence the corpus prints often (a stock phrase) proves nothing.
      const stockSentence = { page: [0, 80] as [number, number], source: [0, 80] as [number, number], similarity: 0.9, seeds: 1 };
      const stock = { ...keys, stockAt: [10, 30, 50] };
      const formula = classifyRelation({ page: { text: rewritten }, source: { text: article }, passages: [stockSentence], crossLanguage: false, corpus: stock, wording: { page: 0.2, record: 0.2 }, sequence: () => ({ page: 0.62, source: 0.58 }) });
      expect(formula.relation).not.toBe('rewrite');
    });

    it('is no copy when the words in order are a template notice’s, with no distinctive key or word pair', () => {
      expect(relation({ ...fewKeys, distinctive: 1, distinctiveKeys: [1] }, { page: 0.7, source: 0.7 })).not.toBe('rewrite');
      expect(relation(fewKeys, { page: 0.7, source: 0.7 }, { page: 0.05, record: 0.04 })).not.toBe('rewrite');
    });
  });

  describe('a follow-up that repeats a paragraph of background', () => {
    const filing =
      'Harbor Paper Corp said it filed a shelf registration with the Securities and Exchange Commission covering up to 200 mln dlrs of debt securities. It said underwriters may include Morgan Stanley and Co and First Boston Corp. Harbor said proceeds will be used to repay short-term debt, part of which was incurred to finance the recent purchase of Delta Packaging Inc.';
    const sale =
      "A 200 mln dlr issue of Harbor Paper Corp 30-year debentures was priced at par with a 9.25 pct coupon, Morgan Stanley and Co said as lead manager. The debentures are not callable for ten years and are rated A-2 by Moody's Investors Service and A by Standard and Poor's. Harbor said it will use the proceeds to repay short-term debt, part of which was incurred to finance the recent purchase of Delta Packaging Inc.";
    // The company's names and the repeated sentence are rare in the corpus: the keys and word pairs pass a rewrite's bars.
    const keys = { distinctive: 8, stock: 11, pageShare: 0.44, recordShare: 0.24, distinctiveNames: 2, distinctiveKeys: [1], distinctiveAt: [], stockAt: [] };
    const wording = { page: 0.2, record: 0.2 };
    const order = sharedSequence(retrievalTerms(sale), retrievalTerms(filing))!;
    const spread = sequenceSpread(retrievalTerms(sale), retrievalTerms(filing))!;
    const relation = (throughout: SequenceSpread) =>
      classifyRelation({ page: { text: sale }, source: { text: filing }, passages: [], crossLanguage: false, corpus: keys, wording, sequence: () => order, spread: () => throughout })
        .relation;

    it('keeps about half of each text in order', () => {
      expect(Math.min(order.page, order.source)).toBeGreaterThan(0.4);
    });

    it('is no rewrite: the words in order lie in one stretch of each text', () => {
      expect(Math.max(spread.page, spread.source)).toBeLessThan(0.7);
      expect(relation(spread)).not.toBe('rewrite');
      // The same order spread through either text would be a rewrite.
      expect(relation({ ...spread, page: 1 })).toBe('rewrite');
    });
  });

  describe('an edit that changed most of the figures', () => {
    const story =
      'Acme Shipping Corp said its first quarter profit rose to 48 mln dlrs from 31 mln dlrs a year earlier on sales of 620 mln dlrs. The company said it shipped 1,250 containers in the quarter and expects 1,400 in the second. Chairman John Reed said the results reflected strong demand in Asian markets and lower fuel costs. The company added that it would open two new terminals in Rotterdam and Singapore next year.';
    // Four of the five figures changed, a few words reworded: under the edited copy's share of wording kept.
    const edited =
      'Acme Shipping Corp said its first quarter profit rose to 52 mln dlrs from 29 mln dlrs a year before on sales of 640 mln dlrs. It shipped 1,310 containers in the period and expects 1,400 in the second. Chairman John Reed said the results reflected strong demand in Asian markets and cheaper fuel. The company added it would open two terminals in Rotterdam and Singapore next year.';
    const whole = { page: [0, edited.length] as [number, number], source: [0, story.length] as [number, number], similarity: 0.8, seeds: 4 };
    const keys = { distinctive: 20, stock: 12, pageShare: 0.7, recordShare: 0.6, distinctiveNames: 3, distinctiveKeys: [1], distinctiveAt: [5, 100, 200, 300], stockAt: [] };
    const relation = (corpus: typeof keys, wording: { page: number; record: number }) =>
      classifyRelation({ page: { text: edited }, source: { text: story }, passages: [whole], crossLanguage: false, corpus, wording, sequence: () => ({ page: 0.82, source: 0.92 }) });

    it('keeps too few figures for a rewrite', () => {
      expect(sharedFigures({ text: edited }, { text: story })).toEqual({ shared: 1, fewest: 5 });
    });

    it('is a version when the record holds most of the page’s distinctive keys and word pairs', () => {
      const r = relation(keys, { page: 0.58, record: 0.66 });
      expect(r.relation, r.evidence.join('\n')).toBe('rewrite');
      expect(r.measures.wordingKept).toBeLessThan(0.6);
    });

    it('is no copy when the two hold what issues of a recurring report hold of each other', () => {
      expect(relation({ ...keys, pageShare: 0.35, recordShare: 0.23 }, { page: 0.37, record: 0.43 }).relation).not.toBe('rewrite');
      // Two tables of one series (soybeans, soybean meal): half the distinctive keys, much of the word pairs.
      expect(relation({ ...keys, pageShare: 0.5, recordShare: 0.28 }, { page: 0.66, record: 0.58 }).relation).not.toBe('rewrite');
      expect(relation(keys, { page: 0.37, record: 0.43 }).relation).not.toBe('rewrite');
    });
  });

  it('calls texts about different things unrelated', () => {
    const r = relate({ text: article }, { text: seeds.get('seed-001')!.text });
    expect(r.relation, r.evidence.join('\n')).toBe('unrelated');
  });
});

describe('direction', () => {
  it('follows the publication dates', () => {
    expect(relate({ text: article, published: '2024-05-02' }, { text: article, published: '2024-05-01' }).direction).toBe('original');
    expect(relate({ text: article, published: '2024-05-01' }, { text: article, published: '2024-05-02' }).direction).toBe('derivative');
  });

  it('uses first-seen times when a record has no publication date', () => {
    const r = relate({ text: article, published: '2024-05-03' }, { text: article, firstSeen: '2024-05-01T08:00:00Z' });
    expect(r.direction).toBe('original');
    expect(r.evidence.join('\n')).toContain('first seen');
  });

  it('takes the stored text as the earlier, with low confidence, when neither text is dated', () => {
    const r = relate({ text: article }, { text: article });
    expect(r.direction).toBe('original');
    expect(r.confidence).toBeLessThan(0.5);
    expect(r.evidence.join('\n')).toContain('Neither text is dated');
  });

  it('takes a record known only by when it was first seen as the earlier of two undated texts', () => {
    const r = relate({ text: article }, { text: article, firstSeen: '2024-05-01T08:00:00Z' });
    expect(r.direction, r.evidence.join('\n')).toBe('original');
    expect(r.evidence.join('\n')).toContain('first seen 2024-05-01, before this page was checked');
  });

  it('reads no machine-translation trace in a repeated name an edit changed in one place', () => {
    // The original names the commission twice; the copy changed one mention. The changed name is no garble of the
    // original's: the page still uses the original's name elsewhere.
    const source = `${article} The Monopolies Commission will review the plan. The Monopolies Commission meets in May.`;
    const page = `${article} The Official Commission will review the plan. The Monopolies Commission meets in May.`;
    const at = (text: string, name: string) => ({ text: name, start: text.indexOf(name), end: text.indexOf(name) + name.length });
    const drift: DriftItem[] = [{ kind: 'name', severity: 4, ...described('drift_nameChanged', { change: descriptionOf('change_became', { before: 'a', after: 'b' }) }), ops: [], page: at(page, 'Official Commission'), source: { id: 'r', ...at(source, 'Monopolies Commission') } }];
    const align = alignPassages(page, source);
    const r = classifyRelation({ page: { text: page }, source: { text: source }, passages: align.passages, crossLanguage: false, drift });
    expect(r.evidence.join('\n')).not.toContain('garbled');
    expect(r.direction, r.evidence.join('\n')).toBe('original');
  });

  it('reads no garbled name in a changed clause', () => {
    const source = `${article} New England Merchants will buy the unit. New England Merchants said so on Friday.`;
    const clause = 'It sold its leasing unit to High England Merchants';
    const page = `${article} ${clause}. The bank said so on Friday.`;
    const at = (text: string, span: string) => ({ text: span, start: text.indexOf(span), end: text.indexOf(span) + span.length });
    const drift: DriftItem[] = [{ kind: 'name', severity: 4, ...described('drift_nameChanged', { change: descriptionOf('change_became', { before: 'a', after: 'b' }) }), ops: [], page: at(page, clause), source: { id: 'r', ...at(source, 'New England Merchants') } }];
    const align = alignPassages(page, source);
    const r = classifyRelation({ page: { text: page }, source: { text: source }, passages: align.passages, crossLanguage: false, drift });
    expect(r.evidence.join('\n')).not.toContain('garbled');
  });

  it('is unknown when a dated page and an undated record leave no other trace', () => {
    const r = relate({ text: article, published: '2024-05-01' }, { text: article });
    expect([r.direction, r.confidence]).toEqual(['unknown', 0]);
  });

  it('is unknown with confidence 0 when dates and text traces disagree', () => {
    // The machine-translated seed claims the earlier date.
    const r = relate({ text: seeds.get('seed-000')!.text, published: '2021-08-15' }, { text: theWeek(), published: '2021-08-16' });
    expect(r.relation).toBe('rewrite');
    expect([r.direction, r.confidence], r.evidence.join('\n')).toEqual(['unknown', 0]);
  });
});

describe('artefacts', () => {
  it('notices common words capitalised inside a name and stray quote marks', () => {
    const garbled = 'ties with Pakistan and Iran, “The Wall Reports of the Street Journal. Officials met Iran “.';
    const clean = 'ties with Pakistan and Iran," The Wall Street Journal reports. Officials met Iran.';
    const traces = artefacts(garbled, clean);
    expect(traces.capitalisedWords).toEqual(['Reports']);
    expect(traces.strayQuotes).toBeGreaterThan(0);
    expect(artefacts(clean, garbled).capitalisedWords).toEqual([]);
  });

  it('reads no trace in a name whose word the text itself also writes in lower case', () => {
    // A rewrite that dropped "Royal Bank" leaves the original's "Bank" capitalised and its own "bank" lower-cased.
    const original = 'Royal Bank of Canada said it is extending its discount brokerage service. The bank said the service offers cuts, Royal Bank said.';
    const rewrite = 'Royal and trading Canada said its discount brokerage service is extended. The bank said the service offers cuts.';
    expect(artefacts(original, rewrite).capitalisedWords).toEqual([]);
  });
});

describe('sharedFigures', () => {
  it('shares a figure whose scale word a rewrite moved or dropped', () => {
    const original = { text: 'China aims to produce between 425 and 450 mln tonnes of grain, up from a target of 405 mln tonnes and an actual 391 mln.', lang: 'en' };
    const rewrite = { text: 'China aims to produce between 425 and 450 tonnes mln of grain, up from 405 tonnes, mln an actual 391.', lang: 'en' };
    expect(sharedFigures(original, rewrite)).toEqual({ shared: 4, fewest: 4 });
  });

  it('shares no figure between two issues of a recurring report', () => {
    const march = { text: 'American Motors said U.S. car sales for the March 11 to 20 period dropped 62 pct to 790 from 2,100 cars a year ago.', lang: 'en' };
    const april = { text: 'American Motors said U.S. car sales for the April 1 to 10 period dropped 41 pct to 1,230 from 2,085 cars a year ago.', lang: 'en' };
    expect(sharedFigures(march, april).shared).toBe(0);
  });
});

describe('classifyRelation across languages', () => {
  const english = article;
  // Stands in for a translation: across languages the passages decide, not the words of the two texts.
  const foreign = 'Городской совет утвердил новый бюджет. '.repeat(12);
  const whole = { page: [0, english.length] as [number, number], source: [0, foreign.length] as [number, number], similarity: 0.15, seeds: 5 };
  // The shared index keys of a translation are its names, figures and glossed word pairs; here all common ones.
  const stockOnly = { distinctive: 0, stock: 2, pageShare: 0, recordShare: 0, distinctiveNames: 0, distinctiveKeys: [], distinctiveAt: [], stockAt: [40, 200] };

  it('keeps a translated passage whose shared keys are all common ones in the corpus', () => {
    const r = classifyRelation({ page: { text: english }, source: { text: foreign }, passages: [whole], crossLanguage: true, corpus: stockOnly });
    expect(r.relation, r.evidence.join('\n')).toBe('translation');
  });

  it('calls no translation on fewer than four sentence pairs, as two reports of one story pair that many in order', () => {
    // Ten sentences: three pairs fall in order by chance.
    const longer = `${english} ${english}`;
    const threePairs = { ...whole, page: [0, longer.length] as [number, number], seeds: 3 };
    const r = classifyRelation({ page: { text: longer }, source: { text: foreign }, passages: [threePairs], crossLanguage: true });
    expect(r.relation).not.toBe('translation');
    // A page of five sentences has fewer to pair: three of them are half and more.
    const short = classifyRelation({ page: { text: english }, source: { text: foreign }, passages: [{ ...whole, seeds: 3 }], crossLanguage: true });
    expect(short.relation, short.evidence.join('\n')).toBe('translation');
  });

  it('calls a short stored article translated inside a longer page only when one stretch of the page renders it', () => {
    const page = english.repeat(6);
    const short = foreign.slice(0, 200);
    const scattered = [
      { page: [0, 100] as [number, number], source: [0, 110] as [number, number], similarity: 0.08, seeds: 2 },
      { page: [1500, 1600] as [number, number], source: [110, 200] as [number, number], similarity: 0.08, seeds: 2 },
    ];
    const r = classifyRelation({ page: { text: page }, source: { text: short }, passages: scattered, crossLanguage: true });
    expect(r.relation).not.toBe('translation');
    const oneStretch = [{ page: [0, 220] as [number, number], source: [0, 200] as [number, number], similarity: 0.08, seeds: 4 }];
    const rendered = classifyRelation({ page: { text: page }, source: { text: short }, passages: oneStretch, crossLanguage: true });
    expect(rendered.relation, rendered.evidence.join('\n')).toBe('translation');
  });
});
