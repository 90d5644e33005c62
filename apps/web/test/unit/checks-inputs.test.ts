import { describe, expect, it } from 'vitest';
import { checkingEventKinds, checkingEventLevels, inspectionComponents } from '@tally/db/assessment';
import { isMessageKey } from '../../app/i18n/index.ts';
import { componentLabelKey, kindLabelKey, levelLabelKey } from '../../app/lib/checking-labels.ts';
import { parseInspectionScore } from '../../app/.server/assessment-inputs/inspection-score.ts';
import { periodProblem, periodsOf } from '../../app/.server/assessment-inputs/inspection-periods.ts';

describe('parseInspectionScore', () => {
  it('keeps the exact decimal text of a score from 0 to 100 with at most two decimals', () => {
    expect(parseInspectionScore('0')).toBe('0.00');
    expect(parseInspectionScore('87.5')).toBe('87.50');
    expect(parseInspectionScore(87.35)).toBe('87.35');
    expect(parseInspectionScore(' 100.00 ')).toBe('100.00');
    expect(parseInspectionScore('０９５．５')).toBe('95.50');
  });
  it('refuses anything else', () => {
    for (const raw of [
      -1,
      '-0.5',
      100.5,
      '100.01',
      '101',
      '87.123',
      '87.',
      '.5',
      'NaN',
      Number.POSITIVE_INFINITY,
      '1e2',
      '8 7',
      '',
    ]) {
      expect(parseInspectionScore(raw), String(raw)).toBeNull();
    }
  });
});

describe('inspection periods', () => {
  it('are months for routine checks and one period otherwise', () => {
    expect(periodsOf('routine')).toHaveLength(12);
    expect(periodsOf('half-year')).toEqual([1]);
    expect(periodsOf('year-end')).toEqual([1]);
  });
  it('must have begun on the Shanghai date', () => {
    expect(periodProblem(2026, 'routine', 6, '2026-06-01')).toBeNull();
    expect(periodProblem(2026, 'routine', 7, '2026-06-30')).toBe('month');
    expect(periodProblem(2025, 'routine', 12, '2026-01-01')).toBeNull();
    expect(periodProblem(2027, 'year-end', 1, '2026-12-31')).toBe('year');
    expect(periodProblem(2026, 'year-end', 1, '2026-01-02')).toBeNull();
  });
});

describe('assessment vocabulary labels', () => {
  it('names every component, kind and level in the catalog', () => {
    for (const component of inspectionComponents)
      expect(isMessageKey(componentLabelKey(component)), component).toBe(true);
    for (const kind of checkingEventKinds) {
      expect(isMessageKey(kindLabelKey(kind)), kind).toBe(true);
      for (const level of checkingEventLevels[kind] ?? [])
        expect(levelLabelKey(kind, level), `${kind}.${level}`).not.toBeNull();
    }
  });
});
