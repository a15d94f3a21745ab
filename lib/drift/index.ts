export { detectDrift, sameName, type DriftOptions } from './detect';
