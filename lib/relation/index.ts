export { addReason, classifyRelation, MIN_COPY_CHARS, type RelationInput, type RelationResult, type RelationSide } from './classify';
export { artefacts, coverage, sharedFacts, wordingKept } from './features';
export { RELATION_WORDS } from './words';
