/**
 * What a page shares with one stored record and with no other story on its subject. Retrieval returns the page's
 * neighbourhood — the stored stories closest to it, most of them on the same subject — and a word pair that several
 * of them hold is the subject's vocabulary or a stock phrase, not evidence that the record is the page's text. A
 * version of the page keeps pairs no neighbour has; a story on the same subject shares the neighbourhood's.
 *
 * Versions of one text are not each other's neighbours: a story stored in several versions would otherwise make its
 * own wording look common.
 */

/** A pair held by more neighbours than this is the subject's vocabulary. */
export const COMMON_IN_NEIGHBOURHOOD = 2;
/** Records sharing this share of the smaller one's word pairs are versions of one text, not neighbours. */
export const SAME_TEXT_CONTAINMENT = 0.5;

export interface DistinctiveWording {
  /** Share of the page's word pairs that the record holds and at most COMMON_IN_NEIGHBOURHOOD neighbours do. */
  page: number;
  /** The same pairs as a share of the record's word pairs. */
  record: number;
}

/**
 * For each record of the neighbourhood (best candidates first), the share of the page's word pairs that it and few
 * other neighbours hold. `records[i]` are the word pairs of the i-th record.
 */
export function distinctiveWording(page: ReadonlySet<string>, records: readonly ReadonlySet<string>[]): DistinctiveWording[] {
  const holders = new Map<string, number[]>();
  for (const pair of page) {
    const held: number[] = [];
    records.forEach((record, i) => {
      if (record.has(pair)) held.push(i);
    });
    if (held.length) holders.set(pair, held);
  }
  const versionsOf = sameTextGroups(records);
  return records.map((record, i) => {
    let distinctive = 0;
    for (const held of holders.values()) {
      if (!held.includes(i)) continue;
      const neighbours = held.filter((j) => j !== i && !versionsOf[i].has(j)).length;
      if (neighbours <= COMMON_IN_NEIGHBOURHOOD) distinctive++;
    }
    return { page: page.size ? distinctive / page.size : 0, record: record.size ? distinctive / record.size : 0 };
  });
}

/** For each record, the other records that are versions of the same text. */
function sameTextGroups(records: readonly ReadonlySet<string>[]): Set<number>[] {
  const groups = records.map(() => new Set<number>());
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      if (containmentOfSmaller(records[i], records[j]) >= SAME_TEXT_CONTAINMENT) {
        groups[i].add(j);
        groups[j].add(i);
      }
    }
  }
  return groups;
}

function containmentOfSmaller(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}
