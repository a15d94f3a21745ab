import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../lib/engine';
import { buildLineage, pathTo, type LineageCosts, type LineageInput, type PairRelation } from '../../../lib/lineage';
import { openCorpusStore } from '../../../lib/store';
import { PAGE_NODE_ID, type Lineage, type PageArticle } from '../../../lib/types';
import { seedRecord, seedRecords } from '../helpers/seed-corpus.ts';

/** A relate function from a table "child>parent" → relation. */
function table(entries: Record<string, Partial<PairRelation> & { closeness: number }>) {
  return (child: string, parent: string): PairRelation | null => {
    const e = entries[`${child}>${parent}`] ?? entries[`${parent}>${child}`];
    if (!e) return null;
    const flipped = !entries[`${child}>${parent}`];
    const direction = e.direction ?? 'unknown';
    return { relation: 'edited-copy', ...e, direction: flipped ? ({ original: 'derivative', derivative: 'original', unknown: 'unknown' } as const)[direction] : direction };
  };
}

function chain(lineage: Lineage, id: string): string {
  return pathTo(lineage, id)
    .map((n) => n.id)
    .join(' → ');
}

describe('buildLineage', () => {
  const dated = (id: string, day: number): LineageInput => ({ id, date: `2021-08-${String(day).padStart(2, '0')}T00:00:00Z` });

  it('places each version under the earlier version it keeps most closely: a chain, not a star', () => {
    const relate = table({
      'b>a': { closeness: 0.9 },
      'c>a': { closeness: 0.8 },
      'c>b': { closeness: 0.88 },
      'page>a': { closeness: 0.7 },
      'page>b': { closeness: 0.78 },
      'page>c': { closeness: 0.86, relation: 'verbatim-copy' },
    });
    const lineage = buildLineage([dated('c', 18), dated('a', 16), { id: 'page', isPage: true }, dated('b', 17)], relate);
    expect(lineage.root).toBe('a');
    expect(chain(lineage, 'page')).toBe('a → b → c → page');
    expect(lineage.edges.find((e) => e.to === 'page')).toMatchObject({ from: 'c', relation: 'copy' });
    expect(lineage.nodes.every((n) => !n.uncertain)).toBe(true);
  });

  it('names the relation of every edge', () => {
    const relate = table({
      'b>a': { closeness: 0.4, relation: 'rewrite', machineTranslated: true },
      'c>a': { closeness: 0.3, relation: 'translation' },
      'c>b': { closeness: 0.1, relation: 'translation' },
    });
    const lineage = buildLineage([dated('a', 1), dated('b', 2), dated('c', 3)], relate);
    expect(lineage.edges.map((e) => `${e.from}>${e.to}:${e.relation}`)).toEqual(['a>b:machine-translated rewrite', 'a>c:translation']);
  });

  it('leaves a version as close to two unrelated earlier versions unplaced, and says so', () => {
    const relate = table({ 'c>a': { closeness: 0.8 }, 'c>b': { closeness: 0.81 } });
    const lineage = buildLineage([dated('a', 1), dated('b', 2), dated('c', 3)], relate);
    const c = lineage.nodes.find((n) => n.id === 'c')!;
    expect(c.parent).toBeNull();
    expect(c.uncertain).toMatch(/cannot be told/);
    expect(c.candidates?.sort()).toEqual(['a', 'b']);
    // b copies nothing earlier: it is not guessed under a.
    expect(lineage.nodes.find((n) => n.id === 'b')!.uncertain).toBeDefined();
  });

  it('orders undated versions by the direction of their relation, and leaves them unplaced without one', () => {
    const placed = buildLineage([dated('a', 1), { id: 'b' }], table({ 'b>a': { closeness: 0.9, direction: 'unknown' } }));
    expect(placed.nodes.find((n) => n.id === 'b')!.parent).toBe('a');
    const directed = buildLineage([{ id: 'x' }, { id: 'y' }], table({ 'y>x': { closeness: 0.9, direction: 'original' } }));
    expect(chain(directed, 'y')).toBe('x → y');
    const open = buildLineage([{ id: 'x' }, { id: 'y' }], table({ 'y>x': { closeness: 0.9, direction: 'unknown' } }));
    expect(open.nodes.find((n) => n.id === 'y')!.uncertain).toBeDefined();
  });
});

