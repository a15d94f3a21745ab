import { alignSentences } from '../../../lib/align/sentences';
import { detectDrift } from '../../../lib/drift/detect';
import type { DriftItem } from '../../../lib/types';

/** Drift of `page` against `source`, aligned as the engine aligns them. */
export function drift(source: string, page: string): DriftItem[] {
  return detectDrift(page, { id: 'src', text: source }, alignSentences(page, source));
}

export function show(items: DriftItem[]): string {
  return items.map((d) => `[${d.kind} ${d.severity}] ${d.summary}`).join('\n') || '(no drift)';
}

/** The one item of a kind, or an error listing what was found. */
export function only(items: DriftItem[], kind: DriftItem['kind']): DriftItem {
  const found = items.filter((d) => d.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} item, got:\n${show(items)}`);
  return found[0];
}
