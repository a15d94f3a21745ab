export { buildLineage, childrenOf, edgeRelation, pathTo, type LineageCosts, type LineageInput, type PairRelation, type Relate } from './build';
export { originalThroughCopy, relationThroughCopy, type ThroughCopy, type ThroughCopyInputs } from './through-copy';
