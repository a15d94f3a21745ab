/**
 * How a match is said to a reader: one vocabulary for the command line and the popup, so the relation, the shared
 * wording and the reasons read the same wherever they are shown.
 */
import type { Match, Relation } from '../types';

/** Each relation as a reader would say it. */
export const RELATION_WORDS: Record<Relation, string> = {
  'verbatim-copy': 'verbatim copy',
  'edited-copy': 'edited copy',
  rewrite: 'rewrite',
  translation: 'translation',
  'shared-passage': 'shares passages',
  'same-story': 'same story',
  unrelated: 'unrelated',
};

/** The relation in words; a rewrite is "machine-translated" only with the traces to show for it (see Match). */
export function relationInWords(match: Pick<Match, 'relation' | 'machineTranslated'>): string {
  return match.relation === 'rewrite' && match.machineTranslated ? 'machine-translated rewrite' : RELATION_WORDS[match.relation];
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The one measure of shared wording shown for every match, the same the first answer shows: the share of the smaller
 * text's word pairs that the other holds. Null for a match that does not carry it.
 */
export function sharedWordingInWords(match: Pick<Match, 'measures'>): string | null {
  const shared = match.measures?.sharedWording;
  return shared === undefined ? null : `${percent(shared)} of its wording shared`;
}

function certaintyInWords(certainty: number): string {
  return certainty >= 0.75 ? 'sure' : certainty >= 0.4 ? 'fairly sure' : 'unsure';
}

function confidenceInWords(confidence: number): string {
  const level = confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'moderate' : 'low';
  return `${level} confidence (${percent(confidence)})`;
}

/** Why Palimpsest says what it says about one match, in plain sentences: the evidence, then how sure it is. */
export function whyLines(match: Pick<Match, 'relation' | 'measures' | 'evidence' | 'certainty' | 'direction' | 'confidence'>): string[] {
  const lines: string[] = [];
  const shared = match.measures?.sharedWording;
  if (shared !== undefined) lines.push(`Shares ${percent(shared)} of its wording with this page`);
  lines.push(...match.evidence);
  const sure = `Palimpsest is ${certaintyInWords(match.certainty)} of this relation`;
  const copy = match.relation === 'verbatim-copy' || match.relation === 'edited-copy' || match.relation === 'rewrite' || match.relation === 'translation';
  const order = !copy ? '' : match.direction === 'unknown' ? '; which came first is unknown' : `; of which came first, ${confidenceInWords(match.confidence)}`;
  lines.push(`${sure}${order}.`);
  return lines;
}
