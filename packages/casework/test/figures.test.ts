import { describe, expect, it } from 'vitest';
import { petitionFigures, rate, type PetitionRecord } from '../src/index.ts';

const HALF_YEAR = { from: '2026-01-01', to: '2026-06-30' };

/**
 * The county half-year report (docs/domain.md §3): 287 items — 90 letters, 197 visits by 753
 * person-times — 162 unique cases, 115 closed, closure rate 71%.
 *
 * Built as: 60 first letters + 30 repeat letters = 90; 102 first visits + 95 repeat visits
 * = 197; 60 + 102 = 162 unique. Person-times: 162 visits by 4 people + 35 by 3 = 753.
 * The first 115 matters are closed inside the half year; a 116th closes on Jul 5, after it.
 */
function countyHalfYear(): PetitionRecord[] {
  const records: PetitionRecord[] = [];
  const day = (i: number) => `2026-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const roots: string[] = [];
  for (let i = 0; i < 162; i++) {
    const id = `m${i}`;
    roots.push(id);
    const closed = i < 115;
    records.push({
      id,
      // The very first letter arrives 00:30 on Jan 1 Shanghai time (still Dec 31 in UTC).
      receivedAt: i === 0 ? '2025-12-31T16:30:00Z' : `${day(i)}T01:00:00Z`,
      channel: i < 60 ? 'letter' : 'visit',
      personTimes: 0, // set below for visits
      closedOn: closed ? '2026-06-30' : i === 115 ? '2026-07-05' : null,
      // 100 of the 115 closed on or before their due date, 15 after.
      dueOn: closed ? (i < 100 ? '2026-06-30' : '2026-06-29') : null,
      // 80 revisited: 60 satisfied, 15 basically, 5 not.
      satisfaction: i < 60 ? 'satisfied' : i < 75 ? 'basically' : i < 80 ? 'not' : null,
    });
  }
  for (let i = 0; i < 30; i++)
    records.push({
      id: `rl${i}`,
      receivedAt: `${day(i + 1)}T03:00:00Z`,
      channel: 'letter',
      personTimes: 0,
      duplicateOf: roots[i % 60]!,
    });
  for (let i = 0; i < 95; i++) {
    // Repeat visits chain: every second one points at the previous repeat, not at the first visit.
    const duplicateOf = i % 2 === 1 ? `rv${i - 1}` : roots[60 + (i % 102)]!;
    records.push({
      id: `rv${i}`,
      receivedAt: `${day(i + 2)}T05:00:00Z`,
      channel: 'visit',
      personTimes: 0,
      duplicateOf,
    });
  }
  let v = 0;
  for (const r of records) if (r.channel === 'visit') r.personTimes = v++ < 162 ? 4 : 3;
  // Outside the half year: 23:00 on Dec 31 and 00:00 on Jul 1, Shanghai time.
  records.push({ id: 'early', receivedAt: '2025-12-31T15:00:00Z', channel: 'visit', personTimes: 9 });
  records.push({ id: 'late', receivedAt: '2026-07-01T00:00:00+08:00', channel: 'letter', personTimes: 1 });
  return records;
}

describe('petitionFigures', () => {
  it('reproduces the county half-year report (golden)', () => {
    const f = petitionFigures(countyHalfYear(), HALF_YEAR);
    expect(f).toMatchObject({
      received: 287,
      letters: 90,
      visits: 197,
      visitPersonTimes: 753,
      uniqueCases: 162,
      closed: 115,
    });
    expect(f.closureRate).toEqual({ numerator: 115, denominator: 162, percent: 71, display: '71%' });
    // 100 / 115 = 86.96% → 87%.
    expect(f.onTimeRate).toEqual({ numerator: 100, denominator: 115, percent: 87, display: '87%' });
    // (60 + 15) / 80 = 93.75% → 94%.
    expect(f.satisfactionRate).toEqual({ numerator: 75, denominator: 80, percent: 94, display: '94%' });
    expect(f.byChannel).toEqual({
      letter: 90,
      visit: 197,
      phone: 0,
      online: 0,
      assigned_from_above: 0,
      reception_day: 0,
    });
  });

  it('counts reception-day intakes as visits and keeps a repeat of an earlier matter as one case', () => {
    const records: PetitionRecord[] = [
      { id: 'old', receivedAt: '2025-11-01T01:00:00Z', channel: 'visit', personTimes: 2 }, // before the period
      { id: 'a', receivedAt: '2026-02-02T01:00:00Z', channel: 'reception_day', personTimes: 6, duplicateOf: 'old' },
      {
        id: 'b',
        receivedAt: '2026-03-02T01:00:00Z',
        channel: 'phone',
        personTimes: 1,
        duplicateOf: 'a',
        closedOn: '2026-03-05',
      },
    ];
    const f = petitionFigures(records, HALF_YEAR);
    expect(f).toMatchObject({ received: 2, letters: 0, visits: 1, visitPersonTimes: 6, uniqueCases: 1, closed: 1 });
    expect(f.onTimeRate.display).toBe('—'); // the closed item had no due date
  });

  it('survives a duplicateOf cycle', () => {
    const records: PetitionRecord[] = [
      { id: 'x', receivedAt: '2026-02-02T01:00:00Z', channel: 'letter', personTimes: 1, duplicateOf: 'y' },
      { id: 'y', receivedAt: '2026-02-03T01:00:00Z', channel: 'letter', personTimes: 1, duplicateOf: 'x' },
    ];
    expect(petitionFigures(records, HALF_YEAR).uniqueCases).toBe(1);
  });
});

describe('rate', () => {
  it('rounds half up on exact integers', () => {
    expect(rate(1, 8).percent).toBe(13); // 12.5 → 13
    expect(rate(1, 3).percent).toBe(33);
    expect(rate(2, 3).percent).toBe(67);
    expect(rate(0, 5)).toEqual({ numerator: 0, denominator: 5, percent: 0, display: '0%' });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null, display: '—' });
  });
  it('refuses non-integers', () => {
    expect(() => rate(1.5, 3)).toThrow(RangeError);
  });
});
