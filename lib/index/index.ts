export { featuresOf, queryFeaturesOf, queryKeyOffsets, FEATURE_VERSION, DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './features';
export { retrieve, retrieveCandidates, DEFAULT_CANDIDATE_LIMIT, type Candidate, type KeySpread, type Retrieval, type RetrieveOptions } from './retrieve';
export { fnv1a32, mix32, hash64Hex } from './hash';
