export { buildLineage, childrenOf, edgeRelation, pathTo, type LineageCosts, type LineageInput, type PairRelation, type Relate } from './build';
