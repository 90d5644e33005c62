import { createHash } from 'node:crypto';
import { canonicalRuleSetJson, type RuleSet } from '@tally/scoring';

/**
 * A rule set's identity: sha-256 of the engine's canonical JSON (sorted keys, no whitespace),
 * the same text its compile cache keys on. Two contents never share one.
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  return createHash('sha256').update(canonicalRuleSetJson(ruleSet)).digest('hex');
}
