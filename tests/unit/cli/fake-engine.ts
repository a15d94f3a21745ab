/**
 * A stand-in engine for testing the command line's plumbing (arguments, corpus loading, output shapes)
 * independently of how well the real engine matches. It shares words to pick related records and takes
 * word-diff hunks as drift, with real offsets, so offset checks are meaningful.
 */
import { diffWords } from 'diff';
import type { CliEngine, CliStore } from '../../../cli/main.ts';
import { correctionsFor } from '../../../lib/corpus/corrections.ts';
import { PAGE_NODE_ID, type CorpusRecord, type CorrectedRecord, type Correction, type DriftItem, type Lineage, type LineageNode, type Match, type PageArticle, type Report } from '../../../lib/types.ts';
import { described } from '../helpers/described.ts';

export class MemoryStore implements CliStore {
  readonly records = new Map<string, CorpusRecord>();
  closed = false;
  /** Times a loaded file settled the index. */
  settled = 0;

  async addRecords(records: CorpusRecord[]) {
    let added = 0;
    let duplicates = 0;
    for (const record of records) {
      if (this.records.has(record.id)) duplicates += 1;
      else {
        this.records.set(record.id, record);
        added += 1;
      }
    }
    return { added, duplicates };
  }

  async count() {
    return this.records.size;
  }

  async settle() {
    this.settled += 1;
  }

  close() {
    this.closed = true;
  }
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

function sharedRatio(a: string, b: string): number {
  const wordsA = wordSet(a);
  const wordsB = wordSet(b);
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared += 1;
  return shared / Math.max(1, Math.min(wordsA.size, wordsB.size));
}

export function fakeDrift(page: string, source: CorpusRecord): DriftItem[] {
  const items: DriftItem[] = [];
  let pageAt = 0;
  let sourceAt = 0;
  const changes = diffWords(source.text, page);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      pageAt += change.value.length;
      sourceAt += change.value.length;
      continue;
    }
    const removed = change.removed ? change.value : '';
    const next = change.removed && changes[i + 1]?.added ? changes[++i] : undefined;
    const added = change.added ? change.value : (next?.value ?? '');
    const kind = removed && added ? (/\d/.test(removed + added) ? 'number' : 'reworded') : removed ? 'dropped' : 'added';
    items.push({
      kind,
      severity: kind === 'number' ? 4 : kind === 'reworded' ? 2 : 1,
      ...described('change_became', { before: removed, after: added }),
      page: { text: added, start: pageAt, end: pageAt + added.length },
      source: { id: source.id, text: removed, start: sourceAt, end: sourceAt + removed.length },
      ops: [...(removed ? [{ op: 'del' as const, text: removed }] : []), ...(added ? [{ op: 'ins' as const, text: added }] : [])],
    });
    pageAt += added.length;
    sourceAt += removed.length;
  }
  return items;
}

export async function fakeCheckArticle(page: PageArticle, store: MemoryStore, corrections: readonly Correction[] = []): Promise<Report> {
  const matches: Match[] = [];
  const notVersions = correctionsFor(page, corrections);
  const corrected: CorrectedRecord[] = [];
  for (const record of store.records.values()) {
    if (notVersions.covers(record)) {
      corrected.push({ id: record.id, title: record.title, site: record.site, url: record.url });
      continue;
    }
    const score = sharedRatio(page.text, record.text);
    if (score < 0.2) continue;
    const copy = score >= 0.6;
    matches.push({
      id: record.id,
      relation: copy ? 'edited-copy' : 'same-story',
      score,
      direction: copy ? 'original' : 'unknown',
      confidence: copy ? 0.75 : 0,
      certainty: copy ? 0.8 : 0.4,
      measures: { pageCoverage: score, versionCoverage: score, wordingKept: score, sharedWording: score },
      // The command line prints the English; the popup, which words `reasons`, is not driven by this engine.
      reasons: [],
      evidence: copy ? ['shares most of its wording'] : [],
      passages: copy ? [{ page: [0, page.text.length], source: [0, record.text.length] }] : [],
      title: record.title,
      site: record.site,
      url: record.url,
      published: record.published,
      lang: record.lang,
    });
  }
  matches.sort((a, b) => b.score - a.score);
  const original = matches.find((match) => match.direction === 'original');
  const source = original ? store.records.get(original.id)! : undefined;
  const drift = source ? fakeDrift(page.text, source) : [];
  return {
    article: page,
    matches,
    drift,
    original: original?.id ?? null,
    comparison: source ? { sourceId: source.id, passages: original!.passages, pairs: [], drift, truncated: false } : null,
    corrected,
    lineage: fakeLineage(page, original, source),
  };
}

/** The original above the page, as the engine's lineage gives a page copied from one stored article. */
function fakeLineage(page: PageArticle, original: Match | undefined, source: CorpusRecord | undefined): Lineage {
  const pageNode: LineageNode = { id: PAGE_NODE_ID, isPage: true, title: page.title, site: page.siteName, url: page.url, lang: page.lang, date: page.publishedTime, parent: original?.id ?? null };
  if (!original || !source) return { root: PAGE_NODE_ID, nodes: [{ ...pageNode, parent: null }], edges: [] };
  const sourceNode: LineageNode = { id: source.id, isPage: false, title: source.title, site: source.site, url: source.url, lang: source.lang, date: source.published, parent: null };
  return { root: source.id, nodes: [sourceNode, pageNode], edges: [{ from: source.id, to: PAGE_NODE_ID, relation: 'edit', closeness: original.measures.wordingKept }] };
}

/** Extracts the <article> element's text, or null when the page has none: enough to exercise the .html path. */
export function fakeExtractFromHtml(html: string, url?: string): PageArticle | null {
  const body = /<article>([\s\S]*)<\/article>/.exec(html);
  if (!body) return null;
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  return { text: body[1].replace(/<[^>]+>/g, '').trim(), title, url, siteName: 'Example Site' };
}

export function fakeEngine(store = new MemoryStore()): () => Promise<CliEngine> {
  return async () => ({
    openStore: async () => store,
    checkArticle: (page, s, options) => fakeCheckArticle(page, s as MemoryStore, options?.corrections),
    extractFromHtml: fakeExtractFromHtml,
  });
}
