import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkArticle, compareWith, findPassage, type RecordSource } from '../../../lib/engine';
import { renderOps, diffOps } from '../../../lib/text/word-ops';
import { openCorpusStore } from '../../../lib/store';
import type { CorpusRecord, DriftItem, Match, PageArticle, Report } from '../../../lib/types';
import { seedRecords } from '../helpers/seed-corpus.ts';

const records: CorpusRecord[] = seedRecords;
const byId = new Map(records.map((r) => [r.id, r]));

/** A minimal in-memory store whose every record is a candidate: the engine without lib/index. */
class MemoryStore implements RecordSource {
  constructor(private readonly all: CorpusRecord[]) {}
  async getRecords(ids: readonly string[]) {
    return ids.map((id) => this.all.find((r) => r.id === id));
  }
  async candidates() {
    return this.all.map((r, k) => ({ id: r.id, score: 1 - k / 100 }));
  }
}

const memory = new MemoryStore(records);
const retrieveAll = (_text: string, s: MemoryStore) => s.candidates();

const store = await openCorpusStore({ name: `engine-seeds-${process.pid}`, indexedDB, IDBKeyRange });
await store.addRecords(records);
// Retrieval through lib/index on the real (fake-indexeddb) store.
const retrieve = undefined;

function pageOf(id: string): PageArticle {
  const r = byId.get(id)!;
  return { text: r.text, title: r.title, siteName: r.site, publishedTime: r.published, url: r.url, lang: r.lang };
}

function describeMatches(report: Report): string {
  return report.matches.map((m) => `${m.id}:${m.relation}/${m.direction}(${m.confidence})`).join(', ');
}

function describeDrift(items: DriftItem[]): string {
  return items.map((d) => `[${d.kind} ${d.severity}] ${d.summary}`).join('\n');
}

function match(report: Report, id: string): Match {
  const m = report.matches.find((x) => x.id === id);
  if (!m) throw new Error(`${id} is not among the matches: ${describeMatches(report)}`);
  return m;
}

