import { isPeriodicKind, type PeriodicKind } from '@tally/reporting';
import { shanghaiDate } from '@tally/casework';

/** The matrix filters a URL names, each falling back to a sensible default: monthly, this year, every level. */
export function matrixParams(
  url: URL,
  now: Date,
): { kind: PeriodicKind; year: number; level?: 'township' | 'village' } {
  const kind = url.searchParams.get('kind') ?? '';
  const year = Number(url.searchParams.get('year'));
  const level = url.searchParams.get('level');
  return {
    kind: isPeriodicKind(kind) ? kind : 'monthly',
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(shanghaiDate(now).slice(0, 4)),
    ...(level === 'township' || level === 'village' ? { level } : {}),
  };
}
