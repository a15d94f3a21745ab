import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';

/** A linkedom document for a snippet of HTML (head and body parts). */
export function docFrom(html: string): Document {
  return parseHTML(html.includes('<html') ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
}

export function page({ head = '', body = '', lang }: { head?: string; body?: string; lang?: string }): Document {
  const langAttr = lang ? ` lang="${lang}"` : '';
  return docFrom(`<!DOCTYPE html><html${langAttr}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

// jsdom ships no type declarations and @types/jsdom is not installed; this is the one constructor the tests use.
type JsdomConstructor = new (html: string, options?: { url?: string }) => { window: { document: Document } };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor };

/** A jsdom document, optionally with its own URL (as a browser page has). */
export function jsdomDocument(html: string, url?: string): Document {
  return new JSDOM(html, url ? { url } : {}).window.document;
}
