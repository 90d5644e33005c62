/**
 * Canonical JSON of a rule set: the identity of its content. Object keys sorted (code-unit
 * order), no whitespace, arrays in order (rule order and component order are meaningful).
 * Two rule sets with the same canonical JSON score identically, so the app can hash it
 * (sha-256) into the version key of a published rule set, and the compile cache keys on it.
 */
import { parseRuleSet, type RuleSet } from './rule-set.ts';

/** Canonical JSON of any JSON value; undefined object members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`not a JSON value: ${typeof value}`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Validates the rule set (RuleSetError when invalid: nothing to version) and returns its canonical JSON. */
export function canonicalRuleSetJson(ruleSet: RuleSet): string {
  return canonicalJson(parseRuleSet(ruleSet));
}
