/**
 * "Lineage": who copied whom among the page's versions, as a tree from the earliest one, each version under the one
 * it came from with how it came (copy, edit, rewrite, translation), and where this page sits. Versions whose place
 * cannot be told are listed apart, with the reason, rather than guessed into the tree.
 */
import { childrenOf } from '../../lib/lineage/build.ts';
import type { Lineage, LineageNode, LineageRelation, Report } from '../../lib/types.ts';
import { formatDate, safeWebUrl } from '../shared/report-view.ts';
import { el } from '../shared/dom.ts';
import { t, type MessageKey } from './messages.ts';
import { inReadersWords } from './descriptions.ts';

const RELATION_WORDS: Record<LineageRelation, MessageKey> = {
  copy: 'lineageCopy',
  edit: 'lineageEdit',
  rewrite: 'lineageRewrite',
  'machine-translated rewrite': 'lineageMachineRewrite',
  translation: 'lineageTranslation',
};

function nodeName(node: LineageNode): string {
  if (node.isPage) return t('thisPageCapital');
  if (node.site) return node.site;
  const url = safeWebUrl(node.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : (node.title ?? node.id);
}

function nodeDate(node: LineageNode): HTMLElement {
  const date = formatDate(node.date);
  return date ? el('time', { attrs: { datetime: node.date! } }, date) : el('span', { class: 'muted' }, t('dateUnknownShort'));
}

function nodeLine(node: LineageNode, relation: LineageRelation | undefined): HTMLElement {
  return el(
    'span',
    { class: 'lineage-line' },
    // Spaces between the parts, so the line reads as a sentence to a screen reader and when copied.
    relation ? el('span', { class: `chip lineage-relation lineage-${relation.replace(/\s+/g, '-')}`, attrs: { 'data-relation': relation } }, t(RELATION_WORDS[relation])) : null,
    relation ? ' ' : null,
    el('span', { class: 'publisher' }, nodeName(node)),
    ' · ',
    nodeDate(node),
    node.isPage ? ' ' : null,
    node.isPage ? el('span', { class: 'lineage-here' }, t('lineageHere')) : null,
  );
}

function branch(lineage: Lineage, node: LineageNode, relationTo: Map<string, LineageRelation>): HTMLElement {
  const children = childrenOf(lineage, node.id);
  const item = el(
    'li',
    { class: node.isPage ? 'lineage-node lineage-page' : 'lineage-node', attrs: { 'data-lineage-id': node.id, ...(node.isPage ? { 'aria-current': 'true' } : {}) } },
    nodeLine(node, relationTo.get(node.id)),
  );
  if (children.length > 0) item.append(el('ol', { class: 'lineage-children' }, ...children.map((child) => branch(lineage, child, relationTo))));
  return item;
}

/** The section, or null when there is no lineage to show (no version, or only the page). */
export function renderLineageSection(report: Report): HTMLElement | null {
  const lineage = report.lineage;
  if (!lineage || lineage.nodes.length < 2) return null;
  const relationTo = new Map(lineage.edges.map((e) => [e.to, e.relation]));
  const root = lineage.nodes.find((n) => n.id === lineage.root);
  const uncertain = lineage.nodes.filter((n) => n.uncertainReason);
  const section = el(
    'section',
    { class: 'block lineage', attrs: { 'aria-labelledby': 'lineage-heading', 'data-section': 'lineage' } },
    el('h2', { attrs: { id: 'lineage-heading' } }, t('lineageHeading')),
    el('p', { class: 'hint' }, t('lineageHint')),
  );
  if (root) section.append(el('ol', { class: 'lineage-tree' }, branch(lineage, root, relationTo)));
  if (uncertain.length > 0) {
    section.append(
      el('h3', {}, t('lineageUncertain')),
      el(
        'ul',
        { class: 'lineage-uncertain' },
        ...uncertain.map((node) =>
          el('li', { class: node.isPage ? 'lineage-node lineage-page' : 'lineage-node', attrs: { 'data-lineage-id': node.id, 'data-uncertain': 'true' } }, nodeLine(node, undefined), el('span', { class: 'muted lineage-why' }, inReadersWords(node.uncertainReason))),
        ),
      ),
    );
  }
  return section;
}