describe('seed story, page 000 (machine-translated copy of 001)', async () => {
  const report = await checkArticle(pageOf('seed-000'), store, { retrieve });
  const drift = report.drift;

  it('names 001 as the original, a rewrite the page derives from', () => {
    expect(report.original, describeMatches(report)).toBe('seed-001');
    const m = match(report, 'seed-001');
    expect(m.relation, m.evidence.join('\n')).toBe('rewrite');
    expect(m.direction, m.evidence.join('\n')).toBe('original');
    expect(m.confidence).toBeGreaterThan(0);
    expect(report.matches[0].id).toBe('seed-001');
  });

  it('does not match the page against its own record', () => {
    expect(report.matches.map((m) => m.id)).not.toContain('seed-000');
  });

  it('labels the independent reports same-story, after the copies', () => {
    for (const id of ['seed-002', 'seed-003', 'seed-004']) expect(match(report, id).relation, `${id}: ${match(report, id).evidence.join('; ')}`).toBe('same-story');
    expect(report.matches.findIndex((m) => m.relation === 'same-story')).toBeGreaterThan(report.matches.findIndex((m) => m.id === 'seed-001'));
  });

  it('reports the garbled radio station as a name or attribution change', () => {
    const item = drift.find((d) => d.source.text.includes('Echo of Moscow radio') && d.page.text.includes('Echo Zamir Kabulov'));
    expect(item, describeDrift(drift)).toBeDefined();
    expect(['name', 'attribution']).toContain(item!.kind);
  });

  it('reports "The Wall Street Journal reports" garbled into "The Wall Reports of the Street Journal"', () => {
    const item = drift.find((d) => d.source.text.includes('Wall Street Journal') && d.page.text.includes('Wall Reports of the Street Journal'));
    expect(item, describeDrift(drift)).toBeDefined();
    expect(['name', 'attribution']).toContain(item!.kind);
  });

  it('reports "will decide" (typed "with decide") becoming "had decided" as a tense change', () => {
    const item = drift.find((d) => d.kind === 'tense' && d.page.text === 'had decided');
    expect(item, describeDrift(drift)).toBeDefined();
    expect(item!.source.text).toBe('with decide');
    expect(item!.summary).toContain('will decide');
  });

  it('reports at least five altered quotes, among them "shackles" becoming "chains"', () => {
    const quotes = drift.filter((d) => d.kind === 'quote');
    expect(quotes.length, describeDrift(drift)).toBeGreaterThanOrEqual(5);
    const shackles = quotes.find((d) => d.source.text.includes('shackles of slavery'));
    expect(shackles, describeDrift(quotes)).toBeDefined();
    expect(shackles!.page.text).toContain('chains of slavery');
    expect(renderOps(diffOps(shackles!.source.text, shackles!.page.text))).toBe('They have broken the <del>shackles</del><ins>chains</ins> of slavery in Afghanistan,');
  });

  it('gives offsets that point at the quoted texts', () => {
    const original = byId.get('seed-001')!.text;
    for (const d of drift) {
      expect(report.article.text.slice(d.page.start, d.page.end)).toBe(d.page.text);
      if (d.source.end > d.source.start) expect(original.slice(d.source.start, d.source.end)).toBe(d.source.text);
    }
  });

  it('never reports The Week newsletter prompts, bio or related links as drift', () => {
    const furniture = /Subscribe|Newsletter|Sign up|Peter has worked|Today's Big Question|inbox/;
    const leaked = drift.filter((d) => furniture.test(d.source.text) || furniture.test(d.page.text));
    expect(leaked, describeDrift(leaked)).toEqual([]);
  });

  it('ranks drift most serious first', () => {
    const severities = drift.map((d) => d.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
  });

  it('shows word diffs of aligned sentences as readable strings', () => {
    const rendered = report.comparison!.pairs.filter((p) => p.page && p.source).map((p) => renderOps(p.ops));
    expect(rendered).toContain('“They have broken the <del>shackles</del><ins>chains</ins> of slavery in Afghanistan,” Prime Minister Imran Khan said <ins>on</ins> Monday.');
    expect(rendered.find((r) => r.startsWith('Kabulov said Moscow'))).toMatch(/^Kabulov said Moscow <del>with decide on<\/del><ins>had decided<\/ins> whether/);
  });
});

describe('seed story, page 001 (the original)', async () => {
  const report = await checkArticle(pageOf('seed-001'), store, { retrieve });

  it('has no original and lists 000 as a derivative', () => {
    expect(report.original, describeMatches(report)).toBeNull();
    const m = match(report, 'seed-000');
    expect(m.relation).toBe('rewrite');
    expect(m.direction, m.evidence.join('\n')).toBe('derivative');
  });

  it('labels 002, 003 and 004 same-story', () => {
    for (const id of ['seed-002', 'seed-003', 'seed-004']) expect(match(report, id).relation).toBe('same-story');
  });
});

describe('seed story, independent reports among each other', () => {
  for (const id of ['seed-002', 'seed-003', 'seed-004']) {
    it(`${id} has only same-story matches and no original`, async () => {
      const report = await checkArticle(pageOf(id), store, { retrieve });
      expect(report.original).toBeNull();
      const others = ['seed-002', 'seed-003', 'seed-004'].filter((x) => x !== id);
      for (const other of others) expect(match(report, other).relation, describeMatches(report)).toBe('same-story');
      expect(report.matches.filter((m) => m.relation !== 'same-story'), describeMatches(report)).toEqual([]);
    });
  }
});

describe('engine with a store double and injected retrieval', () => {
  it('finds the same original', async () => {
    const report = await checkArticle(pageOf('seed-000'), memory, { retrieve: retrieveAll });
    expect(report.original).toBe('seed-001');
  });
});

describe('compareWith and findPassage on the seeds', () => {
  it('compares the page with a chosen version', () => {
    const c = compareWith(pageOf('seed-000'), byId.get('seed-001')!);
    expect(c.sourceId).toBe('seed-001');
    expect(c.drift.some((d) => d.kind === 'tense')).toBe(true);
    expect(c.passages.length).toBeGreaterThan(0);
  });

  it('finds the earliest occurrence of a selected quote and its drifted counterpart', async () => {
    const selection = '"They have broken the chains of slavery in Afghanistan," Prime Minister Imran Khan said on Monday.';
    const found = await findPassage(selection, store, { retrieve });
    expect(found.earliest?.id).toBe('seed-001');
    expect(found.earliest?.text).toContain('shackles of slavery');
    const copy = found.occurrences.find((o) => o.id === 'seed-000');
    expect(copy, JSON.stringify(found.occurrences.map((o) => o.id))).toBeDefined();
    expect(byId.get('seed-000')!.text.slice(copy!.start, copy!.end)).toBe(copy!.text);
    expect(found.drift.find((d) => d.kind === 'quote')?.summary).toContain('“shackles” became “chains”');
  });

  it('finds same-story counterparts of a sentence of 004, which no stored version copies', async () => {
    const selection =
      "Russia is different: Its ambassador will speak to representatives of the Taliban, who have already taken control of the area around the embassy, about the security of the mission, said Samir Kabulov, President Vladimir Putin's special envoy for Afghanistan, on Monday morning on the radio station Echo Moskwy known.";
    const found = await findPassage(selection, store, { retrieve, excludeIds: ['seed-004'] });
    const ids = found.occurrences.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['seed-001', 'seed-000']));
    expect(found.earliest?.kind).toBe('counterpart');
    for (const id of ['seed-001', 'seed-000']) {
      const counterpart = found.occurrences.find((o) => o.id === id)!;
      expect(counterpart.kind).toBe('counterpart');
      expect(byId.get(id)!.text.slice(counterpart.start, counterpart.end)).toBe(counterpart.text);
      expect(counterpart.text).toContain('Kabulov');
      expect(counterpart.text).toContain('about 100 people');
      expect(counterpart.ops?.some((op) => op.op !== 'equal')).toBe(true);
    }
  });

  it('lists counterparts after the copies, keeping the earliest copy first', async () => {
    const selection = "Russia's embassy in Kabul should continue to work, but some of the staff of around one hundred should be taken out of the country.";
    const found = await findPassage(selection, store, { retrieve });
    expect(found.earliest?.id).toBe('seed-004');
    expect(found.earliest?.kind).toBe('copy');
    const counterpart = found.occurrences.find((o) => o.id === 'seed-001');
    expect(counterpart?.kind, JSON.stringify(found.occurrences.map((o) => [o.id, o.kind]))).toBe('counterpart');
    expect(counterpart?.text).toContain('about 100 people');
  });
});

