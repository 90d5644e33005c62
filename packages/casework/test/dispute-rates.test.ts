import { describe, expect, it } from 'vitest';
import { disputeFigures, maskPartiesText, revisitStatus, type DisputeGroup } from '../src/index.ts';

const group = (over: Partial<DisputeGroup>): DisputeGroup => ({
  severity: 'minor',
  mediated: true,
  outcome: 'settled',
  satisfaction: null,
  count: 1,
  ...over,
});

describe('disputeFigures', () => {
  it('computes the three rates with the stated denominators', () => {
    const figures = disputeFigures([
      group({ count: 45, satisfaction: 'satisfied' }),
      group({ count: 2, satisfaction: 'basically', severity: 'ordinary' }),
      group({ count: 1, satisfaction: 'not', severity: 'major' }),
      group({ count: 1, outcome: 'failed', severity: 'ordinary' }),
      group({ count: 1, outcome: 'pending', mediated: false }),
    ]);
    expect(figures.total).toBe(50);
    // 49 of 50 have a method: 98%, meets 98.
    expect(figures.participation).toMatchObject({
      rate: { numerator: 49, denominator: 50, display: '98%' },
      meets: true,
      targetPercent: 98,
    });
    // 48 settled of 49 concluded (the pending one counts for neither): 97.96% shows 98% but misses.
    expect(figures.success).toMatchObject({ rate: { numerator: 48, denominator: 49, display: '98%' }, meets: false });
    // 47 satisfied or basically of 48 revisited: 97.9% ≥ 96.
    expect(figures.satisfaction).toMatchObject({
      rate: { numerator: 47, denominator: 48 },
      meets: true,
      targetPercent: 96,
    });
    expect(figures.bySeverity).toEqual({ minor: 46, ordinary: 3, major: 1 });
    expect(figures.byHandlingLevel).toEqual({ village: 46, township: 3, county: 1 });
    expect(figures.byOutcome).toEqual({ pending: 1, settled: 48, failed: 1 });
  });
  it('neither meets nor misses with nothing to measure', () => {
    const figures = disputeFigures([]);
    expect([figures.participation.meets, figures.success.meets, figures.satisfaction.meets]).toEqual([
      null,
      null,
      null,
    ]);
    expect(figures.success.rate.display).toBe('—');
  });
  it('refuses a negative count', () => {
    expect(() => disputeFigures([group({ count: -1 })])).toThrow(RangeError);
  });
});

describe('revisitStatus', () => {
  it.each([
    ['2026-10-01', 1, '2026-11-01', 'overdue', '2026-11-02', -1],
    ['2026-10-01', 1, '2026-11-01', 'due_soon', '2026-11-01', 0],
    ['2026-10-01', 1, '2026-11-01', 'due_soon', '2026-10-18', 14],
    ['2026-10-01', 1, '2026-11-01', 'upcoming', '2026-10-17', 15],
    ['2026-08-31', 3, '2027-02-28', 'upcoming', '2026-09-01', 180],
  ] as const)('settled %s class %i → due %s, %s on %s', (settledOn, cls, dueOn, status, today, daysLeft) => {
    expect(revisitStatus(settledOn, cls, today)).toEqual({ dueOn, status, daysLeft });
  });
});

describe('maskPartiesText', () => {
  it('keeps role labels and surnames, hides names, ID numbers and phones', () => {
    const masked = maskPartiesText('申请人：张三丰，身份证号110101199003071234，电话13812345678；被申请人：李四');
    expect(masked).toBe(
      `申请人：张${'*'.repeat(Array.from('三丰，身份证号110101199003071234，电话13812345678').length)}；被申请人：李*`,
    );
    expect(masked).not.toMatch(/\d/);
  });
  it('masks each name in a list joined by 、 and each line', () => {
    expect(maskPartiesText('王五、赵六\n甲方: 欧阳娜娜')).toBe('王*、赵*\n甲方: 欧***');
  });
});
