import type { QuoteTrail } from '../lib/quotes/across.ts';
import type { WordOp } from '../lib/types.ts';

/** The quotes in --json: each page quotation and every version holding it, earliest first, with the word diff. */
export interface JsonQuoteTrail {
  page: { text: string; start: number; end: number; speaker: string | null };
  occurrences: {
    id: string;
    isPage: boolean;
    site: string | null;
    date: string | null;
    text: string;
    start: number;
    end: number;
    speaker: string | null;
    changed: boolean;
    ops: WordOp[];
  }[];
}

export function jsonQuotes(quotes: QuoteTrail[] | undefined): JsonQuoteTrail[] {
  return (quotes ?? []).map((trail) => ({
    page: { ...trail.page },
    occurrences: trail.occurrences.map((o) => ({ id: o.id, isPage: o.isPage, site: o.site ?? null, date: o.date ?? null, text: o.text, start: o.start, end: o.end, speaker: o.speaker, changed: o.changed, ops: o.ops })),
  }));
}

/** Changed words in a terminal: [-the earliest's words-]{+this version's+}. */
function marked(ops: WordOp[]): string {
  return ops.map((op) => (op.op === 'equal' ? op.text : op.op === 'del' ? `[-${op.text.trim()}-]` : `{+${op.text.trim()}+}`)).join('');
}

/** Quotations found in at least one version besides the page, each followed through its versions earliest first. */
export function quoteLines(quotes: QuoteTrail[] | undefined, oneLine: (s: string) => string): string[] {
  const followed = (quotes ?? []).filter((trail) => trail.occurrences.length > 1);
  if (followed.length === 0) return [];
  const lines = ['Quotes across versions (earliest first; [-removed-] {+added+} against the earliest wording):'];
  for (const trail of followed) {
    lines.push(`  “${oneLine(trail.page.text)}”${trail.page.speaker ? ` — ${oneLine(trail.page.speaker)}` : ''}`);
    trail.occurrences.forEach((o, k) => {
      const who = o.isPage ? 'this page' : `${oneLine(o.site ?? o.id)} [${o.id}]`;
      const when = o.date ? o.date.slice(0, 10) : 'undated';
      const wording = k === 0 ? `“${oneLine(o.text)}”` : o.changed ? oneLine(marked(o.ops)) : 'the same words';
      lines.push(`    ${when}  ${who}${o.speaker ? `, said by ${oneLine(o.speaker)}` : ''}: ${wording}`);
    });
  }
  return lines;
}
