/**
 * Units are identified by the 12-digit statistical division code (统计用区划代码):
 * 6 digits county, 3 township, 3 village. The level and the ancestry of a unit can be read
 * from the code itself, which lets the workflow check jurisdiction without a database.
 */

export type UnitLevel = 'village' | 'township' | 'county';

/** Higher number = higher level; used to decide whether a move is upward. */
export const LEVEL_RANK: Readonly<Record<UnitLevel, number>> = { village: 1, township: 2, county: 3 };

/**
 * The shape of a unit code: twelve digits. The one copy of this pattern in the repository
 * (test/unit/unit-scope-guard.test.ts fails on another); inputs use unitCodeInput
 * (apps/web/app/.server/services/unit-codes.ts) or isUnitCodeShape below.
 */
export const UNIT_CODE_PATTERN = /^\d{12}$/;

/** Twelve digits: the format check for input, before any lookup. */
export function isUnitCodeShape(value: string | null | undefined): value is string {
  return typeof value === 'string' && UNIT_CODE_PATTERN.test(value);
}

export function isUnitCode(code: string): boolean {
  return UNIT_CODE_PATTERN.test(code) && !code.startsWith('000000');
}

/** county: ……000000, township: ………000, village: anything else. null when not a unit code. */
export function unitLevelOf(code: string): UnitLevel | null {
  if (!isUnitCode(code)) return null;
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/** The 6-digit county part (also the tenant and the case-number prefix). */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6);
}

/** The code of the unit at `level` that contains `code` (itself when already at that level). */
export function ancestorAt(code: string, level: UnitLevel): string {
  if (level === 'county') return `${code.slice(0, 6)}000000`;
  if (level === 'township') return `${code.slice(0, 9)}000`;
  return code;
}

/** True when `unit` is `ancestor` itself or lies below it in the county → township → village tree. */
export function isWithin(unit: string, ancestor: string): boolean {
  const level = unitLevelOf(ancestor);
  if (level === null || unitLevelOf(unit) === null) return false;
  if (LEVEL_RANK[unitLevelOf(unit)!] > LEVEL_RANK[level]) return false;
  return ancestorAt(unit, level) === ancestor;
}
