export * from './client.ts';
export * from './with-actor.ts';
export * from './migrate.ts';
export * as schema from './schema/index.ts';
export * from './schema/roles.ts';
export * from './cases/projection.ts';
export * from './assessment/vocabulary.ts';
export * from './assessment/rule-set-hash.ts';
export { legacyRowFingerprint, recomputeFingerprints, type FingerprintStepCounts } from './data-steps/fingerprints.ts';
