import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from '../src/index.ts';

describe('case numbers', () => {
  it('formats county-year-sequence with a 6-digit zero-padded sequence', () => {
    expect(formatCaseNumber({ countyCode: '130534', year: 2026, sequence: 123 })).toBe('130534-2026-000123');
    expect(formatCaseNumber({ countyCode: '130534', year: 2026, sequence: 999_999 })).toBe('130534-2026-999999');
  });

  it('refuses impossible parts (a bug in the caller)', () => {
    expect(() => formatCaseNumber({ countyCode: '13053', year: 2026, sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ countyCode: '130534', year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ countyCode: '130534', year: 2026, sequence: 1_000_000 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ countyCode: '130534', year: 26, sequence: 1 })).toThrow(RangeError);
  });

  it('parses what a person typed', () => {
    expect(parseCaseNumber(' 130534-2026-000123 ')).toEqual({
      ok: true,
      countyCode: '130534',
      year: 2026,
      sequence: 123,
    });
    for (const bad of [
      '130534-2026-123',
      '1305342026000123',
      '130534-2026-000000',
      '000000-2026-000001',
      '130534-1800-000001',
      '',
    ]) {
      const r = parseCaseNumber(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.zh).toContain('130534-2026-000123');
    }
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{5}$/),
        fc.integer({ min: 1949, max: 2999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (countyCode, year, sequence) => {
          expect(parseCaseNumber(formatCaseNumber({ countyCode, year, sequence }))).toEqual({
            ok: true,
            countyCode,
            year,
            sequence,
          });
        },
      ),
    );
  });
});
