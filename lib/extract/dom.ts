/**
 * DOM helpers that work the same on browser, linkedom and jsdom documents.
 * They never touch globals such as `Node` or `HTMLElement`: node kinds are compared by number.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null | undefined): node is Text {
  return !!node && node.nodeType === TEXT_NODE;
}

export function tagOf(element: Element): string {
  return (element.localName || element.tagName || '').toLowerCase();
}

export function attr(element: Element, name: string): string | undefined {
  const value = element.getAttribute(name);
  return value == null ? undefined : value;
}

/** Collapses whitespace runs (including no-break spaces) and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function textOf(node: Node | null | undefined): string {
  return node ? collapseWhitespace(node.textContent ?? '') : '';
}

export function elementsByTag(root: Document | Element, tag: string): Element[] {
  return Array.from(root.getElementsByTagName(tag));
}

/** Every element below `root` in document order. (linkedom's getElementsByTagName('*') finds nothing.) */
export function allElements(root: Document | Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  const start = isElement(root as Node) ? (root as Element) : (root as Document).documentElement;
  if (!start) return out;
  if (start !== root) out.push(start);
  for (let i = start.children.length - 1; i >= 0; i--) stack.push(start.children[i]);
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    out.push(element);
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
  return out;
}

/** The element itself or its nearest ancestor for which `test` holds. */
export function closest(element: Element | null, test: (e: Element) => boolean): Element | null {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (test(e)) return e;
  }
  return null;
}

export function contains(ancestor: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n === ancestor) return true;
  }
  return false;
}

/** Ancestors from the element itself up to the root. */
function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode) chain.push(n);
  return chain;
}

export function lowestCommonAncestor(nodes: Node[]): Node | null {
  if (nodes.length === 0) return null;
  let common = ancestry(nodes[0]);
  for (const node of nodes.slice(1)) {
    const chain = new Set(ancestry(node));
    common = common.filter((n) => chain.has(n));
  }
  return common[0] ?? null;
}

/** The page's own address when the DOM knows one (browser, jsdom with a url); linkedom documents have none. */
export function documentUrl(doc: Document): string | undefined {
  const candidates = [safeRead(() => doc.URL), safeRead(() => doc.documentURI)];
  return candidates.find((u) => typeof u === 'string' && /^(https?|file):/i.test(u));
}

function safeRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Decodes entities left in attribute values that were escaped twice by the publisher ("&amp;quot;"). */
export function unescapeEntities(s: string): string {
  return s
    .replace(/&(quot|amp|apos|lt|gt|nbsp);/g, (_, name: string) => NAMED_ENTITIES[name])
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      const code = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return String.fromCodePoint(valid ? code : 0xfffd);
    });
}
