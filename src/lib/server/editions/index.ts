// Editions (issue 18): immutable, citable snapshots of the validated data; see editions.ts.
export * from './editions';
export * from './types';
export { canonicalJson, sha256Hex } from './canonical';
export * from './diff';
export * from './views';
