/**
 * "Show all changes in the page": every drift item marked at once, coloured by kind, with the source's wording on
 * hover and on keyboard focus, and a marker where a sentence was dropped. Every word shown comes with the change
 * (PageChange.words), worded by the popup from the messages file: this script, injected at every check, has none.
 *
 * The page's own DOM is never touched: the marks are drawn in an overlay (one element at the end of the document,
 * its content in a shadow root) over the text's client rectangles, and let every click through. Wrapping the
 * page's text nodes in elements, as the one-passage highlight does, would break pages whose scripts hold on to those
 * nodes (single-page news sites). A MutationObserver finds the passages again when the page re-renders them.
 */
import type { DriftKind } from '../../lib/types.ts';
import type { MarkOutcome, PageChange } from '../shared/page-changes.ts';
import { findPassageRange } from './text-locator.ts';

export const CHANGES_HOST_ATTRIBUTE = 'data-palimpsest-changes';

const COLOURS: Record<DriftKind, string> = {
  quote: '#9c36b5',
  name: '#1c7ed6',
  number: '#e8590c',
  date: '#e8590c',
  negation: '#e03131',
  tense: '#c2255c',
  attribution: '#0c8599',
  added: '#2f9e44',
  dropped: '#e03131',
  reworded: '#e0a800',
};

/** Points down to where a dropped sentence stood, before the kind's name. */
const DROPPED_SIGN = '⌄';

/** Re-finding passages waits for the page to settle after its own changes. */
const RELOCATE_DELAY_MS = 250;

interface Placed {
  change: PageChange;
  /** The marked wording, or for a dropped sentence the point it stood at (collapsed). */
  range: Range | null;
}

interface Marks {
  host: HTMLElement;
  layer: HTMLElement;
  tooltip: HTMLElement;
  placed: Placed[];
  /** The change under the pointer, and the one focused from the keyboard: kept across redraws. */
  hovered: Placed | null;
  focused: number | null;
  observer: MutationObserver;
  stop: () => void;
}

let marks: Marks | null = null;

function css(element: HTMLElement, properties: Record<string, string>): void {
  // Through the CSSOM: a page's Content-Security-Policy blocks style attributes, not this.
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value, 'important');
}

