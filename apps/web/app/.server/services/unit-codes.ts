import { z } from 'zod';
import { UNIT_CODE_PATTERN, type UnitLevel } from '@tally/casework';
import type { MessageKey } from '../../i18n/index.ts';

export type { UnitLevel };

export interface CodeProblem {
  key: MessageKey;
  params: Record<string, string>;
}

/**
 * Checks a new unit's 12-digit statistical code against its parent:
 * county xxxxxx000000 → township xxxxxxTTT000 → village xxxxxxTTTVVV.
 * Returns the child's level, or the problem.
 */
export function checkChildCode(
  code: string,
  parent: { code: string; level: UnitLevel },
): { level: UnitLevel } | CodeProblem {
  if (!UNIT_CODE_PATTERN.test(code)) return { key: 'error.unit.codeFormat', params: { code } };
  if (parent.level === 'village') return { key: 'error.unit.parentInvalid', params: {} };
  const prefixLength = parent.level === 'county' ? 6 : 9;
  if (code.slice(0, prefixLength) !== parent.code.slice(0, prefixLength)) {
    return { key: 'error.unit.codeNotUnderParent', params: { code, parent: parent.code } };
  }
  if (parent.level === 'county') {
    const fits = code.slice(6, 9) !== '000' && code.slice(9) === '000';
    return fits ? { level: 'township' } : { key: 'error.unit.codeLevel', params: { code } };
  }
  return code.slice(9) !== '000' ? { level: 'village' } : { key: 'error.unit.codeLevel', params: { code } };
}

/** A 12-digit unit code as a procedure input. */
export const unitCodeInput = z.string().regex(UNIT_CODE_PATTERN);