describe('seed story imported without dates', async () => {
  const undated = records.map(({ published: _published, ...rest }) => rest);
  const undatedStore = await openCorpusStore({ name: `engine-seeds-undated-${process.pid}`, indexedDB, IDBKeyRange });
  await undatedStore.addRecords(undated);
  const undatedPage = (id: string): PageArticle => ({ ...pageOf(id), publishedTime: undefined });
  const coverage = ['seed-002', 'seed-003', 'seed-004'];

  it('001 still lists 002, 003 and 004 as same-story coverage: they name the same people and places', async () => {
    const report = await checkArticle(undatedPage('seed-001'), undatedStore);
    for (const id of coverage) expect(match(report, id).relation, describeMatches(report)).toBe('same-story');
    expect(match(report, 'seed-000').relation).toBe('rewrite');
  });

  it('003 lists 002 and 004 as same-story coverage, never as copies or translations', async () => {
    const report = await checkArticle(undatedPage('seed-003'), undatedStore);
    for (const id of ['seed-002', 'seed-004']) expect(match(report, id).relation, describeMatches(report)).toBe('same-story');
  });

  it('000 still names 001 as its original: the machine-translation traces tell which came first', async () => {
    const report = await checkArticle(undatedPage('seed-000'), undatedStore);
    expect(report.original, describeMatches(report)).toBe('seed-001');
  });
});
