/** "Drift": what changed between the chosen version and the page, grouped by kind, most serious first. */
import type { Comparison, Direction, DriftItem } from '../../lib/types.ts';
import { groupDrift } from '../shared/report-view.ts';
import { driftGroupTitle, driftKindName } from './relation-words.ts';
import { el } from '../shared/dom.ts';
import { t } from './messages.ts';
import { inReadersWords } from './descriptions.ts';
import { renderSide, unmarked } from './word-diff.ts';

export interface DriftHandlers {
  /** The reader chose an item: mark its passage in the page. */
  onChoose: (item: DriftItem, button: HTMLButtonElement) => void;
}

function wordingRow(label: string, content: Node | string, side: string): HTMLElement {
  return el('span', { class: `wording wording-${side}` }, el('span', { class: 'wording-label' }, label), el('span', { class: 'wording-text', attrs: { dir: 'auto' } }, content));
}

function driftButton(item: DriftItem, sourceName: string, handlers: DriftHandlers): HTMLElement {
  const ops = item.ops ?? unmarked(item.source.text, item.page.text);
  const button = el(
    'button',
    { class: `drift-item severity-${item.severity}`, attrs: { type: 'button', 'data-kind': item.kind, title: t('driftShowInPage') } },
    el('span', { class: 'drift-summary' }, el('span', { class: `chip kind-${item.kind}` }, driftKindName(item.kind)), el('span', {}, inReadersWords(item.description))),
    item.page.text ? wordingRow(t('driftPage'), renderSide(ops, 'page'), 'page') : wordingRow(t('driftPage'), el('em', {}, t('driftNotInPage')), 'page'),
    item.source.text ? wordingRow(sourceName, renderSide(ops, 'source'), 'source') : wordingRow(sourceName, el('em', {}, t('driftNotInSource')), 'source'),
  );
  button.addEventListener('click', () => handlers.onChoose(item, button));
  return button;
}

export interface DriftSource {
  name: string;
  direction: Direction;
}

function againstLine({ name, direction }: DriftSource): string {
  return direction === 'derivative' ? t('driftAgainstDerivative', { source: name }) : t('driftAgainst', { source: name });
}

export function renderDriftSection(comparison: Comparison | null, source: DriftSource, handlers: DriftHandlers): HTMLElement {
  const sourceName = source.name;
  const section = el('section', { class: 'block', attrs: { 'aria-labelledby': 'drift-heading' } });
  const heading = el('h2', { attrs: { id: 'drift-heading' } }, t('driftHeading'));
  section.append(heading);
  if (!comparison) {
    section.append(el('p', { class: 'muted' }, t('driftComparing', { source: sourceName })));
    return section;
  }
  const groups = groupDrift(comparison.drift);
  heading.append(' ', el('span', { class: 'count' }, String(comparison.drift.length)));
  section.append(el('p', { class: 'hint' }, againstLine(source)));
  if (comparison.truncated) {
    section.append(el('p', { class: 'note' }, t('driftTruncated')));
  }
  if (groups.length === 0) {
    section.append(el('p', { class: 'muted' }, t('driftNone')));
    return section;
  }
  for (const group of groups) {
    const id = `drift-${group.kinds.join('-')}`;
    // Rewording changes no meaning: it starts folded so the serious kinds stay in sight.
    const open = !group.kinds.includes('reworded');
    section.append(
      el(
        'details',
        { class: 'drift-group', attrs: { 'data-group': group.kinds.join(' '), open: open ? '' : undefined } },
        el('summary', {}, el('h3', { attrs: { id } }, driftGroupTitle(group.id), ' ', el('span', { class: 'count' }, String(group.items.length)))),
        el('ul', { class: 'drift-list', attrs: { 'aria-labelledby': id } }, ...group.items.map((item) => el('li', {}, driftButton(item, sourceName, handlers)))),
      ),
    );
  }
  return section;
}
