import type { Relation } from '../types';

/** Each relation as a reader would say it; the command line and the popup both use these words. */
export const RELATION_WORDS: Record<Relation, string> = {
  'verbatim-copy': 'verbatim copy',
  'edited-copy': 'edited copy',
  rewrite: 'rewrite',
  translation: 'translation',
  'shared-passage': 'shares passages',
  'same-story': 'same story',
  unrelated: 'unrelated',
};
