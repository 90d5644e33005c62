import { describe, expect, it } from 'vitest';
import { checkChildCode } from '../../app/.server/services/unit-codes.ts';
import { levelOf } from '../../app/.server/auth/sessions.ts';

const county = { code: '130534000000', level: 'county' as const };
const township = { code: '130534100000', level: 'township' as const };

describe('statistical code checks', () => {
  it('accepts a township under its county and a village under its township', () => {
    expect(checkChildCode('130534105000', county)).toEqual({ level: 'township' });
    expect(checkChildCode('130534100233', township)).toEqual({ level: 'village' });
  });
  it.each([
    ['13053410500', county, 'error.unit.codeFormat'],
    ['13053410500a', county, 'error.unit.codeFormat'],
    ['130599105000', county, 'error.unit.codeNotUnderParent'],
    ['130534000000', county, 'error.unit.codeLevel'],
    ['130534105001', county, 'error.unit.codeLevel'],
    ['130534101233', township, 'error.unit.codeNotUnderParent'],
    ['130534100000', township, 'error.unit.codeLevel'],
    ['130534100201', { code: '130534100201', level: 'village' as const }, 'error.unit.parentInvalid'],
  ])('%s under %o → %s', (code, parent, key) => {
    expect(checkChildCode(code, parent)).toMatchObject({ key });
  });
  it('reads the level from the code', () => {
    expect(levelOf('130534000000')).toBe('county');
    expect(levelOf('130534100000')).toBe('township');
    expect(levelOf('130534100201')).toBe('village');
  });
});
