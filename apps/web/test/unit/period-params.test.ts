import { describe, expect, it } from 'vitest';
import { periodFromSearch } from '../../app/lib/period-params.ts';

const DEFAULT = { from: '2026-01-01', to: '2026-06-30' };
const read = (query: string) => periodFromSearch(new URLSearchParams(query), DEFAULT);

describe("the pages' one period reader", () => {
  it('uses the default quietly when nothing is typed, and a typed period as it is', () => {
    expect(read('')).toEqual({ ...DEFAULT, refusal: null });
    expect(read('from=2026-03-01&to=2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31', refusal: null });
    expect(read('from=2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-06-30', refusal: null });
  });

  it('refuses a reversed period instead of turning it round, and shows the default with the reason', () => {
    expect(read('from=2026-06-30&to=2026-01-01')).toEqual({ ...DEFAULT, refusal: { field: 'to', rule: 'reversed' } });
    // Reversed against the default's other end counts too.
    expect(read('from=2026-12-01')).toEqual({ ...DEFAULT, refusal: { field: 'to', rule: 'reversed' } });
  });

  it('refuses a date that does not exist, naming which one', () => {
    expect(read('from=2026-02-30&to=2026-03-01')).toEqual({ ...DEFAULT, refusal: { field: 'from', rule: 'date' } });
    expect(read('to=abc')).toEqual({ ...DEFAULT, refusal: { field: 'to', rule: 'date' } });
  });

  it('with no default, an open end is no period to reverse', () => {
    expect(periodFromSearch(new URLSearchParams('from=2026-03-01'), { from: '', to: '' })).toEqual({
      from: '2026-03-01',
      to: '',
      refusal: null,
    });
  });
});
