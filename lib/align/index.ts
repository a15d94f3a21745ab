export { alignPassages, type AlignOptions, type AlignResult, type ScoredPassage } from './passages';
export { alignSentences, alignSentencesDetailed, type SentenceAlignOptions, type SentenceAlignment } from './sentences';
export { diffOps, renderOps, wordDiff, type DiffPiece, type WordDiff } from '../text/word-ops';
export { languageOf } from '../text/language-guess';
export { isCrossLanguage } from './crosslang';
