/**
 * Per-fact checks of the scoring loop. The fast predicates are plain comparisons (no zod,
 * no allocation) run on every fact; the refuse* functions run only on a bad fact and build
 * the FactError that names the unit, the fact, the field and the rule.
 */
import { FactError, type FactList, type FactProblem } from './errors.ts';
import { MAX_COUNT, MAX_INSPECTION_SCORE } from './limits.ts';

function digit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** True for an ISO date "YYYY-MM-DD" with month 01–12 and day 01–31 (as UnitFactsSchema). */
export function isIsoDate(d: unknown): boolean {
  if (typeof d !== 'string' || d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return false;
  if (
    !(
      digit(d, 0) &&
      digit(d, 1) &&
      digit(d, 2) &&
      digit(d, 3) &&
      digit(d, 5) &&
      digit(d, 6) &&
      digit(d, 8) &&
      digit(d, 9)
    )
  )
    return false;
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const day = (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** True when a finite number has at most three decimals (is a whole number of milli-units). */
export function isMilli(v: number): boolean {
  const m = v * 1000;
  return Math.abs(m - Math.round(m)) < 1e-6;
}

/** Fast check of an inspection score: finite, 0–100, at most 3 decimals. */
export function isInspectionScore(s: unknown): boolean {
  return typeof s === 'number' && s >= 0 && s <= MAX_INSPECTION_SCORE && isMilli(s);
}

/** Fast check of an event count: absent, or a whole number 1..MAX_COUNT. */
export function isEventCount(n: unknown): boolean {
  return n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_COUNT);
}

/** Fast check of an indicator pair: finite, 0 ≤ numerator ≤ denominator ≤ MAX_COUNT, at most 3 decimals. */
export function isIndicatorPair(numerator: unknown, denominator: unknown): boolean {
  return (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    numerator >= 0 &&
    numerator <= denominator &&
    denominator <= MAX_COUNT &&
    isMilli(numerator) &&
    isMilli(denominator)
  );
}

interface Where {
  unitId: string;
  list: FactList;
  factId: string;
  ruleId: string | undefined;
}

function fail(w: Where, field: string, problem: FactProblem, reason: string): never {
  const d = { unitId: w.unitId, list: w.list, factId: w.factId, field, problem, reason };
  throw new FactError(w.ruleId === undefined ? d : { ...d, ruleId: w.ruleId });
}

const show = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

/** Refuses a number that fails its fast check, with the precise problem. */
function refuseNumber(w: Where, field: string, v: unknown, min: number, max: number, whole: boolean): never {
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(w, field, 'not-finite', `${field} ${show(v)} is not a finite number`);
  if (whole && !Number.isInteger(v)) fail(w, field, 'not-whole', `${field} ${show(v)} is not a whole number`);
  if (v < min) fail(w, field, 'below-minimum', `${field} ${show(v)} is below ${min}`);
  if (v > max) fail(w, field, 'above-maximum', `${field} ${show(v)} is above ${max}`);
  fail(w, field, 'too-many-decimals', `${field} ${show(v)} has more than 3 decimals`);
}

export function refuseInspectionScore(w: Where, s: unknown): never {
  return refuseNumber(w, 'score', s, 0, MAX_INSPECTION_SCORE, false);
}

export function refuseEventCount(w: Where, n: unknown, field: 'count' | 'times' = 'count'): never {
  return refuseNumber(w, field, n, 1, MAX_COUNT, true);
}

export function refuseIndicatorPair(w: Where, numerator: unknown, denominator: unknown): never {
  for (const [field, v] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_COUNT || !isMilli(v))
      refuseNumber(w, field, v, 0, MAX_COUNT, false);
  }
  return fail(
    w,
    'numerator',
    'numerator-above-denominator',
    `numerator ${show(numerator)} is above the denominator ${show(denominator)}`,
  );
}

export function refuseDate(w: Where, d: unknown): never {
  return fail(w, 'date', 'invalid-date', `date ${show(d)} is not an ISO date YYYY-MM-DD`);
}

export function refuseLevel(w: Where, level: unknown, known: ReadonlySet<string>): never {
  const reason = level === undefined ? 'has no level' : `level ${show(level)} is not scored`;
  return fail(w, 'level', 'unknown-level', `${reason}; the rule set scores levels ${[...known].join(', ')}`);
}

export function refuseKind(w: Where, field: string, kind: unknown): never {
  return fail(
    w,
    field,
    'unknown-kind',
    `${field} ${show(kind)} is not read by any rule (the rule set declares strictVocabulary)`,
  );
}

export function refuseTooMany(w: Where, field: string): never {
  return fail(w, field, 'too-many', `${field} brings the occurrences one rule counts in this unit above ${MAX_COUNT}`);
}

/** Refuses a unit whose id is not a non-empty string, or whose fact lists are not lists. */
export function checkUnitShape(unit: { unitId: unknown } & Partial<Record<FactList, unknown>>): void {
  const unitId = unit.unitId;
  if (typeof unitId !== 'string' || unitId === '') {
    throw new FactError({
      unitId: show(unitId),
      field: 'unitId',
      problem: 'invalid-unit-id',
      reason: `unit id ${show(unitId)} is not a non-empty string`,
    });
  }
  checkList(unitId, 'inspections', unit.inspections);
  checkList(unitId, 'events', unit.events);
  checkList(unitId, 'records', unit.records);
  checkList(unitId, 'indicators', unit.indicators);
  checkList(unitId, 'vetoes', unit.vetoes);
}

function checkList(unitId: string, list: FactList, v: unknown): void {
  if (v !== undefined && !Array.isArray(v))
    throw new FactError({ unitId, field: list, problem: 'not-a-list', reason: `${list} is not a list` });
}
