export { buildLineage, childrenOf, edgeRelation, pathTo, type LineageInput, type PairRelation, type Relate } from './build';
