import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/index.ts';

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['  2024/03/05 ', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-03-05 08:30', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024/0/5', '5/3/2024', '昨天', '', '2024-3'])(
    'refuses %s',
    (input) => {
      expect(parseDate(input).ok).toBe(false);
    },
  );

  it('accepts Excel serials and Date values', () => {
    expect(parseDate(45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate(new Date(Date.UTC(2024, 2, 5)))).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate(-1).ok).toBe(false);
    expect(parseDate(null).ok).toBe(false);
  });
});
