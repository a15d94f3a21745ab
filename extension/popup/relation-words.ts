/**
 * How the popup names what the engine found, in the reader's language: relations, shared wording, how sure the
 * relation and its order are, and the kinds of change. The engine gives codes and figures (lib/types.ts); the words
 * are the popup's own, in its messages file. (The command line says the same in English, lib/relation/words.ts.)
 */
import type { DriftKind, Match, Relation } from '../../lib/types.ts';
import type { DriftGroupId } from '../shared/report-view.ts';
import { percentInWords, t, type MessageKey } from './messages.ts';
import { inReadersWords } from './descriptions.ts';

const RELATION_KEYS: Record<Relation, MessageKey> = {
  'verbatim-copy': 'relation_verbatimCopy',
  'edited-copy': 'relation_editedCopy',
  rewrite: 'relation_rewrite',
  translation: 'relation_translation',
  'shared-passage': 'relation_sharedPassage',
  'same-story': 'relation_sameStory',
  unrelated: 'relation_unrelated',
};

const DRIFT_GROUP_KEYS: Record<DriftGroupId, MessageKey> = {
  quotes: 'driftGroup_quotes',
  names: 'driftGroup_names',
  figures: 'driftGroup_figures',
  flips: 'driftGroup_flips',
  attribution: 'driftGroup_attribution',
  sentences: 'driftGroup_sentences',
  reworded: 'driftGroup_reworded',
};

/** The relation's name; a rewrite is "machine-translated" only with the traces to show for it (see Match). */
export function relationName(match: Pick<Match, 'relation' | 'machineTranslated'>): string {
  return match.relation === 'rewrite' && match.machineTranslated ? t('relation_machineTranslatedRewrite') : t(RELATION_KEYS[match.relation]);
}

/** "86% of its wording shared", the measure every match shows; null for a match without it. */
export function sharedWordingName(match: Pick<Match, 'measures'>): string | null {
  const shared = match.measures?.sharedWording;
  return shared === undefined ? null : t('sharedWording', { share: percentInWords(shared) });
}

/** "high confidence (86%)": how sure the order of two texts is. */
export function confidenceName(confidence: number): string {
  const level = confidence >= 0.8 ? 'confidence_high' : confidence >= 0.5 ? 'confidence_moderate' : 'confidence_low';
  return t(level, { percent: percentInWords(confidence) });
}

function certaintyName(certainty: number): string {
  return t(certainty >= 0.75 ? 'certainty_sure' : certainty >= 0.4 ? 'certainty_fairlySure' : 'certainty_unsure');
}

const COPIES: ReadonlySet<Relation> = new Set(['verbatim-copy', 'edited-copy', 'rewrite', 'translation']);

/** Why Palimpsest says what it says about one match: shared wording, the engine's reasons, then how sure it is. */
export function whyLines(match: Pick<Match, 'relation' | 'measures' | 'reasons' | 'certainty' | 'direction' | 'confidence'>): string[] {
  const lines: string[] = [];
  const shared = match.measures?.sharedWording;
  if (shared !== undefined) lines.push(t('whyShared', { share: percentInWords(shared) }));
  lines.push(...(match.reasons ?? []).map(inReadersWords).filter((line) => line !== ''));
  const certainty = certaintyName(match.certainty);
  if (!COPIES.has(match.relation)) lines.push(t('whyCertainty', { certainty }));
  else if (match.direction === 'unknown') lines.push(t('whyCertaintyOrderUnknown', { certainty }));
  else lines.push(t('whyCertaintyOrder', { certainty, confidence: confidenceName(match.confidence) }));
  return lines;
}

export function driftKindName(kind: DriftKind): string {
  return t(`driftKind_${kind}`);
}

export function driftGroupTitle(group: DriftGroupId): string {
  return t(DRIFT_GROUP_KEYS[group]);
}