describe('buildLineage within a cost limit', () => {
  const dated = (id: string, day: number): LineageInput => ({ id, date: `2021-08-${String(day).padStart(2, '0')}T00:00:00Z` });
  /** A relate function that records the pairs it was asked about. */
  function counted(relate: ReturnType<typeof table>) {
    const asked: string[] = [];
    return { asked, relate: (child: string, parent: string) => (asked.push(`${child}>${parent}`), relate(child, parent)) };
  }
  const estimates =
    (looks: Record<string, number | null>): LineageCosts['estimate'] =>
    (child, parent) => {
      for (const key of [`${child}>${parent}`, `${parent}>${child}`]) if (key in looks) return looks[key];
      return 0;
    };
  const chainOfFour = table({ 'b>a': { closeness: 0.7 }, 'c>a': { closeness: 0.5 }, 'c>b': { closeness: 0.68 }, 'd>a': { closeness: 0.35 }, 'd>b': { closeness: 0.5 }, 'd>c': { closeness: 0.7 } });
  const chainLooks = { 'b>a': 0.75, 'c>a': 0.55, 'c>b': 0.72, 'd>a': 0.4, 'd>b': 0.55, 'd>c': 0.74 };

  it('relates each version only to the earlier versions that look closest, and places it as the full comparison does', () => {
    const inputs = [dated('a', 1), dated('b', 2), dated('c', 3), dated('d', 4)];
    const everyPair = counted(chainOfFour);
    const full = buildLineage(inputs, everyPair.relate);
    const cheap = counted(chainOfFour);
    const costed = buildLineage(inputs, cheap.relate, { estimate: estimates(chainLooks), costly: () => true, budget: 10 });
    expect(chain(costed, 'd')).toBe('a → b → c → d');
    expect(costed.edges).toEqual(full.edges);
    // Later versions are never related, nor earlier ones that look far less close than the closest copy.
    expect(cheap.asked).toEqual(['b>a', 'c>b', 'd>c']);
    expect(everyPair.asked).toEqual(['b>a', 'c>a', 'c>b', 'd>a', 'd>b', 'd>c']);
  });

  it('relates every earlier version that looks about as close, so a tie is still told', () => {
    const relate = table({ 'c>a': { closeness: 0.8 }, 'c>b': { closeness: 0.81 } });
    const { asked, relate: counting } = counted(relate);
    const lineage = buildLineage([dated('a', 1), dated('b', 2), dated('c', 3)], counting, { estimate: estimates({ 'c>a': 0.8, 'c>b': 0.78, 'b>a': 0.05 }), costly: () => true, budget: 10 });
    expect(asked).toEqual(['c>a', 'c>b']);
    expect(lineage.nodes.find((n) => n.id === 'c')!.uncertain).toMatch(/cannot be told/);
  });

  it('relates a pair it has no estimate for (two languages), and the free pairs whatever their estimate', () => {
    const relate = table({ 'b>a': { closeness: 0.6, relation: 'translation' }, 'page>a': { closeness: 0.3 }, 'page>b': { closeness: 0.9 } });
    const { asked, relate: counting } = counted(relate);
    const lineage = buildLineage([dated('a', 1), dated('b', 2), { id: 'page', isPage: true }], counting, {
      estimate: estimates({ 'b>a': null, 'page>a': 0.01, 'page>b': 0.01 }),
      costly: (child, parent) => child !== 'page' && parent !== 'page',
      budget: 10,
    });
    expect(chain(lineage, 'page')).toBe('a → b → page');
    // The undated page may be where a version came from: those pairs are free.
    expect(asked).toEqual(['a>page', 'b>page', 'b>a', 'page>a', 'page>b']);
  });

  it('leaves a version uncertain when its parent would need more alignments than the limit, not guessed', () => {
    const inputs = [dated('a', 1), dated('b', 2), dated('c', 3), dated('d', 4)];
    const { asked, relate } = counted(chainOfFour);
    const lineage = buildLineage(inputs, relate, { estimate: estimates(chainLooks), costly: () => true, budget: 2 });
    expect(asked).toEqual(['b>a', 'c>b']);
    expect(chain(lineage, 'c')).toBe('a → b → c');
    const d = lineage.nodes.find((n) => n.id === 'd')!;
    expect(d.parent).toBeNull();
    expect(d.uncertain).toMatch(/cost limit/);
  });
});

describe('lineage in the full check, on the seed story', async () => {
  const store = await openCorpusStore({ name: `lineage-seeds-${process.pid}`, indexedDB, IDBKeyRange });
  await store.addRecords(seedRecords);
  const digest = seedRecord('000');

  it('shows The Week → World News Digest → this page for a verbatim copy of the digest', async () => {
    const page: PageArticle = { text: digest.text, title: digest.title, siteName: 'Daily Mirror Site', publishedTime: '2021-08-18T09:00:00Z', url: 'https://copycat.example/russia-taliban', lang: 'en' };
    const report = await checkArticle(page, store);
    const lineage = report.lineage!;
    expect(chain(lineage, PAGE_NODE_ID), JSON.stringify(lineage, null, 1)).toBe('seed-001 → seed-000 → page');
    const edges = Object.fromEntries(lineage.edges.map((e) => [e.to, e.relation]));
    expect(edges['seed-000']).toBe('machine-translated rewrite');
    expect(edges[PAGE_NODE_ID]).toBe('copy');
    expect(lineage.nodes.find((n) => n.id === 'seed-001')).toMatchObject({ site: 'The Week', date: seedRecord('001').published });
    // Independent coverage of the story is not part of the lineage.
    expect(lineage.nodes.map((n) => n.id).sort()).toEqual(['page', 'seed-000', 'seed-001']);
  });

  it('places the seed 000 page itself under The Week', async () => {
    const report = await checkArticle({ text: digest.text, title: digest.title, siteName: digest.site, publishedTime: digest.published, url: digest.url, lang: 'en' }, store);
    expect(chain(report.lineage!, PAGE_NODE_ID)).toBe('seed-001 → page');
  });
});
