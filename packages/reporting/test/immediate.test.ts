import { describe, expect, it } from 'vitest';
import { immediateTimeliness } from '../src/index.ts';

describe('第一时间报告: within one hour of being known', () => {
  const known = new Date('2026-10-01T15:30:00Z'); // 23:30 on National Day in Shanghai

  it('60:00 after is in time, 60:01 is late, across midnight and a holiday alike', () => {
    expect(immediateTimeliness(known, new Date('2026-10-01T16:30:00Z'))).toEqual({ minutes: 60, withinLimit: true });
    expect(immediateTimeliness(known, new Date('2026-10-01T16:30:01Z'))).toEqual({ minutes: 60, withinLimit: false });
    expect(immediateTimeliness(known, new Date('2026-10-01T17:45:00Z'))).toEqual({ minutes: 135, withinLimit: false });
    expect(immediateTimeliness(known, known)).toEqual({ minutes: 0, withinLimit: true });
  });

  it('refuses an event known after it was reported', () => {
    expect(() => immediateTimeliness(known, new Date('2026-10-01T15:29:59Z'))).toThrow(RangeError);
  });
});
