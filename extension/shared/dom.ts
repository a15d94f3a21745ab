/**
 * Building DOM without markup strings: every piece of page or corpus text enters the document as a text node.
 */

type Child = Node | string | number | null | undefined | false;

interface Props {
  class?: string;
  /** Attributes set with setAttribute (never event handlers or markup). */
  attrs?: Record<string, string | undefined>;
  /** Click handler. */
  onClick?: (event: MouseEvent) => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  if (props.onClick) element.addEventListener('click', props.onClick as EventListener);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** An element the page's HTML declares; its absence is a packaging error, named with its id. */
export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`${doc.location?.pathname ?? 'page'}: #${id} is missing`);
  return element as T;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatCount(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
