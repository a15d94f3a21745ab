/**
 * Small closed word classes that decide what a change means: negation, reporting
 * verbs (who said it), and the auxiliaries that carry tense and modality.
 * English first; German and French forms are listed where translation chains
 * commonly leave them.
 */

const NEGATIONS = new Set([
  'not', 'no', 'never', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'nein', 'nicht',
  'kein', 'keine', 'keinen', 'nie', 'niemals', 'ne', 'pas', 'jamais', 'aucun', 'aucune',
]);

export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || /n't$/.test(norm);
}

const REPORTING = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'report', 'reports', 'reported', 'reporting', 'according',
  'quoted', 'quotes', 'quoting', 'wrote', 'writes', 'write', 'added', 'adds', 'stated', 'states', 'claimed', 'claims',
  'announced', 'announces', 'cited', 'citing', 'cites', 'noted', 'notes', 'insisted', 'warned', 'explained',
  'confirmed', 'denied', 'asserted', 'declared', 'argued', 'assured', 'decrypts',
]);

export function isReportingVerb(norm: string): boolean {
  return REPORTING.has(norm);
}

export type TenseClass = 'future' | 'modal' | 'past' | 'present';

const AUXILIARY_CLASS: Record<string, TenseClass> = {
  will: 'future', shall: 'future', "'ll": 'future', wo: 'future', "won't": 'future', "shan't": 'future',
  would: 'modal', could: 'modal', can: 'modal', may: 'modal', might: 'modal', must: 'modal', should: 'modal',
  "can't": 'modal', cannot: 'modal', "couldn't": 'modal', "wouldn't": 'modal', "shouldn't": 'modal', "mustn't": 'modal',
  had: 'past', was: 'past', were: 'past', did: 'past', "hadn't": 'past', "wasn't": 'past', "weren't": 'past', "didn't": 'past',
  has: 'present', have: 'present', is: 'present', are: 'present', am: 'present', does: 'present', do: 'present',
  "hasn't": 'present', "haven't": 'present', "isn't": 'present', "aren't": 'present', "doesn't": 'present', "don't": 'present',
};

export function auxiliaryClass(norm: string): TenseClass | undefined {
  return AUXILIARY_CLASS[norm];
}

export function isAuxiliary(norm: string): boolean {
  return norm in AUXILIARY_CLASS;
}

/**
 * "with" right before a bare verb is a common slip for "will" ("Moscow with decide"):
 * read it as "will" when the next word is a verb form found on the other side.
 */
export const WILL_TYPOS = new Set(['with', 'wil', 'wll', 'whill']);

/** Form of a verb token without auxiliary: "-ed" past, "-ing", "-s", or base. */
export function verbForm(norm: string): 'ed' | 'ing' | 's' | 'base' {
  if (/ed$/.test(norm)) return 'ed';
  if (/ing$/.test(norm)) return 'ing';
  if (/[^s]s$/.test(norm)) return 's';
  return 'base';
}