function make(tag: string, properties: Record<string, string>, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  css(element, properties);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function locate(change: PageChange): Range | null {
  const body = document.body;
  if (!body) return null;
  if (change.page.trim()) return findPassageRange(body, change.page, change.pageBefore);
  const anchor = change.droppedAfter ?? change.droppedBefore;
  const range = anchor ? findPassageRange(body, anchor) : null;
  range?.collapse(change.droppedAfter === undefined);
  return range;
}

function showTooltip(m: Marks, placed: Placed, at: DOMRect): void {
  const { tooltip } = m;
  const { words } = placed.change;
  tooltip.replaceChildren();
  const title = make('strong', { display: 'block', color: COLOURS[placed.change.kind], 'margin-bottom': '2px' });
  title.textContent = words.kind;
  const lines = words.lines.map((line) => {
    const body = make('span', { display: 'block' });
    body.textContent = line;
    return body;
  });
  tooltip.append(title, ...lines);
  css(tooltip, { display: 'block', left: `${Math.max(4, at.left + window.scrollX)}px`, top: `${at.bottom + window.scrollY + 6}px` });
}

function hideTooltip(m: Marks): void {
  css(m.tooltip, { display: 'none' });
}

function rectsOf(placed: Placed): DOMRect[] {
  if (!placed.range) return [];
  if (placed.range.collapsed) {
    const rect = placed.range.getBoundingClientRect();
    return rect.height > 0 || rect.left > 0 ? [rect] : [];
  }
  return [...placed.range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

/** Draws every placed change: translucent boxes over its text, one focusable handle, or a dropped-sentence marker. */
function draw(m: Marks): void {
  // Redrawing replaces the focused mark: focus and the tooltip are given back to its successor.
  const focused = m.focused;
  m.layer.replaceChildren();
  m.placed.forEach((placed, index) => {
    const rects = rectsOf(placed);
    if (rects.length === 0) return;
    const colour = COLOURS[placed.change.kind];
    const label = placed.change.words.label;
    if (placed.change.kind === 'dropped' || !placed.change.page.trim()) {
      const at = rects[0];
      const marker = make(
        'span',
        { position: 'absolute', left: `${at.right + window.scrollX}px`, top: `${at.top + window.scrollY - 4}px`, 'font': '700 11px/1 system-ui, sans-serif', color: '#fff', background: colour, padding: '2px 4px', 'border-radius': '3px', 'pointer-events': 'none', outline: 'none' },
        { 'data-change-index': String(index), 'data-kind': placed.change.kind, 'data-dropped': 'true', tabindex: '0', role: 'note', 'aria-label': label },
      );
      marker.textContent = `${DROPPED_SIGN} ${placed.change.words.kind}`;
      watchFocus(m, marker, placed, at);
      m.layer.append(marker);
      return;
    }
    for (const rect of rects) {
      m.layer.append(
        make('span', { position: 'absolute', left: `${rect.left + window.scrollX}px`, top: `${rect.top + window.scrollY}px`, width: `${rect.width}px`, height: `${rect.height}px`, background: `${colour}33`, 'border-bottom': `2px solid ${colour}`, 'pointer-events': 'none' }, { 'data-change-box': String(index), 'data-kind': placed.change.kind }),
      );
    }
    const first = rects[0];
    const handle = make(
      'span',
      { position: 'absolute', left: `${first.left + window.scrollX}px`, top: `${first.top + window.scrollY}px`, width: `${first.width}px`, height: `${first.height}px`, 'pointer-events': 'none', outline: 'none' },
      { 'data-change-index': String(index), 'data-kind': placed.change.kind, tabindex: '0', role: 'note', 'aria-label': label },
    );
    watchFocus(m, handle, placed, rects[rects.length - 1]);
    m.layer.append(handle);
  });
  m.focused = focused;
  if (focused !== null) m.layer.querySelector<HTMLElement>(`[data-change-index="${focused}"]`)?.focus({ preventScroll: true });
  else if (m.hovered) {
    const rect = rectsOf(m.hovered)[0];
    if (rect) showTooltip(m, m.hovered, rect);
  }
}

function watchFocus(m: Marks, element: HTMLElement, placed: Placed, at: DOMRect): void {
  const index = Number(element.dataset.changeIndex);
  element.addEventListener('focus', () => {
    css(element, { 'box-shadow': `0 0 0 3px ${COLOURS[placed.change.kind]}` });
    if (m.focused !== index) element.scrollIntoView({ block: 'nearest' });
    m.focused = index;
    showTooltip(m, placed, at);
  });
  element.addEventListener('blur', () => {
    element.style.removeProperty('box-shadow');
    if (!element.isConnected) return;
    m.focused = null;
    hideTooltip(m);
  });
}

/** The change under the pointer, found from the rectangles: the overlay lets the pointer through to the page. */
function changeAt(m: Marks, x: number, y: number): { placed: Placed; rect: DOMRect } | null {
  for (const placed of m.placed) {
    for (const rect of rectsOf(placed)) {
      const r = placed.range?.collapsed ? new DOMRect(rect.right, rect.top - 4, 60, 16) : rect;
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { placed, rect: r };
    }
  }
  return null;
}

function placeAll(m: Marks, changes: readonly PageChange[]): void {
  m.placed = changes.map((change) => ({ change, range: locate(change) }));
  if (!m.host.isConnected) document.documentElement.append(m.host);
  draw(m);
}

/** Marks every change (replacing earlier marks); says how many the page shows. */
export function markChanges(changes: readonly PageChange[]): MarkOutcome {
  clearChanges();
  const host = make('div', { position: 'absolute', top: '0', left: '0', width: '0', height: '0', 'z-index': '2147483647', 'pointer-events': 'none', margin: '0', padding: '0', border: '0' }, { [CHANGES_HOST_ATTRIBUTE]: '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const layer = make('div', { position: 'absolute', top: '0', left: '0' });
  const tooltip = make('div', { display: 'none', position: 'absolute', 'max-width': '360px', background: '#1a1a1a', color: '#fff', font: '13px/1.4 system-ui, sans-serif', padding: '6px 8px', 'border-radius': '4px', 'box-shadow': '0 2px 8px rgba(0,0,0,.3)', 'pointer-events': 'none', 'white-space': 'normal' }, { role: 'tooltip' });
  shadow.append(layer, tooltip);
  let frame = 0;
  const redraw = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (marks) draw(marks);
    });
  };
  let relocateTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(relocateTimer);
    relocateTimer = setTimeout(() => {
      if (marks) placeAll(marks, changes);
    }, RELOCATE_DELAY_MS);
  });
  const onMove = (event: MouseEvent) => {
    if (!marks) return;
    const hit = changeAt(marks, event.clientX, event.clientY);
    marks.hovered = hit?.placed ?? null;
    if (hit) showTooltip(marks, hit.placed, hit.rect);
    else if (marks.focused === null) hideTooltip(marks);
  };
  window.addEventListener('scroll', redraw, { capture: true, passive: true });
  window.addEventListener('resize', redraw, { passive: true });
  document.addEventListener('mousemove', onMove, { passive: true });
  const stop = () => {
    observer.disconnect();
    clearTimeout(relocateTimer);
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', redraw, { capture: true });
    window.removeEventListener('resize', redraw);
    document.removeEventListener('mousemove', onMove);
  };
  marks = { host, layer, tooltip, placed: [], hovered: null, focused: null, observer, stop };
  placeAll(marks, changes);
  // The page's re-rendering (its body replaced, its article rebuilt) is followed; the overlay sits outside the body.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const shown = marks.placed.filter((p) => rectsOf(p).length > 0).length;
  return { marked: shown, missing: changes.length - shown };
}

export function clearChanges(): boolean {
  if (!marks) return false;
  marks.stop();
  marks.host.remove();
  marks = null;
  return true;
}
