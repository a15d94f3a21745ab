import { childrenOf } from '../lib/lineage/build.ts';
import type { Lineage, LineageNode } from '../lib/types.ts';

/** The lineage in --json: every node with the same keys (null when absent), and the edges with their relation. */
export interface JsonLineage {
  root: string | null;
  nodes: {
    id: string;
    isPage: boolean;
    title: string | null;
    site: string | null;
    url: string | null;
    lang: string | null;
    date: string | null;
    parent: string | null;
    uncertain: string | null;
    candidates: string[];
  }[];
  edges: Lineage['edges'];
}

export function jsonLineage(lineage: Lineage | undefined): JsonLineage | null {
  if (!lineage) return null;
  return {
    root: lineage.root,
    nodes: lineage.nodes.map((n) => ({
      id: n.id,
      isPage: n.isPage,
      title: n.title ?? null,
      site: n.site ?? null,
      url: n.url ?? null,
      lang: n.lang ?? null,
      date: n.date ?? null,
      parent: n.parent,
      uncertain: n.uncertain ?? null,
      candidates: n.candidates ?? [],
    })),
    edges: lineage.edges.map((e) => ({ ...e })),
  };
}

/**
 * The lineage as a tree for a terminal, earliest at the top, each version under the one it came from:
 *
 *   The Week, 2021-08-16 [seed-001]
 *   └─ machine-translated rewrite: World News Digest, 2021-08-17 [seed-000]
 *      └─ copy: this page, 2021-08-18
 */
export function lineageLines(lineage: Lineage | undefined, oneLine: (s: string) => string): string[] {
  if (!lineage || lineage.nodes.length < 2) return [];
  const lines = ['Lineage (who copied whom, earliest at the top):'];
  const relationTo = new Map(lineage.edges.map((e) => [e.to, e.relation]));
  const label = (n: LineageNode) => {
    const who = n.isPage ? 'this page' : oneLine(n.site ?? n.title ?? n.id);
    const date = n.date ? `, ${n.date.slice(0, 10)}` : ', undated';
    return `${who}${date}${n.isPage ? '' : ` [${n.id}]`}`;
  };
  const walk = (node: LineageNode, indent: string, last: boolean, top: boolean) => {
    const relation = relationTo.get(node.id);
    lines.push(top ? `  ${label(node)}` : `${indent}${last ? '└─' : '├─'} ${relation}: ${label(node)}`);
    const children = childrenOf(lineage, node.id);
    const childIndent = top ? '  ' : `${indent}${last ? '   ' : '│  '}`;
    children.forEach((child, k) => walk(child, childIndent, k === children.length - 1, false));
  };
  const root = lineage.nodes.find((n) => n.id === lineage.root);
  if (root) walk(root, '', true, true);
  const uncertain = lineage.nodes.filter((n) => n.uncertain);
  if (uncertain.length > 0) {
    lines.push('  Place uncertain:');
    for (const n of uncertain) lines.push(`    ${label(n)} — ${oneLine(n.uncertain!)}`);
  }
  return lines;
}
