import { describe, expect, it } from 'vitest';
import { matrixParams } from '../../app/.server/reports/search-params.ts';

// 2026-12-31 16:30 UTC is already 2027 in Shanghai: the default year follows the county's clock.
const NOW = new Date('2026-12-31T16:30:00Z');
const read = (query: string) => matrixParams(new URL(`http://tally.test/reports/matrix?${query}`), NOW);

describe('the submission matrix filters', () => {
  it('uses the defaults quietly when nothing is typed, in Shanghai time', () => {
    expect(read('')).toEqual({ params: { kind: 'monthly', year: 2027 }, refused: [] });
  });

  it('takes typed values as they are', () => {
    expect(read('kind=quarterly&year=2025&level=village')).toEqual({
      params: { kind: 'quarterly', year: 2025, level: 'village' },
      refused: [],
    });
  });

  it('names every typed value it could not use, so the page never falls back silently', () => {
    expect(read('kind=weekly&year=20x5&level=county')).toEqual({
      params: { kind: 'monthly', year: 2027 },
      refused: ['kind', 'year', 'level'],
    });
    expect(read('year=1999').refused).toEqual(['year']);
    expect(read('year=2025.5').refused).toEqual(['year']);
  });
});
